/**
 * Perfect forward secrecy (core.telegram.org/api/pfs): the encrypted_message of
 * auth.bindTempAuthKey, a bind_auth_key_inner sealed with the permanent key in MTProto 1.0
 * (SHA-1 message key), as that method requires.
 *
 * @module
 */
import { authKeyId, ige256Encrypt, mtprotoKdfV1, type RandomSource, sha1 } from "../core/mod.ts";
import { serialize } from "../tl/mod.ts";

function readLong(b: Uint8Array): bigint {
  return new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0, true);
}

/** auth_key_id as the signed long TL carries. */
export function authKeyIdLong(key: Uint8Array): bigint {
  return readLong(authKeyId(key));
}

/** What binding a temporary key needs. */
export interface Binding {
  permKey: Uint8Array;
  tempKey: Uint8Array;
  /** The session the temporary key runs (temp_session_id). */
  tempSessionId: bigint;
  /** Unix time the temporary key expires. */
  expiresAt: number;
  random: RandomSource;
}

/**
 * The auth.bindTempAuthKey query for `msgId`, the msg_id it goes out under (the sealed inner
 * message repeats it).
 *
 * @example
 * ```ts
 * // The query goes out under the temporary key with exactly this msg_id.
 * function bindQuery(binding: Binding, msgId: bigint) {
 *   return bindTempAuthKeyQuery(binding, msgId);
 * }
 * ```
 */
export function bindTempAuthKeyQuery(b: Binding, msgId: bigint) {
  const nonce = readLong(b.random(8));
  const permAuthKeyId = authKeyIdLong(b.permKey);
  const inner = serialize({
    _: "bind_auth_key_inner",
    nonce,
    tempAuthKeyId: authKeyIdLong(b.tempKey),
    permAuthKeyId,
    tempSessionId: b.tempSessionId,
    expiresAt: b.expiresAt,
  });
  // MTProto 1.0 plaintext: random salt and session id, the query's msg_id, seq_no 0.
  const plain = new Uint8Array(32 + inner.length);
  plain.set(b.random(16));
  const view = new DataView(plain.buffer);
  view.setBigInt64(16, msgId, true);
  view.setInt32(24, 0, true);
  view.setInt32(28, inner.length, true);
  plain.set(inner, 32);
  const msgKey = sha1(plain).subarray(4, 20);
  const padded = new Uint8Array(plain.length + ((16 - (plain.length % 16)) % 16));
  padded.set(plain);
  padded.set(b.random(padded.length - plain.length), plain.length);
  const k = b.permKey;
  const { key, iv } = mtprotoKdfV1(k, msgKey, "client");
  const encrypted = new Uint8Array(24 + padded.length);
  encrypted.set(authKeyId(k));
  encrypted.set(msgKey, 8);
  encrypted.set(ige256Encrypt(padded, key, iv), 24);
  key.fill(0);
  iv.fill(0);
  return {
    _: "auth.bindTempAuthKey",
    permAuthKeyId,
    nonce,
    expiresAt: b.expiresAt,
    encryptedMessage: encrypted,
  } as const;
}
