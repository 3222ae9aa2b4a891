// Secrets handed to the WebAssembly core (auth keys, AES keys, DH secrets, exponents) do not stay
// in its memory after the call that needed them.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  Ctr256,
  dhExchange,
  ige256Decrypt,
  ige256Encrypt,
  modPow,
  openMessage,
  sealMessage,
} from "./mod.ts";
import { core, memory } from "./wasm.ts";
import { SeededRandom } from "../testing/random.ts";
import { TELEGRAM_DH_PRIME, wasmOnly } from "../testing/crypto_reference.ts";

/** Where the first 24 bytes of `secret` occur in the core's memory (-1: nowhere). */
function findInMemory(secret: Uint8Array): number {
  const mem = memory(), needle = secret.subarray(0, 24);
  outer: for (let i = mem.indexOf(needle[0]); i >= 0; i = mem.indexOf(needle[0], i + 1)) {
    for (let k = 1; k < needle.length; k++) if (mem[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

const r = new SeededRandom(77);

test("sealMessage and openMessage leave no copy of the auth key in WebAssembly memory", () =>
  wasmOnly(() => {
    const authKey = r.bytes(256), inner = r.bytes(256);
    new DataView(inner.buffer).setUint32(28, 256 - 32, true);
    const wire = sealMessage(authKey, inner, "client");
    assert.equal(findInMemory(authKey), -1, "after seal");
    assert.equal(findInMemory(authKey.subarray(88)), -1, "after seal (msg_key part)");
    openMessage(authKey, wire, "client");
    assert.equal(findInMemory(authKey), -1, "after open");
    assert.throws(() => openMessage(authKey, wire.map((b, i) => (i === 40 ? b ^ 1 : b)), "client"));
    assert.equal(findInMemory(authKey), -1, "after a failed open");
  }));

test("AES-256-IGE leaves no copy of the key in WebAssembly memory", () =>
  wasmOnly(() => {
    const key = r.bytes(32), iv = r.bytes(32), data = r.bytes(4096);
    ige256Decrypt(ige256Encrypt(data, key, iv), key, iv);
    assert.equal(findInMemory(key), -1);
  }));

test("a freed Ctr256 leaves no copy of its key in WebAssembly memory", () =>
  wasmOnly(() => {
    const key = r.bytes(32);
    const ctr = new Ctr256(key, r.bytes(16));
    ctr.process(r.bytes(100));
    ctr.free();
    assert.equal(findInMemory(key), -1);
  }));

test("dhExchange and modPow leave no copy of the secret exponent in WebAssembly memory", () =>
  wasmOnly(() => {
    const prime = TELEGRAM_DH_PRIME;
    const toBytes = (x: bigint) => {
      const out = new Uint8Array(256);
      for (let i = 255; i >= 0; i--, x >>= 8n) out[i] = Number(x & 0xffn);
      return out;
    };
    const secret = r.bytes(256);
    const peer = toBytes(
      modPow(3n, BigInt("0x" + Buffer.from(r.bytes(256)).toString("hex")), prime),
    );
    const { sharedKey } = dhExchange(toBytes(prime), 3, peer, secret);
    assert.equal(findInMemory(secret), -1, "secret after dhExchange");
    assert.equal(findInMemory(sharedKey), -1, "shared key after dhExchange");
    const exp = r.bytes(256);
    modPow(5n, BigInt("0x" + Buffer.from(exp).toString("hex")), prime);
    assert.equal(findInMemory(exp), -1, "exponent after modPow");
  }));

/**
 * The core's stack: the first 1 MiB of its memory, growing down from there (rust-lld's layout
 * for wasm32, stack first: the data section starts where the stack ends).
 */
const STACK_TOP = 1 << 20;

test("sealMessage and openMessage leave nothing they wrote on the core's stack (its shallow wipe covers them)", () =>
  wasmOnly(() => {
    assert.ok(core().__heap_base.value > STACK_TOP, "the stack comes first in memory");
    // A canary below the stack's top: after each call, every byte is either untouched or
    // zeroed, but for the export's own frame at the top (pointers and lengths: what it zeroes
    // is the stack below it, where the work ran). Sealing and opening zero less stack than the
    // other exports (wipe.rs MESSAGE_STACK_WIPE): this fails if their frames ever grow past it.
    const SPAN = 64 * 1024, CANARY = 0xa5, OWN_FRAME = 64;
    /** How far below the top the deepest byte the call left is. */
    const left = () => {
      const m = memory();
      for (let a = STACK_TOP - SPAN; a < STACK_TOP; a++) {
        if (m[a] !== CANARY && m[a] !== 0) return STACK_TOP - a;
      }
      return 0;
    };
    const authKey = r.bytes(256);
    for (const size of [64, 1024, 65536]) {
      const inner = r.bytes(size);
      new DataView(inner.buffer).setUint32(28, size - 32, true);
      for (const sender of ["client", "server"] as const) {
        memory().fill(CANARY, STACK_TOP - SPAN, STACK_TOP);
        const wire = sealMessage(authKey, inner, sender);
        assert.ok(left() <= OWN_FRAME, `sealing ${size} bytes left ${left()} bytes of stack`);
        memory().fill(CANARY, STACK_TOP - SPAN, STACK_TOP);
        openMessage(authKey, wire, sender);
        assert.ok(left() <= OWN_FRAME, `opening ${size} bytes left ${left()} bytes of stack`);
      }
    }
  }));
