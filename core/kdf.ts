/**
 * The AES key and IV derivations of MTProto, over the core's SHA primitives: MTProto 2.0's (every
 * message today, core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector)
 * and MTProto 1.0's (only the inner message of auth.bindTempAuthKey still uses it). One copy, so
 * that the client, the TestServer and the quick-ACK token all derive the same way.
 *
 * @module
 */
import { bytes } from "./input.ts";
import type { Sender } from "./mtproto.ts";
import { CoreError } from "./errors.ts";
import { sha1, sha256 } from "./sha.ts";

/** AES-256-IGE key and IV of one message. */
export interface AesKeyIv {
  /** 32 bytes. */
  key: Uint8Array;
  /** 32 bytes (IGE's two 16-byte halves). */
  iv: Uint8Array;
}

function offset(sender: Sender): number {
  if (sender === "client") return 0;
  if (sender === "server") return 8;
  throw new CoreError("CORE_BAD_INPUT", `sender must be "client" or "server"`);
}

function checkInput(authKey: Uint8Array, msgKey: Uint8Array): void {
  bytes(authKey, "authKey", 256);
  bytes(msgKey, "msgKey", 16);
}

type Pieces = readonly (readonly [number, number, number])[];

/** Which slices of which hash make MTProto 1.0's key and IV, in order: `[hash, from, to]`. */
const V1_KEY: Pieces = [[0, 0, 8], [1, 8, 20], [2, 4, 16]];
const V1_IV: Pieces = [[0, 8, 20], [1, 0, 8], [2, 16, 20], [3, 0, 8]];

/** Copies `[hash, from, to]` slices end to end into 32 bytes. */
function join(hashes: Uint8Array[], pieces: Pieces): Uint8Array {
  const out = new Uint8Array(32);
  let at = 0;
  for (const [h, from, to] of pieces) {
    out.set(hashes[h].subarray(from, to), at);
    at += to - from;
  }
  return out;
}

/**
 * MTProto 2.0: sha256_a = SHA256(msg_key + auth_key[x..x+36]), sha256_b =
 * SHA256(auth_key[40+x..76+x] + msg_key); aes_key = a[0..8] + b[8..24] + a[24..32], aes_iv =
 * b[0..8] + a[8..24] + b[24..32]; x = 0 for messages from the client, 8 from the server.
 *
 * @example
 * ```ts
 * import { initCore, mtprotoKdf } from "@x/irenogram/core";
 * await initCore();
 * const { key, iv } = mtprotoKdf(new Uint8Array(256), new Uint8Array(16), "client");
 * console.log(key.length, iv.length); // 32 32
 * ```
 */
export function mtprotoKdf(authKey: Uint8Array, msgKey: Uint8Array, sender: Sender): AesKeyIv {
  checkInput(authKey, msgKey);
  return kdfV2With(sha256, authKey, msgKey, offset(sender));
}

/**
 * {@link mtprotoKdf} over a given SHA-256 and x (0 or 8), unchecked: core/mtproto.ts's native
 * path passes node:crypto's hash.
 */
export function kdfV2With(
  hash256: (a: Uint8Array, b: Uint8Array) => Uint8Array,
  authKey: Uint8Array,
  msgKey: Uint8Array,
  x: number,
): AesKeyIv {
  // Spelled out (not join()): this runs twice per message on the native path.
  const a = hash256(msgKey, authKey.subarray(x, x + 36));
  const b = hash256(authKey.subarray(40 + x, 76 + x), msgKey);
  const key = new Uint8Array(32), iv = new Uint8Array(32);
  key.set(a.subarray(0, 8));
  key.set(b.subarray(8, 24), 8);
  key.set(a.subarray(24, 32), 24);
  iv.set(b.subarray(0, 8));
  iv.set(a.subarray(8, 24), 8);
  iv.set(b.subarray(24, 32), 24);
  return { key, iv };
}

/**
 * MTProto 1.0 (SHA-1): sha1_a = SHA1(msg_key + auth_key[x..x+32]), sha1_b =
 * SHA1(auth_key[32+x..48+x] + msg_key + auth_key[48+x..64+x]), sha1_c =
 * SHA1(auth_key[64+x..96+x] + msg_key), sha1_d = SHA1(msg_key + auth_key[96+x..128+x]);
 * aes_key = a[0..8] + b[8..20] + c[4..16], aes_iv = a[8..20] + b[0..8] + c[16..20] + d[0..8].
 * Only auth.bindTempAuthKey's encrypted_message uses it (x = 0).
 *
 * @example
 * ```ts
 * import { initCore, mtprotoKdfV1 } from "@x/irenogram/core";
 * await initCore();
 * const { key, iv } = mtprotoKdfV1(new Uint8Array(256), new Uint8Array(16), "client");
 * console.log(key.length, iv.length); // 32 32
 * ```
 */
export function mtprotoKdfV1(authKey: Uint8Array, msgKey: Uint8Array, sender: Sender): AesKeyIv {
  checkInput(authKey, msgKey);
  const x = offset(sender);
  const h = [
    sha1(msgKey, authKey.subarray(x, x + 32)),
    sha1(authKey.subarray(32 + x, 48 + x), msgKey, authKey.subarray(48 + x, 64 + x)),
    sha1(authKey.subarray(64 + x, 96 + x), msgKey),
    sha1(msgKey, authKey.subarray(96 + x, 128 + x)),
  ];
  return {
    key: join(h, V1_KEY),
    iv: join(h, V1_IV),
  };
}
