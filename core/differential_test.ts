// Differential tests on random inputs of random lengths against independent implementations:
// node:crypto for SHA, AES (IGE built from ECB blocks) and CTR, JS BigInt for modPow,
// multiplication for factorisation, a JS re-implementation for MTProto sealing.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  Ctr256,
  factorizePQ,
  ige256Decrypt,
  ige256Encrypt,
  initCore,
  modPow,
  openMessage,
  sealMessage,
  sha1,
  sha256,
} from "./mod.ts";
import { modPowWindowed } from "./bigmath.ts";
import { core, readBytes, scratch, writeBytes } from "./wasm.ts";
import { concatBytes as concat, toHex } from "../encoding/bytes.ts";
import {
  nodeHash,
  refCtr,
  refIge,
  refModPow,
  sameBytes,
  wasmOnly,
} from "../testing/crypto_reference.ts";
import { SeededRandom } from "../testing/random.ts";

const N = 10_000;

test("SHA-1 and SHA-256 of 10,000 random inputs in random parts equal node:crypto", () =>
  wasmOnly(() => {
    const r = new SeededRandom(1);
    for (let i = 0; i < N; i++) {
      const data = r.bytes(r.int(i % 100 === 0 ? 5000 : 300));
      const cut = r.int(data.length + 1);
      const parts = [data.subarray(0, cut), data.subarray(cut)];
      const alg = i % 2 === 0 ? "sha1" : "sha256";
      const ours = alg === "sha1" ? sha1(...parts) : sha256(...parts);
      assert.equal(toHex(ours), toHex(nodeHash(alg, data)), `input ${i}`);
    }
    // Beyond one scratch chunk.
    const big = r.bytes(3 << 20);
    assert.equal(toHex(sha256(big)), toHex(nodeHash("sha256", big)));
    assert.equal(toHex(sha1(big.subarray(1), big)), toHex(nodeHash("sha1", big.subarray(1), big)));
  }));

test("AES-256-IGE of 10,000 random inputs equals IGE built from node:crypto ECB", () =>
  wasmOnly(() => {
    const r = new SeededRandom(2);
    for (let i = 0; i < N; i++) {
      const data = r.bytes(16 * (1 + r.int(i % 100 === 0 ? 100 : 8)));
      const key = r.bytes(32), iv = r.bytes(32);
      const enc = ige256Encrypt(data, key, iv);
      assert.equal(toHex(enc), toHex(refIge(data, key, iv, true)), `input ${i}`);
      assert.equal(toHex(ige256Decrypt(enc, key, iv)), toHex(data), `input ${i}`);
    }
    // Beyond one scratch chunk: the IV chain must carry across chunks, so the result equals two
    // calls chained by hand (IV = last ciphertext block + last plaintext block).
    const big = r.bytes((2 << 20) + 48), key = r.bytes(32), iv = r.bytes(32);
    const cut = (1 << 20) + 32;
    const first = ige256Encrypt(big.subarray(0, cut), key, iv);
    const nextIv = concat(first.subarray(cut - 16), big.subarray(cut - 16, cut));
    const enc = ige256Encrypt(big, key, iv);
    assert.equal(
      sameBytes(enc, concat(first, ige256Encrypt(big.subarray(cut), key, nextIv))),
      undefined,
    );
    assert.equal(sameBytes(ige256Decrypt(enc, key, iv), big), undefined);
  }));

test("AES-256-CTR streams of 10,000 random chunks equal node:crypto aes-256-ctr", () =>
  wasmOnly(() => {
    const r = new SeededRandom(3);
    let chunks = 0;
    while (chunks < N) {
      const key = r.bytes(32), iv = r.bytes(16);
      // Counters near the 128-bit wrap too.
      if (chunks % 7 === 0) iv.fill(0xff, 8);
      const ours = new Ctr256(key, iv), ref = refCtr(key, iv);
      for (let j = 0; j < 50; j++, chunks++) {
        const data = r.bytes(r.int(j === 49 ? 5_000 : 100));
        assert.equal(sameBytes(ours.process(data), ref(data)), undefined, `chunk ${chunks}`);
      }
      ours.free();
    }
  }));

