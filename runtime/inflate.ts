/**
 * Inflating gzip (RFC 1952: MTProto's `gzip_packed` carries gzip members) on every runtime:
 * synchronously with `node:zlib` where it exists (Deno, Bun, Node), and asynchronously with the
 * web's `DecompressionStream("gzip")` in browsers, which have no synchronous inflater. Both stop
 * at a size limit, so a small compressed bomb cannot fill memory.
 *
 * @module
 */
import type * as Zlib from "node:zlib";
import { NODE_APIS, nodeBuiltin } from "./runtime.ts";

/** node:zlib, loaded on first use (loading it costs start-up time on Deno). */
let zlib: typeof Zlib | undefined;

/** Whether {@link gunzipSync} works here (a runtime with `node:zlib`; not a browser). */
export const SYNC_GUNZIP: boolean = NODE_APIS;

/** Why gzip data did not inflate. */
export type InflateFailure = "invalid" | "tooLarge" | "unsupported";

/** The outcome of inflating: the bytes, or why not. */
export type Inflated = { bytes: Uint8Array } | { failure: InflateFailure };

/**
 * Inflates one gzip member synchronously with `node:zlib`, at most `maxSize` bytes out;
 * `{ failure: "unsupported" }` where there is no `node:zlib` (use {@link gunzipAsync}).
 */
export function gunzipSync(data: Uint8Array, maxSize: number): Inflated {
  zlib ??= nodeBuiltin<typeof Zlib>("node:zlib");
  if (zlib === undefined) return { failure: "unsupported" };
  try {
    const out = zlib.gunzipSync(data, { maxOutputLength: maxSize });
    return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength) };
  } catch (e) {
    return {
      failure: (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "tooLarge" : "invalid",
    };
  }
}

/**
 * Inflates one gzip member with `DecompressionStream` (browsers, and every runtime that has
 * one), reading at most `maxSize` bytes out before giving up.
 */
export async function gunzipStream(data: Uint8Array, maxSize: number): Promise<Inflated> {
  const Decompression = (globalThis as { DecompressionStream?: typeof DecompressionStream })
    .DecompressionStream;
  if (Decompression === undefined) return { failure: "unsupported" };
  const chunks: Uint8Array[] = [];
  let total = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    const input = new ReadableStream<BufferSource>({
      start(controller) {
        controller.enqueue(data as Uint8Array<ArrayBuffer>);
        controller.close();
      },
    });
    reader = input.pipeThrough<Uint8Array>(new Decompression("gzip")).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxSize) {
        await reader.cancel().catch(() => {});
        return { failure: "tooLarge" };
      }
      chunks.push(value);
    }
  } catch {
    return { failure: "invalid" };
  }
  if (chunks.length === 1) return { bytes: chunks[0] };
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { bytes: out };
}

/** Inflates one gzip member: synchronously where `node:zlib` exists, else with a stream. */
export function gunzipAsync(data: Uint8Array, maxSize: number): Promise<Inflated> {
  return SYNC_GUNZIP ? Promise.resolve(gunzipSync(data, maxSize)) : gunzipStream(data, maxSize);
}
