/**
 * Telegram's RSA public keys from PEM (PKCS#1 `RSA PUBLIC KEY` or SPKI `PUBLIC KEY`), with their
 * fingerprints: the lower 64 bits of SHA1 of the TL-serialised `n` and `e`.
 *
 * @module
 */
import { bigintToBytes, bytesToBigint, sha1 } from "../core/mod.ts";
import { MtprotoError } from "./errors.ts";

/** One server key: modulus, exponent, fingerprint (signed 64-bit, as sent in resPQ). */
export interface RsaPublicKey {
  /** The 2048-bit modulus. */
  n: bigint;
  /** The public exponent. */
  e: bigint;
  /** Lower 64 bits of SHA1(TL bytes n, TL bytes e), signed. */
  fingerprint: bigint;
}

function bad(what: string): MtprotoError {
  return new MtprotoError("MTPROTO_BAD_OPTIONS", `publicKeys: ${what}`);
}

/** A minimal DER reader: tag, length, contents. */
class Der {
  pos = 0;
  constructor(readonly b: Uint8Array) {}
  read(tag: number): Uint8Array {
    if (this.b[this.pos++] !== tag) throw bad(`unexpected DER tag (wanted 0x${tag.toString(16)})`);
    let len = this.b[this.pos++];
    if (len === undefined) throw bad("truncated DER");
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n < 1 || n > 3) throw bad("bad DER length");
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + this.b[this.pos++];
    }
    if (this.pos + len > this.b.length) throw bad("truncated DER");
    const out = this.b.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
}

function unpem(pem: string): { label: string; der: Uint8Array } {
  const m = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (m === null) throw bad("not a PEM block");
  let bin: string;
  try {
    bin = atob(m[2].replace(/\s+/g, ""));
  } catch {
    throw bad("bad base64 in PEM");
  }
  const der = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) der[i] = bin.charCodeAt(i);
  return { label: m[1], der };
}

/** The RSAPublicKey SEQUENCE { n INTEGER, e INTEGER }. */
function pkcs1(der: Uint8Array): { n: bigint; e: bigint } {
  const seq = new Der(new Der(der).read(0x30));
  const n = bytesToBigint(seq.read(0x02));
  const e = bytesToBigint(seq.read(0x02));
  return { n, e };
}

/** TL `bytes` of a big-endian unsigned integer, minimal length. */
function tlBytes(v: bigint): Uint8Array {
  let len = 1;
  while (v >> BigInt(8 * len) !== 0n) len++;
  const raw = bigintToBytes(v, len)!;
  const head = len < 254 ? 1 : 4;
  const out = new Uint8Array((head + len + 3) & ~3);
  if (head === 1) out[0] = len;
  else out.set([254, len & 0xff, (len >> 8) & 0xff, len >> 16]);
  out.set(raw, head);
  return out;
}

/** The fingerprint of a key: lower 64 bits of SHA1(bytes n, bytes e), signed. */
export function rsaFingerprint(n: bigint, e: bigint): bigint {
  const h = sha1(tlBytes(n), tlBytes(e));
  return new DataView(h.buffer, h.byteOffset + 12, 8).getBigInt64(0, true);
}

/**
 * Parses one PEM public key. Throws `MTPROTO_BAD_OPTIONS` for anything but a 2048-bit RSA key.
 *
 * @example
 * ```ts
 * import { initCore } from "@x/irenogram/core";
 * import { TestServer } from "@x/irenogram/testing";
 * await initCore();
 * await using server = await TestServer.start();
 * const { fingerprint } = parseRsaPublicKey(server.publicKeys[0].pem);
 * console.log(fingerprint === server.publicKeys[0].fingerprint); // true
 * ```
 */
export function parseRsaPublicKey(pem: string): RsaPublicKey {
  if (typeof pem !== "string") throw bad("each key must be a PEM string");
  const { label, der } = unpem(pem);
  let key: { n: bigint; e: bigint };
  if (label === "RSA PUBLIC KEY") key = pkcs1(der);
  else if (label === "PUBLIC KEY") {
    const spki = new Der(new Der(der).read(0x30));
    spki.read(0x30); // AlgorithmIdentifier (rsaEncryption)
    const bits = spki.read(0x03);
    if (bits[0] !== 0) throw bad("bad BIT STRING");
    key = pkcs1(bits.subarray(1));
  } else throw bad(`unsupported PEM type ${label}`);
  if (key.n >> 2047n !== 1n || key.n >> 2048n !== 0n) throw bad("the modulus must be 2048 bits");
  if (key.e < 3n || key.e >= key.n) throw bad("bad exponent");
  return { ...key, fingerprint: rsaFingerprint(key.n, key.e) };
}