function randomBigint(r: SeededRandom, bits: number): bigint {
  let v = 0n;
  for (const byte of r.bytes(Math.ceil(bits / 8))) v = (v << 8n) | BigInt(byte);
  return v & ((1n << BigInt(bits)) - 1n);
}

test("modPow of 10,000 random inputs of random sizes equals JS BigInt", () =>
  wasmOnly(() => {
    const r = new SeededRandom(4);
    for (let i = 0; i < N; i++) {
      // Mostly small sizes (the reference is slow), every 500th a full 2048-bit one.
      const bits = i % 1000 === 0 ? 2048 : 2 + r.int(i % 20 === 0 ? 1024 : 128);
      const mod = randomBigint(r, bits) | 1n | (1n << BigInt(bits - 1));
      const base = randomBigint(r, 1 + r.int(bits + 64));
      const exp = randomBigint(r, 1 + r.int(bits));
      assert.equal(modPow(base, exp, mod), refModPow(base, exp, mod), `input ${i}`);
    }
    assert.equal(modPow(-5n, 3n, 7n), refModPow(-5n, 3n, 7n));
    assert.equal(modPow(5n, 0n, 7n), 1n);
    assert.equal(modPow(5n, 3n, 1n), 0n);
  }));

test("modPow in the core at digit-size boundaries and with all-ones operands equals JS BigInt", () =>
  wasmOnly(() => {
    // The core works in radix 2^28 with column sums in 64 bits, in groups of 4 digits sized
    // for the modulus plus a 28-bit factor and 2 bits: the group count changes at 112q - 30 bits
    // (82, 194, ..., 2018). Moduli around those sizes, around byte and digit sizes, and maximal
    // digits are the edge cases.
    const r = new SeededRandom(11);
    const sizes = [
      2,
      27,
      28,
      29,
      81,
      82,
      83,
      111,
      112,
      113,
      193,
      194,
      195,
      1023,
      1024,
      2015,
      2016,
      2017,
      2018,
      2019,
      2047,
      2048,
    ];
    for (const bits of sizes) {
      const ones = (1n << BigInt(bits)) - 1n;
      const mods = [ones, randomBigint(r, bits) | 1n | (1n << BigInt(bits - 1))];
      for (const mod of mods) {
        for (const base of [mod - 1n, mod - 2n, 2n, randomBigint(r, bits)]) {
          for (const exp of [ones, mod - 1n, randomBigint(r, bits), 3n]) {
            assert.equal(modPow(base, exp, mod), refModPow(base, exp, mod), `${bits} bits`);
          }
        }
      }
    }
  }));

test("the T-table AES (measured by the bench) equals node:crypto on 2,000 random blocks", async () => {
  await initCore();
  const r = new SeededRandom(12);
  const zero = new Uint8Array(32); // one IGE block with a zero IV is one ECB block
  for (let i = 0; i < 2000; i++) {
    const key = r.bytes(32), block = r.bytes(16);
    const p = scratch(48);
    writeBytes(p, key);
    writeBytes(p + 32, block);
    core().aes_table_block(p, p + 32, 0);
    const enc = readBytes(p + 32, 16);
    assert.equal(sameBytes(enc, refIge(block, key, zero, true)), undefined, `block ${i}`);
    core().aes_table_block(p, p + 32, 1);
    assert.equal(sameBytes(readBytes(p + 32, 16), block), undefined, `block ${i}`);
  }
});

function isPrime(n: bigint): boolean {
  if (n < 2n) return false;
  for (const p of [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n]) {
    if (n % p === 0n) return n === p;
  }
  let d = n - 1n, s = 0;
  while ((d & 1n) === 0n) [d, s] = [d >> 1n, s + 1];
  outer: for (const a of [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n]) {
    let x = refModPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let i = 1; i < s; i++) {
      x = (x * x) % n;
      if (x === n - 1n) continue outer;
    }
    return false;
  }
  return true;
}

