import { test } from "node:test";
import assert from "node:assert/strict";
import { trimOldest } from "./bounded.ts";

/** A small deterministic generator (the test must not depend on testing/). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

test("trimOldest: keeps what deleting from the front of a fresh iterator keeps, over random use", () => {
  const rnd = lcg(7);
  const ours = new Map<number, number>(), ref = new Map<number, number>();
  let next = 0;
  for (let i = 0; i < 20_000; i++) {
    const r = rnd();
    if (r < 0.15 && ref.size > 0) {
      const keys = [...ref.keys()];
      const k = keys[Math.floor(rnd() * keys.length)];
      ours.delete(k);
      ref.delete(k);
    } else if (r < 0.2) {
      // A key set again keeps its place; one deleted and set again goes last.
      const k = Math.max(0, next - Math.floor(rnd() * 300));
      ours.set(k, i);
      ref.set(k, i);
    } else {
      ours.set(next, i);
      ref.set(next++, i);
    }
    const max = rnd() < 0.01 ? 10 : 200;
    trimOldest(ours, max);
    while (ref.size > max) ref.delete(ref.keys().next().value!);
    if (i % 97 === 0) assert.deepEqual([...ours], [...ref], `step ${i}`);
  }
  assert.deepEqual([...ours], [...ref]);
});

test("trimOldest: a set, emptied and filled again", () => {
  const s = new Set<string>();
  for (const k of ["a", "b", "c", "d"]) s.add(k);
  trimOldest(s, 2);
  assert.deepEqual([...s], ["c", "d"]);
  s.clear();
  for (const k of ["e", "f", "g"]) s.add(k);
  trimOldest(s, 1);
  assert.deepEqual([...s], ["g"]);
});
