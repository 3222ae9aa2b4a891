import { test } from "node:test";
import assert from "node:assert/strict";
import { bigintToBytes, bytesToBigint, concatBytes, fromHex, toHex } from "./bytes.ts";

test("bytes: hex both ways, known answers", () => {
  assert.equal(toHex(new Uint8Array([0, 1, 0xab, 0xff])), "0001abff");
  assert.deepEqual(fromHex("00 01 AB ff"), new Uint8Array([0, 1, 0xab, 0xff]));
  assert.equal(toHex(new Uint8Array(0)), "");
});

test("bytes: concatBytes keeps order and lengths", () => {
  const out = concatBytes(new Uint8Array([1]), new Uint8Array(0), new Uint8Array([2, 3]));
  assert.deepEqual(out, new Uint8Array([1, 2, 3]));
});

test("bytes: bigint conversions, known answers and limits", () => {
  assert.deepEqual(bigintToBytes(0x0102n, 4), new Uint8Array([0, 0, 1, 2]));
  assert.equal(bigintToBytes(0x10000n, 2), undefined);
  assert.equal(bigintToBytes(-1n, 2), undefined);
  assert.equal(bytesToBigint(new Uint8Array([1, 0, 0])), 0x10000n);
  assert.equal(bytesToBigint(new Uint8Array(0)), 0n);
});
