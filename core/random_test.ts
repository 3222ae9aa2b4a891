import { test } from "node:test";
import assert from "node:assert/strict";
import { pooledRandom } from "./random.ts";

test("pooledRandom: views are consecutive slices of one pool, refilled when spent", () => {
  const draw = pooledRandom(64, true);
  const a = draw(16), b = draw(16), c = draw(16), d = draw(16);
  assert.equal(a.buffer, d.buffer);
  assert.deepEqual([a, b, c, d].map((v) => v.byteOffset), [0, 16, 32, 48]);
  const e = draw(8); // the pool is spent: a new one
  assert.notEqual(e.buffer, a.buffer);
  assert.equal(e.byteOffset, 0);
  // 256 bytes of CSPRNG output are not all one value (a pool never filled would be zeros).
  const bytes = new Set([a, b, c, d].flatMap((v) => [...v]));
  assert.ok(bytes.size > 16, `only ${bytes.size} distinct byte values`);
});

test("pooledRandom: copies do not alias the pool; large draws bypass it", () => {
  const draw = pooledRandom(64);
  const a = draw(16), b = draw(16);
  assert.notEqual(a.buffer, b.buffer);
  assert.equal(a.length, 16);
  const big = draw(17); // over a quarter of the pool
  assert.equal(big.length, 17);
  assert.equal(big.byteOffset, 0);
  assert.equal(big.buffer.byteLength, 17);
});
