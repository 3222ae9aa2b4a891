/**
 * Attacks on the storage layer that once succeeded: secrets printed with a client, a session
 * file opened twice through another path, a close() that an opening outlived, usernames the
 * SQLite engine split apart, session names that left the working directory, and delete() on a
 * file that is not a session.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { Buffer } from "node:buffer";
import { hostname } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import process from "node:process";
import { Client } from "../client/client.ts";
import { SqliteStorage } from "../storage/sqlite.ts";
import { MemoryStorage } from "../storage/memory.ts";
import { SessionFileError, SessionLockedError, StorageError } from "../storage/errors.ts";
import { encodeSessionString } from "../storage/session_string.ts";
import type { Storage } from "../storage/storage.ts";
import { tempDir } from "./test_support/temp_dir.ts";

const dir = tempDir("hardening");

test("hardening: printing or serialising a client shows none of its secrets", () => {
  const sessionString = encodeSessionString({
    dcId: 2,
    apiId: 1,
    testMode: false,
    authKey: new Uint8Array(256).fill(0xab),
    userId: 5,
    isBot: false,
  });
  const secrets = ["SECRETHASHabcdef", "123456:SECRETTOKEN", "pw-SECRET-pw", sessionString];
  const apps = [
    new Client("acc", {
      apiId: 1,
      apiHash: secrets[0],
      botToken: secrets[1],
      storageEngine: `mongodb://user:${secrets[2]}@localhost:1/`,
      workdir: dir,
    }),
    new Client("acc", { sessionString, apiHash: secrets[0], botToken: secrets[1] }),
  ];
  for (const app of apps) {
    const denoInspect = (globalThis as {
      Deno?: { inspect(v: unknown, o: Record<string, unknown>): string };
    }).Deno?.inspect;
    const printed = [
      inspect(app, { depth: Infinity, showHidden: true }),
      // Getters evaluated: the public `options` must not hand the secrets to the printer.
      inspect(app, { depth: Infinity, showHidden: true, getters: true }),
      inspect(app.options, { depth: Infinity, showHidden: true }),
      denoInspect?.(app, { depth: Infinity, showHidden: true, getters: true }) ?? "",
      denoInspect?.(app.options, { depth: Infinity, showHidden: true }) ?? "",
      String(app),
      JSON.stringify(app),
      JSON.stringify(app.options),
    ].join("\n");
    for (const secret of secrets) assert.ok(!printed.includes(secret), "a secret was printed");
    // The options stay readable for code that asks for them.
    assert.equal(app.options.apiHash, secrets[0]);
    assert.match(inspect(app.options), /\[redacted\]/);
  }
});

test("hardening: a symlink to an open session file is refused, not opened a second time", async () => {
  const real = join(dir, "real.session");
  const a = new SqliteStorage(real);
  await a.open();
  try {
    symlinkSync(real, join(dir, "link.session"));
    mkdirSync(join(dir, "sub"));
    symlinkSync(dir, join(dir, "sub", "up"));
    for (const other of [join(dir, "link.session"), join(dir, "sub", "up", "real.session")]) {
      const b = new SqliteStorage(other);
      await assert.rejects(b.open(), SessionLockedError, other);
      await b.close();
    }
  } finally {
    await a.close();
  }
  // Through the link, the file (and its WAL) is the real one: what was written shows up there.
  const b = new SqliteStorage(join(dir, "link.session"));
  await b.open();
  await b.setSession({ apiId: 777 });
  await b.close();
  assert.equal(existsSync(join(dir, "link.session-wal")), false, "no WAL beside the link");
  const c = new SqliteStorage(real);
  await c.open();
  assert.equal((await c.getSession()).apiId, 777);
  await c.close();
});

test("hardening: close() while open() is in flight leaves the storage closed and unlocked", async () => {
  const file = join(dir, "race.session");
  const s = new SqliteStorage(file);
  const opening = s.open();
  await s.close();
  await opening.catch(() => {});
  await assert.rejects(s.getSession(), (e: unknown) => {
    assert.equal((e as StorageError).code, "STORAGE_CLOSED");
    return true;
  });
  assert.equal(existsSync(file + ".lock"), false, "the lock outlived close()");
  const other = new SqliteStorage(file);
  await other.open();
  await other.close();
});

test("hardening: a username with whitespace is refused by every engine, nothing stored", async () => {
  const engines: Storage[] = [new MemoryStorage(), new SqliteStorage(join(dir, "names.session"))];
  for (const s of engines) {
    await s.open();
    try {
      const peer = {
        id: 7,
        accessHash: 1n,
        type: "user" as const,
        usernames: ["fine", "two words"],
        phoneNumber: null,
        lastUpdateOn: Math.floor(Date.now() / 1000),
      };
      await assert.rejects(s.updatePeers([peer]), (e: unknown) => {
        assert.equal((e as StorageError).code, "STORAGE_INVALID_ARGUMENT");
        return true;
      });
      assert.equal(await s.getPeerById(7), undefined);
      await s.updatePeers([{ ...peer, usernames: ["fine", "Other_1"] }]);
      assert.deepEqual((await s.getPeerById(7))?.usernames, ["fine", "other_1"]);
    } finally {
      await s.close();
    }
  }
});

test("hardening: a session name that leaves the working directory is refused", () => {
  const workdir = join(dir, "work");
  for (const name of ["../escape", "a/../../escape", "/abs/acc", "nul\0byte"]) {
    assert.throws(() => new Client(name, { workdir }), (e: unknown) => {
      assert.ok(e instanceof StorageError);
      assert.equal(e.code, "STORAGE_INVALID_ARGUMENT");
      return true;
    }, JSON.stringify(name));
  }
  // A sub-folder of the working directory is still fine, as in Irenogram.
  const inside = new Client("team/acc", { workdir });
  assert.ok(inside.storage instanceof Object);
  assert.equal(existsSync(join(dir, "escape.session")), false);
});

test("hardening: delete() refuses a file that is not a session and leaves it as it was", async () => {
  const file = join(dir, "notes.txt");
  writeFileSync(file, "precious notes, not a database");
  const s = new SqliteStorage(file);
  await assert.rejects(s.delete(), SessionFileError);
  assert.equal(readFileSync(file, "utf8"), "precious notes, not a database");
  assert.equal(existsSync(file + ".lock"), false);
  rmSync(file);
  // A real session file is still deleted, with its lock.
  const real = new SqliteStorage(join(dir, "gone.session"));
  await real.open();
  await real.close();
  await real.delete();
  assert.equal(existsSync(real.path), false);
  assert.equal(existsSync(real.path + ".lock"), false);
});

test("hardening: a session string whose server address no engine stores is a SessionStringError", () => {
  // GramJS layout: dc, u16 length, address text, u16 port, 256-byte key.
  const host = "a".repeat(300);
  const raw = new Uint8Array(1 + 2 + host.length + 2 + 256).fill(7);
  const view = new DataView(raw.buffer);
  raw[0] = 2;
  view.setUint16(1, host.length);
  for (let i = 0; i < host.length; i++) raw[3 + i] = host.charCodeAt(i);
  view.setUint16(3 + host.length, 443);
  const text = "1" + Buffer.from(raw).toString("base64");
  assert.throws(() => new Client("acc", { sessionString: text }), (e: unknown) => {
    assert.equal((e as StorageError).code, "SESSION_STRING_INVALID");
    return true;
  });
});

test("hardening: an old lock file naming no real process (pid 0, -1, 1.5) is stale", async () => {
  const old = new Date(Date.now() - 60_000);
  for (const pid of [0, -1, 1.5]) {
    const file = join(dir, `pid${String(pid).replace(".", "_")}.session`);
    writeFileSync(file + ".lock", JSON.stringify({ pid, host: hostname(), token: "t" }));
    utimesSync(file + ".lock", old, old);
    const s = new SqliteStorage(file);
    await s.open(); // process.kill(0 or -1, 0) succeeds: such a pid must not count as alive
    await s.close();
    assert.equal(existsSync(file + ".lock"), false);
  }
});

test("hardening: setSession({ date: null }) is refused alike by every engine, nothing written", async () => {
  const engines: Storage[] = [new MemoryStorage(), new SqliteStorage(join(dir, "date.session"))];
  for (const s of engines) {
    await s.open();
    try {
      await s.setSession({ apiId: 1, date: 5 });
      await assert.rejects(
        s.setSession({ apiId: 2, date: null as unknown as number }),
        (e: unknown) => {
          assert.equal((e as StorageError).code, "STORAGE_INVALID_ARGUMENT");
          return true;
        },
      );
      const got = await s.getSession();
      assert.deepEqual([got.apiId, got.date], [1, 5]);
    } finally {
      await s.close();
    }
  }
});

test("hardening: a symlink to a session file not created yet locks the file it will create", async () => {
  const target = join(dir, "later.session");
  symlinkSync(target, join(dir, "to-later.session"));
  const a = new SqliteStorage(join(dir, "to-later.session"));
  await a.open(); // creates later.session through the link
  try {
    assert.equal(existsSync(target), true);
    await assert.rejects(new SqliteStorage(target).open(), SessionLockedError);
  } finally {
    await a.close();
  }
});

const BOOT_ID = "/proc/sys/kernel/random/boot_id";

test("hardening: a lock left before a reboot is stale even when its pid is alive again", {
  skip: existsSync(BOOT_ID) ? false : "no boot id on this system",
}, async () => {
  const file = join(dir, "reboot.session");
  const boot = readFileSync(BOOT_ID, "utf8").trim();
  // pid 1 is alive (EPERM or not): only the boot id tells that the holder is gone.
  const lock = {
    pid: 1,
    host: hostname(),
    token: "t",
    boot: "00000000-dead-beef-0000-000000000000",
  };
  writeFileSync(file + ".lock", JSON.stringify(lock));
  const s = new SqliteStorage(file);
  await s.open();
  assert.equal(JSON.parse(readFileSync(file + ".lock", "utf8")).boot, boot, "ours names the boot");
  await s.close();
  // Same boot, live pid: still held.
  writeFileSync(file + ".lock", JSON.stringify({ ...lock, boot }));
  await assert.rejects(new SqliteStorage(file).open(), SessionLockedError);
  rmSync(file + ".lock");
});

test("hardening: a session name like a SQLite URI (file:…?mode=memory) is a plain file name", async () => {
  const work = join(dir, "uri");
  mkdirSync(work);
  const cwd = process.cwd();
  process.chdir(work); // the default workdir "." gives a path that starts with "file:"
  try {
    const name = "file:acc?mode=memory&cache=shared";
    const app = new Client(name);
    await app.storage.open();
    await app.storage.setSession({ apiId: 42 });
    await app.close();
    assert.deepEqual(readdirSync(work), [name + ".session"], "written to disk, under its name");
    await using again = new Client(name);
    await again.storage.open();
    assert.equal((await again.storage.getSession()).apiId, 42);
  } finally {
    process.chdir(cwd);
  }
});

test("hardening: a bad session name is a typed error with a stable code", () => {
  for (const name of ["", 42, null, undefined, {}]) {
    assert.throws(() => new Client(name as string), (e: unknown) => {
      assert.ok(e instanceof StorageError, String(e));
      assert.equal(e.code, "STORAGE_INVALID_ARGUMENT");
      return true;
    });
  }
});

test("hardening: a workdir that is not a string, or holds a NUL byte, is a typed error", () => {
  for (const workdir of [5, {}, "a\0b"]) {
    assert.throws(() => new Client("acc", { workdir: workdir as string }), (e: unknown) => {
      assert.ok(e instanceof StorageError, String(e));
      assert.equal(e.code, "STORAGE_INVALID_ARGUMENT");
      return true;
    });
  }
});
