// The native path (node:crypto, used on Node and Bun) and the WebAssembly path give identical
// results; both are exercised on every runtime.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as nodeCrypto from "node:crypto";
import {
  bigintToBytes,
  bytesToBigint,
  Ctr256,
  dhExchange,
  ige256Decrypt,
  ige256Encrypt,
  initCore,
  initCoreForStart,
  loadNativeLater,
  modPow,
  NATIVE_AT_START,
  NATIVE_LATER_MS,
  openMessage,
  sealMessage,
  sha1,
  sha256,
} from "./mod.ts";
import { type NativeCrypto, nativeCrypto, setNativeCrypto } from "./native.ts";
import { core } from "./wasm.ts";
import { concatBytes as concat } from "../encoding/bytes.ts";
import { refModPow, sameBytes, TELEGRAM_DH_PRIME } from "../testing/crypto_reference.ts";
import { SeededRandom } from "../testing/random.ts";
import { RUNTIME } from "../runtime/runtime.ts";

const native = nodeCrypto as unknown as NativeCrypto;

function both<T>(fn: () => T): [T, T] {
  const previous = setNativeCrypto(undefined);
  try {
    const wasm = fn();
    setNativeCrypto(native);
    return [wasm, fn()];
  } finally {
    setNativeCrypto(previous);
  }
}

// First in this file, so that in a fresh process nothing has loaded node:crypto yet.
test("a client start waits for node:crypto except on Deno, where it comes in shortly after", async () => {
  assert.equal(NATIVE_AT_START, RUNTIME === "node");
  const fresh = nativeCrypto() === undefined; // Bun shares modules between test files
  await initCoreForStart();
  assert.equal(sha256(new Uint8Array(3)).length, 32); // the core is ready either way
  if (fresh) assert.equal(nativeCrypto() !== undefined, NATIVE_AT_START);
  const cancel = loadNativeLater();
  cancel();
  await new Promise((ok) => setTimeout(ok, NATIVE_LATER_MS + 50));
  if (fresh) assert.equal(nativeCrypto() !== undefined, NATIVE_AT_START, "a cancelled load ran");
  loadNativeLater();
  await new Promise((ok) => setTimeout(ok, NATIVE_LATER_MS + 50));
  assert.notEqual(nativeCrypto(), undefined);
});

test("SHA-1/SHA-256: native and WebAssembly paths agree on 2,000 random multi-part inputs", async () => {
  await initCore();
  const r = new SeededRandom(11);
  for (let i = 0; i < 2000; i++) {
    const parts = Array.from(
      { length: r.int(4) },
      () => r.bytes(r.int(i % 100 === 0 ? 3000 : 200)),
    );
    const [a, b] = both(() => (i % 2 ? sha1(...parts) : sha256(...parts)));
    assert.equal(sameBytes(a, b), undefined, `input ${i}`);
    assert.equal(a.constructor, Uint8Array);
    assert.equal(b.constructor, Uint8Array);
  }
});

test("AES-256-CTR: native and WebAssembly streams agree chunk by chunk", async () => {
  await initCore();
  const r = new SeededRandom(12);
  for (let s = 0; s < 50; s++) {
    const key = r.bytes(32), iv = r.bytes(16);
    if (s % 5 === 0) iv.fill(0xff, 4);
    const [wasm, nat] = both(() => new Ctr256(key, iv));
    for (let j = 0; j < 40; j++) {
      const data = r.bytes(r.int(j === 39 ? 5000 : 90));
      const a = wasm.process(data), b = nat.process(data);
      assert.equal(sameBytes(a, b), undefined, `stream ${s} chunk ${j}`);
      assert.equal(b.constructor, Uint8Array);
    }
    wasm.free();
    nat.free();
    assert.throws(() => nat.process(new Uint8Array(1)), { code: "CORE_BAD_INPUT" });
  }
});

