// The lazily installed dispatch (tl/dispatch.ts) against an eager reference: every generated
// group called at once into plain maps, checked against the schema itself (tl/schema/ through the
// parser, not the generated code), then every constructor and function written and read through
// the lazy tables and through the eager reference, byte for byte and field for field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { deserialize, ids, serialize, TlError, TlReader, TlWriter } from "./mod.ts";
import type { AnyTlObject } from "./mod.ts";
import { readerGroups } from "./gen/read.js";
import { writerGroups } from "./gen/write.js";
import {
  GROUPS,
  readerGroupOf,
  readerOf,
  type ReadFn,
  type WriteFn,
  writerGroupOf,
} from "./dispatch.ts";
import { lazyMap } from "./lazy_map.ts";
import { loadCombinators, RandomTl } from "./test_support/random_tl.ts";

const combinators = loadCombinators();
// The service objects tl/service_objects.ts reads and writes by hand (ids from the MTProto docs).
const MANUAL_READERS = new Map([[0xf35c6d01, "rpc_result"], [0x73f1f8dc, "msg_container"]]);
const MANUAL_WRITERS = ["rpc_result", "msg_container", "gzip_packed"];

/** Every group called now, into plain maps, checking each member's group on the way. */
function eager(): { readers: Map<number, ReadFn>; writers: Map<string, WriteFn> } {
  const readers = new Map<number, ReadFn>();
  const writers = new Map<string, WriteFn>();
  assert.equal(readerGroups.length, GROUPS);
  assert.equal(writerGroups.length, GROUPS);
  for (let g = 0; g < GROUPS; g++) {
    readerGroups[g]((id, read) => {
      assert.equal(readerGroupOf(id), g, `reader of ${id.toString(16)} in group ${g}`);
      assert.ok(!readers.has(id), `reader of ${id.toString(16)} added twice`);
      readers.set(id, read);
    });
    writerGroups[g]((name, write) => {
      assert.equal(writerGroupOf(name), g, `writer of ${name} in group ${g}`);
      assert.ok(!writers.has(name), `writer of ${name} added twice`);
      writers.set(name, write);
    });
  }
  return { readers, writers };
}

test("dispatch: each group holds exactly the schema's members of its group number", () => {
  const { readers, writers } = eager();
  const schemaIds = new Set([...combinators.map((c) => c.id >>> 0), ...MANUAL_READERS.keys()]);
  const schemaNames = new Set([...combinators.map((c) => c.name), ...MANUAL_WRITERS]);
  assert.ok(combinators.length > 2000, `only ${combinators.length} combinators parsed`);
  assert.deepEqual(new Set(readers.keys()), schemaIds);
  assert.deepEqual(new Set(writers.keys()), schemaNames);
  // The generated function of each member is the one named after it.
  for (const c of combinators) {
    const ident = c.name.replace(/\./g, "_");
    assert.equal(readers.get(c.id >>> 0)!.name, `r_${ident}`);
    assert.equal(writers.get(c.name)!.name, `w_${ident}`);
  }
  // No group is empty or holds more than 3× its share (the hashes spread the names and ids).
  const perGroup = new Array(GROUPS).fill(0);
  for (const id of readers.keys()) perGroup[readerGroupOf(id)]++;
  for (const name of writers.keys()) perGroup[writerGroupOf(name)]++;
  const share = (readers.size + writers.size) / GROUPS;
  assert.ok(Math.min(...perGroup) > 0 && Math.max(...perGroup) < 3 * share, `${perGroup}`);
});

test("dispatch: the lazy tables read and write every combinator as the eager reference", () => {
  const { readers, writers } = eager();
  const random = new RandomTl(combinators, 11);
  const w = new TlWriter(1024);
  for (const c of combinators) {
    const obj = random.instance(c.name) as unknown as AnyTlObject;
    const lazyBytes = serialize(obj);
    w.reset();
    writers.get(c.name)!(w, obj);
    assert.deepEqual(lazyBytes, w.result(), `${c.name}: bytes`);
    const r = new TlReader(lazyBytes);
    assert.equal(r.uint(), c.id >>> 0, `${c.name}: id`);
    assert.deepEqual(deserialize(lazyBytes), readers.get(c.id >>> 0)!(r), `${c.name}: object`);
    assert.equal(readerOf(c.id >>> 0)!.name, readers.get(c.id >>> 0)!.name, c.name);
    assert.equal(ids.get(c.name), c.id >>> 0, `${c.name}: ids`);
  }
});

test("dispatch: unknown ids and names miss cleanly, before and after their group loads", () => {
  const known = new Set(combinators.map((c) => c.id >>> 0));
  const unknown: number[] = [];
  for (let id = 0x10000; unknown.length < 2 * GROUPS; id += 0x10001) {
    if (!known.has(id >>> 0) && !MANUAL_READERS.has(id >>> 0)) unknown.push(id >>> 0);
  }
  for (let round = 0; round < 2; round++) {
    for (const id of unknown) assert.equal(readerOf(id), undefined);
  }
  const bad = ["noSuchConstructor", "__proto__", "constructor", "toString", "", 42, undefined];
  for (let round = 0; round < 2; round++) {
    for (const name of bad) {
      assert.throws(
        () => serialize({ _: name } as unknown as AnyTlObject),
        (e) => e instanceof TlError && e.code === "TL_INVALID_VALUE",
        String(name),
      );
    }
  }
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setUint32(0, unknown[0], true);
  assert.throws(() => deserialize(bytes), TlError);
});

test("lazyMap: answers as the Map of its entries, built once on first use", () => {
  const entries: [string, number][] = [["a", 1], ["b", 2], ["c", 3]];
  let builds = 0;
  const lazy = lazyMap(() => (builds++, entries));
  assert.equal(builds, 0);
  const map = new Map(entries);
  assert.equal(lazy.get("b"), map.get("b"));
  assert.equal(lazy.get("z"), undefined);
  assert.equal(lazy.has("c"), true);
  assert.equal(lazy.has("z"), false);
  assert.equal(lazy.size, map.size);
  assert.deepEqual([...lazy], [...map]);
  assert.deepEqual([...lazy.keys()], [...map.keys()]);
  assert.deepEqual([...lazy.values()], [...map.values()]);
  assert.deepEqual([...lazy.entries()], [...map.entries()]);
  const seen: [string, number][] = [];
  lazy.forEach((v, k, m) => {
    assert.equal(m, lazy);
    seen.push([k, v]);
  });
  assert.deepEqual(seen, entries);
  assert.equal(Object.prototype.toString.call(lazy), "[object Map]");
  assert.equal(builds, 1);
});
