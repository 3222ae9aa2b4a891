/**
 * The SQLite engine across processes: the lock between processes (live and stale), crash safety
 * under SIGKILL in the middle of large peer writes, and the lazy loading of SQLite WASM.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSqlite, SqliteStorage } from "../storage/sqlite.ts";
import { SessionLockedError } from "../storage/errors.ts";
import { SeededRandom } from "../testing/random.ts";
import { tempDir } from "./test_support/temp_dir.ts";
import { readLines } from "./test_support/child_lines.ts";
import { deadPid, scriptCommand } from "./test_support/script_command.ts";
import { availableSqliteDrivers, type SqliteDriverChoice } from "../storage/sqlite_driver.ts";

/** Every test below runs on each SQLite driver this runtime has (native and WASM). */
function suite(driver: SqliteDriverChoice): void {
  const dir = tempDir("sqlite-proc");
  const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const child = fileURLToPath(new URL(`./sqlite_child${ext}`, import.meta.url));
  /** The command that runs `child` on the runtime running this test. */
  const command = (args: string[]): [string, string[]] => scriptCommand(child, ...args, driver);

  function start(args: string[]): ChildProcess {
    const [cmd, argv] = command(args);
    return spawn(cmd, argv, { stdio: ["pipe", "pipe", "inherit"] });
  }

  test(`sqlite across processes [${driver}]: a live holder locks others out, a killed one does not`, async () => {
    const file = join(dir, "held.session");
    const holder = start(["hold", file]);
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    const exited = readLines(holder, (l) => l === "ready" && ready());
    await isReady;
    await assert.rejects(new SqliteStorage(file, { driver }).open(), (e: unknown) => {
      assert.ok(e instanceof SessionLockedError);
      assert.match(e.message, new RegExp(`held\\.session.*process ${holder.pid}`));
      return true;
    });
    holder.kill("SIGKILL");
    await exited;
    const s = new SqliteStorage(file, { driver });
    await s.open(); // the lock file is still there, but its process is gone
    await s.close();
  });

  test(`sqlite across processes [${driver}]: stale and foreign lock files`, async () => {
    const file = join(dir, "stale.session");
    const dead = deadPid();
    writeFileSync(file + ".lock", JSON.stringify({ pid: dead, host: hostname(), token: "x" }));
    const s = new SqliteStorage(file, { driver });
    await s.open();
    await s.close();
    writeFileSync(file + ".lock", JSON.stringify({ pid: 1, host: "elsewhere", token: "y" }));
    await assert.rejects(
      new SqliteStorage(file, { driver }).open(),
      /in use by process 1 on elsewhere/,
    );
    // A lock file still being written (empty, just created) counts as held; an old one as stale.
    writeFileSync(file + ".lock", "");
    await assert.rejects(new SqliteStorage(file, { driver }).open(), /in use by another process/);
    utimesSync(file + ".lock", new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const t = new SqliteStorage(file, { driver });
    await t.open();
    await t.close();
  });

  test(`sqlite across processes [${driver}]: SIGKILL during large peer writes never loses a commit`, async () => {
    const file = join(dir, "crash.session");
    const rng = new SeededRandom(0x5eed);
    const batchSize = 1000;
    const { sqlite3, vfs } = await loadSqlite();
    let next = 0;
    const kills = 15;
    for (let round = 0; round < kills; round++) {
      let committed = -1;
      const writer = start(["write", file, String(next), String(batchSize)]);
      let firstCommit!: () => void;
      const started = new Promise<void>((r) => (firstCommit = r));
      const exited = readLines(writer, (l) => {
        committed = Number(l);
        firstCommit();
      });
      await Promise.race([started, exited]);
      assert.ok(committed >= next, `round ${round}: the writer committed nothing`);
      // Kill at a random moment while the next batches are being written.
      await new Promise((r) => setTimeout(r, rng.int(250)));
      writer.kill("SIGKILL");
      await exited;

      // Recovery, then an independent look at the raw file.
      const s = new SqliteStorage(file, { driver });
      await s.open();
      const last = committed * batchSize + batchSize;
      for (const id of [1, last, last - batchSize + 1, 1 + rng.int(last)]) {
        const p = await s.getPeerById(id);
        assert.equal(p?.accessHash, BigInt(id) * -7919n, `round ${round}: peer ${id} lost`);
        assert.equal((await s.getPeerByUsername(`user_${id}`))?.id, id);
      }
      await s.close();
      const db = new sqlite3.oo1.DB({ filename: file, flags: "w", vfs });
      try {
        db.exec("PRAGMA locking_mode=EXCLUSIVE");
        assert.deepEqual(db.selectValues("PRAGMA integrity_check"), ["ok"], `round ${round}`);
        const rows = Number(db.selectValue("SELECT count(*) FROM peers WHERE id <= ?", [last]));
        assert.equal(rows, last, `round ${round}: every committed row is there`);
        const names = Number(
          db.selectValue("SELECT count(*) FROM usernames WHERE id <= ?", [last]),
        );
        assert.equal(names, last);
        next = Number(db.selectValue("SELECT max(id) FROM peers")) / batchSize;
        assert.ok(Number.isInteger(next), "batches are all-or-nothing");
      } finally {
        db.close();
      }
    }
  });

  test(`sqlite [${driver}]: SQLite WASM is loaded only when a session file is opened, if at all`, () => {
    const [cmd, argv] = command(["lazy", join(dir, "lazy.session")]);
    const run = spawnSync(cmd, argv, { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout.trim().split("\n").pop()!), {
      before: false,
      afterImport: false,
      afterConstruct: false,
      // The native driver never loads SQLite WASM at all.
      afterOpen: driver === "wasm",
    });
  });
}

for (const driver of availableSqliteDrivers()) suite(driver);