test("modPow: native and WebAssembly paths agree on 60 random 1024..2048-bit inputs", async () => {
  await initCore();
  const r = new SeededRandom(13);
  const big = (bytes: number) =>
    BigInt("0x0" + Array.from(r.bytes(bytes), (b) => b.toString(16).padStart(2, "0")).join(""));
  for (let i = 0; i < 60; i++) {
    const bits = 1024 + r.int(1025);
    const mod = (big(256) >> BigInt(2048 - bits)) | 1n | (1n << BigInt(bits - 1));
    const base = i % 20 === 0 ? 2n : big(256) % mod;
    const exp = i % 15 === 0 ? 1n : i % 7 === 0 ? 65537n : big(1 + r.int(256)) % (mod + 5n);
    const [a, b] = both(() => modPow(base, exp, mod));
    assert.equal(a, b, `input ${i}`);
  }
});

test("AES-256-IGE encryption: native (CBC-based) and WebAssembly paths agree", async () => {
  await initCore();
  const r = new SeededRandom(14);
  for (let i = 0; i < 500; i++) {
    const data = r.bytes(16 * (1 + r.int(i % 50 === 0 ? 400 : 12)));
    const key = r.bytes(32), iv = r.bytes(32);
    // Unaligned views too (the native path works on 32-bit words).
    const view = i % 3 === 0 ? concat(new Uint8Array(1), data).subarray(1) : data;
    const [a, b] = both(() => ige256Encrypt(view, key, iv));
    assert.equal(sameBytes(a, b), undefined, `input ${i}`);
    assert.equal(sameBytes(ige256Decrypt(b, key, iv), data), undefined, `input ${i}`);
  }
});

test("sealMessage: native and WebAssembly paths give the same bytes for the same randomness", async () => {
  await initCore();
  const r = new SeededRandom(15);
  for (let i = 0; i < 300; i++) {
    const authKey = r.bytes(256);
    const inner = concat(r.bytes(28), new Uint8Array([0, 0, 0, 0]), r.bytes(4 * r.int(300)));
    new DataView(inner.buffer).setUint32(28, inner.length - 32, true);
    const sender = i % 2 ? "client" : "server";
    const seed = r.int(1 << 30);
    const [a, b] = both(() => {
      const pr = new SeededRandom(seed);
      return sealMessage(authKey, inner, sender, (n) => pr.bytes(n));
    });
    assert.equal(sameBytes(a, b), undefined, `message ${i}`);
    assert.equal(sameBytes(openMessage(authKey, b, sender), inner), undefined, `message ${i}`);
  }
});

test("openMessage: native and WebAssembly paths agree on messages and on every rejection", async () => {
  await initCore();
  const r = new SeededRandom(16);
  const outcome = (fn: () => Uint8Array): string => {
    try {
      return Array.from(fn()).join(",");
    } catch (e) {
      return `${(e as { code?: string }).code}: ${(e as Error).message}`;
    }
  };
  const keys = [r.bytes(256), r.bytes(256)];
  for (let i = 0; i < 300; i++) {
    const authKey = keys[i % 2];
    const sender = i % 3 ? "client" : "server";
    const inner = concat(r.bytes(28), new Uint8Array([0, 0, 0, 0]), r.bytes(4 * r.int(300)));
    new DataView(inner.buffer).setUint32(28, inner.length - 32, true);
    const sealed = sealMessage(authKey, inner, sender, (n) => r.bytes(n));
    const variants = [sealed, sealed.subarray(0, sealed.length - 16), sealed.subarray(0, 23)];
    // One flipped bit in auth_key_id, msg_key or the encrypted part.
    const flipped = sealed.slice();
    flipped[r.int(sealed.length)] ^= 1 << r.int(8);
    variants.push(flipped);
    // A wrong message_data_length or padding under a valid msg_key: re-seal a tampered body.
    const lying = inner.slice();
    new DataView(lying.buffer).setUint32(28, [inner.length, inner.length - 30, 0][i % 3], true);
    variants.push(sealMessage(authKey, lying, sender, (n) => r.bytes(n)));
    for (const [v, message] of variants.entries()) {
      const [a, b] = both(() => outcome(() => openMessage(authKey, message, sender)));
      assert.equal(b, a, `message ${i}, variant ${v}`);
      if (v === 0) assert.equal(a, Array.from(inner).join(","));
    }
    // The other direction and the other key fail alike on both paths.
    const [c, d] = both(() =>
      outcome(() =>
        openMessage(keys[(i + 1) % 2], sealed, sender === "client" ? "server" : "client")
      )
    );
    assert.equal(d, c, `message ${i}, other key`);
  }
});

