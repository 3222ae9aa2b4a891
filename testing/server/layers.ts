/**
 * Queries in and results out at a client's layer, as Telegram answers every client in the layer it
 * declared with `invokeWithLayer`. The world works in layer 224 (tl/'s schema); the combinators
 * that differ at the judges' layers (GramJS 198, Irenogram 225, mtcute 227, Telethon 229) come
 * from `layers_gen.ts`, generated from those clients' own schemas. Decoding maps a foreign
 * constructor to its layer-224 name (fields the client's layer lacks get empty values); encoding
 * writes a layer-224 object with the client's constructor id and fields (fields its layer lacks
 * are dropped, fields only its layer has get empty values).
 *
 * A declared layer without a table of its own is served with the nearest one (224 itself, or the
 * closest judge layer).
 *
 * @example
 * ```ts
 * import { decodeQuery, encodeObject } from "./layers.ts";
 * const bytes = encodeObject({ _: "help.getConfig" }, 198);
 * decodeQuery(bytes, 198); // { _: "help.getConfig" }
 * ```
 *
 * @module
 */
import {
  type AnyFunction,
  LAYER,
  RPC_RESULT_ID,
  serialize,
  TlError,
  TlReader,
  TlWriter,
} from "../../tl/mod.ts";
import { LAYER_TABLES, type LayerCombinator } from "./layers_gen.ts";
import { int32LE, uint32LE } from "../../encoding/bytes.ts";

const INVOKE_WITH_LAYER_ID = 0xda9b0d0d;

/** The layers this server speaks: its own and every foreign layer it carries a table for. */
export const SERVED_LAYERS: readonly number[] = [LAYER, ...LAYER_TABLES.keys()].sort((a, b) =>
  a - b
);

interface Table {
  layer: number;
  byId: Map<number, LayerCombinator>;
  byName: Map<string, LayerCombinator>;
}

const tables = new Map<number, Table>();
for (const [layer, list] of LAYER_TABLES) {
  tables.set(layer, {
    layer,
    byId: new Map(list.map((c) => [c[1], c])),
    byName: new Map(list.map((c) => [c[0], c])),
  });
}

/** The table that serves `layer` (undefined: plain layer 224). */
function tableFor(layer: number): Table | undefined {
  if (layer === LAYER) return undefined;
  const exact = tables.get(layer);
  if (exact) return exact;
  let best = LAYER;
  for (const l of SERVED_LAYERS) {
    if (Math.abs(l - layer) < Math.abs(best - layer)) best = l;
  }
  return tables.get(best);
}

/** An empty value of a type code (for fields one side has and the other lacks). */
function empty(code: string): unknown {
  switch (code) {
    case "i":
    case "d":
      return 0;
    case "l":
      return 0n;
    case "s":
      return "";
    case "b":
      return new Uint8Array(0);
    case "i128":
      return new Uint8Array(16);
    case "i256":
      return new Uint8Array(32);
    case "B":
    case "t":
      return false;
    default:
      return code[0] === "V" || code[0] === "v" ? [] : undefined;
  }
}

class LayerReader extends TlReader {
  constructor(buf: Uint8Array, readonly table: Table) {
    super(buf);
  }

  override object<T = unknown>(): T {
    const c = this.table.byId.get(this.peekUint());
    if (!c) return super.object<T>();
    this.uint();
    if (++this.depth > 64) throw new TlError("TL_TOO_DEEP", "TL objects nested too deep");
    const out: Record<string, unknown> = { _: c[0] };
    const flags: Record<string, number> = {};
    for (const [name, code, field, bit] of c[2]) {
      if (code === "#") {
        flags[name] = this.int();
        continue;
      }
      const present = field === "" || (flags[field] & (1 << bit)) !== 0;
      if (code === "t") out[name] = present;
      else if (present) out[name] = this.value(code);
    }
    for (const [name, code] of c[3]) if (out[name] === undefined) out[name] = empty(code);
    this.depth--;
    return out as T;
  }

  value(code: string): unknown {
    switch (code) {
      case "i":
        return this.int();
      case "l":
        return this.long();
      case "d":
        return this.double();
      case "s":
        return this.string();
      case "b":
        return this.bytes();
      case "i128":
        return this.int128();
      case "i256":
        return this.int256();
      case "B":
        return this.bool();
      case "o":
        return this.object();
    }
    const inner = code.slice(1);
    return code[0] === "V"
      ? this.vector((r) => (r as LayerReader).value(inner))
      : this.bareVector((r) => (r as LayerReader).value(inner));
  }
}

