// The module is built twice (core-rs/build.sh): as compiled, and with every i8x16.swizzle as
// i8x16.relaxed_swizzle. The loader runs one of them per runtime, so the differential tests
// cover only that one; here both builds (where the runtime can run them) face the reference IGE
// and CTR directly through their exports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RELAXED_SIMD_PROBE, WASM_PLAIN_BASE64, WASM_RELAXED_BASE64 } from "./wasm_bytes.ts";
import { decodeBase64 } from "../encoding/base64.ts";
import { toHex } from "../encoding/bytes.ts";
import { refCtr, refIge } from "../testing/crypto_reference.ts";
import { SeededRandom } from "../testing/random.ts";

// deno-lint-ignore no-explicit-any
type Exports = Record<string, any>;

async function instantiate(b64: string): Promise<Exports> {
  const { instance } = await WebAssembly.instantiate(decodeBase64(b64), {});
  return instance.exports as Exports;
}

function checkBuild(x: Exports, seed: number): void {
  const r = new SeededRandom(seed);
  const p = x.core_alloc(64 + 4096);
  const mem = () => new Uint8Array(x.memory.buffer);
  for (let i = 0; i < 300; i++) {
    const key = r.bytes(32), iv = r.bytes(32), data = r.bytes(16 * (1 + r.int(256)));
    for (const enc of [true, false]) {
      mem().set(key, p);
      mem().set(iv, p + 32);
      mem().set(data, p + 64);
      assert.equal((enc ? x.ige256_encrypt : x.ige256_decrypt)(p, p + 32, p + 64, data.length), 0);
      const got = mem().slice(p + 64, p + 64 + data.length);
      assert.equal(toHex(got), toHex(refIge(data, key, iv, enc)), `input ${i}, enc ${enc}`);
    }
  }
  const key = r.bytes(32), ctrIv = r.bytes(16);
  mem().set(key, p);
  mem().set(ctrIv, p + 32);
  const h = x.ctr256_new(p, p + 32);
  const ref = refCtr(key, ctrIv);
  for (let i = 0; i < 50; i++) {
    const data = r.bytes(r.int(3000));
    mem().set(data, p);
    x.ctr256_apply(h, p, data.length);
    assert.equal(toHex(mem().slice(p, p + data.length)), toHex(ref(data)), `chunk ${i}`);
  }
  x.ctr256_free(h);
  x.core_free(p, 64 + 4096);
}

test("the plain SIMD128 build equals the reference AES-256-IGE and CTR", async () => {
  checkBuild(await instantiate(WASM_PLAIN_BASE64), 1);
});

test("the relaxed-SIMD build equals the reference AES-256-IGE and CTR (where the runtime has relaxed SIMD)", async () => {
  if (!WebAssembly.validate(RELAXED_SIMD_PROBE)) {
    // Node 20: relaxed SIMD is behind a flag; the loader takes the plain build there.
    await assert.rejects(instantiate(WASM_RELAXED_BASE64));
    return;
  }
  checkBuild(await instantiate(WASM_RELAXED_BASE64), 2);
});
