import { test } from "node:test";
import assert from "node:assert/strict";
import type { Api } from "../tl/mod.ts";
import { MemoryStorage } from "../storage/memory.ts";
import type { PeerRecord } from "../storage/storage.ts";
import { SeededRandom } from "../testing/random.ts";
import {
  bareId,
  inputPeerOf,
  kindOfId,
  markChannel,
  mergePeer,
  peerId,
  PeerSaver,
  peersIn,
  storedIdOf,
  unchangedPeer,
} from "./peers.ts";

const user = (o: Partial<Api.User> & { id: bigint }): Api.User => ({ _: "user", ...o });
const channel = (o: Partial<Api.Channel> & { id: bigint }): Api.Channel => ({
  _: "channel",
  title: "t",
  photo: { _: "chatPhotoEmpty" },
  date: 0,
  ...o,
});

test("peers: users become marked records with lower-cased active usernames and bare phones", () => {
  const found = peersIn({
    _: "messages.messages",
    messages: [],
    topics: [],
    chats: [],
    users: [
      user({
        id: 5n,
        accessHash: -7n,
        username: "Alice",
        usernames: [
          { _: "username", username: "ALICE", active: true },
          { _: "username", username: "Alice_Two", active: true },
          { _: "username", username: "old_alice" },
        ],
        phone: "+15550001",
      }),
      user({ id: 2n ** 40n, accessHash: 9n, bot: true, username: "Echo_Bot" }),
      { _: "userEmpty", id: 3n },
    ],
  }, 1000);
  assert.deepEqual(found.map((f) => f.record), [
    {
      id: 5,
      accessHash: -7n,
      type: "user",
      usernames: ["alice", "alice_two"],
      phoneNumber: "15550001",
      lastUpdateOn: 1000,
    },
    {
      id: 2 ** 40,
      accessHash: 9n,
      type: "bot",
      usernames: ["echo_bot"],
      phoneNumber: null,
      lastUpdateOn: 1000,
    },
  ]);
});

test("peers: chats and channels get Irenogram's types and marked ids", () => {
  const chats: Api.TypeChat[] = [
    {
      _: "chat",
      id: 42n,
      title: "g",
      photo: { _: "chatPhotoEmpty" },
      participantsCount: 1,
      date: 0,
      version: 1,
    },
    { _: "chatForbidden", id: 43n, title: "gone" },
    channel({ id: 1234567890n, accessHash: 11n, broadcast: true, username: "News" }),
    channel({ id: 7n, accessHash: 12n, megagroup: true }),
    channel({ id: 8n, accessHash: 13n, megagroup: true, forum: true }),
    channel({ id: 9n, accessHash: 14n, monoforum: true }),
    { _: "channelForbidden", id: 10n, accessHash: 15n, megagroup: true, title: "x" },
    { _: "chatEmpty", id: 44n },
  ];
  const got = peersIn({ chats, users: [] }, 0).map((
    f,
  ) => [f.record.id, f.record.type, f.record.accessHash]);
  assert.deepEqual(got, [
    [-42, "group", 0n],
    [-43, "group", 0n],
    [-1001234567890, "channel", 11n],
    [-1000000000007, "supergroup", 12n],
    [-1000000000008, "forum", 13n],
    [-1000000000009, "direct", 14n],
    [-1000000000010, "supergroup", 15n],
  ]);
});

test("peers: a vector of users and auth.authorization's user are found too", () => {
  assert.equal(
    peersIn([user({ id: 1n, accessHash: 1n }), user({ id: 2n, accessHash: 2n })]).length,
    2,
  );
  const auth: Api.AuthAuthorization = {
    _: "auth.authorization",
    user: user({ id: 9n, accessHash: 3n }),
  };
  assert.deepEqual(peersIn(auth).map((f) => f.record.id), [9]);
  assert.deepEqual(peersIn(null), []);
  assert.deepEqual(peersIn({ _: "boolTrue" }), []);
});

