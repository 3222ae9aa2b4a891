import { bigintToBytes } from "../encoding/bytes.ts";
import { CoreError } from "./errors.ts";
import { bigint, bytes } from "./input.ts";
import { type RandomSource, secureRandom } from "./random.ts";
import { check, core, readBytes, scratch, wipe, writeBytes } from "./wasm.ts";

/**
 * RSA_PAD (core.telegram.org/mtproto/auth_key): encrypts `data` (p_q_inner_data, at most 144
 * bytes) for req_DH_params with the server key (`n` of 2048 bits, exponent `e`). Returns the
 * 256-byte encrypted_data.
 *
 * @example
 * ```ts
 * await initCore();
 * const encryptedData = rsaPad(pqInnerData, key.n, key.e);
 * ```
 */
export function rsaPad(
  data: Uint8Array,
  n: bigint,
  e: bigint,
  random: RandomSource = secureRandom,
): Uint8Array {
  bytes(data, "data");
  bigint(n, "n");
  bigint(e, "e");
  if (data.length > 144) {
    throw new CoreError("CORE_BAD_INPUT", `data must be at most 144 bytes, got ${data.length}`);
  }
  const nBytes = bigintToBytes(n, 256);
  if (nBytes === undefined || n >> 2047n !== 1n) {
    throw new CoreError("CORE_BAD_INPUT", "n must be a 2048-bit modulus");
  }
  const eBytes = e > 0n ? bigintToBytes(e, 256) : undefined;
  if (eBytes === undefined) throw new CoreError("CORE_BAD_INPUT", "e is out of range");
  const c = core();
  const randomLen = 192 - data.length + 32 * 8;
  // Layout: data (144) | n (256) | e (256) | out (256) | random.
  // Each batch tries 8 temp keys; a key fails (number >= n) with probability below 1/2, so 8
  // batches fail only for a broken random source: then a typed error, not an endless loop.
  for (let batch = 0;; batch++) {
    const p = scratch(144 + 768 + randomLen);
    writeBytes(p, data);
    writeBytes(p + 144, nBytes);
    writeBytes(p + 400, eBytes);
    writeBytes(p + 912, random(randomLen));
    const status = c.rsa_pad(
      p,
      data.length,
      p + 912,
      randomLen,
      p + 144,
      256,
      p + 400,
      256,
      p + 656,
    );
    // The inner data carries new_nonce, secret until the key exchange ends.
    const out = readBytes(p + 656, 256);
    wipe(p, 144 + 768 + randomLen);
    if (status === -8 && batch < 7) continue;
    check(status, "rsaPad");
    return out;
  }
}

function nonces(newNonce: Uint8Array, serverNonce: Uint8Array): void {
  bytes(newNonce, "newNonce", 32);
  bytes(serverNonce, "serverNonce", 16);
}

/**
 * tmp_aes_key and tmp_aes_iv of the DH answers, from new_nonce (32 bytes) and server_nonce (16).
 */
export function tmpAesKeyIv(
  newNonce: Uint8Array,
  serverNonce: Uint8Array,
): { key: Uint8Array; iv: Uint8Array } {
  nonces(newNonce, serverNonce);
  const p = scratch(112);
  writeBytes(p, newNonce);
  writeBytes(p + 32, serverNonce);
  core().tmp_aes_key_iv(p, p + 32, p + 48);
  const result = { key: readBytes(p + 48, 32), iv: readBytes(p + 80, 32) };
  wipe(p, 112);
  return result;
}

/**
 * Encrypts DH inner data (server_DH_inner_data or client_DH_inner_data) with the temporary key:
 * SHA1(data) + data + 0..15 random padding bytes, AES-256-IGE.
 */
export function encryptDhInner(
  data: Uint8Array,
  newNonce: Uint8Array,
  serverNonce: Uint8Array,
  random: RandomSource = secureRandom,
): Uint8Array {
  bytes(data, "data");
  nonces(newNonce, serverNonce);
  const padding = (16 - ((20 + data.length) % 16)) % 16;
  const total = 20 + data.length + padding;
  const p = scratch(48 + total);
  writeBytes(p, newNonce);
  writeBytes(p + 32, serverNonce);
  writeBytes(p + 48 + 20, data);
  writeBytes(p + 48 + 20 + data.length, random(padding));
  const status = core().tmp_encrypt(p, p + 32, p + 48, total, data.length);
  wipe(p, 48);
  check(status, "encryptDhInner");
  return readBytes(p + 48, total);
}

/**
 * Decrypts a DH answer (encrypted_answer or encrypted_data) with the temporary key and checks
 * its SHA-1; returns the data without hash and padding. A wrong hash throws
 * `CORE_HASH_MISMATCH`.
 */
export function decryptDhInner(
  encrypted: Uint8Array,
  newNonce: Uint8Array,
  serverNonce: Uint8Array,
): Uint8Array {
  bytes(encrypted, "encrypted");
  nonces(newNonce, serverNonce);
  if (encrypted.length % 16 !== 0 || encrypted.length < 32 || encrypted.length > 1 << 20) {
    throw new CoreError("CORE_BAD_MESSAGE_LENGTH", "decryptDhInner: bad length");
  }
  const p = scratch(48 + encrypted.length);
  writeBytes(p, newNonce);
  writeBytes(p + 32, serverNonce);
  writeBytes(p + 48, encrypted);
  const status = core().tmp_decrypt(p, p + 32, p + 48, encrypted.length);
  wipe(p, 48);
  const len = check(status, "decryptDhInner");
  return readBytes(p + 48 + 20, len);
}
