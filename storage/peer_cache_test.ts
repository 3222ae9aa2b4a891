import { test } from "node:test";
import assert from "node:assert/strict";
import { registerConformanceTests } from "../testing/conformance.ts";
import { MemoryStorage } from "./memory.ts";
import { CachedStorage } from "./peer_cache.ts";
import type { PeerRecord, Storage } from "./storage.ts";
import { SeededRandom } from "../testing/random.ts";

registerConformanceTests(test, {
  name: "memory behind the peer cache",
  create: () => new CachedStorage(new MemoryStorage(), { size: 64 }),
});

/** Counts the lookups that reach the engine. */
function counting(inner: Storage): { storage: Storage; calls: () => number } {
  let calls = 0;
  const storage = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (String(prop).startsWith("getPeerBy")) calls++;
        return value.apply(target, args);
      };
    },
  });
  return { storage, calls: () => calls };
}

const now = () => Math.floor(Date.now() / 1000);
const peer = (id: number, usernames: string[] = [], phoneNumber: string | null = null) => ({
  id,
  accessHash: BigInt(id) * 7n,
  type: "user" as const,
  usernames,
  phoneNumber,
  lastUpdateOn: now(),
});

test("peer cache: a repeated lookup does not reach the engine", async () => {
  const { storage, calls } = counting(new MemoryStorage());
  const cached = new CachedStorage(storage);
  await cached.open();
  await cached.updatePeers([peer(5, ["five"], "555")]);
  for (let i = 0; i < 3; i++) {
    assert.equal((await cached.getPeerById(5))?.id, 5);
    assert.equal((await cached.getPeerByUsername("FIVE"))?.id, 5);
    assert.equal((await cached.getPeerByPhoneNumber("555"))?.id, 5);
  }
  assert.equal(calls(), 3, "one engine lookup per key");
  assert.equal(await cached.getPeerById(6), undefined);
  assert.equal(await cached.getPeerById(6), undefined);
  assert.equal(calls(), 5, "misses are not cached");
});

test("peer cache: updates drop the entries they make stale", async () => {
  const cached = new CachedStorage(new MemoryStorage());
  await cached.open();
  await cached.updatePeers([peer(1, ["handle"], "111")]);
  assert.equal((await cached.getPeerByUsername("handle"))?.id, 1);
  assert.equal((await cached.getPeerByPhoneNumber("111"))?.id, 1);
  // The username moves to peer 2; peer 1 changes phone.
  await cached.updatePeers([peer(2, ["handle"]), peer(1, [], "222")]);
  assert.equal((await cached.getPeerByUsername("handle"))?.id, 2);
  assert.equal(await cached.getPeerByPhoneNumber("111"), undefined);
  assert.deepEqual((await cached.getPeerById(1))?.usernames, []);
});

test("peer cache: stays within its bound and returns copies", async () => {
  const cached = new CachedStorage(new MemoryStorage(), { size: 100 });
  await cached.open();
  const batch: PeerRecord[] = [];
  for (let i = 1; i <= 1000; i++) batch.push(peer(i, [`u${i}`]));
  await cached.updatePeers(batch);
  for (let i = 1; i <= 1000; i++) {
    await cached.getPeerById(i);
    await cached.getPeerByUsername(`u${i}`);
    assert.ok(cached.size <= 200, "100 ids and 100 usernames at most");
  }
  const a = (await cached.getPeerById(1000))!;
  a.usernames.push("mutated");
  assert.deepEqual((await cached.getPeerById(1000))!.usernames, ["u1000"]);
});

test("peer cache: stale usernames stop resolving even from the cache", async () => {
  const inner = new MemoryStorage();
  const cached = new CachedStorage(inner);
  await cached.open();
  const old = now() - 8 * 3600 + 1; // expires in about a second
  await cached.updatePeers([{ ...peer(9, ["soon_stale"]), lastUpdateOn: old }]);
  assert.equal((await cached.getPeerByUsername("soon_stale"))?.id, 9);
  await new Promise((r) => setTimeout(r, 2100));
  assert.equal(await cached.getPeerByUsername("soon_stale"), undefined);
});

test("peer cache: random operations give the engine's answers (differential)", async () => {
  const rng = new SeededRandom(20261127);
  const plain = new MemoryStorage();
  const cached = new CachedStorage(new MemoryStorage(), { size: 16 });
  await plain.open();
  await cached.open();
  const names = ["a", "b", "c", "d", "e", "f"];
  for (let step = 0; step < 3000; step++) {
    const id = 1 + rng.int(30);
    const op = rng.int(4);
    if (op === 0) {
      const usernames = names.filter(() => rng.int(4) === 0);
      const p = { ...peer(id, usernames, rng.int(2) ? String(rng.int(5)) : null) };
      p.lastUpdateOn = now() - rng.int(100);
      await plain.updatePeers([p]);
      await cached.updatePeers([p]);
    } else if (op === 1) {
      assert.deepEqual(
        await cached.getPeerById(id),
        await plain.getPeerById(id),
        `seed ${rng.seed}`,
      );
    } else if (op === 2) {
      const u = names[rng.int(names.length)];
      assert.deepEqual(await cached.getPeerByUsername(u), await plain.getPeerByUsername(u));
    } else {
      const ph = String(rng.int(5));
      assert.deepEqual(await cached.getPeerByPhoneNumber(ph), await plain.getPeerByPhoneNumber(ph));
    }
  }
});

test("peer cache: with maxAge, a username another process moved resolves anew once the age passes", async () => {
  // Two processes sharing one store (as with MongoDB): each has its own cache.
  const store = new MemoryStorage();
  await store.open();
  let clock = 1_000_000;
  const a = new CachedStorage(store, { maxAge: 60_000, now: () => clock });
  const b = new CachedStorage(store);
  await b.updatePeers([peer(1, ["moving"], "123")]);
  assert.equal((await a.getPeerByUsername("moving"))?.id, 1);
  assert.equal((await a.getPeerByPhoneNumber("123"))?.id, 1);
  assert.equal((await a.getPeerById(1))?.usernames[0], "moving");
  // Process b sees the username and phone move to peer 2 and writes it; a does not know.
  await b.updatePeers([peer(1, []), peer(2, ["moving"], "123")]);
  clock += 60_000;
  assert.equal((await a.getPeerByUsername("moving"))?.id, 1, "trusted within maxAge");
  clock += 1;
  assert.equal((await a.getPeerByUsername("moving"))?.id, 2, "read again after maxAge");
  assert.equal((await a.getPeerByPhoneNumber("123"))?.id, 2);
  assert.deepEqual((await a.getPeerById(1))?.usernames, []);
});

test("peer cache: without maxAge an entry stays until a write of this process drops it", async () => {
  const store = new MemoryStorage();
  await store.open();
  let clock = 0;
  const a = new CachedStorage(store, { now: () => clock });
  await store.updatePeers([peer(1, ["kept"])]);
  assert.equal((await a.getPeerByUsername("kept"))?.id, 1);
  await store.updatePeers([peer(1, []), peer(2, ["kept"])]);
  clock += 365 * 86_400_000;
  assert.equal((await a.getPeerByUsername("kept"))?.id, 1, "served from the cache");
});