test("dhExchange: exponentiating natively and inside the core agree, rejections too", async () => {
  await initCore();
  const r = new SeededRandom(17);
  const prime = TELEGRAM_DH_PRIME;
  const p = bigintToBytes(prime, 256)!;
  const outcome = (fn: () => { publicValue: Uint8Array; sharedKey: Uint8Array }) => {
    try {
      const { publicValue, sharedKey } = fn();
      return `${bytesToBigint(publicValue)} ${bytesToBigint(sharedKey)}`;
    } catch (e) {
      return `${(e as { code?: string }).code}: ${(e as Error).message}`;
    }
  };
  const low = 1n << 1984n;
  for (let i = 0; i < 12; i++) {
    const peer = [
      refModPow(3n, bytesToBigint(r.bytes(256)), prime),
      1n,
      prime - 1n,
      low - 1n,
      prime - low + 1n,
    ][i % 5];
    // Secrets: random, empty (g^0 = 1 is rejected), tiny (g^5 is below 2^1984).
    const secret = [r.bytes(256), new Uint8Array(0), new Uint8Array([5])][i % 3];
    const run = () => dhExchange(p, i % 4 === 3 ? 4 : 3, bigintToBytes(peer, 256)!, secret);
    const previous = setNativeCrypto(native);
    let routed: string, inCore: string;
    try {
      routed = outcome(run);
      setNativeCrypto(undefined);
      inCore = outcome(run);
    } finally {
      setNativeCrypto(previous);
    }
    assert.equal(routed, inCore, `exchange ${i}`);
    if (i % 5 === 0 && i % 3 === 0) {
      const b = bytesToBigint(secret);
      assert.equal(routed, `${refModPow(3n, b, prime)} ${refModPow(peer, b, prime)}`);
    }
  }
});

/** RFC 3526's 2048-bit MODP prime: a safe prime (with g = 3: p mod 3 = 2) no other test uses. */
const MODP_2048 = BigInt(
  "0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AACAA68FFFFFFFFFFFFFFFF",
);

test("dhExchange: an own value above p - 2^1984 from the native path is CORE_DH_BAD_VALUE", async () => {
  // g^secret lands in the top 2^1984 of the range with probability 2^-64: a native module that
  // answers the exponentiation of g with a chosen value stands in for that chance. (Native
  // DiffieHellman objects are cached per prime, so the stand-in reads its answer from `own`.)
  await initCore();
  const prime = MODP_2048, low = 1n << 1984n;
  const p = bigintToBytes(prime, 256)!;
  const peer = bigintToBytes(refModPow(3n, 987654321987654321987654321n, prime), 256)!;
  const secret = new SeededRandom(41).bytes(256);
  let own = 0n, standIns = 0;
  const spy = {
    ...native,
    createDiffieHellman(m: Uint8Array, generator: Uint8Array) {
      const dh = native.createDiffieHellman(m, generator);
      return {
        setPrivateKey: (k: Uint8Array) => dh.setPrivateKey(k),
        computeSecret: (x: Uint8Array) =>
          bytesToBigint(x) === 3n ? (standIns++, bigintToBytes(own, 256)!) : dh.computeSecret(x),
      };
    },
  } as NativeCrypto;
  const outcome = (value: bigint) => {
    own = value;
    try {
      return bytesToBigint(dhExchange(p, 3, peer, secret).publicValue) === value
        ? "accepted"
        : "another value";
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    }
  };
  const previous = setNativeCrypto(spy);
  try {
    assert.deepEqual(
      {
        above: outcome(prime - low + 1n),
        top: outcome(prime - 1n),
        bound: outcome(prime - low),
        below: outcome(low - 1n),
        real: outcome(refModPow(3n, bytesToBigint(secret), prime)),
      },
      {
        above: "CORE_DH_BAD_VALUE",
        top: "CORE_DH_BAD_VALUE",
        bound: "accepted",
        below: "CORE_DH_BAD_VALUE",
        real: "accepted",
      },
    );
    assert.equal(standIns, 5, "every exchange went through the native stand-in");
  } finally {
    setNativeCrypto(previous);
  }
});

