/**
 * The server's RSA key for the auth-key exchange: its PEM and fingerprint as clients see them,
 * and the decryption of req_DH_params' `encrypted_data` in both forms clients send: RSA_PAD
 * (mtcute, TDLib, GramJS) and the older SHA-1-padded form (Pyrogram family, Telethon).
 *
 * @module
 */
import type { KeyObject } from "node:crypto";
import type * as Crypto from "node:crypto";
import { nodeModule } from "../../runtime/runtime.ts";
import {
  bigintToBytes,
  bytesToBigint,
  ige256Decrypt,
  modPow,
  sha1,
  sha256,
} from "../../core/mod.ts";
import { TlReader, TlWriter } from "../../tl/mod.ts";
import { TEST_PRIVATE_KEY_PEM } from "./test_key.ts";
import { TestServerError } from "./errors.ts";
// Loaded when used, not when imported: the testing entry loads in a browser bundle.
const { constants, createPrivateKey, createPublicKey, generateKeyPairSync, privateDecrypt } =
  nodeModule<typeof Crypto>("node:crypto");

function b64url(s: string): bigint {
  const std = s.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(std + "=".repeat((4 - (std.length % 4)) % 4));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytesToBigint(bytes);
}

function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

/** The plaintext found in an `encrypted_data`, and which padding carried it. */
export interface RsaPlaintext {
  /** The boxed p_q_inner_data* object followed by whatever padding (TL reads what it needs). */
  data: Uint8Array;
  padding: "rsa_pad" | "sha1";
}

/** One RSA-2048 key of the server (private half kept here, never printed). */
export class ServerRsaKey {
  /** PKCS#1 PEM (`-----BEGIN RSA PUBLIC KEY-----`). */
  readonly pem: string;
  /** The 64 lower-order bits of SHA-1(rsa_public_key n:bytes e:bytes), unsigned, as Telegram prints them. */
  readonly fingerprint: bigint;
  readonly n: bigint;
  readonly e: bigint;
  readonly #p: bigint;
  readonly #q: bigint;
  readonly #dp: bigint;
  readonly #dq: bigint;
  readonly #qi: bigint;
  readonly #key: KeyObject;

  private constructor(privatePem: string) {
    const key = createPrivateKey(privatePem);
    this.#key = key;
    const jwk = key.export({ format: "jwk" }) as Record<string, string>;
    this.n = b64url(jwk.n);
    this.e = b64url(jwk.e);
    this.#p = b64url(jwk.p);
    this.#q = b64url(jwk.q);
    this.#dp = b64url(jwk.dp);
    this.#dq = b64url(jwk.dq);
    this.#qi = b64url(jwk.qi);
    if (this.n >> 2047n !== 1n || this.n >> 2048n !== 0n) {
      throw new TestServerError(
        "TESTSERVER_BAD_KEY",
        "the server's RSA key must have a 2048-bit modulus",
      );
    }
    this.pem = String(createPublicKey(key).export({ type: "pkcs1", format: "pem" }));
    this.fingerprint = rsaFingerprint(this.n, this.e);
  }

  /** The fixed test key shipped in testing/server/test_key.ts. */
  static fixed(): ServerRsaKey {
    return (fixedKey ??= new ServerRsaKey(TEST_PRIVATE_KEY_PEM));
  }

  /** A new random key (about 0.1–1 s). */
  static fresh(): ServerRsaKey {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicExponent: 65537,
    });
    return new ServerRsaKey(String(privateKey.export({ type: "pkcs1", format: "pem" })));
  }

  /**
   * Raw RSA decryption: `c^d mod n` as 256 big-endian bytes; undefined when c >= n. OpenSSL's
   * (node:crypto without padding) where it works, else CRT with core's modPow.
   */
  #raw(encrypted: Uint8Array): Uint8Array | undefined {
    const c = bytesToBigint(encrypted);
    if (c >= this.n) return undefined;
    try {
      const padded = bigintToBytes(c, 256)!;
      const m = privateDecrypt({ key: this.#key, padding: constants.RSA_NO_PADDING }, padded);
      if (m.length === 256) return new Uint8Array(m);
    } catch { /* a runtime without raw RSA: below */ }
    const m1 = modPow(c, this.#dp, this.#p);
    const m2 = modPow(c, this.#dq, this.#q);
    const h = mod(this.#qi * (m1 - m2), this.#p);
    return bigintToBytes(m2 + h * this.#q, 256);
  }

  /**
   * Decrypts req_DH_params' `encrypted_data`: RSA_PAD when its SHA-256 checks, else the older
   * `SHA1(data) + data + padding` form when its SHA-1 checks; undefined when neither does.
   */
  decrypt(encrypted: Uint8Array): RsaPlaintext | undefined {
    if (encrypted.length === 0 || encrypted.length > 256) return undefined;
    const m = this.#raw(encrypted);
    if (m === undefined) return undefined;
    return unpadRsaPad(m) ?? unpadSha1(m);
  }
}

let fixedKey: ServerRsaKey | undefined;

/**
 * A key's fingerprint as Telegram computes it: the 64 lower-order bits (the last 8 bytes, read
 * little-endian) of SHA-1 of `rsa_public_key n:bytes e:bytes` in TL; unsigned.
 */
export function rsaFingerprint(n: bigint, e: bigint): bigint {
  const w = new TlWriter(600);
  w.bytes(bigintToBytes(n, minLength(n))!);
  w.bytes(bigintToBytes(e, minLength(e))!);
  const digest = sha1(w.result());
  return new DataView(digest.buffer, digest.byteOffset + 12, 8).getBigUint64(0, true);
}

function minLength(v: bigint): number {
  let n = 1;
  while (v >> BigInt(8 * n) !== 0n) n++;
  return n;
}

/** RSA_PAD backwards: key_aes_encrypted = temp_key_xor (32) + AES-IGE(reversed data + hash). */
function unpadRsaPad(m: Uint8Array): RsaPlaintext | undefined {
  const aesEncrypted = m.subarray(32);
  const tempKey = sha256(aesEncrypted);
  for (let i = 0; i < 32; i++) tempKey[i] ^= m[i];
  const dataWithHash = ige256Decrypt(aesEncrypted, tempKey, new Uint8Array(32));
  const data = dataWithHash.slice(0, 192).reverse();
  const expected = sha256(tempKey, data);
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= expected[i] ^ dataWithHash[192 + i];
  return diff === 0 ? { data, padding: "rsa_pad" } : undefined;
}

/** The older form: 255 bytes `SHA1(data) + data + random`, so the plaintext's first byte is 0. */
function unpadSha1(m: Uint8Array): RsaPlaintext | undefined {
  if (m[0] !== 0) return undefined;
  const body = m.subarray(21);
  let length: number;
  try {
    const r = new TlReader(body);
    r.object();
    length = r.pos;
  } catch {
    return undefined;
  }
  const digest = sha1(body.subarray(0, length));
  for (let i = 0; i < 20; i++) if (digest[i] !== m[1 + i]) return undefined;
  return { data: body.slice(0, length), padding: "sha1" };
}