test("peers: ids, Peers and InputPeers convert both ways", () => {
  assert.equal(peerId({ _: "peerUser", userId: 5n }), 5);
  assert.equal(peerId({ _: "peerChat", chatId: 42n }), -42);
  assert.equal(peerId({ _: "peerChannel", channelId: 1234567890n }), -1001234567890);
  assert.equal(markChannel(1n), -1000000000001);
  for (
    const [id, kind, bare] of [[5, "user", 5n], [-42, "chat", 42n], [
      -1001234567890,
      "channel",
      1234567890n,
    ]] as const
  ) {
    assert.equal(kindOfId(id), kind);
    assert.equal(bareId(id), bare);
  }
  const rec = {
    accessHash: 77n,
    type: "user" as const,
    usernames: [],
    phoneNumber: null,
    lastUpdateOn: 0,
  };
  assert.deepEqual(inputPeerOf({ ...rec, id: 5 }), {
    _: "inputPeerUser",
    userId: 5n,
    accessHash: 77n,
  });
  assert.deepEqual(inputPeerOf({ ...rec, id: -42, type: "group" }), {
    _: "inputPeerChat",
    chatId: 42n,
  });
  assert.deepEqual(inputPeerOf({ ...rec, id: -1000000000007, type: "supergroup" }), {
    _: "inputPeerChannel",
    channelId: 7n,
    accessHash: 77n,
  });
});

test("peers: a min constructor never overwrites a full access hash, but brings new usernames", async () => {
  const storage = new MemoryStorage();
  await storage.open();
  const saver = new PeerSaver(storage);
  await saver.save({
    users: [user({ id: 5n, accessHash: 1111n, username: "bob", phone: "100" })],
    chats: [],
  });
  await saver.save({
    users: [user({ id: 5n, accessHash: 2222n, min: true, username: "bobby" })],
    chats: [channel({ id: 7n, accessHash: 3333n, megagroup: true })],
  });
  await saver.save({
    chats: [channel({ id: 7n, accessHash: 4444n, min: true, username: "grp" })],
    users: [],
  });
  const bob = await storage.getPeerById(5);
  assert.equal(bob?.accessHash, 1111n, "the full hash stays");
  assert.deepEqual(bob?.usernames, ["bobby"]);
  assert.equal(bob?.phoneNumber, "100", "a min user without a phone keeps the known one");
  const grp = await storage.getPeerById(-1000000000007);
  assert.equal(grp?.accessHash, 3333n);
  assert.equal((await storage.getPeerByUsername("grp"))?.id, -1000000000007);
  // A min peer never seen before is stored (its hash is better than none); a full one replaces it.
  await saver.save({ users: [user({ id: 6n, accessHash: 5n, min: true })], chats: [] });
  assert.equal((await storage.getPeerById(6))?.accessHash, 5n);
  await saver.save({ users: [user({ id: 6n, accessHash: 6n })], chats: [] });
  assert.equal((await storage.getPeerById(6))?.accessHash, 6n);
  // Without any access hash, nothing is stored for a new peer.
  await saver.save({ users: [user({ id: 8n, username: "nohash" })], chats: [] });
  assert.equal(await storage.getPeerById(8), undefined);
});

test("peers: usernames and phone numbers are kept current by full constructors", async () => {
  const storage = new MemoryStorage();
  await storage.open();
  const saver = new PeerSaver(storage);
  await saver.save([user({ id: 5n, accessHash: 1n, username: "first", phone: "100" })]);
  await saver.save([user({ id: 5n, accessHash: 1n, username: "second" })]);
  const p = await storage.getPeerById(5);
  assert.deepEqual(p?.usernames, ["second"]);
  assert.equal(p?.phoneNumber, null, "the user no longer shares the phone");
  assert.equal(await storage.getPeerByUsername("first"), undefined);
  assert.equal(await storage.getPeerByPhoneNumber("100"), undefined);
  // The username moves to another user: it resolves to the new owner.
  await saver.save([user({ id: 9n, accessHash: 2n, username: "second" })]);
  assert.equal((await storage.getPeerByUsername("second"))?.id, 9);
});

