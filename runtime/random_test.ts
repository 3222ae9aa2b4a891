import { test } from "node:test";
import assert from "node:assert/strict";
import { fillRandom } from "./random.ts";

test("fillRandom: fills every byte, beyond 64 KiB too, with evenly spread values", () => {
  const n = 256 * 1024 + 5; // over getRandomValues' 64 KiB limit, not a multiple of it
  const bytes = fillRandom(new Uint8Array(n));
  assert.equal(bytes.length, n);
  const counts = new Array(256).fill(0);
  for (const b of bytes) counts[b]++;
  // ~1024 each; a sound CSPRNG stays far inside these bounds (an unfilled tail or a stuck
  // 64 KiB block of zeros would not).
  for (const [value, count] of counts.entries()) {
    assert.ok(count > 800 && count < 1250, `byte ${value} seen ${count} times`);
  }
  // Views fill their own range only.
  const whole = new Uint8Array(64);
  fillRandom(whole.subarray(16, 48));
  assert.deepEqual([...whole.subarray(0, 16), ...whole.subarray(48)], new Array(32).fill(0));
  assert.notDeepEqual(fillRandom(new Uint8Array(32)), fillRandom(new Uint8Array(32)));
});
