/**
 * UTF-8 encoding and decoding, the fastest way each runtime offers: Node's and Bun's native
 * `Buffer` methods, and on Deno (whose `node:buffer` is a slow polyfill) a plain loop to encode
 * and `TextDecoder` to decode; for the many short non-ASCII strings of a TL input, on Node and
 * Deno, a small wasm transcoder ({@link decodeUtf8From}); in a browser, `TextDecoder` and a loop.
 * Which runtime runs is runtime/runtime.ts's answer; this module picks the way from it.
 *
 * @module
 */
import type { Buffer } from "node:buffer";
import { NATIVE_BUFFER, nodeBuffer, RUNTIME } from "../runtime/runtime.ts";
import { decodeBase64 } from "../encoding/base64.ts";
import { UTF8_WASM_BASE64 } from "./utf8_wasm.ts";

/** Whether `node:buffer` is native here (Node, Bun) rather than a polyfill (Deno) or absent. */
export const nativeBuffer: boolean = NATIVE_BUFFER;

/**
 * A `Buffer` view of `bytes` where the runtime has `Buffer`; in a browser the bytes themselves
 * (the functions of this module that take a view fall back to `TextDecoder` there).
 */
export function bufferView(bytes: Uint8Array): Buffer {
  if (nodeBuffer === undefined) return bytes as Buffer;
  return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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

type Latin1Slicing = Buffer & { latin1Slice?(start: number, end: number): string };

/**
 * Decodes `view[start, end)` as Latin-1. `Buffer#latin1Slice`, where there is one, skips the
 * argument handling of `toString`: on Node and Deno that halves decoding a 50 KB input.
 */
export function latin1Slice(view: Buffer, start: number, end: number): string {
  const v = view as Latin1Slicing;
  if (v.latin1Slice) return v.latin1Slice(start, end);
  if (nodeBuffer !== undefined) return v.toString("latin1", start, end);
  // No Buffer (a browser): windows-1252 also maps each byte to one UTF-16 unit, and agrees
  // with Latin-1 on ASCII, the only ranges callers cut from the result.
  return latin1Decoder.decode(new Uint8Array(view.buffer, view.byteOffset + start, end - start));
}

const latin1Decoder = new TextDecoder("latin1");

type Ucs2Slicing = Buffer & { ucs2Slice?(start: number, end: number): string };

interface Transcoder {
  mem: WebAssembly.Memory;
  utf8to16(start: number, end: number, out: number): number;
}

/**
 * The UTF-8 to UTF-16 transcoder of `utf8_wasm.wat`, where it beats the native decoders: V8's
 * UTF-8 decoder (behind `Buffer#utf8Slice` and `TextDecoder` on Node and Deno) takes about 2 ns a
 * byte once a string holds one non-ASCII character, while the wasm loop plus `Buffer#ucs2Slice`,
 * a plain copy, takes less than half of that (bench/tl_bench.ts). Bun's decoders are faster than
 * the detour, so Bun does not use it.
 */
const transcoder: Transcoder | undefined = (() => {
  if (RUNTIME === "bun" || nodeBuffer === undefined) return undefined;
  if (typeof WebAssembly === "undefined") return undefined;
  try {
    const bytes = decodeBase64(UTF8_WASM_BASE64);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    return instance.exports as unknown as Transcoder;
  } catch {
    return undefined;
  }
})();

/** Whether {@link decodeUtf8From} decodes here (Node and Deno) or always declines (Bun). */
export const wasmUtf8: boolean = transcoder !== undefined;

/** Inputs larger than this are not copied to wasm memory, which never shrinks. */
const MAX_WASM_INPUT = 4 << 20;
/** Longer strings are decoded natively; the per-call saving no longer matters for them. */
const MAX_WASM_STRING = 64 << 10;

let wasmBytes: Uint8Array = new Uint8Array(0);
let wasmText: Ucs2Slicing | undefined;
/** The {@link nextInputId} of the input now in wasm memory (0: none). */
let loadedInput = 0;
let inputIds = 0;

/** A fresh id for one input of {@link decodeUtf8From} (one per reader). */
export function nextInputId(): number {
  return ++inputIds;
}

/**
 * Decodes `input[start, stop)` as UTF-8, where `input[base, end)` is one whole input read many
 * times (a TL reader's) and `id` its {@link nextInputId}: the input is copied to wasm memory the
 * first time, then each string is transcoded there. Returns `undefined` where this way does not
 * apply (no wasm, sizes beyond the limits, ill-formed UTF-8): decode natively then.
 */
export function decodeUtf8From(
  input: Uint8Array,
  base: number,
  end: number,
  id: number,
  start: number,
  stop: number,
): string | undefined {
  const t = transcoder;
  const n = end - base;
  if (t === undefined || n > MAX_WASM_INPUT || stop - start > MAX_WASM_STRING) return undefined;
  // The UTF-16 output (at most two bytes per input byte) goes after the input.
  const out = (n + 7) & ~7;
  const need = out + 2 * (stop - start);
  if (need > wasmBytes.length || wasmText === undefined) {
    const have = t.mem.buffer.byteLength;
    if (need > have) {
      try {
        t.mem.grow(Math.ceil((need - have) / 65536));
      } catch {
        return undefined; // out of memory for the copy: decode natively
      }
    }
    wasmBytes = new Uint8Array(t.mem.buffer);
    wasmText = nodeBuffer!.from(t.mem.buffer) as Ucs2Slicing;
  }
  if (loadedInput !== id) {
    wasmBytes.set(new Uint8Array(input.buffer, input.byteOffset + base, n));
    loadedInput = id;
  }
  const units = t.utf8to16(start - base, stop - base, out);
  if (units < 0) return undefined;
  const text = wasmText;
  return text.ucs2Slice
    ? text.ucs2Slice(out, out + 2 * units)
    : text.toString("utf16le", out, out + 2 * units);
}

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
