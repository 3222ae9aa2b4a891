import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { registerConformanceTests } from "../testing/conformance.ts";
import { PAGE_SIZE, SqliteStorage } from "./sqlite.ts";
import { SessionLockedError, StorageError } from "./errors.ts";
import { tempDir } from "../tests/test_support/temp_dir.ts";
import { availableSqliteDrivers, type SqliteDriverChoice } from "./sqlite_driver.ts";

/** Every test below runs on each SQLite driver this runtime has (native and WASM). */
function suite(driver: SqliteDriverChoice): void {
  const dir = tempDir("sqlite");
  let n = 0;

  registerConformanceTests(test, {
    name: `sqlite [${driver}]`,
    create: () => new SqliteStorage(join(dir, `conformance-${n++}.session`), { driver }),
    reopen: (s) => new SqliteStorage((s as SqliteStorage).path, { driver }),
    cleanup: (s) => {
      for (const suffix of ["", "-wal", "-journal"]) {
        rmSync((s as SqliteStorage).path + suffix, { force: true });
      }
    },
  });

  const path = (name: string) => join(dir, name);

  test(`sqlite [${driver}]: new session files and their lock are created with mode 0600`, async () => {
    const s = new SqliteStorage(path("mode.session"), { driver });
    await s.open();
    try {
      assert.equal(statSync(s.path).mode & 0o777, 0o600);
      assert.equal(statSync(s.path + ".lock").mode & 0o777, 0o600);
      await s.updatePeers([{
        id: 1,
        accessHash: 1n,
        type: "user",
        usernames: [],
        phoneNumber: null,
        lastUpdateOn: 0,
      }]);
      for (const suffix of ["-wal", "-journal"]) {
        if (existsSync(s.path + suffix)) {
          assert.equal(statSync(s.path + suffix).mode & 0o777, 0o600);
        }
      }
    } finally {
      await s.close();
    }
    assert.equal(existsSync(s.path + ".lock"), false, "close removes the lock file");
  });

  test(`sqlite [${driver}]: new session files use 4096-byte pages (the SQLite header says so)`, async () => {
    const s = new SqliteStorage(path("pages.session"), { driver });
    await s.open();
    await s.setSession({ dcId: 2 });
    await s.close();
    const header = readFileSync(s.path).subarray(0, 18);
    assert.equal(new TextDecoder().decode(header.subarray(0, 15)), "SQLite format 3");
    assert.equal((header[16] << 8) | header[17], PAGE_SIZE);
    assert.equal(PAGE_SIZE, 4096);
  });

  test(`sqlite [${driver}]: a second open of the same file in this process gets SessionLockedError`, async () => {
    const file = path("twice.session");
    const a = new SqliteStorage(file, { driver });
    await a.open();
    try {
      const b = new SqliteStorage(join(dir, ".", "twice.session"), { driver });
      await assert.rejects(b.open(), (e: unknown) => {
        assert.ok(e instanceof SessionLockedError);
        assert.equal(e.code, "SESSION_LOCKED");
        assert.equal(e.path, join(dir, ".", "twice.session"));
        assert.match(e.message, /twice\.session/);
        return true;
      });
      await a.setSession({ apiId: 7 });
    } finally {
      await a.close();
    }
    const c = new SqliteStorage(file, { driver });
    await c.open();
    assert.equal((await c.getSession()).apiId, 7, "the refused opener changed nothing");
    await c.close();
  });

  test(`sqlite [${driver}]: a closed storage refuses work with a typed error`, async () => {
    const s = new SqliteStorage(path("closed.session"), { driver });
    await assert.rejects(
      s.getSession(),
      (e: unknown) => (e as StorageError).code === "STORAGE_CLOSED",
    );
    await s.open();
    await s.close();
    await assert.rejects(s.getPeerById(1), (e: unknown) => e instanceof StorageError);
  });

  test(`sqlite [${driver}]: forSession puts NAME.session in workdir`, () => {
    assert.equal(SqliteStorage.forSession("acc", dir, { driver }).path, join(dir, "acc.session"));
    assert.equal(SqliteStorage.forSession("acc").path, "acc.session");
  });

  test(`sqlite [${driver}]: an empty existing file is treated as a new session`, async () => {
    const file = path("empty.session");
    writeFileSync(file, "");
    const s = new SqliteStorage(file, { driver });
    await s.open();
    assert.equal((await s.getSession()).dcId, 2);
    await s.close();
  });

  test(`sqlite [${driver}]: non-ASCII usernames take the encoder path and round-trip`, async () => {
    const s = new SqliteStorage(path("unicode.session"), { driver });
    await s.open();
    try {
      const names = ["ünïcødé_näme", "名前", "a".repeat(64)];
      await s.updatePeers([{
        id: 5,
        accessHash: -1n,
        type: "user",
        usernames: names,
        phoneNumber: "1",
        lastUpdateOn: Math.floor(Date.now() / 1000),
      }]);
      assert.deepEqual((await s.getPeerById(5))?.usernames, names);
      for (const n of names) assert.equal((await s.getPeerByUsername(n.toUpperCase()))?.id, 5);
    } finally {
      await s.close();
    }
  });

  test(`sqlite [${driver}]: forSession creates a missing workdir (mode 0700) when it opens`, async () => {
    const workdir = join(dir, "fresh-folder", "sessions");
    const s = SqliteStorage.forSession("my_account", workdir, { driver });
    assert.equal(existsSync(workdir), false, "nothing is created before open()");
    await s.open();
    try {
      assert.ok(existsSync(join(workdir, "my_account.session")));
      if (process.platform !== "win32") assert.equal(statSync(workdir).mode & 0o777, 0o700);
    } finally {
      await s.close();
    }
  });
}

for (const driver of availableSqliteDrivers()) suite(driver);