class LayerWriter extends TlWriter {
  table: Table | undefined;

  override object(o: { _: string }): void {
    const c = o == null ? undefined : this.table?.byName.get(o._);
    if (!c) return super.object(o);
    const obj = o as unknown as Record<string, unknown>;
    const params = c[2];
    const flags: Record<string, number> = {};
    for (const [name, code, field, bit] of params) {
      if (code === "#") flags[name] ??= 0;
      else if (field !== "") {
        const v = obj[name];
        if (code === "t" ? v === true : v != null) flags[field] = (flags[field] ?? 0) | (1 << bit);
      }
    }
    this.int(c[1] | 0);
    for (const [name, code, field, bit] of params) {
      if (code === "#") this.int(flags[name]);
      else if (code === "t") continue;
      else if (field === "") this.value(code, obj[name] ?? empty(code), o._, name);
      else if ((flags[field] & (1 << bit)) !== 0) this.value(code, obj[name], o._, name);
    }
  }

  value(code: string, v: unknown, owner: string, field: string): void {
    if (v === undefined) {
      throw new TlError(
        "TL_INVALID_VALUE",
        `cannot write ${owner} for layer ${this.table?.layer}: ${field} has no value`,
      );
    }
    switch (code) {
      case "i":
        return this.int(Number(v));
      case "l":
        return this.long(BigInt(v as number | bigint));
      case "d":
        return this.double(v as number);
      case "s":
        return this.string(v as string);
      case "b":
        return this.bytes(v as Uint8Array);
      case "i128":
        return this.int128(v as Uint8Array);
      case "i256":
        return this.int256(v as Uint8Array);
      case "B":
        return this.bool(v as boolean);
      case "o":
        return this.object(v as { _: string });
    }
    const inner = code.slice(1);
    const each = (w: TlWriter, x: unknown) => (w as LayerWriter).value(inner, x, owner, field);
    if (code[0] === "V") this.vector(each, v as unknown[]);
    else this.bareVector(each, v as unknown[]);
  }
}

/**
 * Decodes one query (a function, possibly still wrapped) sent by a client at `layer`. An
 * `invokeWithLayer` wrapper's own layer wins: the query inside it is read at that layer.
 *
 * @throws {TlError} when the bytes are not a known function at that layer.
 */
export function decodeQuery(bytes: Uint8Array, layer: number): AnyFunction {
  // Read bytewise: a DataView per query would make Bun build the message's ArrayBuffer.
  if (bytes.length >= 8 && uint32LE(bytes, 0) === INVOKE_WITH_LAYER_ID) layer = int32LE(bytes, 4);
  const table = tableFor(layer);
  const r = table ? new LayerReader(bytes, table) : new TlReader(bytes);
  const fn = r.object<AnyFunction>();
  if (typeof fn !== "object" || fn === null || typeof (fn as { _?: unknown })._ !== "string") {
    throw new TlError("TL_UNEXPECTED_CONSTRUCTOR", "a query must be a TL function");
  }
  return fn;
}

const writer = new LayerWriter(4096);

/**
 * Encodes a result (or an Updates object) for a client at `layer`: a TL object, `true`/`false`
 * (Bool) or an array (Vector of objects, longs or ints).
 *
 * @throws {TlError} when the value cannot be written at that layer.
 */
export function encodeObject(obj: unknown, layer: number): Uint8Array {
  const w = writer;
  w.reset(1 << 20);
  w.table = tableFor(layer);
  try {
    if (typeof obj === "boolean") w.bool(obj);
    else if (Array.isArray(obj)) {
      if (obj.length > 0 && typeof obj[0] === "bigint") w.vectorLong(obj as bigint[]);
      else if (obj.length > 0 && typeof obj[0] === "number") w.vectorInt(obj as number[]);
      else w.vectorObject(obj as { _: string }[]);
    } else w.object(obj as { _: string });
    return w.result();
  } finally {
    w.table = undefined;
  }
}

/**
 * `rpc_result{reqMsgId, result}` with the result encoded for `layer`, in one pass: the same
 * bytes as serialising an rpc_result around {@link encodeObject}'s, one copy fewer.
 *
 * @throws {TlError} when the value cannot be written at that layer.
 */