test("peers: an unchanged peer is not written again", async () => {
  const storage = new MemoryStorage();
  await storage.open();
  let writes = 0;
  const update = storage.updatePeers.bind(storage);
  storage.updatePeers = (peers) => {
    writes++;
    return update(peers);
  };
  const saver = new PeerSaver(storage);
  for (let i = 0; i < 5; i++) {
    await saver.save([user({ id: 5n, accessHash: 1n, username: "same" })]);
  }
  assert.equal(writes, 1);
  await saver.save([user({ id: 5n, accessHash: 1n, username: "changed" })]);
  assert.equal(writes, 2);
});

test("peers: a result whose peers were all written unchanged needs no storage call and no promise", async () => {
  const storage = new MemoryStorage();
  await storage.open();
  const calls: string[] = [];
  const update = storage.updatePeers.bind(storage), read = storage.getPeerById.bind(storage);
  storage.updatePeers = (peers) => (calls.push("write"), update(peers));
  storage.getPeerById = (id) => (calls.push("read"), read(id));
  const saver = new PeerSaver(storage);
  const batch = {
    users: [
      user({ id: 5n, accessHash: 1n, username: "full" }),
      user({ id: 6n, accessHash: 3n, min: true }), // min: merged into what is stored
    ],
    chats: [channel({ id: 7n, accessHash: 4n })],
  };
  await saver.save(batch);
  // Few peers this process has not written: each is read first (stored unchanged: no write).
  assert.deepEqual(calls, ["read", "read", "read", "write"]);
  calls.length = 0;
  // The update stream repeats them: nothing to wait for (the batch is applied at once).
  assert.equal(saver.save(batch), undefined);
  assert.deepEqual(calls, []);
  // A change is written (and waited for).
  const changed = { ...batch, users: [user({ id: 5n, accessHash: 1n, username: "moved" })] };
  const saving = saver.save(changed);
  assert.ok(saving instanceof Promise);
  await saving;
  assert.deepEqual(calls, ["write"]);
  assert.equal((await storage.getPeerByUsername("moved"))?.id, 5);
  // A min constructor never overwrites the full access hash it was merged into.
  await saver.save([user({ id: 5n, accessHash: 99n, min: true, username: "moved" })]);
  assert.equal((await storage.getPeerById(5))?.accessHash, 1n);
});

test("peers: unchangedPeer (no record built) agrees with building the record and comparing, on random peers", () => {
  const random = new SeededRandom();
  const pick = <T>(xs: readonly T[]): T => xs[random.int(xs.length)];
  const maybe = () => random.int(2) === 0;
  const names = [undefined, "", "Alice", "alice", "bob"];
  const lists: (Api.TypeUsername[] | undefined)[] = [
    undefined,
    [],
    [{ _: "username", username: "Alice", active: true }],
    [{ _: "username", username: "x", active: false }],
    [{ _: "username", username: "alice", active: true }, {
      _: "username",
      username: "Bob",
      active: true,
    }],
  ];
  const hashes = [undefined, 1n, 2n];
  const tlPeer = (): Api.TypeUser | Api.TypeChat => {
    switch (random.int(5)) {
      case 0:
        return user({
          id: 5n,
          accessHash: pick(hashes),
          min: maybe() || undefined,
          bot: maybe() || undefined,
          username: pick(names),
          usernames: pick(lists),
          phone: pick([undefined, "", "+123", "123", "456"]),
        });
      case 1:
        return channel({
          id: 7n,
          accessHash: pick(hashes),
          min: maybe() || undefined,
          broadcast: maybe() || undefined,
          forum: random.int(4) === 0 || undefined,
          monoforum: random.int(4) === 0 || undefined,
          username: pick(names),
          usernames: pick(lists),
        });
      case 2:
        return {
          _: "channelForbidden",
          id: 7n,
          accessHash: pick([1n, 2n]),
          title: "t",
          broadcast: maybe() || undefined,
        };
      case 3:
        return {
          _: "chat",
          id: 9n,
          title: "t",
          photo: { _: "chatPhotoEmpty" },
          participantsCount: 1,
          date: 0,
          version: 1,
        };
      default:
        return { _: "chatForbidden", id: 9n, title: "t" };
    }
  };
  const now = 1_000_000;
  /** The plain answer: the record built and merged as save() builds it, compared field by field. */
  const plain = (v: Api.TypeUser | Api.TypeChat, known: PeerRecord): boolean => {
    const [found] = peersIn([v], now);
    const r = found.min || found.noHash ? mergePeer(found, known)! : found.record;
    return r.lastUpdateOn - known.lastUpdateOn < 3600 && r.accessHash === known.accessHash &&
      r.type === known.type && r.phoneNumber === known.phoneNumber &&
      JSON.stringify(r.usernames) === JSON.stringify(known.usernames);
  };
  let same = 0;
  for (let i = 0; i < 20_000; i++) {
    const v = tlPeer();
    const id = storedIdOf(v)!;
    const age = pick([0, 10, 3599, 3600, 5000]);
    // What was written before: the record of an earlier object of the peer, or any record.
    const earlier = peersIn([tlPeer()], now - age).find((f) => f.record.id === id);
    const known: PeerRecord = earlier && maybe() ? earlier.record : {
      id,
      accessHash: pick([0n, 1n, 2n]),
      type: pick(["user", "bot", "group", "supergroup", "channel", "forum", "direct"] as const),
      usernames: pick([[], ["alice"], ["alice", "bob"], ["x"]]),
      phoneNumber: pick([null, "123", "456"]),
      lastUpdateOn: now - age,
    };
    const expected = plain(v, known);
    assert.equal(
      unchangedPeer(v, known, now),
      expected,
      JSON.stringify({ v, known }, (_k, x) => typeof x === "bigint" ? `${x}n` : x),
    );
    if (expected) same++;
  }
  assert.ok(same > 1000, `too few unchanged cases (${same}) to test the fast answer`);
});

