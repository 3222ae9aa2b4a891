// gzip_packed answers on every runtime: the browser's path (inflate ahead with
// DecompressionStream, splice, then parse) gives the same objects as the TL reader's synchronous
// inflate, for bodies, containers, rpc_results and nesting; corrupt and oversized data fail in
// bounded size; and MtprotoClient reads gzip_packed answers from the TestServer on both paths.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { deserialize, serialize, TlWriter } from "../tl/mod.ts";
import { gunzipStream, gunzipSync, SYNC_GUNZIP } from "../runtime/inflate.ts";
import { SeededRandom } from "../testing/random.ts";
import { TestServer } from "../testing/server/mod.ts";
import { MinimalWorld } from "../testing/server/minimal_world.ts";
import { hasGzipPacked, inflateAhead, inflatePolicy } from "./gzip_packed.ts";
import { BigAnswers, countriesList } from "./test_support/big_answers.ts";
import { MtprotoClient } from "./mod.ts";
import { memoryKeys } from "./test_support/memory_keys.ts";

const gz = (b: Uint8Array) =>
  serialize({ _: "gzip_packed", packedData: new Uint8Array(gzipSync(b)) });

function rpcResult(reqMsgId: bigint, result: Uint8Array): Uint8Array {
  const w = new TlWriter();
  w.int(0xf35c6d01);
  w.long(reqMsgId);
  w.raw(result);
  return w.result();
}

function container(bodies: Uint8Array[]): Uint8Array {
  const w = new TlWriter();
  w.int(0x73f1f8dc);
  w.int(bodies.length);
  for (const [i, b] of bodies.entries()) {
    w.long(BigInt(i + 1) * 4n + 1n);
    w.int(i * 2 + 1);
    w.int(b.length);
    w.raw(b);
  }
  return w.result();
}

/** A parsed message with rpc_result results decoded too (the reader keeps them as bytes). */
function decoded(o: unknown): unknown {
  const x = o as { _?: string; result?: Uint8Array; messages?: { body: unknown }[] };
  if (x?._ === "rpc_result") return { ...x, result: deserialize(x.result!) };
  if (x?._ === "msg_container") {
    return { ...x, messages: x.messages!.map((m) => ({ ...m, body: decoded(m.body) })) };
  }
  return o;
}

const streamOnly = (data: Uint8Array, max: number) => gunzipStream(data, max);

test("gzip_packed: inflating ahead (DecompressionStream) equals the reader's inflate", async () => {
  const list = serialize(countriesList(50));
  const pong = serialize({ _: "pong", msgId: 5n, pingId: 7n });
  const cases: [string, Uint8Array, boolean][] = [
    ["a body", gz(list), true],
    ["an rpc_result", rpcResult(9n, gz(list)), true],
    ["nested", gz(gz(list)), true],
    [
      "a container",
      container([pong, gz(pong), rpcResult(3n, gz(list)), rpcResult(4n, list)]),
      true,
    ],
    ["plain", list, false],
    ["a plain container", container([pong, rpcResult(4n, list)]), false],
  ];
  for (const [what, body, packed] of cases) {
    assert.equal(hasGzipPacked(body), packed, what);
    const ahead = await inflateAhead(body, 1 << 20, streamOnly);
    if (!packed) assert.equal(ahead, body, what);
    else assert.ok(!hasGzipPacked(ahead), what);
    assert.deepEqual(decoded(deserialize(ahead)), decoded(deserialize(body)), what);
  }
  // rpc_result keeps its result as bytes: they are now the plain list.
  const r = deserialize(await inflateAhead(rpcResult(9n, gz(list)), 1 << 20, streamOnly)) as {
    result: Uint8Array;
  };
  assert.deepEqual(r.result, list);
});

test("gzip_packed: corrupt or oversized data is left for the parse to refuse", async () => {
  const list = serialize(countriesList(50));
  const packed = gzipSync(list);
  const corrupt = new Uint8Array(packed);
  corrupt[corrupt.length >> 1] ^= 0xff;
  const body = serialize({ _: "gzip_packed", packedData: corrupt });
  assert.equal(await inflateAhead(body, 1 << 20, streamOnly), body);
  assert.throws(() => deserialize(body), {
    code: SYNC_GUNZIP ? "TL_GZIP_INVALID" : "TL_GZIP_UNSUPPORTED",
  });
  // A bomb: 64 MiB of zeros in about 64 KiB stops at the limit on both paths.
  const bomb = new Uint8Array(gzipSync(new Uint8Array(64 << 20)));
  assert.deepEqual(await gunzipStream(bomb, 1 << 20), { failure: "tooLarge" });
  if (SYNC_GUNZIP) assert.deepEqual(gunzipSync(bomb, 1 << 20), { failure: "tooLarge" });
  assert.deepEqual(await gunzipStream(Uint8Array.of(1, 2, 3), 1 << 20), { failure: "invalid" });
});

test("gzip_packed: DecompressionStream and node:zlib agree on random data", async () => {
  const rng = new SeededRandom(17);
  for (let i = 0; i < 30; i++) {
    const n = rng.int(200_000);
    // Half random (incompressible, stored blocks), half repetitive (dynamic Huffman blocks).
    const data = i % 2 === 0
      ? rng.bytes(n)
      : Uint8Array.from({ length: n }, (_, j) => (j % 97) ^ (j >> 10));
    const packed = new Uint8Array(gzipSync(data, { level: i % 10 }));
    const out = await gunzipStream(packed, 1 << 20);
    assert.ok("bytes" in out);
    assert.deepEqual(out.bytes, data);
  }
});

for (const ahead of [false, true]) {
  test(`gzip_packed: MtprotoClient reads gzip_packed answers (${ahead ? "inflated ahead, as in a browser" : "this runtime's path"})`, async () => {
    await using server = await TestServer.start({
      world: (s) => new BigAnswers(new MinimalWorld(() => s.dcs)),
    });
    const bytes = serialize(countriesList());
    assert.ok(bytes.length > 4096); // over the server's gzip threshold
    const expected = deserialize(bytes);
    const saved = inflatePolicy.ahead;
    inflatePolicy.ahead = ahead || saved;
    const client = new MtprotoClient({
      ...server.clientOptions(),
      keys: memoryKeys(),
      transport: "intermediate",
    });
    try {
      await client.connect(2);
      // Gzipped and plain answers interleaved, many in flight: each lands on its request.
      const results = await Promise.all(
        Array.from(
          { length: 60 },
          (_, i) =>
            i % 2 === 0
              ? client.invoke({ _: "help.getCountriesList", langCode: "en", hash: 0 })
              : client.invoke({ _: "help.getNearestDc" }),
        ),
      );
      for (const [i, r] of results.entries()) {
        if (i % 2 === 0) assert.deepEqual(r, expected);
        else assert.equal((r as { thisDc: number }).thisDc, 2);
      }
    } finally {
      inflatePolicy.ahead = saved;
      await client.close();
    }
  });
}
