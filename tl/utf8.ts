/**
 * UTF-8 encoding and decoding, the fastest way each runtime offers: Node's and Bun's native
 * `Buffer` methods, and on Deno (whose `node:buffer` is a slow polyfill) a plain loop to encode
 * and `TextDecoder` to decode. This is the one place that looks at which runtime runs.
 *
 * @module
 */
import { Buffer } from "node:buffer";

/** Whether `node:buffer` is native here (Node, Bun) rather than a polyfill (Deno). */
export const nativeBuffer: boolean = typeof (globalThis as { Deno?: unknown }).Deno ===
  "undefined";

/** A `Buffer` view of `bytes` for {@link nativeBuffer} runtimes. */
export function bufferView(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

type Utf8Slicing = Buffer & { utf8Slice?(start: number, end: number): string };

/**
 * Decodes `view[start, end)` as UTF-8 (invalid sequences become U+FFFD). On Node and Bun,
 * `Buffer#utf8Slice` skips the argument handling of `toString`, which costs more than the decoding
 * for the short strings TL carries; on Deno, whose `node:buffer` goes through JS to the same
 * native call, `TextDecoder` is the shorter way.
 */
export function utf8Slice(view: Buffer, start: number, end: number): string {
  if (!nativeBuffer) {
    return decoder.decode(new Uint8Array(view.buffer, view.byteOffset + start, end - start));
  }
  const v = view as Utf8Slicing;
  return v.utf8Slice ? v.utf8Slice(start, end) : v.toString("utf8", start, end);
}

const decoder = new TextDecoder();

/**
 * Writes `s` as UTF-8 at `at` (lone surrogates become U+FFFD, as with `TextEncoder`) and returns
 * the number of bytes written. `out` must have room for `3 * s.length` bytes.
 */
export function encodeUtf8Loop(s: string, out: Uint8Array, at: number): number {
  let p = at;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[p++] = c;
    } else if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6);
      out[p++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c < 0xe000) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          out[p++] = 0xf0 | (c >> 18);
          out[p++] = 0x80 | ((c >> 12) & 63);
          out[p++] = 0x80 | ((c >> 6) & 63);
          out[p++] = 0x80 | (c & 63);
          continue;
        }
        c = 0xfffd;
      }
      out[p++] = 0xe0 | (c >> 12);
      out[p++] = 0x80 | ((c >> 6) & 63);
      out[p++] = 0x80 | (c & 63);
    }
  }
  return p - at;
}
