/**
 * MongoStorage against a real server: MONGODB_URL when set (scripts/services.sh starts FerretDB
 * and sets it), else a server on 127.0.0.1:27017 if one answers. Every test works in a database
 * of its own and drops it after. Outside CI the server tests skip when no server answers; in CI
 * they run (and fail loudly if the server is missing).
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { connect, createServer, type Server, type Socket } from "node:net";
import { inspect } from "node:util";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import process from "node:process";
import { Binary, MongoClient } from "mongodb";
import { MongoStorage, redactUrl } from "./mongo.ts";
import { importDriver } from "./mongo_errors.ts";
import {
  interopSkip,
  irenogramPython,
  pythonHas,
  pythonScript,
  requirePython,
} from "../tests/python_interop.ts";
import { registerConformanceTests } from "../testing/conformance.ts";
import { StorageError } from "./errors.ts";
import { CachedStorage } from "./peer_cache.ts";
import type { PeerRecord, Storage } from "./storage.ts";
import { ownPeer, runWriter, writerKey, writerPeer } from "../tests/mongo_writer.ts";
import { USERNAME_TTL_SECONDS } from "./storage.ts";

const url = process.env.MONGODB_URL || "mongodb://127.0.0.1:27017/";

async function reachable(): Promise<boolean> {
  const probe = new MongoClient(url, { serverSelectionTimeoutMS: 1500 });
  try {
    await probe.db("admin").command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await probe.close();
  }
}

const serverUp = await reachable();
// Skipped only when nobody asked for a server and none answers; with MONGODB_URL set or in CI,
// an unreachable server fails the tests.
const skip = serverUp || process.env.MONGODB_URL || process.env.CI
  ? false
  : `no MongoDB server at ${
    redactUrl(url)
  }: set MONGODB_URL or source scripts/services.sh (starts FerretDB)`;

/** One client for the tests' own reads, writes and clean-up (never the engine's). */
const admin = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
let counter = 0;
const freshName = () =>
  `irenogram_t${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
const drop = (name: string) => admin.db(name).dropDatabase();
const now = () => Math.floor(Date.now() / 1000);

const key = writerKey;

function peer(id: number, over: Partial<PeerRecord> = {}): PeerRecord {
  return {
    id,
    accessHash: BigInt(id) * 7_919n + 13n,
    type: "user",
    usernames: [],
    phoneNumber: null,
    lastUpdateOn: now(),
    ...over,
  };
}

/** Runs `body` with a fresh database name, always dropping the database and closing after. */
function mongoTest(name: string, body: (db: string, opened: Storage[]) => Promise<void>) {
  test(`mongo: ${name}`, { skip }, async () => {
    const db = freshName();
    const opened: Storage[] = [];
    try {
      await body(db, opened);
    } finally {
      for (const s of opened) await s.close();
      await drop(db);
    }
  });
}

after(() => admin.close());

registerConformanceTests(test, {
  name: "mongo",
  create: () => new MongoStorage(freshName(), url),
  reopen: (s) => new MongoStorage((s as MongoStorage).name, url),
  cleanup: async (s) => {
    await drop((s as MongoStorage).name);
  },
  skip,
});

// The same suite through the peer cache the client puts in front of every engine.
registerConformanceTests(test, {
  name: "mongo+cache",
  create: () => new CachedStorage(new MongoStorage(freshName(), url), { size: 64 }),
  reopen: (s) =>
    new CachedStorage(new MongoStorage(((s as CachedStorage).inner as MongoStorage).name, url)),
  cleanup: async (s) => {
    await drop(((s as CachedStorage).inner as MongoStorage).name);
  },
  skip,
});

mongoTest("documents have the fields and BSON types Pyrofork reads", async (name, opened) => {
  const s = new MongoStorage(name, url);
  opened.push(s);
  await s.open();
  await s.setSession({
    dcId: 4,
    apiId: 611335,
    testMode: false,
    authKey: key(1),
    userId: 2 ** 40 + 3,
    isBot: true,
    date: 1_700_000_000,
  });
  const t = now();
  await s.updatePeers([
    peer(2 ** 40 + 3, { accessHash: -(1n << 62n), usernames: ["Main", "second", "third"] }),
    peer(-1_001_000_000_001, { type: "supergroup", accessHash: 5n, usernames: ["grp"] }),
    peer(-42, { type: "group", accessHash: 0n, lastUpdateOn: t - 5 }),
    peer(777, { type: "bot", phoneNumber: "4470000", lastUpdateOn: t }),
  ]);
  await s.setUpdateState({ pts: 100, qts: 5, date: 1_700_000_001, seq: 9 });
  await s.setChannelPts(1_000_000_001, 321);

  const db = admin.db(name);
  const session = await db.collection("session").findOne({ _id: 0 } as never);
  assert.ok(session);
  assert.equal(session.dc_id, 4);
  assert.equal(session.api_id, 611335);
  assert.equal(session.test_mode, false);
  assert.equal(session.is_bot, true);
  assert.equal(session.date, 1_700_000_000);
  assert.ok(session.auth_key instanceof Binary, "auth_key is BSON binary (Python bytes)");
  assert.equal(session.auth_key.sub_type, 0);
  assert.deepEqual(new Uint8Array(session.auth_key.buffer), key(1));

  const types = await db.collection("peers").aggregate([
    { $project: { id: { $type: "$_id" }, hash: { $type: "$access_hash" } } },
  ]).toArray();
  const typeOf = new Map(types.map((d) => [Number(d._id), d]));
  assert.equal(typeOf.get(2 ** 40 + 3)?.id, "long", "big ids are int64, as pymongo writes them");
  assert.equal(typeOf.get(2 ** 40 + 3)?.hash, "long", "access_hash is int64");
  assert.equal(typeOf.get(-42)?.id, "int");
  const userType = await db.collection("session").aggregate([
    { $project: { u: { $type: "$user_id" } } },
  ]).toArray();
  assert.equal(userType[0].u, "long", "user_id is int64");

  const raw = await db.collection("peers", { useBigInt64: true }).findOne(
    { _id: 2 ** 40 + 3 } as never,
  );
  assert.ok(raw);
  assert.equal(raw.access_hash, -(1n << 62n));
  assert.equal(raw.type, "user");
  assert.equal(raw.username, "main", "Pyrofork looks the main username up in peers.username");
  assert.equal(raw.phone_number, null);
  assert.equal(raw.last_update_on, t);
  const bot = await db.collection("peers").findOne({ _id: 777 } as never);
  assert.equal(bot?.phone_number, "4470000");
  assert.equal(bot?.username, null);

  // Irenogram's username-keyed collection holds every username of a peer that has several.
  const names = await db.collection("usernames").find({}).sort({ _id: 1 }).toArray();
  assert.deepEqual(names.map((n) => n._id), ["main", "second", "third"]);
  for (const n of names) {
    assert.equal(Number(n.peer_id), 2 ** 40 + 3);
    assert.equal(n.last_update_on, t);
  }

  const states = await db.collection("update_state").find({}).sort({ _id: -1 }).toArray();
  assert.deepEqual(states[0], { _id: 0, pts: 100, qts: 5, date: 1_700_000_001, seq: 9 });
  // Irenogram keys channel rows by the marked id and tells them apart by the sign.
  assert.equal(Number(states[1]._id), -1_001_000_000_001);
  assert.equal(states[1].pts, 321);
  const version = await db.collection("version").findOne({ _id: 0 } as never);
  assert.equal(version?.number, 1);
});

mongoTest("documents written the way Pyrofork writes them are read", async (name, opened) => {
  const db = admin.db(name);
  const t = now();
  // What pymongo stores for Pyrofork: Python ints as int32 when they fit, else int64; bytes
  // as binary; booleans; the fresh-session zeros.
  await db.collection("session").insertOne({
    _id: 0,
    dc_id: 5,
    api_id: 94575,
    test_mode: false,
    auth_key: new Binary(key(7)),
    date: 0,
    user_id: 0,
    is_bot: 0,
  } as never);
  await db.collection("peers").insertMany([
    {
      _id: 123456789,
      access_hash: -8_000_000_000_000_000_000n,
      type: "user",
      username: "pyro_user",
      phone_number: "15550001",
      last_update_on: t,
    },
    {
      _id: -1_001_111_111_111n,
      access_hash: 17,
      type: "channel",
      username: "pyro_chan",
      phone_number: null,
      last_update_on: t,
    },
    {
      _id: 555,
      access_hash: 1n,
      type: "bot",
      username: "old_bot",
      phone_number: null,
      last_update_on: t - USERNAME_TTL_SECONDS - 10,
    },
  ] as never[]);
  await db.collection("usernames").insertMany([
    { _id: "pyro_user", peer_id: 123456789, last_update_on: t },
    { _id: "pyro_alias", peer_id: 123456789, last_update_on: t },
  ] as never[]);
  await db.collection("update_state").insertMany([
    { _id: 0, pts: 50, qts: null, date: 1_700_000_000, seq: null },
    { _id: -1_001_111_111_111n, pts: 9, qts: null, date: 1_700_000_000, seq: null },
  ] as never[]);

  const s = new MongoStorage(name, url);
  opened.push(s);
  await s.open();
  const session = await s.getSession();
  assert.equal(session.dcId, 5);
  assert.equal(session.apiId, 94575);
  assert.deepEqual(session.authKey, key(7));
  assert.equal(session.userId, null, "Pyrofork's user_id 0 means nobody yet");
  assert.equal(session.isBot, false);
  assert.deepEqual(await s.getAuthKey(5), key(7));

  const user = await s.getPeerById(123456789);
  assert.deepEqual(user, {
    id: 123456789,
    accessHash: -8_000_000_000_000_000_000n,
    type: "user",
    usernames: ["pyro_user", "pyro_alias"],
    phoneNumber: "15550001",
    lastUpdateOn: t,
  });
  assert.equal((await s.getPeerByUsername("Pyro_Alias"))?.id, 123456789, "from `usernames`");
  assert.equal((await s.getPeerByUsername("pyro_chan"))?.accessHash, 17n);
  assert.equal((await s.getPeerByPhoneNumber("15550001"))?.id, 123456789);
  assert.equal(await s.getPeerByUsername("old_bot"), undefined, "8-hour rule");
  assert.deepEqual(await s.getUpdateState(), { pts: 50, qts: 0, date: 1_700_000_000, seq: 0 });
  assert.equal(await s.getChannelPts(1_111_111_111), 9);
  assert.equal(await s.getChannelPts(-1_001_111_111_111), 9, "marked ids work too");

  // A Python process rewrites a peer we wrote: its `username` wins over our stale array.
  await s.updatePeers([peer(42, { usernames: ["first", "second"] })]);
  await db.collection("peers").updateOne({ _id: 42 } as never, {
    $set: { username: "renamed", last_update_on: now() },
  });
  await db.collection("usernames").deleteMany({ peer_id: 42 });
  assert.deepEqual((await s.getPeerById(42))?.usernames, ["renamed"]);
  assert.equal(await s.getPeerByUsername("first"), undefined);
  assert.equal((await s.getPeerByUsername("renamed"))?.id, 42);
});

/** Checks what `writers` runs of {@link runWriter} left in database `name`. */
async function checkWriters(name: string, writers: number, count: number, t: number) {
  const reader = new MongoStorage(name, url);
  await reader.open();
  try {
    for (let i = 0; i < count; i++) {
      const got = await reader.getPeerById(1_000 + i);
      assert.ok(got, `peer ${1_000 + i} stored`);
      // Each document is one writer's whole record, never a mix of two.
      const w = Number(got.accessHash / 1_000_000n);
      assert.deepEqual(got, writerPeer(w, i, t));
    }
    for (let w = 0; w < writers; w++) {
      assert.deepEqual(await reader.getPeerByUsername("alias" + w), ownPeer(w, t));
      assert.equal(await reader.getChannelPts(10 + w), 100 + w);
      assert.deepEqual(await reader.getAuthKey(w + 1), writerKey(w));
    }
  } finally {
    await reader.close();
  }
  const db = admin.db(name);
  assert.equal(await db.collection("session").countDocuments({}), 1);
  assert.equal(await db.collection("version").countDocuments({}), 1);
  assert.equal(await db.collection("peers").countDocuments({}), count + writers);
  assert.equal(await db.collection("usernames").countDocuments({}), 2 * writers);
}

mongoTest("many writers on one database: concurrent opens and upserts", async (name, opened) => {
  const writers = 4, count = 40, t = now();
  const storages = Array.from({ length: writers }, () => new MongoStorage(name, url));
  opened.push(...storages);
  // Opening at once races on the version and session inserts and on index creation.
  await Promise.all(storages.map((s) => s.open()));
  await Promise.all(storages.map((s, w) => runWriter(s, w, t, count)));
  await checkWriters(name, writers, count, t);
});

mongoTest("many processes on one database", async (name) => {
  const writers = 3, count = 30, t = now();
  const self = new URL(import.meta.url);
  const child = fileURLToPath(
    new URL(`../tests/mongo_writer${self.pathname.endsWith(".ts") ? ".ts" : ".js"}`, self),
  );
  const isDeno = typeof (globalThis as { Deno?: unknown }).Deno !== "undefined";
  const runs = Array.from({ length: writers }, (_, w) =>
    new Promise<string>((resolve, reject) => {
      const args = [child, "--mongo-writer", url, name, String(w), String(t), String(count)];
      const p = spawn(process.execPath, isDeno ? ["run", "-A", ...args] : args);
      let out = "", err = "";
      p.stdout.on("data", (d) => (out += d));
      p.stderr.on("data", (d) => (err += d));
      p.on("error", reject);
      p.on("close", (code) => code === 0 ? resolve(out) : reject(new Error(`writer ${w}: ${err}`)));
    }));
  for (const out of await Promise.all(runs)) assert.match(out, /written/);
  await checkWriters(name, writers, count, t);
});

mongoTest("indexes exist on username, usernames and phone number", async (name, opened) => {
  const s = new MongoStorage(name, url);
  opened.push(s);
  await s.open();
  await s.close();
  await s.open(); // creating them again is harmless
  const keys = (await admin.db(name).collection("peers").listIndexes().toArray())
    .map((i) => Object.keys(i.key).join(","));
  for (const k of ["username", "usernames", "phone_number"]) assert.ok(keys.includes(k), k);
  const nameKeys = (await admin.db(name).collection("usernames").listIndexes().toArray())
    .map((i) => Object.keys(i.key).join(","));
  assert.ok(nameKeys.includes("peer_id"));
});

mongoTest("delete drops the database, also when called on a closed storage", async (name) => {
  const s = new MongoStorage(name, url);
  await s.open();
  await s.updatePeers([peer(5)]);
  await s.close();
  const listed = async () =>
    (await admin.db("admin").admin().listDatabases()).databases.some((d) => d.name === name);
  assert.ok(await listed());
  await s.delete();
  assert.equal(await listed(), false);
  await assert.rejects(
    s.getPeerById(5),
    (e: unknown) => (e as StorageError).code === "STORAGE_CLOSED",
  );
});

mongoTest("a connected MongoClient is used as given and not closed", async (name, opened) => {
  // A client without useBigInt64: the engine still round-trips access hashes exactly.
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  try {
    const s = new MongoStorage(name, client);
    opened.push(s);
    await s.open();
    const p = peer(99, { accessHash: (1n << 63n) - 1n });
    await s.updatePeers([p]);
    assert.deepEqual(await s.getPeerById(99), p);
    await s.close();
    assert.equal(await client.db(name).collection("peers").countDocuments({}), 1);
    await s.open();
    assert.deepEqual(await s.getPeerById(99), p);
  } finally {
    await client.close();
  }
});

mongoTest("a newer layout version is refused and left alone", async (name) => {
  await admin.db(name).collection("version").insertOne({ _id: 0, number: 99 } as never);
  const s = new MongoStorage(name, url);
  await assert.rejects(s.open(), (e: unknown) => {
    assert.ok(e instanceof StorageError);
    assert.equal(e.code, "STORAGE_VERSION_UNSUPPORTED");
    return true;
  });
  const db = admin.db(name);
  assert.equal((await db.collection("version").findOne({ _id: 0 } as never))?.number, 99);
  assert.equal(await db.collection("session").countDocuments({}), 0, "nothing was created");
  await assert.rejects(
    s.getSession(),
    (e: unknown) => (e as StorageError).code === "STORAGE_CLOSED",
  );
});

// The real Irenogram MongoStorage (pip package, driven through pymongo's async client) on the
// same database: .ci/setup/20-python.sh makes its venv, .ci/setup/30-ferretdb.sh adds pymongo.
const pythonMongo = pythonScript("irenogram_mongo.py");
const hasIrenogramMongo = pythonHas("irenogram_mongo.py");
const IRENOGRAM_MONGO_MISSING = "the irenogram and pymongo Python packages are not installed " +
  "(.ci/setup/20-python.sh, 30-ferretdb.sh)";
const noIrenogram = interopSkip(hasIrenogramMongo, IRENOGRAM_MONGO_MISSING);

// deno-lint-ignore no-explicit-any
function irenogram(mode: "read" | "write", db: string, spec: unknown): any {
  const run = spawnSync(irenogramPython, [pythonMongo, mode, url, db, JSON.stringify(spec)], {
    encoding: "utf8",
    timeout: 60_000,
  });
  assert.equal(run.status, 0, `irenogram_mongo.py ${mode}: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop()!);
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

