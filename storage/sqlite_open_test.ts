/**
 * Opening damaged, half-made and hostile session files: what is refused stays byte-for-byte as
 * it was, side files included; what is half-made starts fresh; a damaged index never hands
 * back another peer's row; values read back are checked as strictly as values written; a
 * schema's triggers cannot call unsafe functions.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { loadSqlite, SqliteStorage } from "./sqlite.ts";
import { SessionFileError, StorageError } from "./errors.ts";
import { DEEP_CHECK_MAX_BYTES } from "./sqlite_open.ts";
import { IrenogramError } from "../errors.ts";
import type { PeerRecord } from "./storage.ts";
import { tempDir } from "../tests/test_support/temp_dir.ts";
import { availableSqliteDrivers, type SqliteDriverChoice } from "./sqlite_driver.ts";

/** Every test below runs on each SQLite driver this runtime has (native and WASM). */
function suite(driver: SqliteDriverChoice): void {
  const dir = tempDir("sqlite-open");
  const sha = (path: string) =>
    existsSync(path) ? createHash("sha256").update(readFileSync(path)).digest("hex") : "absent";
  const SIDES = ["", "-wal", "-journal", "-shm"];
  const snapshot = (file: string) => SIDES.map((s) => `${s}:${sha(file + s)}`);
  const now = () => Math.floor(Date.now() / 1000);
  const name = (i: number) => `name${String(i).padStart(4, "0")}`;
  const peer = (i: number): PeerRecord => ({
    id: i,
    accessHash: BigInt(i) * 1000n,
    type: "user",
    usernames: [name(i)],
    phoneNumber: String(1000 + i),
    lastUpdateOn: now(),
  });

  /** A session file made by SqliteStorage with peers 1..count. */
  async function makeSession(file: string, count = 200): Promise<void> {
    const s = new SqliteStorage(file, { driver });
    await s.open();
    await s.setSession({ apiId: 1, authKey: new Uint8Array(256).fill(3), userId: 42 });
    await s.updatePeers(Array.from({ length: count }, (_, i) => peer(i + 1)));
    await s.close();
  }

  /** Runs SQL on `file` through a plain connection (the test's own hands, no checks). */
  async function edit(file: string, sql: string): Promise<void> {
    const { sqlite3, vfs } = await loadSqlite();
    const db = new sqlite3.oo1.DB({ filename: file, flags: "w", vfs });
    try {
      db.exec("PRAGMA locking_mode=EXCLUSIVE;" + sql); // WAL without shared memory
    } finally {
      db.close();
    }
  }

  async function refused(file: string, pattern?: RegExp): Promise<SessionFileError> {
    const before = snapshot(file);
    let error: unknown;
    await new SqliteStorage(file, { driver }).open().then(
      () => assert.fail("opened"),
      (e) => (error = e),
    );
    assert.ok(error instanceof SessionFileError, `untyped: ${error}`);
    if (pattern) assert.match(error.message, pattern);
    assert.deepEqual(snapshot(file), before, "the refused file or a file beside it changed");
    assert.equal(existsSync(file + ".lock"), false, "lock left behind");
    return error;
  }

  test(`sqlite open [${driver}]: another database's -wal beside a valid file is refused, nothing touched`, async () => {
    const file = join(dir, "foreign-wal.session");
    await makeSession(file);
    // A WAL of another database, captured while its connection was open (as after a crash).
    const { sqlite3, vfs } = await loadSqlite();
    const other = join(dir, "other.db");
    const db = new sqlite3.oo1.DB({ filename: other, flags: "c", vfs });
    db.exec(
      "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; CREATE TABLE products (id, name);" +
        "INSERT INTO products VALUES (1, 'tea'), (2, 'coffee');",
    );
    copyFileSync(other + "-wal", file + "-wal");
    db.close();
    await refused(file);
    // And with a hot journal of another database beside it (copied from an open transaction).
    rmSync(file + "-wal");
    const j = new sqlite3.oo1.DB({ filename: other + "2", flags: "c", vfs });
    j.exec(
      "PRAGMA journal_mode=DELETE; PRAGMA cache_size=1; CREATE TABLE t (x); BEGIN;" +
        "INSERT INTO t SELECT randomblob(3000) FROM (WITH RECURSIVE c(n) AS " +
        "(SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 50) SELECT n FROM c);",
    );
    copyFileSync(other + "2-journal", file + "-journal");
    j.exec("ROLLBACK");
    j.close();
    const journal = sha(file + "-journal");
    const error = await new SqliteStorage(file, { driver }).open().then(() => undefined, (e) => e);
    // Rolling a foreign journal back onto the file is never done on the file itself: whatever
    // the verdict on the copy, a refusal leaves both exactly as they were.
    if (error) {
      assert.ok(error instanceof SessionFileError, `${error}`);
      assert.equal(sha(file + "-journal"), journal);
    }
  });

  test(`sqlite open [${driver}]: a file killed while being created starts fresh, never refused or truncated`, async () => {
    // What an interrupted creation leaves (older versions; Python too): the file with part of
    // its first transaction and a hot journal recording that the database was empty before.
    const { sqlite3, vfs } = await loadSqlite();
    const file = join(dir, "half-made.session");
    const db = new sqlite3.oo1.DB({ filename: file, flags: "c", vfs });
    db.exec(
      "PRAGMA journal_mode=DELETE; PRAGMA cache_size=1; BEGIN; CREATE TABLE sessions (x);" +
        "CREATE TABLE filler (b); INSERT INTO filler SELECT randomblob(3000) FROM (WITH RECURSIVE " +
        "c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 40) SELECT n FROM c);",
    );
    const crashed = join(dir, "crashed.session");
    copyFileSync(file, crashed);
    copyFileSync(file + "-journal", crashed + "-journal");
    db.exec("ROLLBACK");
    db.close();
    assert.ok(statSync(crashed).size > 0, "the half-made file has content");
    const s = new SqliteStorage(crashed, { driver });
    await s.open();
    assert.equal((await s.getSession()).dcId, 2, "a fresh session");
    await s.setSession({ apiId: 7 });
    await s.close();
    const again = new SqliteStorage(crashed, { driver });
    await again.open();
    assert.equal((await again.getSession()).apiId, 7);
    await again.close();
    // Our own creation is built aside and renamed: a leftover of it is simply replaced.
    const fresh = join(dir, "leftover.session");
    writeFileSync(fresh + "-creating", "half of a database");
    const t = new SqliteStorage(fresh, { driver });
    await t.open();
    await t.close();
    assert.equal(existsSync(fresh + "-creating"), false);
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith("leftover.session")), [
      "leftover.session",
    ]);
  });

  /**
   * Points the username index at an index built over shifted rows: the row the index gives for
   * `name0152` is peer 150's (what a flipped bit in an index page does, made deterministic).
   */
  async function damageUsernameIndex(file: string): Promise<void> {
    await edit(
      file,
      "CREATE TABLE shadow (id INTEGER, username TEXT);" +
        "INSERT INTO shadow (rowid, id, username) SELECT rowid, id, " +
        "'name' || substr('0000' || (id + 2), -4, 4) FROM usernames ORDER BY rowid;" +
        "CREATE INDEX shadow_idx ON shadow (username);" +
        "PRAGMA writable_schema=ON;" +
        "UPDATE sqlite_schema SET rootpage = (SELECT rootpage FROM sqlite_schema WHERE " +
        "name = 'shadow_idx') WHERE name = 'idx_usernames_username';" +
        "PRAGMA writable_schema=OFF;",
    );
  }

  test(`sqlite open [${driver}]: a damaged index is caught: small files by the check, lookups never lie`, async () => {
    const small = join(dir, "bad-index-small.session");
    await makeSession(small);
    await damageUsernameIndex(small);
    await refused(small, /corrupt/);

    // A large file that was closed cleanly opens without the full check (open cost must not grow
    // with the file); a lookup through the damaged index must fail, not return peer 150.
    const large = join(dir, "bad-index-large.session");
    await makeSession(large);
    await edit(large, "CREATE TABLE padding (b); INSERT INTO padding VALUES (zeroblob(1572864));");
    await damageUsernameIndex(large);
    assert.ok(statSync(large).size > DEEP_CHECK_MAX_BYTES);
    const s = new SqliteStorage(large, { driver });
    await s.open();
    await assert.rejects(s.getPeerByUsername(name(152)), (e: unknown) => {
      assert.ok(e instanceof SessionFileError, `${e}`);
      assert.match((e as Error).message, /damaged/);
      return true;
    });
    assert.equal((await s.getPeerById(152))?.id, 152, "the table itself is fine");
    await s.close();
  });

  test(`sqlite open [${driver}]: every error out of open() is typed, also for a damaged schema text`, async () => {
    const file = join(dir, "schema-flip.session");
    await makeSession(file);
    // One changed letter in the schema text (what a flipped bit there does).
    await edit(
      file,
      "PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql = replace(sql, " +
        "'last_update_on', 'last_update_om') WHERE name = 'peers'; PRAGMA writable_schema=OFF;",
    );
    const e = await refused(file);
    assert.ok(e instanceof IrenogramError);
    // Many one-letter changes anywhere in the schema text: typed errors only.
    const template = join(dir, "schema-template.session");
    await makeSession(template, 20);
    const { sqlite3, vfs } = await loadSqlite();
    const probe = new sqlite3.oo1.DB({ filename: template, flags: "r", vfs });
    probe.exec("PRAGMA locking_mode=EXCLUSIVE");
    const rows = probe.selectArrays(
      "SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL",
    ) as [
      string,
      string,
    ][];
    probe.close();
    let n = 0;
    for (const [name, sql] of rows) {
      for (let at = 0; at < sql.length; at += 7) {
        const c = sql[at];
        if (!/[a-z_]/.test(c)) continue;
        const flipped = sql.slice(0, at) + (c === "x" ? "y" : "x") + sql.slice(at + 1);
        const copy = join(dir, `flip-${n++}.session`);
        copyFileSync(template, copy);
        await edit(
          copy,
          `PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql = ${sqlText(flipped)} ` +
            `WHERE name = ${sqlText(name)}; PRAGMA writable_schema=OFF;`,
        );
        const s = new SqliteStorage(copy, { driver });
        try {
          await s.open();
          await s.getPeerByUsername(name === "usernames" ? "name0003" : "x").catch((e) => {
            assert.ok(e instanceof IrenogramError, `lookup after flip ${n}: ${e}`);
          });
          await s.close();
        } catch (e) {
          assert.ok(e instanceof IrenogramError && typeof e.code === "string", `flip ${n}: ${e}`);
        }
        for (const side of [...SIDES, ".lock"]) rmSync(copy + side, { force: true });
      }
    }
    assert.ok(n > 50, `${n} flips tried`);
  });

  const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

  test(`sqlite open [${driver}]: implausible values in a file are refused as strictly as when written`, async () => {
    const cases: [string, string, RegExp][] = [
      ["api-id-text", "UPDATE sessions SET api_id = 'abc'", /api_id/],
      ["user-id-text", "UPDATE sessions SET user_id = 'x'", /user_id/],
      ["short-key", "UPDATE sessions SET auth_key = zeroblob(255)", /auth_key/],
      ["dc-zero", "UPDATE sessions SET dc_id = 0", /dc_id/],
      ["test-mode-7", "UPDATE sessions SET test_mode = 7", /test_mode/],
      ["port-big", "UPDATE sessions SET port = 70000", /port/],
    ];
    for (const [label, sql, pattern] of cases) {
      const file = join(dir, `values-${label}.session`);
      await makeSession(file, 5);
      await edit(file, sql);
      await refused(file, pattern);
    }
    // A peer row of impossible type, or with text where numbers belong: a typed error on lookup.
    const file = join(dir, "values-peers.session");
    await makeSession(file, 5);
    await edit(
      file,
      "UPDATE peers SET type = 'alien' WHERE id = 1; UPDATE peers SET access_hash = 'h' " +
        "WHERE id = 2; UPDATE peers SET phone_number = '+x' WHERE id = 3;",
    );
    const s = new SqliteStorage(file, { driver });
    await s.open();
    try {
      for (const id of [1, 2, 3]) {
        await assert.rejects(s.getPeerById(id), SessionFileError, `peer ${id}`);
      }
      await assert.rejects(s.getPeerByUsername(name(1)), SessionFileError);
      assert.equal((await s.getPeerById(4))?.type, "user");
    } finally {
      await s.close();
    }
  });

  test(`sqlite open [${driver}]: a schema trigger cannot call unsafe functions (trusted_schema=OFF)`, async () => {
    const file = join(dir, "trigger.session");
    await makeSession(file, 3);
    // Where trusted, this trigger would read the connection's file list into the file (and
    // pragma functions can change settings); an untrusted schema must not run it.
    await edit(
      file,
      "CREATE TABLE mark (n);" +
        "CREATE TRIGGER evil AFTER INSERT ON peers BEGIN " +
        "INSERT INTO mark SELECT count(*) FROM pragma_database_list; END;" +
        "CREATE VIEW evil_view AS SELECT * FROM pragma_database_list;",
    );
    // Refused when opened (the engine's statements do not compile against it), or at the latest
    // when the trigger would fire; never run.
    const s = new SqliteStorage(file, { driver });
    const opened = await s.open().then(() => true, (e) => {
      assert.ok(e instanceof SessionFileError, `${e}`);
      assert.match(e.message, /unsafe use/);
      return false;
    });
    if (opened) {
      await assert.rejects(s.updatePeers([peer(50)]), StorageError);
      await s.close();
    }
    const { sqlite3, vfs } = await loadSqlite();
    const db = new sqlite3.oo1.DB({ filename: file, flags: "r", vfs });
    try {
      db.exec("PRAGMA locking_mode=EXCLUSIVE");
      assert.equal(db.selectValue("SELECT count(*) FROM mark"), 0, "the trigger never ran");
      assert.equal(db.selectValue("SELECT count(*) FROM peers WHERE id = 50"), 0);
    } finally {
      db.close();
    }
  });
}

for (const driver of availableSqliteDrivers()) suite(driver);
