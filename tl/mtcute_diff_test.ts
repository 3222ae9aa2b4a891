/**
 * Differential: the same random objects serialised by mtcute (`@mtcute/tl` layer 223 with
 * `@mtcute/tl-runtime`) give the same bytes, for every combinator whose id (and whose nested
 * objects' ids) mtcute shares with layer 224.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { TlBinaryReader, TlBinaryWriter } from "@mtcute/tl-runtime";
import { __tlWriterMap } from "@mtcute/tl/binary/writer.js";
import { __tlReaderMap } from "@mtcute/tl/binary/reader.js";
import { deserialize, serialize } from "./mod.ts";
import type { AnyTlObject } from "./mod.ts";
import { NotShared, toMtcute } from "./test_support/peer_shapes.ts";
import { loadCombinators, RandomTl } from "./test_support/random_tl.ts";

const combinators = loadCombinators();

/** `obj` in mtcute's shape, or undefined when mtcute's layer does not have it as is. */
function inMtcute(obj: unknown): { _: string } | undefined {
  try {
    return toMtcute(obj) as { _: string };
  } catch (e) {
    if (e instanceof NotShared) return undefined;
    throw e;
  }
}

test("mtcute serialises the same random objects to the same bytes", () => {
  let same = 0, skipped = 0;
  for (const seed of [11, 12]) {
    const random = new RandomTl(combinators, seed, {
      safeLongs: true,
      nonEmptyOptionalVectors: true,
    });
    for (const c of combinators) {
      const obj = random.instance(c.name);
      const theirs = inMtcute(obj);
      if (!theirs) {
        skipped++;
        continue;
      }
      const expected = TlBinaryWriter.serializeObject(__tlWriterMap as never, theirs);
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
    const theirs = inMtcute(obj);
    if (!theirs) continue;
    const bytes = TlBinaryWriter.serializeObject(__tlWriterMap as never, theirs);
    assert.deepEqual(deserialize(new Uint8Array(bytes)), obj, c.name);
    // And mtcute reads our bytes (it has readers for constructors only).
    if (c.kind === "function") continue;
    const back = TlBinaryReader.deserializeObject(__tlReaderMap as never, serialize(obj as never));
    assert.equal((back as { _: string })._, theirs._);
    read++;
  }
  assert.ok(read > 1200, `${read}`);
});
