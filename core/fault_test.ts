// A trap inside the WebAssembly core (here: an export handed a pointer outside its memory, as a
// bug would) must surface as a typed error and leave a working core behind; state that lived
// in the failed instance must refuse to be used rather than read another instance's memory.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createCipheriv, createHash } from "node:crypto";
import { CoreError, crc32, createTransport, Ctr256, initCore, sha256 } from "./mod.ts";
import { setNativeCrypto } from "./native.ts";
import { core, generation, memory } from "./wasm.ts";
import { toHex } from "../encoding/bytes.ts";

const text = new TextEncoder().encode("123456789");
const key = new Uint8Array(32).map((_, i) => i), iv = new Uint8Array(16).map((_, i) => 100 + i);

function trap(): unknown {
  try {
    core().crc32_update(0, 0x7fff_fff0, 4096);
  } catch (e) {
    return e;
  }
  return undefined;
}

test("a trap in the core throws CORE_INTERNAL and the next calls run on a fresh instance", async () => {
  await initCore();
  const previous = setNativeCrypto(undefined);
  try {
    const before = generation();
    const oldMemory = memory().buffer;
    const stream = new Ctr256(key, iv);
    const first = stream.process(text);
    const transport = createTransport("intermediate");

    const e = trap();
    assert.ok(e instanceof CoreError, `a CoreError, got ${String(e)}`);
    assert.equal(e.code, "CORE_INTERNAL");
    assert.match(e.message, /crc32_update/);
    assert.ok(e.cause instanceof WebAssembly.RuntimeError);
    assert.equal(generation(), before + 1);
    assert.notEqual(memory().buffer, oldMemory, "a new memory");

    // The fresh instance computes correctly.
    assert.equal(crc32(text), 0xcbf43926);
    assert.equal(toHex(sha256(text)), createHash("sha256").update(text).digest("hex"));
    const fresh = new Ctr256(key, iv);
    const reference = createCipheriv("aes-256-ctr", key, iv);
    assert.equal(toHex(fresh.process(text)), toHex(reference.update(text)));
    assert.equal(toHex(first), toHex(createCipheriv("aes-256-ctr", key, iv).update(text)));

    // State from the failed instance refuses to go on, and freeing it touches nothing.
    assert.throws(
      () => stream.process(text),
      (x: unknown) => x instanceof CoreError && x.code === "CORE_INTERNAL",
    );
    assert.throws(
      () => transport.encoder.encode(new Uint8Array(8)),
      (x: unknown) => x instanceof CoreError && x.code === "CORE_INTERNAL",
    );
    assert.throws(
      () => transport.decoder.push(new Uint8Array(8)),
      (x: unknown) => x instanceof CoreError && x.code === "CORE_INTERNAL",
    );
    assert.equal(transport.decoder.transport, undefined);
    stream.free();
    transport.free();
    assert.equal(toHex(fresh.process(text)), toHex(reference.update(text)), "fresh stream intact");
    fresh.free();

    // Again: every trap is recovered from, not only the first.
    assert.ok(trap() instanceof CoreError);
    assert.equal(crc32(text), 0xcbf43926);
  } finally {
    setNativeCrypto(previous);
  }
});

test("errors thrown before entering the core do not restart it", async () => {
  await initCore();
  const before = generation();
  // Converting the argument to an i64 fails in JS, before WebAssembly runs.
  assert.throws(
    () => core().factorize_pq("not a bigint", 0),
    (e: unknown) => !(e instanceof CoreError),
  );
  assert.equal(generation(), before);
});
