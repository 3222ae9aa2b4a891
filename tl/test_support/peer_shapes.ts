/**
 * Our TL objects in the shapes of the peer libraries, for the differential tests and the
 * benchmark: mtcute (`Long` for long, `number` for its int53 fields, `mt_` names for service
 * objects) and GramJS (class instances, `big-integer` for long, `Buffer` for bytes).
 */
import { readFileSync } from "node:fs";
import { Buffer } from "node:buffer";
import { createRequire } from "node:module";
import { TlBinaryReader } from "@mtcute/tl-runtime";
import { Api } from "telegram/tl/index.js";
import { returnBigInt } from "telegram/Helpers.js";
import { ids } from "../mod.ts";
import { camelCase } from "../tl_parser.ts";

interface MtEntry {
  name: string;
  id: number;
  arguments: { name: string; type: string }[];
}

const require = createRequire(import.meta.url);
const entries: MtEntry[] = [
  ...JSON.parse(readFileSync(require.resolve("@mtcute/tl/api-schema.json"), "utf8")).e,
  ...JSON.parse(readFileSync(require.resolve("@mtcute/tl/mtp-schema.json"), "utf8")),
];
const mtcute = new Map<string, { entry: MtEntry; args: Map<string, string> }>();
for (const e of entries) {
  const name = e.name.startsWith("mt_") ? e.name.slice(3) : e.name;
  mtcute.set(name, {
    entry: e,
    args: new Map(e.arguments.map((a) => [camelCase(a.name), a.type])),
  });
}

type LongLike = { toString(): string };
const Long = (TlBinaryReader.manual(new Uint8Array(8)).long() as unknown as {
  constructor: { fromBits(lo: number, hi: number): LongLike };
}).constructor;

/** Thrown when an object (or one nested in it) is not the same in mtcute's layer. */
export class NotShared extends Error {}

/**
 * mtcute cannot write these: its bare-vector writer calls the element writer as `fn.call(w, item)`
 * while the generated bare writers take `(w, item)`, so `future_salts` fails inside mtcute.
 */
const MTCUTE_BROKEN = new Set(["future_salts"]);

/**
 * Our object in mtcute's shape. `strict`: every constructor must have the same id and fields in
 * mtcute's layer (else {@link NotShared}); otherwise fields mtcute lacks are dropped.
 */
export function toMtcute(v: unknown, strict = true, type = ""): unknown {
  if (typeof v === "bigint") {
    if (type === "int53") return Number(v);
    return Long.fromBits(Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n)));
  }
  // mtcute types a few service strings (msgs_state_info.info, …) as bytes.
  if (typeof v === "string" && type === "bytes") return new TextEncoder().encode(v);
  if (v instanceof Uint8Array && type === "string") throw new NotShared("bytes as string");
  if (Array.isArray(v)) return v.map((x) => toMtcute(x, strict, type));
  if (v instanceof Uint8Array || v === null || typeof v !== "object") return v;
  const obj = v as Record<string, unknown>;
  const name = obj._ as string;
  const mt = mtcute.get(name);
  if (!mt || MTCUTE_BROKEN.has(name)) throw new NotShared(name);
  if (strict && mt.entry.id !== ids.get(name)) throw new NotShared(name);
  const out: Record<string, unknown> = { _: mt.entry.name };
  for (const [k, value] of Object.entries(obj)) {
    if (k === "_") continue;
    if (!mt.args.has(k)) {
      if (strict) throw new NotShared(`${name}.${k}`);
      continue;
    }
    out[k] = toMtcute(value, strict, mt.args.get(k));
  }
  return out;
}

type GramClass = new (args: Record<string, unknown>) => { getBytes(): Buffer };

/** Our object as GramJS class instances (its layer's fields; others are ignored by GramJS). */
export function toGramJs(v: unknown): unknown {
  if (typeof v === "bigint") return returnBigInt(v);
  if (v instanceof Uint8Array) return Buffer.from(v);
  if (Array.isArray(v)) return v.map(toGramJs);
  if (v === null || typeof v !== "object") return v;
  const obj = v as Record<string, unknown>;
  const path = (obj._ as string).split(".");
  const last = path.pop()!;
  let ns = Api as unknown as Record<string, unknown>;
  for (const p of path) ns = ns[p] as Record<string, unknown>;
  const cls = ns?.[last[0].toUpperCase() + last.slice(1)] as GramClass | undefined;
  if (!cls) throw new NotShared(obj._ as string);
  const args: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(obj)) if (k !== "_") args[k] = toGramJs(value);
  return new cls(args);
}
