import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "./client.ts";
import { CachedStorage } from "../storage/peer_cache.ts";
import { MemoryStorage } from "../storage/memory.ts";
import { SqliteStorage } from "../storage/sqlite.ts";
import { MongoStorage } from "../storage/mongo.ts";
import { SessionStringStorage } from "../storage/session_string_storage.ts";
import { encodeSessionString } from "../storage/session_string.ts";
import { StorageError } from "../storage/errors.ts";
import { isStorage } from "../storage/storage.ts";

const engine = (c: Client) => (c.storage as CachedStorage).inner;

test("client storage: the default is NAME.session in workdir, created only on open", async () => {
  const dir = mkdtempSync(join(tmpdir(), "irenogram-client-"));
  const c = new Client("acc", { workdir: dir });
  assert.ok(c.storage instanceof CachedStorage, "the peer cache is in front");
  const inner = engine(c) as SqliteStorage;
  assert.ok(inner instanceof SqliteStorage);
  assert.equal(inner.path, join(dir, "acc.session"));
  assert.equal(existsSync(inner.path), false);
  await c.storage.open();
  assert.equal(existsSync(inner.path), true);
  await c.storage.close();
  assert.equal((engine(new Client("acc")) as SqliteStorage).path, "acc.session");
});

test('client storage: ":memory:" and inMemory keep the session in memory', () => {
  assert.ok(engine(new Client(":memory:")) instanceof MemoryStorage);
  assert.ok(engine(new Client("acc", { inMemory: true })) instanceof MemoryStorage);
});

test("client storage: a session string seeds a memory storage", async () => {
  const session = {
    dcId: 4,
    apiId: 12345,
    testMode: false,
    authKey: new Uint8Array(256).fill(3),
    userId: 777,
    isBot: true,
  };
  const text = encodeSessionString(session);
  const c = new Client("acc", { sessionString: text, storageEngine: "mongodb://ignored" });
  assert.ok(engine(c) instanceof SessionStringStorage, "the string wins, as in Irenogram");
  await c.storage.open();
  const got = await c.storage.getSession();
  assert.deepEqual(
    [got.dcId, got.apiId, got.userId, got.isBot, got.authKey],
    [4, 12345, 777, true, session.authKey],
  );
  assert.equal(await c.storage.exportSessionString(), text);
});

test("client storage: MongoDB URLs and clients select MongoStorage without connecting", () => {
  for (const url of ["mongodb://127.0.0.1:1/", "mongodb+srv://cluster.example.net/"]) {
    const inner = engine(new Client("bot_db", { storageEngine: url }));
    assert.ok(inner instanceof MongoStorage);
    assert.equal((inner as MongoStorage).name, "bot_db");
  }
  const fakeClient = { db() {}, connect() {}, close() {} };
  assert.ok(engine(new Client("bot_db", { storageEngine: fakeClient })) instanceof MongoStorage);
});

test("client storage: any object implementing the interface is used as is", () => {
  const mine = new MemoryStorage();
  assert.ok(isStorage(mine));
  assert.equal(engine(new Client("acc", { storageEngine: mine })), mine);
});

test("client storage: an unusable storageEngine is a typed error", () => {
  for (const bad of ["postgres://db", "sessions/", 42, { open() {} }]) {
    assert.throws(() => new Client("acc", { storageEngine: bad }), (e: unknown) => {
      assert.ok(e instanceof StorageError);
      assert.equal(e.code, "STORAGE_INVALID_ARGUMENT");
      return true;
    });
  }
});

test("client storage: the peer cache trusts entries of shared engines for a minute only", () => {
  const cache = (c: Client) => (c.storage as CachedStorage).maxAge;
  assert.equal(cache(new Client("acc")), Infinity, "SQLite: locked to this process");
  assert.equal(cache(new Client(":memory:")), Infinity);
  assert.equal(cache(new Client("acc", { storageEngine: "mongodb://127.0.0.1:1" })), 60_000);
  assert.equal(cache(new Client("acc", { storageEngine: new MemoryStorage() })), 60_000);
});