test("peers: after a restart, the first result's peers stored unchanged within the hour are read, not written again", async () => {
  const storage = new MemoryStorage();
  await storage.open();
  const now = Math.floor(Date.now() / 1000);
  const stored = (id: number, accessHash: bigint, age: number): PeerRecord => ({
    id,
    accessHash,
    type: "user",
    usernames: [`u${id}`],
    phoneNumber: null,
    lastUpdateOn: now - age,
  });
  // What the previous run wrote: 1 and 2 recently, 3 long ago.
  await storage.updatePeers([stored(1, 10n, 60), stored(2, 20n, 60), stored(3, 30n, 7200)]);
  const writes: number[][] = [];
  const update = storage.updatePeers.bind(storage);
  storage.updatePeers = (peers) => (writes.push(peers.map((p) => p.id)), update(peers));
  let reads = 0;
  const read = storage.getPeerById.bind(storage);
  storage.getPeerById = (id) => (reads++, read(id));
  const saver = new PeerSaver(storage); // a fresh process: nothing written by it yet
  const u = (id: number, hash: bigint, username = `u${id}`) =>
    user({ id: BigInt(id), accessHash: hash, username });
  // getMe's answer after a restart: the user is stored unchanged, so nothing is written.
  await saver.save([u(1, 10n)]);
  assert.equal(writes.length, 0);
  assert.equal(reads, 1);
  // Changed (a new username), stored over an hour ago, or never stored: written, and not read
  // first (only the first result after a start is: later a read would only add a round trip).
  await saver.save([u(1, 10n), u(2, 20n, "renamed"), u(3, 30n), u(4, 40n)]);
  assert.deepEqual(writes, [[2, 3, 4]]);
  assert.equal(reads, 1);
  assert.equal((await storage.getPeerByUsername("renamed"))?.id, 2);
  assert.ok((await storage.getPeerById(3))!.lastUpdateOn >= now);
  // A result with more unwritten peers than are worth reading is written as it is.
  await saver.save(Array.from({ length: 20 }, (_, i) => u(100 + i, 1n)));
  assert.deepEqual(writes.map((w) => w.length), [3, 20]);
});

test("peers: a stored peer that cannot be read is written rather than failing the result", async () => {
  const storage = new MemoryStorage();
  await storage.open();
  storage.getPeerById = () => Promise.reject(new Error("unreadable row"));
  const saver = new PeerSaver(storage);
  await saver.save([user({ id: 9n, accessHash: 5n, username: "nine" })]);
  assert.equal((await storage.getPeerByUsername("nine"))?.id, 9);
});
