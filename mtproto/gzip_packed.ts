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
import { TlReader } from "../tl/mod.ts";
import { gunzipAsync, type Inflated, SYNC_GUNZIP } from "../runtime/inflate.ts";

const GZIP_PACKED_ID = 0x3072cfa1;
const MSG_CONTAINER_ID = 0x73f1f8dc;
const RPC_RESULT_ID = 0xf35c6d01;

/**
 * Whether server messages go through {@link inflateAhead} before they are parsed: where there is
 * no synchronous inflater. Tests set `ahead` to run the browser's path on any runtime.
 */
export const inflatePolicy: { ahead: boolean } = { ahead: !SYNC_GUNZIP };

/** Nesting followed (a gzip_packed inside what a gzip_packed held, and so on). */
const MAX_DEPTH = 4;

function u32(b: Uint8Array, at: number): number {
  return (b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24) >>> 0;
}

/** The bodies of a well-formed `msg_container` (byte ranges), or undefined. */
function containerBodies(body: Uint8Array): [number, number][] | undefined {
  if (body.length < 8) return undefined;
  const count = u32(body, 4);
  const out: [number, number][] = [];
  let at = 8;
  for (let i = 0; i < count; i++) {
    if (at + 16 > body.length) return undefined;
    const length = u32(body, at + 12);
    if (length > body.length - at - 16) return undefined;
    out.push([at + 16, at + 16 + length]);
    at += 16 + length;
  }
  return out;
}

/** Whether `body` holds a `gzip_packed` where {@link inflateAhead} looks (without inflating). */
export function hasGzipPacked(body: Uint8Array): boolean {
  if (body.length < 4) return false;
  const id = u32(body, 0);
  if (id === GZIP_PACKED_ID) return true;
  if (id === RPC_RESULT_ID) return body.length >= 16 && u32(body, 12) === GZIP_PACKED_ID;
  if (id === MSG_CONTAINER_ID) {
    return containerBodies(body)?.some(([s, e]) => hasGzipPacked(body.subarray(s, e))) ?? false;
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
      const ranges = containerBodies(b);
      if (ranges === undefined) return b;
      const inner = ranges.map(([s, e]) => b.subarray(s, e));
      const bodies = await Promise.all(inner.map((x) => expand(x, depth + 1)));
      if (bodies.every((x, i) => x === inner[i])) return b;
      const out = new Uint8Array(8 + bodies.reduce((n, x) => n + 16 + x.length, 0));
      out.set(b.subarray(0, 8));
      let at = 8;
      for (const [i, [s]] of ranges.entries()) {
        out.set(b.subarray(s - 16, s - 4), at); // msg_id, seqno
        new DataView(out.buffer).setUint32(at + 12, bodies[i].length, true);
        out.set(bodies[i], at + 16);
        at += 16 + bodies[i].length;
      }
      return out;
    }
    return b;
  };
  return await expand(body, 0);
}