test("modPow: exponents over 64 bits run as a native DiffieHellman secret and equal JS BigInt", async () => {
  await initCore();
  let secrets = 0, created = 0;
  const spy = {
    ...native,
    createDiffieHellman(prime: Uint8Array, generator: Uint8Array) {
      created++;
      const dh = native.createDiffieHellman(prime, generator);
      return {
        setPrivateKey: (k: Uint8Array) => dh.setPrivateKey(k),
        computeSecret: (x: Uint8Array) => (secrets++, dh.computeSecret(x)),
      };
    },
  } as NativeCrypto;
  const r = new SeededRandom(29);
  const big = (bits: number) =>
    BigInt("0x0" + Array.from(r.bytes(bits >> 3), (b) => b.toString(16).padStart(2, "0")).join(""));
  // Six moduli (more than the four cached), each used several times; bases at the edges of
  // DiffieHellman's range (2 and mod - 2) and beyond it (mod - 1, 1, 0: other paths).
  const mods = [512, 768, 1024, 1536, 2048, 2048].map((bits) =>
    big(bits) | 1n | (1n << BigInt(bits - 1))
  );
  const previous = setNativeCrypto(spy);
  try {
    let expected = 0;
    for (let round = 0; round < 2; round++) {
      for (const mod of mods) {
        for (const base of [2n, mod - 2n, big(2048) % mod, mod - 1n, 1n, 0n]) {
          const exp = round === 0 ? big(2048) : (big(128) | (1n << 127n));
          assert.equal(modPow(base, exp, mod), refModPow(base, exp, mod));
          if (base > 1n && base < mod - 1n) expected++;
        }
      }
    }
    assert.equal(secrets, expected, "every in-range base went through computeSecret");
    assert.ok(created > mods.length - 1, "moduli beyond the cache are created again");
  } finally {
    setNativeCrypto(previous);
  }
});

test("dhExchange: without a native DiffieHellman the core exponentiates (constant time)", async () => {
  await initCore();
  const c = core();
  const original = c.dh_exchange;
  let flags = -1;
  c.dh_exchange = (...args: number[]) => {
    flags = args[6];
    return original(...args);
  };
  const p = bigintToBytes(TELEGRAM_DH_PRIME, 256)!;
  const peer = bigintToBytes(refModPow(3n, 12345678901234567890n, TELEGRAM_DH_PRIME), 256)!;
  try {
    for (const choice of ["auto", undefined, native] as const) {
      const previous = setNativeCrypto(choice);
      try {
        dhExchange(p, 3, peer);
        const nativeDh = nativeCrypto("modpow-dh") !== undefined;
        assert.equal(
          flags & 2,
          nativeDh ? 2 : 0,
          `choice ${choice === native ? "native" : choice}`,
        );
      } finally {
        setNativeCrypto(previous);
      }
    }
  } finally {
    c.dh_exchange = original;
  }
});