export function encodeResult(reqMsgId: bigint, obj: unknown, layer: number): Uint8Array {
  if (Array.isArray(obj)) {
    return serialize({ _: "rpc_result", reqMsgId, result: encodeObject(obj, layer) });
  }
  const w = writer;
  w.reset(1 << 20);
  w.table = tableFor(layer);
  try {
    // tl/'s rpc_result writer writes its result through this writer: at the client's layer.
    w.object({ _: "rpc_result", reqMsgId, result: obj } as unknown as { _: string });
    return w.result();
  } finally {
    w.table = undefined;
  }
}

/** rpc_result's header (constructor id, then req_msg_id) as each cached answer gets it. */
const HEADER = new Uint8Array(12);
const HEADER_VIEW = new DataView(HEADER.buffer);
HEADER_VIEW.setUint32(0, RPC_RESULT_ID, true);

/** A result remembered by {@link encodeResultCached}: a copy of its fields, and its bytes. */
interface FlatEntry {
  fields: Record<string, unknown>;
  count: number;
  /** Answers that differed from the last (ids, dates): a kind that keeps changing is let be. */
  misses: number;
  hits: number;
  /** The result as {@link encodeObject} writes it at that layer (rpc_result's body after byte 12). */
  bytes: Uint8Array;
}

/** The last flat result of each constructor, per layer (a few per layer: a handful of methods). */
const flatResults = new Map<number, Map<string, FlatEntry>>();
/** How many answers {@link encodeResultCached} copied (tests check that the path is taken). */
export const resultCacheStats = { hits: 0 };
const FLAT_PER_LAYER = 64;

/** How many fields `obj` has when every one is a string, number, boolean or bigint; else -1. */
function flatCount(obj: Record<string, unknown>): number {
  let n = 0;
  for (const k in obj) {
    const t = typeof obj[k];
    if (t !== "string" && t !== "number" && t !== "boolean" && t !== "bigint") return -1;
    n++;
  }
  return n;
}

/** Whether `obj` has exactly the fields of `entry`, each the same value. */
function sameFlat(entry: FlatEntry, obj: Record<string, unknown>): boolean {
  const fields = entry.fields;
  let n = 0;
  for (const k in obj) {
    if (obj[k] !== fields[k]) return false;
    n++;
  }
  return n === entry.count;
}

/**
 * {@link encodeResult}, the same bytes, for answers that repeat: a result whose fields are all
 * plain values (help.getNearestDc's nearestDc, …) equal to the last one of its constructor at
 * this layer is copied from that one's encoding behind a new rpc_result header instead of being
 * written again. Anything nested (objects, vectors, bytes) is encoded every time.
 *
 * @throws {TlError} when the value cannot be written at that layer.
 */
export function encodeResultCached(reqMsgId: bigint, obj: unknown, layer: number): Uint8Array {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    return encodeResult(reqMsgId, obj, layer);
  }
  const value = obj as Record<string, unknown>;
  const name = value._;
  let byName = flatResults.get(layer);
  const hit = typeof name === "string" ? byName?.get(name) : undefined;
  if (hit !== undefined && hit.misses > 16 && hit.misses > 4 * hit.hits) {
    // This kind differs nearly every time (sendMessage's updateShortSentMessage: a new id and
    // pts each): copying its fields would only add work.
    return encodeResult(reqMsgId, obj, layer);
  }
  if (hit !== undefined && sameFlat(hit, value)) {
    hit.hits++;
    // The header goes through one kept view: a DataView of the new array would make Bun build
    // its ArrayBuffer (`.buffer` of a small typed array), a fifth of a burst's server time.
    HEADER_VIEW.setBigInt64(4, reqMsgId, true);
    resultCacheStats.hits++;
    const out = new Uint8Array(12 + hit.bytes.length);
    out.set(HEADER);
    out.set(hit.bytes, 12);
    return out;
  }
  const body = encodeResult(reqMsgId, obj, layer);
  const count = typeof name === "string" ? flatCount(value) : -1;
  if (count >= 0) {
    if (byName === undefined) flatResults.set(layer, byName = new Map());
    else if (byName.size >= FLAT_PER_LAYER && !byName.has(name as string)) byName.clear();
    const misses = hit === undefined ? 0 : hit.misses + 1, hits = hit?.hits ?? 0;
    byName.set(name as string, {
      fields: { ...value },
      count,
      bytes: body.slice(12),
      misses,
      hits,
    });
  }
  return body;
}
