import { test } from "node:test";
import assert from "node:assert/strict";
import { deserialize, ids, serialize } from "./mod.ts";
import type { AnyTlObject } from "./mod.ts";
import { loadCombinators, RandomTl } from "./test_support/random_tl.ts";

const combinators = loadCombinators();

test("the generated code covers every combinator of the schema, with its id", () => {
  assert.ok(combinators.length > 2000, `only ${combinators.length} combinators parsed`);
  for (const c of combinators) {
    assert.equal(ids.get(c.name), c.id, `${c.name}: id`);
  }
});

test("every constructor and function round-trips byte-exact (3 random instances each)", () => {
  let checked = 0;
  for (const seed of [1, 2, 3]) {
    const random = new RandomTl(combinators, seed);
    for (const c of combinators) {
      const obj = random.instance(c.name);
      const where = `${c.name} (seed ${seed})`;
      const bytes = serialize(obj as unknown as AnyTlObject);
      assert.equal(new DataView(bytes.buffer).getUint32(0, true), c.id, `${where}: id`);
      const back = deserialize(bytes);
      assert.deepEqual(back, obj, `${where}: object`);
      assert.deepEqual(serialize(back), bytes, `${where}: bytes`);
      checked++;
    }
  }
  assert.equal(checked, combinators.length * 3);
});

test("flags are computed from the fields when writing", () => {
  const bytes = serialize({
    _: "messages.sendMessage",
    noWebpage: true,
    silent: false,
    peer: { _: "inputPeerSelf" },
    message: "hi",
    randomId: 1n,
    scheduleDate: 7,
  });
  const dv = new DataView(bytes.buffer);
  // no_webpage is bit 1, schedule_date bit 10.
  assert.equal(dv.getUint32(4, true), (1 << 1) | (1 << 10));
  const back = deserialize(bytes) as { noWebpage: boolean; silent: boolean; scheduleDate: number };
  assert.equal(back.noWebpage, true);
  assert.equal(back.silent, false);
  assert.equal(back.scheduleDate, 7);
});

test("generic queries nest any function object", () => {
  const query = {
    _: "invokeWithLayer",
    layer: 224,
    query: {
      _: "initConnection",
      apiId: 12345,
      deviceModel: "PC",
      systemVersion: "Linux",
      appVersion: "1.0",
      systemLangCode: "en",
      langPack: "",
      langCode: "en",
      proxy: undefined,
      params: undefined,
      query: { _: "help.getConfig" },
    },
  } as const;
  const bytes = serialize(query);
  assert.deepEqual(deserialize(bytes), query);
  assert.deepEqual([...bytes.subarray(0, 12)], [
    0x0d,
    0x0d,
    0x9b,
    0xda,
    224,
    0,
    0,
    0,
    0xa9,
    0x5e,
    0xcd,
    0xc1,
  ]);
});

test("reading works at any alignment of the input", () => {
  const random = new RandomTl(combinators, 77);
  const names = ["messages.sendMessage", "user", "channelFull", "resPQ", "updates"];
  for (const name of names) {
    const obj = random.instance(name);
    const bytes = serialize(obj as unknown as AnyTlObject);
    for (const shift of [1, 2, 3, 4, 5]) {
      const host = new Uint8Array(bytes.length + 8);
      host.set(bytes, shift);
      assert.deepEqual(
        deserialize(host.subarray(shift, shift + bytes.length)),
        obj,
        `${name}+${shift}`,
      );
    }
  }
});

test("serialize stays correct after one object larger than the kept buffer", () => {
  const big = serialize({
    _: "upload.saveFilePart",
    fileId: 1n,
    filePart: 0,
    bytes: new Uint8Array(2 << 20).fill(9),
  } as AnyTlObject);
  assert.ok(big.length > 2 << 20);
  const ping = { _: "ping", pingId: 5n } as AnyTlObject;
  assert.deepEqual(deserialize(serialize(ping)), ping);
  assert.deepEqual(serialize(ping), serialize(ping));
});
