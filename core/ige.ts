import { CoreError } from "./errors.ts";
import { bytes } from "./input.ts";
import { check, core, memory, readBytes, scratch, wipe, writeBytes } from "./wasm.ts";
import { type NativeCrypto, nativeCrypto } from "./native.ts";

/**
 * IGE encryption as one native AES-CBC pass. With y_i = E(p_i ^ c_{i-1}) and
 * c_i = y_i ^ p_{i-1}, the input of E is p_i ^ p_{i-2} ^ y_{i-1}: CBC over x_i = p_i ^ p_{i-2}
 * (x_1 = p_1, CBC IV = c_0, p_0 = the second IV half), then c_i = y_i ^ p_{i-1}. Only
 * encryption has this form: decryption feeds plaintext back into D, so it stays in WASM.
 */
function igeEncryptNative(
  native: NativeCrypto,
  data: Uint8Array,
  key: Uint8Array,
  iv: Uint8Array,
): Uint8Array {
  // The XORs run in WASM (SIMD), not in JS loops: layout iv (32) | p | x, then y replaces x.
  const c = core(), n = data.length;
  const p = scratch(32 + 2 * n);
  writeBytes(p, iv);
  writeBytes(p + 32, data);
  try {
    check(c.ige_cbc_pre(p, p + 32, p + 32 + n, n), "ige256Encrypt");
    const cbc = native.createCipheriv("aes-256-cbc", key, iv.subarray(0, 16));
    cbc.setAutoPadding(false);
    // A view, not a copy: node:crypto reads it before anything can grow the memory.
    const y = cbc.update(memory().subarray(p + 32 + n, p + 32 + 2 * n));
    // Releases the cipher's native state now (Deno holds it until final(): memory grew per call);
    // n is a multiple of 16 and padding is off, so final() adds no bytes.
    cbc.final();
    writeBytes(p + 32 + n, y);
    check(c.ige_cbc_post(p, p + 32, p + 32 + n, n), "ige256Encrypt");
    return readBytes(p + 32 + n, n);
  } finally {
    wipe(p, 32);
  }
}

const CHUNK = 1 << 20;

function ige(data: Uint8Array, key: Uint8Array, iv: Uint8Array, encrypt: boolean): Uint8Array {
  bytes(data, "data");
  bytes(key, "key", 32);
  bytes(iv, "iv", 32);
  if (data.length % 16 !== 0) {
    throw new CoreError(
      "CORE_BAD_INPUT",
      `data must be a multiple of 16 bytes, got ${data.length}`,
    );
  }
  const c = core();
  const native = nativeCrypto(data.length >= 16384 ? "ige" : "ige-small");
  if (encrypt && native !== undefined && data.length > 0 && data.length <= CHUNK) {
    return igeEncryptNative(native, data, key, iv);
  }
  const fn = encrypt ? c.ige256_encrypt : c.ige256_decrypt;
  const what = encrypt ? "ige256Encrypt" : "ige256Decrypt";
  // Layout: key (32) | iv (32, updated by each chunk) | data.
  if (data.length <= CHUNK) {
    const p = scratch(64 + data.length);
    writeBytes(p, key);
    writeBytes(p + 32, iv);
    writeBytes(p + 64, data);
    try {
      check(fn(p, p + 32, p + 64, data.length), what);
      return readBytes(p + 64, data.length);
    } finally {
      wipe(p, 64);
    }
  }
  const out = new Uint8Array(data.length);
  const p = scratch(64 + CHUNK);
  writeBytes(p, key);
  writeBytes(p + 32, iv);
  try {
    for (let off = 0; off < data.length; off += CHUNK) {
      const part = data.subarray(off, off + CHUNK);
      writeBytes(p + 64, part);
      check(fn(p, p + 32, p + 64, part.length), what);
      out.set(readBytes(p + 64, part.length), off);
    }
  } finally {
    wipe(p, 64);
  }
  return out;
}

/**
 * AES-256-IGE encryption as MTProto uses it. `data` is a multiple of 16 bytes, `key` 32 bytes,
 * `iv` 32 bytes (previous ciphertext block, then previous plaintext block, as in OpenSSL).
 *
 * @example
 * ```ts
 * import { ige256Decrypt, ige256Encrypt, initCore } from "@x/irenogram/core";
 * await initCore();
 * const key = new Uint8Array(32).fill(1), iv = new Uint8Array(32).fill(2);
 * const enc = ige256Encrypt(new Uint8Array(32), key, iv);
 * ige256Decrypt(enc, key, iv); // 32 zero bytes
 * ```
 */
export function ige256Encrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  return ige(data, key, iv, true);
}

/** AES-256-IGE decryption; arguments as for {@link ige256Encrypt}. */
export function ige256Decrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  return ige(data, key, iv, false);
}
