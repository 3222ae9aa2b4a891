/**
 * Bad session files: not SQLite, foreign SQLite, truncated, bit-flipped. Every refusal is a
 * typed error and leaves the file byte-for-byte as it was; a file that still opens behaves.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSqlite, SqliteStorage } from "../storage/sqlite.ts";
import { SessionFileError, StorageError } from "../storage/errors.ts";
import { SeededRandom } from "../testing/random.ts";
import { tempDir } from "./test_support/temp_dir.ts";
import { availableSqliteDrivers, type SqliteDriverChoice } from "../storage/sqlite_driver.ts";

/** Every test below runs on each SQLite driver this runtime has (native and WASM). */
function suite(driver: SqliteDriverChoice): void {
  const dir = tempDir("badfile");
  const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

  /** Opens `bytes` as a session file; returns the error (if any) and checks the file is untouched. */
  async function attempt(name: string, bytes: Uint8Array): Promise<unknown> {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const s = new SqliteStorage(file, { driver });
    let error: unknown;
    try {
      await s.open();
    } catch (e) {
      error = e;
    }
    if (error) {
      assert.ok(error instanceof StorageError, `${name}: untyped ${error}`);
      assert.equal(sha(readFileSync(file)), sha(bytes), `${name}: a refused file was changed`);
      for (const side of ["-wal", "-journal", "-shm"]) {
        assert.equal(existsSync(file + side), false, `${name}: a refusal left ${side} beside it`);
      }
      assert.equal(existsSync(file + ".lock"), false, `${name}: lock left behind`);
    } else {
      // Still a readable session: its methods answer or fail with typed errors, never crash.
      for (
        const op of [
          () => s.getSession(),
          () => s.getPeerById(1),
          () => s.getPeerByUsername("user_1"),
          () => s.getUpdateState(),
        ]
      ) {
        await op().catch((e) => assert.ok(e instanceof StorageError, `${name}: untyped ${e}`));
      }
      await s.close();
    }
    for (const suffix of ["", "-wal", "-journal", ".lock"]) rmSync(file + suffix, { force: true });
    return error;
  }

  /** A small, valid session file made by SqliteStorage, as bytes. */
  async function validSession(): Promise<Uint8Array> {
    const file = join(dir, "template.session");
    const s = new SqliteStorage(file, { driver });
    await s.open();
    await s.setSession({ apiId: 1, authKey: new Uint8Array(256).fill(7), userId: 99 });
    const peers = [];
    for (let i = 1; i <= 200; i++) {
      peers.push({
        id: i,
        accessHash: BigInt(i) << 40n,
        type: "user" as const,
        usernames: [`user_${i}`],
        phoneNumber: null,
        lastUpdateOn: Math.floor(Date.now() / 1000),
      });
    }
    await s.updatePeers(peers);
    await s.close();
    const bytes = readFileSync(file);
    rmSync(file);
    return new Uint8Array(bytes);
  }

  test(`bad files [${driver}]: what is not SQLite is refused before SQLite reads it`, async () => {
    const rng = new SeededRandom(7);
    const cases: [string, Uint8Array][] = [
      ["text.session", new TextEncoder().encode("this is not a database\n".repeat(50))],
      ["random.session", rng.bytes(8192)],
      ["tiny.session", new Uint8Array([0x53])],
      ["header-only.session", new TextEncoder().encode("SQLite format 3\0")],
      [
        "png.session",
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...rng.bytes(500)]),
      ],
    ];
    for (const [name, bytes] of cases) {
      const e = await attempt(name, bytes);
      assert.ok(e instanceof SessionFileError, name);
      assert.equal(e.code, "SESSION_FILE_INVALID");
      assert.match(e.message, /not an SQLite session file/);
    }
    const folder = join(dir, "folder.session");
    mkdirSync(folder);
    await assert.rejects(new SqliteStorage(folder, { driver }).open(), SessionFileError);
  });

  test(`bad files [${driver}]: foreign SQLite databases are refused untouched`, async () => {
    const { sqlite3, vfs } = await loadSqlite();
    const make = (name: string, sql: string) => {
      const file = join(dir, `make-${name}`);
      const db = new sqlite3.oo1.DB({ filename: file, flags: "c", vfs });
      db.exec(sql);
      db.close();
      const bytes = new Uint8Array(readFileSync(file));
      rmSync(file);
      return bytes;
    };
    const foreign = {
      "shop.session": "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT); " +
        "INSERT INTO products VALUES (1, 'tea');",
      "telethon.session": "CREATE TABLE version (version INTEGER PRIMARY KEY); " +
        "CREATE TABLE sessions (dc_id INTEGER PRIMARY KEY, server_address TEXT, port INTEGER, " +
        "auth_key BLOB, takeout_id INTEGER); CREATE TABLE entities (id INTEGER PRIMARY KEY, " +
        "hash INTEGER NOT NULL, username TEXT, phone INTEGER, name TEXT, date INTEGER);",
      "empty-db.session": "PRAGMA user_version = 1;",
      "half-pyrogram.session":
        "CREATE TABLE sessions (dc_id INTEGER PRIMARY KEY, auth_key BLOB); " +
        "CREATE TABLE peers (id INTEGER PRIMARY KEY);",
      "odd-usernames.session": "CREATE TABLE sessions (dc_id INTEGER PRIMARY KEY, test_mode " +
        "INTEGER, auth_key BLOB, date INTEGER NOT NULL, user_id INTEGER, is_bot INTEGER); " +
        "CREATE TABLE peers (id INTEGER PRIMARY KEY, access_hash INTEGER, type INTEGER NOT NULL, " +
        "phone_number TEXT, last_update_on INTEGER); CREATE TABLE version (number INTEGER); " +
        "CREATE TABLE usernames (who TEXT, what TEXT); INSERT INTO version VALUES (5);",
    };
    for (const [name, sql] of Object.entries(foreign)) {
      const e = await attempt(name, make(name, sql));
      assert.ok(e instanceof SessionFileError, `${name}: ${e}`);
      if (name === "telethon.session") assert.match(e.message, /Telethon/);
    }
  });

  test(`bad files [${driver}]: truncated session files give typed errors and stay untouched`, async () => {
    const good = await validSession();
    const cuts = [1, 16, 99, 100, 101, 512, 4096, 8191, 8192, 8193, good.length - 4096];
    for (const cut of cuts.filter((c) => c > 0 && c < good.length)) {
      const e = await attempt(`cut-${cut}.session`, good.subarray(0, cut));
      assert.ok(e instanceof SessionFileError, `cut at ${cut}: ${e}`);
    }
  });

  test(`bad files [${driver}]: hundreds of bit flips never crash, hang or change a refused file`, async () => {
    const good = await validSession();
    assert.equal(await attempt("intact.session", good), undefined, "the template itself opens");
    const rng = new SeededRandom(0xb17f11b);
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      const bytes = good.slice();
      // Half of the flips hit the first page (header and schema), where damage matters most.
      const at = i % 2 ? rng.int(Math.min(bytes.length, 8192)) : rng.int(bytes.length);
      bytes[at] ^= 1 << rng.int(8);
      if (await attempt(`flip-${i}.session`, bytes)) refused++;
    }
    assert.ok(refused > 0, "some flips must be detected");
  });
}

for (const driver of availableSqliteDrivers()) suite(driver);