test("mongo: Irenogram's own MongoStorage reads what MongoStorage wrote", {
  skip: skip || noIrenogram,
}, async () => {
  requirePython(hasIrenogramMongo, IRENOGRAM_MONGO_MISSING);
  const name = freshName();
  const s = new MongoStorage(name, url);
  try {
    await s.open();
    // A fresh session: every field is present (Irenogram reads them by key), nulls included.
    const fresh = irenogram("read", name, { ids: [], usernames: [], phones: [] });
    assert.deepEqual([fresh.dc_id, fresh.api_id, fresh.auth_key, fresh.user_id, fresh.is_bot], [
      2,
      null,
      "",
      "None",
      null,
    ]);
    await s.setSession({
      dcId: 4,
      apiId: 611335,
      testMode: false,
      authKey: key(5),
      userId: 5_000_000_001,
      isBot: false,
      date: 1_700_000_000,
    });
    await s.updatePeers([
      peer(5_000_000_001, {
        accessHash: -(1n << 63n),
        usernames: ["Main", "second"],
        phoneNumber: "15550001",
      }),
      peer(-1_001_234_567_890, { type: "channel", accessHash: 77n, usernames: ["chan"] }),
      peer(-4_000_000_001, { type: "group", accessHash: 0n }),
      peer(42, { type: "bot", usernames: ["stale_bot"], lastUpdateOn: now() - 9 * 3600 }),
    ]);
    await s.setUpdateState({ pts: 10, qts: 2, date: 1_700_000_000, seq: 3 });
    await s.setChannelPts(1_234_567_890, 5);
    const got = irenogram("read", name, {
      ids: ["5000000001", "-1001234567890", "-4000000001", "7"],
      usernames: ["main", "second", "chan", "stale_bot", "nobody"],
      phones: ["15550001", "1"],
    });
    assert.equal(got.dc_id, 4);
    assert.equal(got.api_id, 611335);
    assert.equal(got.test_mode, false);
    assert.equal(got.auth_key, hex(key(5)));
    assert.equal(got.user_id, "5000000001");
    assert.equal(got.is_bot, false);
    const user = { kind: "InputPeerUser", user_id: "5000000001", access_hash: `${-(1n << 63n)}` };
    const channel = { kind: "InputPeerChannel", channel_id: "1234567890", access_hash: "77" };
    assert.deepEqual(got.by_id.slice(0, 3), [user, channel, {
      kind: "InputPeerChat",
      chat_id: "4000000001",
    }]);
    assert.ok(got.by_id[3].missing);
    assert.deepEqual(got.by_username.slice(0, 3), [user, user, channel]);
    assert.match(got.by_username[3].missing, /expired/);
    assert.match(got.by_username[4].missing, /not found/);
    assert.deepEqual(got.by_phone[0], user);
    assert.ok(got.by_phone[1].missing);
    const [channelRow, common] = got.states;
    assert.deepEqual(common, [0, 10, 2, 1_700_000_000, 3]);
    assert.deepEqual([channelRow[0], channelRow[1]], [-1_001_234_567_890, 5]);
  } finally {
    await s.close();
    await drop(name);
  }
});

