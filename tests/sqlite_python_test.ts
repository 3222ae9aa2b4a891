/**
 * Python interop of the SQLite engine: session files of every Pyrogram-family lineage, written by
 * Python's sqlite3, open and migrate; files we write read back in Python with Irenogram's
 * meanings; and, where the real `irenogram` package is installed, files go both ways through it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SqliteStorage } from "../storage/sqlite.ts";
import {
  interopSkip,
  irenogramPython,
  pythonHas,
  pythonScript,
  requirePython,
} from "./python_interop.ts";
import { SessionFileError, StorageError } from "../storage/errors.ts";
import { LEGACY_USERNAMES_TABLE } from "../storage/sqlite_migrate.ts";
import type { PeerRecord } from "../storage/storage.ts";
import { decodeSessionString } from "../storage/session_string.ts";
import { tempDir } from "./test_support/temp_dir.ts";
import { availableSqliteDrivers, type SqliteDriverChoice } from "../storage/sqlite_driver.ts";

/** Every test below runs on each SQLite driver this runtime has (native and WASM). */
function suite(driver: SqliteDriverChoice): void {
  const dir = tempDir("python");
  const script = pythonScript;
  const python = spawnSync("python3", ["--version"]).status === 0;
  const noPython = interopSkip(python, "python3 is not installed");
  const irenogram = python && pythonHas("irenogram_storage.py");
  const IRENOGRAM_MISSING =
    "the irenogram Python package is not installed (.ci/setup/20-python.sh)";
  const noIrenogram = interopSkip(irenogram, IRENOGRAM_MISSING);

  function py(name: string, args: string[]): string {
    const exe = name.startsWith("irenogram") ? irenogramPython : "python3";
    const run = spawnSync(exe, [script(name), ...args], { encoding: "utf8" });
    assert.equal(run.status, 0, `${name} ${args.join(" ")}: ${run.stderr}`);
    return run.stdout;
  }

  // deno-lint-ignore no-explicit-any
  type Dump = { tables: Record<string, string[]>; rows: Record<string, any[]>; integrity: string };
  const dump = (path: string): Dump => JSON.parse(py("session_files.py", ["dump", path]));
  const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
  const pyAuthKey = () => {
    const k = new Uint8Array(256);
    for (let i = 0; i < 256; i++) k[i] = (i * 7 + 3) % 256;
    return k;
  };

  const lineages = ["pyrogram-v2", "pyrogram-v3", "pyrofork", "kurigram-v5", "irenogram-v7"];

  for (const lineage of lineages) {
    test(`python interop: a ${lineage} file opens, migrates to version 7 and keeps all data`, {
      skip: noPython,
    }, async () => {
      const file = join(dir, `${lineage}.session`);
      py("session_files.py", ["make", lineage, file]);
      const s = new SqliteStorage(file, { driver });
      await s.open();
      try {
        const session = await s.getSession();
        assert.equal(session.dcId, 4);
        assert.deepEqual(session.authKey, pyAuthKey());
        assert.equal(session.userId, 123456789);
        assert.equal(session.isBot, false);
        assert.equal(session.apiId, lineage === "pyrogram-v2" ? null : 611335);
        // Irenogram's v6→v7 step fills the home DC's address from the DC table.
        assert.equal(session.serverAddress, "149.154.167.91");
        assert.equal(session.port, 443);
        const tg = await s.getPeerById(777000);
        assert.equal(tg?.accessHash, -(2n ** 63n));
        assert.equal(tg?.phoneNumber, "42777");
        assert.equal((await s.getPeerById(5000000001))?.accessHash, 2n ** 63n - 1n);
        assert.equal((await s.getPeerById(-4000000001))?.type, "group");
        assert.equal((await s.getPeerByUsername("telegram"))?.id, 777000);
        assert.equal((await s.getPeerByUsername("news"))?.id, -1009876543210);
        const alias = lineage.startsWith("pyrogram") ? undefined : -1001234567890;
        assert.equal((await s.getPeerByUsername("chat_alias"))?.id, alias);
        if (lineage.startsWith("pyrogram")) {
          assert.equal(await s.getUpdateState(), undefined);
        } else {
          assert.deepEqual(await s.getUpdateState(), {
            pts: 100,
            qts: 7,
            date: 1700000000,
            seq: 33,
          });
          assert.equal(await s.getChannelPts(-1001234567890), 555);
          // The rows a restart catches up: the channel's, not the account's (id 0).
          assert.deepEqual(await s.listChannelPts(), new Map([[-1001234567890, 555]]));
        }
        await s.updatePeers([peer(31337, ["after_migration"])]);
      } finally {
        await s.close();
      }
      const d = dump(file);
      assert.equal(d.integrity, "ok");
      assert.deepEqual(d.rows.version, [{ number: 7 }]);
      assert.deepEqual(d.rows.mystery, [{ note: "keep me" }], "unknown tables survive");
      assert.equal(d.rows.sessions[0].mystery_column, "secret sauce", "unknown columns survive");
      for (const column of ["server_address", "port", "api_id", "auth_key", "user_id", "is_bot"]) {
        assert.ok(d.tables.sessions.includes(column), column);
      }
      assert.deepEqual(d.tables.usernames, ["id", "username"]);
      assert.ok(d.tables.update_state);
      assert.ok(d.rows.usernames.some((r) => r.id === 31337 && r.username === "after_migration"));
      if (lineage === "pyrofork") {
        assert.equal(d.rows[LEGACY_USERNAMES_TABLE].length, 5, "the old usernames table is kept");
      }
      if (lineage.startsWith("pyrogram") || lineage === "pyrofork") {
        assert.ok(d.tables.peers.includes("username"), "peers.username is kept");
      }
    });
  }

  test(
    `python interop [${driver}]: a newer schema version is refused and the file left untouched`,
    {
      skip: noPython,
    },
    async () => {
      const file = join(dir, "newer.session");
      py("session_files.py", ["make", "newer-v8", file]);
      const before = sha256(file);
      await assert.rejects(new SqliteStorage(file, { driver }).open(), (e: unknown) => {
        assert.ok(e instanceof SessionFileError);
        assert.equal(e.code, "SESSION_FILE_INVALID");
        assert.match(e.message, /version 8 is newer/);
        return true;
      });
      assert.equal(sha256(file), before);
    },
  );

  test(
    `python interop [${driver}]: a migration that fails midway leaves the file exactly as it was`,
    {
      skip: noPython,
    },
    async () => {
      const file = join(dir, "fails-midway.session");
      py("session_files.py", ["make", "pyrogram-v3", file]);
      // A view where the migration indexes the usernames table: the earlier steps (new session
      // columns and their values) must be rolled back.
      py("session_files.py", [
        "sql",
        file,
        "CREATE VIEW usernames AS SELECT 1 AS id, 'x' AS username;",
      ]);
      const before = sha256(file);
      await assert.rejects(new SqliteStorage(file, { driver }).open(), (e: unknown) => {
        assert.ok(e instanceof StorageError);
        assert.equal(e.code, "STORAGE_MIGRATION_FAILED");
        return true;
      });
      assert.equal(sha256(file), before);
      assert.equal(existsSync(file + "-journal"), false);
      assert.equal(existsSync(file + ".lock"), false);
    },
  );

  test(
    `python interop [${driver}]: a second Pyrofork migration finds the legacy table name taken`,
    {
      skip: noPython,
    },
    async () => {
      const file = join(dir, "pyrofork-taken.session");
      py("session_files.py", ["make", "pyrofork", file]);
      py("session_files.py", ["sql", file, `CREATE TABLE ${LEGACY_USERNAMES_TABLE} (x);`]);
      const s = new SqliteStorage(file, { driver });
      await s.open();
      assert.equal((await s.getPeerByUsername("chat_alias"))?.id, -1001234567890);
      await s.close();
      const d = dump(file);
      assert.equal(d.rows[LEGACY_USERNAMES_TABLE].length, 0, "the existing table is left alone");
      assert.equal(d.rows[`${LEGACY_USERNAMES_TABLE}_2`].length, 5);
    },
  );

  function peer(id: number, usernames: string[] = [], over: Partial<PeerRecord> = {}): PeerRecord {
    return {
      id,
      accessHash: BigInt(id) * 3n,
      type: "user",
      usernames,
      phoneNumber: null,
      lastUpdateOn: Math.floor(Date.now() / 1000),
      ...over,
    };
  }

  test(`python interop [${driver}]: files we write read correctly in Python's sqlite3`, {
    skip: noPython,
  }, async () => {
    const file = join(dir, "ours.session");
    const s = new SqliteStorage(file, { driver });
    await s.open();
    const key = new Uint8Array(256).map((_, i) => 255 - i);
    await s.setSession({
      dcId: 5,
      apiId: 94575,
      testMode: false,
      authKey: key,
      userId: 2 ** 40 + 3,
      isBot: true,
      serverAddress: "91.108.56.130",
      port: 443,
    });
    await s.setAuthKey(2, new Uint8Array(256).fill(9));
    await s.updatePeers([
      peer(1, ["One", "uno"], { accessHash: -(2n ** 63n), phoneNumber: "100" }),
      peer(-1002000000001, ["chan"], { type: "channel", accessHash: 2n ** 63n - 1n }),
      peer(-55, [], { type: "group", accessHash: 0n }),
    ]);
    await s.setUpdateState({ pts: 1, qts: 2, date: 3, seq: 4 });
    await s.setChannelPts(-1002000000001, 99);
    await s.close();
    const d = dump(file);
    assert.equal(d.integrity, "ok");
    assert.deepEqual(d.rows.version, [{ number: 7 }]);
    const row = d.rows.sessions[0];
    assert.deepEqual(
      [row.dc_id, row.api_id, row.test_mode, row.user_id, row.is_bot, row.server_address, row.port],
      [5, 94575, 0, 2 ** 40 + 3, 1, "91.108.56.130", 443],
    );
    assert.equal(row.auth_key, Buffer.from(key).toString("hex"));
    const peers = Object.fromEntries(d.rows.peers.map((p) => [String(p.id), p]));
    assert.equal(peers["1"].access_hash, String(-(2n ** 63n)));
    assert.equal(peers["1"].type, "user");
    assert.equal(peers["1"].phone_number, "100");
    assert.equal(peers["-1002000000001"].access_hash, String(2n ** 63n - 1n));
    assert.equal(peers["-1002000000001"].type, "channel");
    assert.deepEqual(
      d.rows.usernames.map((u) => [u.id, u.username]),
      [[1, "one"], [1, "uno"], [-1002000000001, "chan"]],
    );
    assert.deepEqual(d.rows.update_state, [
      { id: -1002000000001, pts: 99, qts: null, date: null, seq: null },
      { id: 0, pts: 1, qts: 2, date: 3, seq: 4 },
    ]);
    assert.deepEqual(d.rows.irenogram_auth_keys, [{ dc_id: 2, auth_key: "09".repeat(256) }]);
  });

  test(`irenogram interop [${driver}]: a file Irenogram wrote opens here with the same meanings`, {
    skip: noIrenogram,
  }, async () => {
    requirePython(irenogram, IRENOGRAM_MISSING);
    py("irenogram_storage.py", ["write", dir, "from_irenogram"]);
    const s = SqliteStorage.forSession("from_irenogram", dir, { driver });
    await s.open();
    try {
      const session = await s.getSession();
      assert.deepEqual(
        [session.dcId, session.apiId, session.testMode, session.userId, session.isBot],
        [4, 611335, false, 5000000001, true],
      );
      assert.deepEqual(session.authKey, new Uint8Array(256).map((_, i) => (i * 13 + 5) % 256));
      const alice = await s.getPeerById(42);
      assert.equal(alice?.accessHash, -(2n ** 63n));
      assert.deepEqual(alice?.usernames, ["alice", "alice_two"]);
      assert.equal(alice?.phoneNumber, "15550001");
      assert.equal((await s.getPeerByUsername("alice_two"))?.id, 42);
      const forum = await s.getPeerByUsername("the_forum");
      assert.equal(forum?.type, "forum");
      assert.equal(forum?.accessHash, 2n ** 63n - 1n);
      assert.deepEqual(await s.getUpdateState(), { pts: 11, qts: 22, date: 1700000000, seq: 33 });
      assert.equal(await s.getChannelPts(-1001234567890), 44);
      assert.deepEqual(await s.listChannelPts(), new Map([[-1001234567890, 44]]));
    } finally {
      await s.close();
    }
  });

  test(
    `irenogram interop [${driver}]: Irenogram opens a file written here and resolves its peers`,
    {
      skip: noIrenogram,
    },
    async () => {
      requirePython(irenogram, IRENOGRAM_MISSING);
      const s = SqliteStorage.forSession("for_irenogram", dir, { driver });
      await s.open();
      const key = new Uint8Array(256).map((_, i) => (i * 31) & 0xff);
      await s.setSession({ dcId: 2, apiId: 12345, authKey: key, userId: 777, isBot: false });
      await s.updatePeers([
        peer(777, ["me_myself"], { accessHash: 123456789012345678n }),
        peer(-1003000000001, ["super"], { type: "supergroup", accessHash: -42n }),
        peer(-9, [], { type: "group" }),
        peer(888, ["old_name"], { lastUpdateOn: Math.floor(Date.now() / 1000) - 9 * 3600 }),
      ]);
      const ours = await s.exportSessionString();
      await s.close();
      const out = JSON.parse(
        py("irenogram_storage.py", [
          "read",
          dir,
          "for_irenogram",
          "777,-1003000000001,-9,404",
          "me_myself,super,old_name,nobody",
        ]).trim().split("\n").pop()!,
      );
      // Compared decoded first, so that a difference names the field (the key here is a test key).
      assert.deepEqual(decodeSessionString(out.session_string), decodeSessionString(ours));
      assert.equal(out.session_string, ours, "Irenogram exports the same session string");
      assert.equal(out.auth_key, Buffer.from(key).toString("hex"));
      assert.deepEqual([out.dc_id, out.api_id, out.user_id, out.is_bot], [2, 12345, 777, false]);
      assert.deepEqual(out.by_id["777"], {
        kind: "InputPeerUser",
        user_id: "777",
        access_hash: "123456789012345678",
      });
      assert.deepEqual(out.by_id["-1003000000001"], {
        kind: "InputPeerChannel",
        channel_id: "3000000001",
        access_hash: "-42",
      });
      assert.deepEqual(out.by_id["-9"], { kind: "InputPeerChat", chat_id: "9" });
      assert.equal(out.by_id["404"], null);
      assert.equal(out.by_username.me_myself.user_id, "777");
      assert.equal(out.by_username.super.channel_id, "3000000001");
      assert.equal(out.by_username.old_name, null, "Irenogram applies the same 8-hour rule");
      assert.equal(out.by_username.nobody, null);
      // And the file is still ours to open after Irenogram's VACUUM and journal change.
      const again = SqliteStorage.forSession("for_irenogram", dir, { driver });
      await again.open();
      assert.equal((await again.getPeerByUsername("super"))?.id, -1003000000001);
      await again.close();
    },
  );
}

for (const driver of availableSqliteDrivers()) suite(driver);
