import { core, scratch, writeBytes } from "./wasm.ts";
import { bytes } from "./input.ts";

const CHUNK = 1 << 20;

/**
 * CRC32 (IEEE, as zlib) of `data`, as an unsigned 32-bit number.
 *
 * @example
 * ```ts
 * import { crc32, initCore } from "@x/irenogram/core";
 * await initCore();
 * crc32(new TextEncoder().encode("123456789")); // 0xcbf43926
 * ```
 */
export function crc32(data: Uint8Array): number {
  bytes(data, "data");
  const c = core();
  let crc = 0;
  for (let off = 0; off < data.length; off += CHUNK) {
    const part = data.subarray(off, off + CHUNK);
    const p = scratch(part.length);
    writeBytes(p, part);
    crc = c.crc32_update(crc, p, part.length) >>> 0;
  }
  return crc;
}