test("mongo: MongoStorage reads what Irenogram's own MongoStorage wrote", {
  skip: skip || noIrenogram,
}, async () => {
  requirePython(hasIrenogramMongo, IRENOGRAM_MONGO_MISSING);
  const name = freshName();
  irenogram("write", name, {
    session: {
      dc_id: 4,
      api_id: 94575,
      test_mode: false,
      auth_key: hex(key(6)),
      user_id: "5000000001",
      is_bot: true,
      date: 1_700_000_000,
    },
    peers: [
      ["5000000001", "-9000000000000000000", "bot", "me", "15550001"],
      ["-1001234567890", "77", "supergroup", "grp", null],
      ["-42", "0", "group", null, null],
    ],
    usernames: [["5000000001", "me"], ["5000000001", "me_alias"]],
    states: [[0, 10, null, 1_700_000_000, null], [
      -1_001_234_567_890,
      5,
      null,
      1_700_000_000,
      null,
    ]],
  });
  const s = new MongoStorage(name, url);
  try {
    await s.open();
    const session = await s.getSession();
    assert.equal(session.dcId, 4);
    assert.equal(session.apiId, 94575);
    assert.equal(session.testMode, false);
    assert.deepEqual(session.authKey, key(6));
    assert.equal(session.userId, 5_000_000_001);
    assert.equal(session.isBot, true);
    assert.equal(session.date, 1_700_000_000);
    assert.deepEqual(await s.getAuthKey(4), key(6));
    const me = await s.getPeerById(5_000_000_001);
    assert.deepEqual({ ...me, lastUpdateOn: 0 }, {
      id: 5_000_000_001,
      accessHash: -9_000_000_000_000_000_000n,
      type: "bot",
      usernames: ["me", "me_alias"],
      phoneNumber: "15550001",
      lastUpdateOn: 0,
    });
    assert.equal((await s.getPeerByUsername("ME_ALIAS"))?.id, 5_000_000_001);
    assert.equal((await s.getPeerByUsername("grp"))?.accessHash, 77n);
    assert.equal((await s.getPeerById(-42))?.type, "group");
    assert.equal((await s.getPeerByPhoneNumber("15550001"))?.id, 5_000_000_001);
    assert.deepEqual(await s.getUpdateState(), { pts: 10, qts: 0, date: 1_700_000_000, seq: 0 });
    assert.equal(await s.getChannelPts(1_234_567_890), 5);
    assert.deepEqual(await s.listChannelPts(), new Map([[-1_001_234_567_890, 5]]));
    // And back: a peer we update is what Irenogram then reads.
    await s.updatePeers([{ ...me!, accessHash: 123n, usernames: ["renamed"] }]);
    const back = irenogram("read", name, {
      ids: [],
      usernames: ["renamed", "me_alias"],
      phones: [],
    });
    assert.equal(back.by_username[0].access_hash, "123");
    assert.ok(back.by_username[1].missing, "the dropped alias no longer resolves in Python");
  } finally {
    await s.close();
    await drop(name);
  }
});

