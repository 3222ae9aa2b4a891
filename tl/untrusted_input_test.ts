import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { deserialize, serialize, TlError, TlReader } from "./mod.ts";
import type { AnyTlObject } from "./mod.ts";
import { SeededRandom } from "../testing/random.ts";
import { loadCombinators, RandomTl } from "./test_support/random_tl.ts";

function expectTlError(fn: () => unknown, code?: string): TlError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof TlError, `expected a TlError, got ${e}`);
    if (code) assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail("no error thrown");
}

/** Reads and returns the outcome; anything thrown that is not a TlError fails the test. */
function tryRead(bytes: Uint8Array, where: string): "ok" | "error" {
  try {
    deserialize(bytes);
    return "ok";
  } catch (e) {
    if (!(e instanceof TlError)) {
      assert.fail(`${where}: ${e instanceof Error ? e.stack : e} is not a TlError`);
    }
    return "error";
  }
}

const combinators = loadCombinators();
const samples: Uint8Array[] = [];
{
  const random = new RandomTl(combinators, 99);
  for (let i = 0; i < combinators.length; i += 7) {
    samples.push(serialize(random.instance(combinators[i].name) as unknown as AnyTlObject));
  }
}

test("every truncation of serialised objects is a TL_TRUNCATED error", () => {
  let cuts = 0;
  for (const bytes of samples.slice(0, 80)) {
    for (let n = 0; n < bytes.length; n += 1 + (bytes.length >> 6)) {
      expectTlError(() => deserialize(bytes.slice(0, n)), "TL_TRUNCATED");
      cuts++;
    }
  }
  assert.ok(cuts > 500, `${cuts} cuts`);
});

test("corrupted buffers throw nothing but TlError (seeded fuzz)", () => {
  const rng = new SeededRandom(1234);
  let errors = 0, reads = 0;
  for (let round = 0; round < 4000; round++) {
    const src = samples[rng.int(samples.length)];
    const bytes = src.slice();
    const flips = 1 + rng.int(4);
    for (let i = 0; i < flips; i++) {
      const at = rng.int(bytes.length);
      // Bias towards length bytes and counts: set whole bytes to extremes sometimes.
      bytes[at] = rng.int(3) === 0 ? 0xff : rng.int(3) === 0 ? 0xfe : rng.uint32() & 0xff;
    }
    const out = tryRead(bytes, `round ${round}`);
    if (out === "error") errors++;
    reads++;
  }
  for (let round = 0; round < 2000; round++) {
    const out = tryRead(rng.bytes(rng.int(64)), `random bytes ${round}`);
    if (out === "error") errors++;
    reads++;
  }
  assert.ok(errors > reads / 4, `${errors} errors in ${reads} reads`);
});

test("an unknown constructor is named in hex", () => {
  const e = expectTlError(
    () => deserialize(new Uint8Array([0xef, 0xbe, 0xad, 0xde])),
    "TL_UNKNOWN_CONSTRUCTOR",
  );
  assert.match(e.message, /0xdeadbeef/);
});

test("a huge vector count or length is refused before allocating", () => {
  // msgs_ack#62d6b459 msg_ids:Vector<long> with 0x7fffffff elements announced.
  const vec = new Uint8Array([
    0x59,
    0xb4,
    0xd6,
    0x62,
    0x15,
    0xc4,
    0xb5,
    0x1c,
    0xff,
    0xff,
    0xff,
    0x7f,
  ]);
  expectTlError(() => deserialize(vec), "TL_TRUNCATED");
  // msgs_state_info#04deb57d req_msg_id:long info:string with a 16 MiB string announced.
  const str = new Uint8Array([
    0x7d,
    0xb5,
    0xde,
    0x04,
    1,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    254,
    0xff,
    0xff,
    0xff,
  ]);
  expectTlError(() => deserialize(str), "TL_TRUNCATED");
  const bad = new Uint8Array([0x7d, 0xb5, 0xde, 0x04, 1, 0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0]);
  expectTlError(() => deserialize(bad), "TL_INVALID_LENGTH");
});

test("deep nesting is refused with TL_TOO_DEEP, not a stack overflow", () => {
  // inputPeerUserFromMessage#a87b0a1c peer:InputPeer msg_id:int user_id:long, nested 100000 times.
  const n = 100_000;
  const bytes = new Uint8Array(n * 4 + 4 + n * 12);
  const dv = new DataView(bytes.buffer);
  for (let i = 0; i < n; i++) dv.setUint32(i * 4, 0xa87b0a1c, true);
  dv.setUint32(n * 4, 0x7da07ec9, true); // inputPeerSelf
  expectTlError(() => deserialize(bytes), "TL_TOO_DEEP");
});

test("gzip_packed is inflated transparently, and bounded", () => {
  const inner = { _: "msgs_state_info", reqMsgId: 5n, info: new Uint8Array(1000).fill(4) } as const;
  const packed = serialize({ _: "gzip_packed", packedData: gzipSync(serialize(inner)) });
  assert.ok(packed.length < 200);
  assert.deepEqual(deserialize(packed), inner);

  const bomb = serialize({ _: "gzip_packed", packedData: gzipSync(new Uint8Array(4 << 20)) });
  const saved = TlReader.maxInflatedSize;
  TlReader.maxInflatedSize = 1 << 20;
  try {
    expectTlError(() => deserialize(bomb), "TL_GZIP_TOO_LARGE");
  } finally {
    TlReader.maxInflatedSize = saved;
  }
  const garbage = serialize({ _: "gzip_packed", packedData: new Uint8Array([1, 2, 3, 4, 5]) });
  expectTlError(() => deserialize(garbage), "TL_GZIP_INVALID");
});

test("writing invalid values throws TL_INVALID_VALUE", () => {
  const bad: unknown[] = [
    { _: "noSuchThing" },
    { _: "ping", pingId: "1" },
    { _: "ping" },
    { _: "inputPeerChat", chatId: 1.5 },
    { _: "msgs_state_info", reqMsgId: 1n, info: 5 },
    { _: "req_pq_multi", nonce: new Uint8Array(15) },
    { _: "messages.sendMessage", peer: { _: "inputPeerSelf" }, message: "x" },
    { _: "resPQ", nonce: new Uint8Array(16), serverNonce: new Uint8Array(16), pq: "ab" },
    { _: "http_wait", maxDelay: 2 ** 32, waitAfter: 0, maxWait: 0 },
    null,
  ];
  for (const obj of bad) {
    expectTlError(() => serialize(obj as AnyTlObject), "TL_INVALID_VALUE");
  }
});
