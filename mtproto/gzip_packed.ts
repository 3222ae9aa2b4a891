/**
 * `gzip_packed` where the runtime has no synchronous inflater (browsers): the TL reader inflates
 * synchronously, so before such a runtime parses a server message, the `gzip_packed` objects
 * where MTProto puts them (a message body, a body inside `msg_container`, the result of an
 * `rpc_result`, and the same inside what they inflate to) are inflated asynchronously
 * (`DecompressionStream`, runtime/inflate.ts) and spliced in their place. A `gzip_packed`
 * stands for its content in TL, so the parse afterwards gives the same objects. One that does
 * not inflate is left as it is, and the parse reports it as the synchronous path would
 * (`TL_GZIP_*`).
 *
 * @module
 */
import { GZIP_PACKED_ID, MSG_CONTAINER_ID, RPC_RESULT_ID, TlReader } from "../tl/mod.ts";
import { gunzipAsync, type Inflated, SYNC_GUNZIP } from "../runtime/inflate.ts";
import { uint32LE as u32 } from "../encoding/bytes.ts";
import { containerEntries } from "./incoming.ts";

/**
 * Whether server messages go through {@link inflateAhead} before they are parsed: where there is
 * no synchronous inflater. Tests set `ahead` to run the browser's path on any runtime.
 */
export const inflatePolicy: { ahead: boolean } = { ahead: !SYNC_GUNZIP };

/** Nesting followed (a gzip_packed inside what a gzip_packed held, and so on). */
const MAX_DEPTH = 4;

/** Whether `body` holds a `gzip_packed` where {@link inflateAhead} looks (without inflating). */
export function hasGzipPacked(body: Uint8Array): boolean {
  if (body.length < 4) return false;
  const id = u32(body, 0);
  if (id === GZIP_PACKED_ID) return true;
  if (id === RPC_RESULT_ID) return body.length >= 16 && u32(body, 12) === GZIP_PACKED_ID;
  if (id === MSG_CONTAINER_ID) {
    return containerEntries(body)?.some((e) => hasGzipPacked(e.body)) ?? false;
  }
  return false;
}

/**
 * `body` with its `gzip_packed` objects (see the module) replaced by their inflated content,
 * each at most `maxSize` bytes (default the TL reader's limit).
 */
export async function inflateAhead(
  body: Uint8Array,
  maxSize: number = TlReader.maxInflatedSize,
  inflate: (data: Uint8Array, max: number) => Promise<Inflated> = gunzipAsync,
): Promise<Uint8Array> {
  const expand = async (b: Uint8Array, depth: number): Promise<Uint8Array> => {
    if (b.length < 4 || depth > MAX_DEPTH) return b;
    const id = u32(b, 0);
    if (id === GZIP_PACKED_ID) {
      let packed: Uint8Array;
      try {
        packed = new TlReader(b.subarray(4)).bytes();
      } catch {
        return b;
      }
      const out = await inflate(packed, maxSize);
      return "bytes" in out ? expand(out.bytes, depth + 1) : b;
    }
    if (id === RPC_RESULT_ID && b.length >= 12) {
      const inner = b.subarray(12);
      const result = await expand(inner, depth + 1);
      if (result === inner) return b;
      const out = new Uint8Array(12 + result.length);
      out.set(b.subarray(0, 12));
      out.set(result, 12);
      return out;
    }
    if (id === MSG_CONTAINER_ID) {
      const entries = containerEntries(b);
      if (entries === undefined) return b;
      const bodies = await Promise.all(entries.map((e) => expand(e.body, depth + 1)));
      if (bodies.every((x, i) => x === entries[i].body)) return b;
      const out = new Uint8Array(8 + bodies.reduce((n, x) => n + 16 + x.length, 0));
      const view = new DataView(out.buffer);
      out.set(b.subarray(0, 8));
      let at = 8;
      for (const [i, e] of entries.entries()) {
        view.setBigInt64(at, e.msgId, true);
        view.setInt32(at + 8, e.seqno, true);
        view.setUint32(at + 12, bodies[i].length, true);
        out.set(bodies[i], at + 16);
        at += 16 + bodies[i].length;
      }
      return out;
    }
    return b;
  };
  return await expand(body, 0);
}