mongoTest("a server lost while open gives typed errors, not hangs", async (name) => {
  // A TCP relay to the test server that can be cut, standing in for a MongoDB going away.
  const target = new URL(url);
  const sockets = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = connect(Number(target.port || 27017), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => relay.listen(0, "127.0.0.1", r));
  const port = (relay.address() as { port: number }).port;
  const s = new MongoStorage(name, `mongodb://127.0.0.1:${port}/?directConnection=true`, {
    serverSelectionTimeoutMS: 500,
  });
  try {
    await s.open();
    await s.updatePeers([peer(7)]);
    assert.equal((await s.getPeerById(7))?.id, 7);
    const closed = new Promise((r) => relay.close(r));
    for (const socket of sockets) socket.destroy();
    await closed;
    for (const call of [() => s.getPeerById(7), () => s.updatePeers([peer(8)])]) {
      await assert.rejects(call(), (e: unknown) => {
        assert.ok(e instanceof StorageError, `expected a StorageError, got ${e}`);
        assert.equal(e.code, "STORAGE_UNAVAILABLE", e.message);
        return true;
      });
    }
  } finally {
    await s.close();
    if (relay.listening) relay.close();
  }
});

/** A local port that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

test("mongo: an unreachable server gives a typed error without the URL's password", async () => {
  const secret = "s3cr3t-Pa55word";
  const port = await closedPort();
  const s = new MongoStorage("dead", `mongodb://bot:${secret}@127.0.0.1:${port}/?authSource=x`, {
    serverSelectionTimeoutMS: 300,
  });
  assert.doesNotMatch(inspect(s, { showHidden: true, depth: 5 }), new RegExp(secret));
  const error = await s.open().then(() => undefined, (e) => e);
  assert.ok(error instanceof StorageError, `expected a StorageError, got ${error}`);
  assert.equal(error.code, "STORAGE_UNAVAILABLE");
  for (const text of [error.message, String(error), inspect(error, { depth: 10 })]) {
    assert.doesNotMatch(text, new RegExp(secret));
  }
  assert.equal(error.cause, undefined);
  await s.close();
});

test("mongo: a server that accepts but never answers gives a typed error", async () => {
  const sockets = new Set<{ destroy(): void }>();
  const silent: Server = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  const port = (silent.address() as { port: number }).port;
  try {
    const s = new MongoStorage("silent", `mongodb://u:hunter22@127.0.0.1:${port}/`, {
      serverSelectionTimeoutMS: 300,
    });
    const error = await s.open().then(() => undefined, (e) => e);
    assert.ok(error instanceof StorageError, `expected a StorageError, got ${error}`);
    assert.equal(error.code, "STORAGE_UNAVAILABLE");
    assert.doesNotMatch(inspect(error), /hunter22/);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((r) => silent.close(r));
  }
});

test("mongo: bad names, URLs and connections are refused with typed errors", async () => {
  const refused = (fn: () => unknown, code = "STORAGE_INVALID_ARGUMENT") =>
    assert.throws(fn, (e: unknown) => e instanceof StorageError && e.code === code);
  for (const bad of ["", "a.b", "a/b", "with space", "x".repeat(64), 'q"', "$x"]) {
    refused(() => new MongoStorage(bad, "mongodb://127.0.0.1/"));
  }
  refused(() => new MongoStorage("ok", "postgres://u:p@h/"));
  refused(() => new MongoStorage("ok", {} as never));
  refused(() => new MongoStorage("ok", "mongodb://h/", { serverSelectionTimeoutMS: -1 }));
  // A malformed URL is refused on open, without echoing its password.
  const s = new MongoStorage("ok", "mongodb://user:pa:ss@wd@127.0.0.1:1:2/");
  const error = await s.open().then(() => undefined, (e) => e);
  assert.ok(error instanceof StorageError, `expected a StorageError, got ${error}`);
  assert.doesNotMatch(inspect(error), /pa:ss@wd|ss@wd/);
  // Nothing works before open().
  const closed = new MongoStorage("ok", "mongodb://127.0.0.1/");
  await assert.rejects(closed.getPeerById(1), (e: unknown) => {
    return e instanceof StorageError && e.code === "STORAGE_CLOSED";
  });
});

test("mongo: redactUrl removes credentials from connection strings", () => {
  assert.equal(
    redactUrl("failed mongodb://bot:pw@h1:1,h2:2/db and mongodb+srv://a:b@c.example/x"),
    "failed mongodb://***@h1:1,h2:2/db and mongodb+srv://***@c.example/x",
  );
  assert.equal(redactUrl("mongodb://h:1/db"), "mongodb://h:1/db");
  assert.equal(redactUrl("x mongodb://u:p@ss@h/db?a=b@c"), "x mongodb://***@h/db?a=b@c");
});

test("mongo: importing mod.ts does not load the driver; MongoStorage.open() does", async () => {
  const self = new URL(import.meta.url);
  const ext = self.pathname.endsWith(".ts") ? ".ts" : ".js";
  const child = new URL(`../tests/mongo_lazy_child${ext}`, self).pathname;
  const isDeno = typeof (globalThis as { Deno?: unknown }).Deno !== "undefined";
  const args = isDeno ? ["run", "-A", child] : [child];
  const run = spawnSync(process.execPath, [...args, String(await closedPort())], {
    encoding: "utf8",
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout.trim().split("\n").pop()!);
  assert.equal(report.exported, "function");
  assert.equal(report.afterImport, 0, "mod.ts loaded the mongodb driver");
  assert.equal(report.afterConstruct, 0, "constructing a MongoStorage loaded the driver");
  assert.equal(report.openError, "STORAGE_UNAVAILABLE");
  assert.ok(report.afterOpen > 0, "open() should have loaded the driver (the probe is blind)");
});

mongoTest("close() while open() is in flight leaves the storage closed", async (db) => {
  const s = new MongoStorage(db, url);
  const opening = s.open();
  await s.close();
  await opening;
  await assert.rejects(s.getSession(), (e: unknown) => {
    assert.equal((e as StorageError).code, "STORAGE_CLOSED", "open after close()");
    return true;
  });
});

mongoTest(
  "a `usernames` entry older than 8 hours does not resolve, however fresh its peer",
  async (name) => {
    // As Python (Pyrofork, Irenogram) writes them: the peer document with its main username and
    // a fresh stamp; a secondary username in `usernames`, stamped when it was last seen.
    const t = now();
    const db = admin.db(name);
    const s = new MongoStorage(name, url);
    await s.open();
    try {
      await db.collection("peers").insertOne({
        _id: 4242,
        access_hash: 9n,
        type: "user",
        username: "main_name",
        phone_number: null,
        last_update_on: t,
      } as never);
      await db.collection("usernames").insertMany([
        { _id: "old_alias", peer_id: 4242, last_update_on: t - USERNAME_TTL_SECONDS - 60 },
        { _id: "new_alias", peer_id: 4242, last_update_on: t - 60 },
      ] as never[]);
      assert.equal(await s.getPeerByUsername("old_alias"), undefined);
      assert.equal((await s.getPeerByUsername("new_alias"))?.id, 4242);
      assert.equal((await s.getPeerByUsername("main_name"))?.id, 4242);
    } finally {
      await s.close();
    }
  },
);

test("mongo: without the `mongodb` package, opening says how to install it (typed)", async () => {
  const error = await importDriver(
    () => import("mongodb-not-installed-" + "irenogram" as string) as never,
  ).then(() => undefined, (e) => e);
  assert.ok(error instanceof StorageError, `${error}`);
  assert.equal(error.code, "STORAGE_DRIVER_MISSING");
  assert.match(error.message, /npm i mongodb/);
  assert.match(error.message, /bun add mongodb/);
});

/** FerretDB's binary for a private server: FERRETDB_BIN, or the one .ci/setup builds. */
const ferretdb = [
  process.env.FERRETDB_BIN,
  ...["../.cache/bin/ferretdb", "../../.cache/bin/ferretdb"].map((p) =>
    fileURLToPath(new URL(p, import.meta.url))
  ),
].find((p) => p && existsSync(p));
const noFerretdb = ferretdb || process.env.CI
  ? false
  : "no FerretDB binary (FERRETDB_BIN or .cache/bin/ferretdb, made by .ci/setup)";