test("factorizePQ of 10,000 products of two random primes gives back the primes", () =>
  wasmOnly(() => {
    const r = new SeededRandom(5);
    const prime = (bits: number) => {
      for (;;) {
        const v = randomBigint(r, bits) | (1n << BigInt(bits - 1)) | 1n;
        if (isPrime(v)) return v;
      }
    };
    for (let i = 0; i < N; i++) {
      // Telegram's pq has two ~31-bit primes; most inputs here are smaller to keep it quick.
      const bits = i % 200 === 0 ? 32 : 3 + r.int(18);
      let p = prime(bits), q = prime(i % 200 === 0 ? 32 : 3 + r.int(18));
      if (p === q) continue;
      if (p > q) [p, q] = [q, p];
      assert.deepEqual(factorizePQ(p * q), [p, q], `pq ${p * q}`);
    }
  }));

/** MTProto 2.0 sealing re-implemented with node:crypto (msg_key, KDF, IGE from ECB). */
function refSeal(authKey: Uint8Array, plain: Uint8Array, x: number): Uint8Array {
  const msgKey = nodeHash("sha256", authKey.subarray(88 + x, 120 + x), plain).subarray(8, 24);
  const a = nodeHash("sha256", msgKey, authKey.subarray(x, x + 36));
  const b = nodeHash("sha256", authKey.subarray(40 + x, 76 + x), msgKey);
  const key = concat(a.subarray(0, 8), b.subarray(8, 24), a.subarray(24, 32));
  const iv = concat(b.subarray(0, 8), a.subarray(8, 24), b.subarray(24, 32));
  const id = nodeHash("sha1", authKey).subarray(12, 20);
  return concat(id, msgKey, refIge(plain, key, iv, true));
}

test("sealMessage/openMessage of 2,000 random messages equal a node:crypto re-implementation", () =>
  wasmOnly(() => {
    const r = new SeededRandom(6);
    for (let i = 0; i < 2000; i++) {
      const authKey = r.bytes(256);
      const body = r.bytes(4 * r.int(i % 50 === 0 ? 4000 : 100));
      const inner = concat(
        r.bytes(28),
        new Uint8Array(new Uint32Array([body.length]).buffer),
        body,
      );
      const sender = i % 2 === 0 ? "client" : "server";
      let padding: Uint8Array = new Uint8Array(0);
      const sealed = sealMessage(authKey, inner, sender, (n) => (padding = r.bytes(n)));
      assert.ok(padding.length >= 12 && padding.length <= 1024);
      const expected = refSeal(authKey, concat(inner, padding), sender === "client" ? 0 : 8);
      assert.equal(toHex(sealed), toHex(expected), `message ${i}`);
      assert.equal(toHex(openMessage(authKey, sealed, sender)), toHex(inner), `message ${i}`);
    }
  }));

test("modPowWindowed (JS, used without native code) equals plain square-and-multiply", () => {
  const r = new SeededRandom(16);
  for (let i = 0; i < 2000; i++) {
    const bits = i % 200 === 0 ? 2048 : 2 + r.int(i % 10 === 0 ? 1024 : 200);
    const mod = randomBigint(r, bits) | 1n | (1n << BigInt(bits - 1));
    const base = randomBigint(r, 1 + r.int(bits + 64)) * (i % 7 === 0 ? -1n : 1n);
    const exp = randomBigint(r, 1 + r.int(bits));
    assert.equal(modPowWindowed(base, exp, mod), refModPow(base, exp, mod), `input ${i}`);
  }
  assert.equal(modPowWindowed(5n, 0n, 1n), 0n);
  assert.equal(modPowWindowed(5n, 0n, 7n), 1n);
});
