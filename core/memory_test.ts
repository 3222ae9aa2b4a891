// WebAssembly memory stays bounded over 1,000,000 calls (scratch reuse, freed handles).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  crc32,
  Ctr256,
  ige256Encrypt,
  initCore,
  openMessage,
  sealMessage,
  sha1,
  sha256,
} from "./mod.ts";
import { core } from "./wasm.ts";
import { setNativeCrypto } from "./native.ts";

test("memory stays bounded across 1,000,000 calls", async () => {
  await initCore();
  // The WebAssembly path on every runtime (node:crypto would take CTR, SHA and IGE encryption).
  const previous = setNativeCrypto(undefined);
  const small = new Uint8Array(48).fill(7), key = new Uint8Array(32), iv = new Uint8Array(32);
  const authKey = new Uint8Array(256).fill(3);
  const inner = new Uint8Array(64);
  inner[28] = 32;
  const big = new Uint8Array(20_000);
  const round = (i: number) => {
    switch (i % 4) {
      case 0:
        return sha256(small, small);
      case 1:
        return crc32(small);
      case 2:
        return ige256Encrypt(small, key, iv);
      default:
        if (i % 1000 === 3) {
          const ctr = new Ctr256(key, iv.subarray(0, 16));
          ctr.process(big);
          ctr.free();
          return openMessage(authKey, sealMessage(authKey, inner, "client"), "client");
        }
        return sha1(small);
    }
  };
  for (let i = 0; i < 10_000; i++) round(i);
  const before = core().memory.buffer.byteLength;
  for (let i = 0; i < 1_000_000; i++) round(i);
  const after = core().memory.buffer.byteLength;
  setNativeCrypto(previous);
  assert.ok(after <= before + (1 << 20), `memory grew from ${before} to ${after} bytes`);
});