async function portOpen(port: number): Promise<boolean> {
  return await new Promise((resolve) => {
    const socket: Socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Retries `call` until it succeeds, for at most `ms` from now (a pause between attempts): the
 * waits around a private server (its start, its thaw, its restart) depend on the machine's load,
 * so they are bounded by a generous relative deadline rather than a count of fast attempts.
 */
async function eventually<T>(ms: number, what: string, call: () => Promise<T>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await call();
    } catch (e) {
      if (Date.now() >= end) throw new Error(`${what}: still failing after ${ms} ms: ${e}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

test(
  "mongo: a frozen server (SIGSTOP) fails calls in bounded time with STORAGE_UNAVAILABLE, and is used again when it thaws",
  {
    skip: noFerretdb,
    // Generous: only reached when a deadline is broken (a frozen call that never returns).
    timeout: 240_000,
  },
  async () => {
    assert.ok(ferretdb, "FerretDB is needed in CI");
    // A private server, so that freezing it stops nobody else's tests.
    const dir = mkdtempSync(join(tmpdir(), "irenogram-ferretdb-"));
    mkdirSync(join(dir, "data"));
    const port = await closedPort();
    const startServer = () => {
      const proc = spawn(ferretdb, [
        "--handler=sqlite",
        `--sqlite-url=file:${dir}/data/`,
        `--listen-addr=127.0.0.1:${port}`,
        "--debug-addr=-",
        "--telemetry=disable",
        `--state-dir=${dir}`,
        "--log-level=error",
      ], { stdio: "ignore" });
      return { proc, exited: new Promise((r) => proc.once("exit", r)) };
    };
    let { proc: server, exited } = startServer();
    let frozen = false;
    // Short deadlines, so that the frozen calls below fail quickly. On a loaded machine a fresh
    // server may need longer than that to open (first connection, collections, indexes), which
    // is a correct STORAGE_UNAVAILABLE: opening and the first write are retried until they pass.
    const s = new MongoStorage("frozen", `mongodb://127.0.0.1:${port}/`, {
      serverSelectionTimeoutMS: 1000,
      operationTimeoutMS: 2000,
    });
    try {
      await eventually(60_000, "the private server starts", async () => {
        if (!(await portOpen(port))) throw new Error("port closed");
      });
      // The port may have been taken by another process between closedPort() and the spawn: then
      // the signals below would miss the server the storage talks to.
      assert.equal(server.exitCode, null, "the private FerretDB exited (port taken?)");
      await eventually(60_000, "opening the storage", () => s.open());
      await eventually(60_000, "the first write", () => s.setSession({ apiId: 5 }));
      // (process.kill: Deno's ChildProcess.kill does not deliver SIGCONT)
      process.kill(server.pid!, "SIGSTOP");
      frozen = true;
      // Writes and reads in flight on a frozen server: each fails by its deadline, same code.
      // No timing assertion (a loaded machine stretches any figure): a call without a deadline
      // never returns, and the test's timeout fails it.
      for (
        const call of [
          () => s.updatePeers([peer(1, { usernames: ["frozen_peer"] })]),
          () => s.setSession({ apiId: 6 }),
          () => s.getSession(),
        ]
      ) {
        const error = await call().then(() => undefined, (e) => e);
        assert.ok(error instanceof StorageError, `${error}`);
        assert.equal(error.code, "STORAGE_UNAVAILABLE", error.message);
      }
      process.kill(server.pid!, "SIGCONT");
      frozen = false;
      // Back without reopening: the first calls may still fail while the driver reconnects.
      const session = await eventually(60_000, "the storage after the thaw", () => s.getSession());
      // 5 from before the freeze, or 6: a write that failed by its deadline may still have
      // reached the server, which applies it when it thaws.
      assert.ok([5, 6].includes(session?.apiId as number), `apiId ${session?.apiId}`);
      await eventually(60_000, "a write after the thaw", () => s.updatePeers([peer(2)]));
      assert.equal((await s.getPeerById(2))?.id, 2);
      // Killed and started again on the same port and data: used again without reopening.
      server.kill("SIGKILL");
      await exited;
      ({ proc: server, exited } = startServer());
      const peer2 = await eventually(60_000, "the storage after a restart", () => s.getPeerById(2));
      assert.equal(peer2?.id, 2, "nothing lost, no reopen");
    } finally {
      if (frozen) process.kill(server.pid!, "SIGCONT");
      await s.close();
      server.kill("SIGKILL");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
