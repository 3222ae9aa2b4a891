// WebAssembly memory stays bounded over 1,000,000 calls (scratch reuse, freed handles).
import { test } from "node:test";
import assert from "node:assert/strict";
import process from "node:process";
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
import { type NativeCrypto, setNativeCrypto } from "./native.ts";

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

test("process memory stays bounded over 100,000 native Ctr256 streams created and freed", async () => {
  // A stream on node:crypto must release the cipher in free(): Deno kept about 1.2 KB of native
  // state per dropped cipher (240 MB over 200,000 streams). Generous bound: the leak gives ~120 MB.
  await initCore();
  const key = new Uint8Array(32), iv = new Uint8Array(16), data = new Uint8Array(64);
  const cycle = () => {
    const ctr = new Ctr256(key, iv);
    ctr.process(data);
    ctr.free();
  };
  for (let i = 0; i < 20_000; i++) cycle();
  const before = process.memoryUsage().rss;
  for (let i = 0; i < 100_000; i++) cycle();
  const grown = process.memoryUsage().rss - before;
  assert.ok(grown < 48 << 20, `RSS grew by ${(grown / 1048576).toFixed(1)} MiB`);
});

test("process memory stays bounded over 100,000 native IGE encryptions", async () => {
  // Each IGE encryption on node:crypto makes one CBC cipher, finished with final() so that
  // Deno releases its native state at once (as for Ctr256 above).
  await initCore();
  const previous = setNativeCrypto(await import("node:crypto") as unknown as NativeCrypto);
  try {
    const key = new Uint8Array(32), iv = new Uint8Array(32), data = new Uint8Array(64);
    for (let i = 0; i < 20_000; i++) ige256Encrypt(data, key, iv);
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 100_000; i++) ige256Encrypt(data, key, iv);
    const grown = process.memoryUsage().rss - before;
    assert.ok(grown < 48 << 20, `RSS grew by ${(grown / 1048576).toFixed(1)} MiB`);
  } finally {
    setNativeCrypto(previous);
  }
});
