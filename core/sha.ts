import { bytes } from "./input.ts";
import { CoreError } from "./errors.ts";
import { core, readBytes, scratch, writeBytes } from "./wasm.ts";
import { nativeCrypto, nativeHash } from "./native.ts";

const CHUNK = 1 << 20;

function hash(kind: 1 | 256, parts: Uint8Array[]): Uint8Array {
  const name = kind === 1 ? "sha1" : "sha256";
  let total = 0;
  for (const part of parts) total += bytes(part, `${name} part`).length;
  const c = core();
  const native = nativeCrypto("sha");
  if (native !== undefined) return nativeHash(native, name, parts);
  const size = kind === 1 ? 20 : 32;
  if (total <= CHUNK) {
    // One crossing: the parts are laid end to end in WebAssembly memory, not joined in JS.
    const p = scratch(32 + total);
    let off = p + 32;
    for (const part of parts) {
      writeBytes(off, part);
      off += part.length;
    }
    c[name](p + 32, total, p);
    return readBytes(p, size);
  }
  const h = c.hash_new(kind);
  if (h === 0) throw new CoreError("CORE_OUT_OF_MEMORY", "cannot allocate a hash");
  for (const part of parts) {
    for (let off = 0; off < part.length; off += CHUNK) {
      const piece = part.subarray(off, off + CHUNK);
      const p = scratch(piece.length);
      writeBytes(p, piece);
      c.hash_update(h, p, piece.length);
    }
  }
  const p = scratch(32);
  c.hash_finish(h, p);
  return readBytes(p, size);
}

/**
 * SHA-1 of the concatenation of `parts` (without concatenating them in JS).
 *
 * @example
 * ```ts
 * import { initCore, sha1 } from "@x/irenogram/core";
 * await initCore();
 * const newNonce = new Uint8Array(32), serverNonce = new Uint8Array(16);
 * sha1(newNonce, serverNonce); // 20 bytes
 * ```
 */
export function sha1(...parts: Uint8Array[]): Uint8Array {
  return hash(1, parts);
}

/** SHA-256 of the concatenation of `parts` (without concatenating them in JS). */
export function sha256(...parts: Uint8Array[]): Uint8Array {
  return hash(256, parts);
}
