/**
 * Differential: the same random objects serialised by mtcute (`@mtcute/tl` layer 223 with
 * `@mtcute/tl-runtime`) give the same bytes, for every combinator whose id (and whose nested
 * objects' ids) mtcute shares with layer 224.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { TlBinaryReader, TlBinaryWriter } from "@mtcute/tl-runtime";
import { __tlWriterMap } from "@mtcute/tl/binary/writer.js";
import { __tlReaderMap } from "@mtcute/tl/binary/reader.js";
import { deserialize, ids, serialize } from "../../tl/mod.ts";
import type { AnyTlObject } from "../../tl/mod.ts";
import { camelCase } from "../../tl/tl_parser.ts";
import { loadCombinators, RandomTl } from "./random_tl.ts";

interface MtArg {
  name: string;
  type: string;
}
interface MtEntry {
  name: string;
  id: number;
  arguments: MtArg[];
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

class NotShared extends Error {}

/**
 * mtcute cannot write these: its bare-vector writer calls the element writer as `fn.call(w, item)`
 * while the generated bare writers take `(w, item)`, so `future_salts` fails inside mtcute.
 */
const MTCUTE_BROKEN = new Set(["future_salts"]);

/** Our object in mtcute's shape (Long for long, number for its int53 fields, mt_ names). */
function toMtcute(v: unknown, type = ""): unknown {
  if (typeof v === "bigint") {
    if (type === "int53") return Number(v);
    return Long.fromBits(Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n)));
  }
  // mtcute types a few service strings (msgs_state_info.info, …) as bytes.
  if (typeof v === "string" && type === "bytes") return new TextEncoder().encode(v);
  if (v instanceof Uint8Array && type === "string") throw new NotShared("bytes as string");
  if (Array.isArray(v)) return v.map((x) => toMtcute(x, type));
  if (v instanceof Uint8Array || v === null || typeof v !== "object") return v;
  const obj = v as Record<string, unknown>;
  const name = obj._ as string;
  const mt = mtcute.get(name);
  if (MTCUTE_BROKEN.has(name)) throw new NotShared(name);
  if (!mt || mt.entry.id !== ids.get(name)) throw new NotShared(name);
  const out: Record<string, unknown> = { _: mt.entry.name };
  for (const [k, value] of Object.entries(obj)) {
    if (k === "_") continue;
    if (!mt.args.has(k)) throw new NotShared(`${name}.${k}`);
    out[k] = toMtcute(value, mt.args.get(k));
  }
  return out;
}

const combinators = loadCombinators();

test("mtcute serialises the same random objects to the same bytes", () => {
  let same = 0, skipped = 0;
  for (const seed of [11, 12]) {
    const random = new RandomTl(combinators, seed, {
      safeLongs: true,
      nonEmptyOptionalVectors: true,
    });
    for (const c of combinators) {
      const obj = random.instance(c.name);
      let theirs: unknown;
      try {
        theirs = toMtcute(obj);
      } catch (e) {
        if (e instanceof NotShared) {
          skipped++;
          continue;
        }
        throw e;
      }
      const expected = TlBinaryWriter.serializeObject(
        __tlWriterMap as never,
        theirs as { _: string },
      );
      const ours = serialize(obj as unknown as AnyTlObject);
      assert.deepEqual(ours, new Uint8Array(expected), `${c.name} (seed ${seed})`);
      same++;
    }
  }
  assert.ok(same > 2400, `only ${same} objects compared (${skipped} not shared with layer 223)`);
});

test("what mtcute writes, we read back to the same object", () => {
  const random = new RandomTl(combinators, 13, { safeLongs: true, nonEmptyOptionalVectors: true });
  let read = 0;
  for (const c of combinators) {
    const obj = random.instance(c.name);
    let theirs: unknown;
    try {
      theirs = toMtcute(obj);
    } catch (e) {
      if (e instanceof NotShared) continue;
      throw e;
    }
    const bytes = TlBinaryWriter.serializeObject(__tlWriterMap as never, theirs as { _: string });
    assert.deepEqual(deserialize(new Uint8Array(bytes)), obj, c.name);
    // And mtcute reads our bytes (it has readers for constructors only).
    if (c.kind === "function") continue;
    const back = TlBinaryReader.deserializeObject(__tlReaderMap as never, serialize(obj as never));
    assert.equal((back as { _: string })._, (theirs as { _: string })._);
    read++;
  }
  assert.ok(read > 1200, `${read}`);
});
