import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { SqliteStorage } from "./sqlite.ts";
import { availableSqliteDrivers, sqliteDriver } from "./sqlite_driver.ts";
import { snapshotBytes } from "./sqlite_native_driver.ts";
import { tempDir } from "../tests/test_support/temp_dir.ts";

const dir = tempDir("sqlite-native");

test("snapshotBytes: a WAL file's format bytes say rollback, nothing else changes", () => {
  const header = (a: number, b: number) => {
    const h = new Uint8Array(4096).map((_, i) => i & 255);
    h[18] = a;
    h[19] = b;
    return h;
  };
  const wal = snapshotBytes(header(2, 2));
  assert.deepEqual([wal[18], wal[19]], [1, 1]);
  assert.deepEqual(wal, header(1, 1), "only bytes 18 and 19");
  for (const [a, b] of [[1, 1], [2, 1], [3, 3], [0, 0]]) {
    assert.deepEqual(snapshotBytes(header(a, b)), header(a, b), `left alone: ${a}, ${b}`);
  }
  assert.deepEqual(snapshotBytes(new Uint8Array(50).fill(2)), new Uint8Array(50).fill(2));
});

test(
  "native driver: a read-only connection on a WAL file reads what a writable one does and touches nothing",
  {
    skip: !availableSqliteDrivers().includes("native") && "no native SQLite here",
  },
  async () => {
    const file = join(dir, "wal.session");
    const s = new SqliteStorage(file, { driver: "native" });
    await s.open();
    await s.setSession({ apiId: 7, userId: 42, authKey: new Uint8Array(256).fill(9) });
    await s.updatePeers(Array.from({ length: 300 }, (_, i) => ({
      id: 1000 + i,
      accessHash: BigInt(i) * 77n - 5n,
      type: "user" as const,
      usernames: [`p${i}`],
      phoneNumber: null,
      lastUpdateOn: 1_700_000_000 + i,
    })));
    await s.close();
    assert.equal(readFileSync(file)[18], 2, "the file is in WAL mode");
    const driver = await sqliteDriver("native");
    const listing = () => readdirSync(dir).filter((n) => n.startsWith("wal.session")).sort();
    const sha = () => createHash("sha256").update(readFileSync(file)).digest("hex");
    const before = { listing: listing(), sha: sha(), mtime: statSync(file).mtimeMs };
    const queries = [
      "SELECT id, access_hash, type, phone_number, last_update_on FROM peers ORDER BY id",
      "SELECT id, username FROM usernames ORDER BY id, username",
      "SELECT dc_id, api_id, test_mode, auth_key, date, user_id, is_bot FROM sessions",
      "SELECT name, sql FROM sqlite_schema ORDER BY name",
    ];
    const ro = driver.open(file, "readonly");
    const seen = queries.map((q) => ro.rows(q));
    ro.close();
    assert.deepEqual({ listing: listing(), sha: sha(), mtime: statSync(file).mtimeMs }, before);
    // The same rows through a writable connection, on a copy.
    const copy = join(dir, "copy.session");
    copyFileSync(file, copy);
    const rw = driver.open(copy, "readwrite");
    assert.deepEqual(queries.map((q) => rw.rows(q)), seen);
    rw.close();
    assert.equal(seen[0].length, 300);
  },
);
