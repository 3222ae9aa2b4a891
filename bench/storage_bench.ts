/**
 * Session storage benchmark: 100,000 peer upserts in batches, then 100,000 lookups by id and by
 * username, on a file: SqliteStorage (SQLite WASM over our node:fs VFS) against the runtime's
 * native SQLite running the same SQL on the same schema with the same pragmas. Also: a peer
 * resolved a moment ago (the peer cache), and opening a 10,000-peer file in a fresh process.
 *
 *   deno run -A bench/storage_bench.ts · bun bench/storage_bench.ts · node npm/bench/storage_bench.js
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { runtimeName, table, writeSection } from "./report.ts";
import { openNative } from "./storage_native.ts";
import { SqliteStorage } from "../storage/sqlite.ts";
import { CachedStorage } from "../storage/peer_cache.ts";
import { IRENOGRAM_TABLES, OWN_TABLES, SQL } from "../storage/sqlite_schema.ts";
import type { PeerRecord } from "../storage/storage.ts";
import { SeededRandom } from "../testing/random.ts";

const PEERS = 100_000, BATCH = 1_000, LOOKUPS = 100_000, ROUNDS = 3;
const dir = mkdtempSync(join(tmpdir(), "irenogram-bench-"));
const now = Math.floor(Date.now() / 1000);
const rng = new SeededRandom(1);

const peers: PeerRecord[] = [];
for (let i = 0; i < PEERS; i++) {
  const id = i % 3 === 2 ? -1_000_000_000_000 - (i + 1) : 10_000_000 + i;
  peers.push({
    id,
    accessHash: (BigInt(rng.uint32()) << 32n | BigInt(rng.uint32())) - (1n << 63n),
    type: id > 0 ? "user" : "supergroup",
    usernames: [`name_${i}`],
    phoneNumber: i % 4 === 0 ? String(10_000_000_000 + i) : null,
    lastUpdateOn: now,
  });
}
const order = Array.from({ length: LOOKUPS }, () => peers[rng.int(PEERS)]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const f = (x: number, d = 1) => x.toFixed(d);
const cleanup = (file: string) => {
  for (const s of ["", "-wal", "-journal", ".lock"]) rmSync(file + s, { force: true });
};

async function ours(file: string) {
  const s = new SqliteStorage(file);
  await s.open();
  let t = performance.now();
  for (let i = 0; i < PEERS; i += BATCH) await s.updatePeers(peers.slice(i, i + BATCH));
  const upsert = performance.now() - t;
  t = performance.now();
  for (const p of order) if ((await s.getPeerById(p.id))?.id !== p.id) throw new Error("miss");
  const byId = (performance.now() - t) / LOOKUPS;
  t = performance.now();
  for (const p of order) {
    if ((await s.getPeerByUsername(p.usernames[0]))?.id !== p.id) throw new Error("miss");
  }
  const byName = (performance.now() - t) / LOOKUPS;
  await s.close();
  return { upsert, byId, byName };
}

async function native(file: string, pageSize: number) {
  const db = await openNative(file);
  db.exec(
    `PRAGMA page_size=${pageSize}; PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; ` +
      "PRAGMA synchronous=NORMAL;",
  );
  db.exec(IRENOGRAM_TABLES + OWN_TABLES);
  const upsertPeer = db.prepare(SQL.upsertPeer);
  const deleteUsernames = db.prepare(SQL.deleteUsernames);
  const insertUsername = db.prepare(SQL.insertUsername);
  const byIdStmt = db.prepare(SQL.peerById), byNameStmt = db.prepare(SQL.peerByUsername);
  // The same record SqliteStorage builds from a row.
  const record = (r: unknown[] | undefined): PeerRecord | undefined =>
    r && {
      id: Number(r[0]),
      accessHash: BigInt(r[1] as bigint),
      type: String(r[2]) as PeerRecord["type"],
      usernames: typeof r[5] === "string" && r[5] !== "" ? r[5].split(" ") : [],
      phoneNumber: r[3] === null ? null : String(r[3]),
      lastUpdateOn: Number(r[4]),
    };
  let t = performance.now();
  for (let i = 0; i < PEERS; i += BATCH) {
    db.exec("BEGIN IMMEDIATE");
    for (const p of peers.slice(i, i + BATCH)) {
      upsertPeer.run(BigInt(p.id), p.accessHash, p.type, p.phoneNumber, p.lastUpdateOn);
      deleteUsernames.run(BigInt(p.id));
      for (const u of p.usernames) insertUsername.run(BigInt(p.id), u);
    }
    db.exec("COMMIT");
  }
  const upsert = performance.now() - t;
  t = performance.now();
  for (const p of order) {
    if (record(byIdStmt.row(BigInt(p.id)))?.id !== p.id) throw new Error("miss");
  }
  const byId = (performance.now() - t) / LOOKUPS;
  t = performance.now();
  for (const p of order) {
    if (record(byNameStmt.row(p.usernames[0]))?.id !== p.id) throw new Error("miss");
  }
  const byName = (performance.now() - t) / LOOKUPS;
  const name = db.name;
  db.close();
  return { name, upsert, byId, byName };
}

/** Page size of the files SqliteStorage creates (SQLite WASM's default). */
const ourPageSize = await (async () => {
  const { loadSqlite } = await import("../storage/sqlite.ts");
  const { sqlite3 } = await loadSqlite();
  const db = new sqlite3.oo1.DB(":memory:");
  const size = Number(db.selectValue("PRAGMA page_size"));
  db.close();
  return size;
})();
const oursRuns: Awaited<ReturnType<typeof ours>>[] = [];
const nativeRuns: Awaited<ReturnType<typeof native>>[] = [];
const nativeDefaultRuns: Awaited<ReturnType<typeof native>>[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const a = join(dir, `ours-${round}.session`), b = join(dir, `native-${round}.session`);
  const c = join(dir, `native4k-${round}.session`);
  oursRuns.push(await ours(a));
  nativeRuns.push(await native(b, ourPageSize));
  nativeDefaultRuns.push(await native(c, 4096));
  for (const f of [a, b, c]) cleanup(f);
}
const nativeName = nativeRuns[0].name;
const m = (runs: { upsert: number; byId: number; byName: number }[]) => ({
  upsert: median(runs.map((r) => r.upsert)),
  byId: median(runs.map((r) => r.byId)),
  byName: median(runs.map((r) => r.byName)),
});
const o = m(oursRuns), n = m(nativeRuns), n4 = m(nativeDefaultRuns);

// The journal choice: the same upserts through SQLite WASM and our VFS under each candidate.
const journals: [string, string][] = [
  ["WAL, synchronous=NORMAL (peer batches)", "journal_mode=WAL; PRAGMA synchronous=NORMAL"],
  ["WAL, synchronous=FULL (session writes)", "journal_mode=WAL; PRAGMA synchronous=FULL"],
  [
    "rollback DELETE, synchronous=FULL (Irenogram's)",
    "journal_mode=DELETE; PRAGMA synchronous=FULL",
  ],
  ["rollback TRUNCATE, synchronous=FULL", "journal_mode=TRUNCATE; PRAGMA synchronous=FULL"],
];
const journalRows: string[][] = [];
{
  const { loadSqlite } = await import("../storage/sqlite.ts");
  const { StatementSet } = await import("../storage/sqlite_statement.ts");
  const { sqlite3, vfs } = await loadSqlite();
  const JOURNAL_PEERS = 20_000, SMALL = 100;
  for (const [label, pragmas] of journals) {
    const times: number[] = [], small: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const file = join(dir, `journal-${round}.session`);
      const db = new sqlite3.oo1.DB({ filename: file, flags: "c", vfs });
      db.exec(`PRAGMA locking_mode=EXCLUSIVE; PRAGMA ${pragmas};`);
      db.exec(IRENOGRAM_TABLES + OWN_TABLES);
      const set = new StatementSet(sqlite3, db);
      const up = set.prepare(SQL.upsertPeer), del = set.prepare(SQL.deleteUsernames);
      const ins = set.prepare(SQL.insertUsername);
      const write = (batch: PeerRecord[]) => {
        db.exec("BEGIN IMMEDIATE");
        for (const p of batch) {
          up.bind(p.id, p.accessHash, p.type, p.phoneNumber, p.lastUpdateOn).run();
          del.bind(p.id).run();
          for (const u of p.usernames) ins.bind(p.id, u).run();
        }
        db.exec("COMMIT");
      };
      let t0 = performance.now();
      for (let i = 0; i < JOURNAL_PEERS; i += BATCH) write(peers.slice(i, i + BATCH));
      times.push(performance.now() - t0);
      t0 = performance.now();
      for (let i = 0; i < SMALL; i++) write([peers[i]]);
      small.push((performance.now() - t0) / SMALL);
      set.finalize();
      db.close();
      cleanup(file);
    }
    journalRows.push([label, f(median(times), 0), f(median(small), 2)]);
  }
}

// A peer resolved a moment ago: the bounded cache in front of every engine.
const cachedFile = join(dir, "cached.session");
const cached = new CachedStorage(new SqliteStorage(cachedFile));
await cached.open();
await cached.updatePeers(peers.slice(0, 1000));
await cached.getPeerById(peers[5].id);
await cached.getPeerByUsername(peers[6].usernames[0]);
const reps = 200_000;
let t = performance.now();
for (let i = 0; i < reps; i++) await cached.getPeerById(peers[5].id);
const cachedId = (performance.now() - t) / reps;
t = performance.now();
for (let i = 0; i < reps; i++) await cached.getPeerByUsername(peers[6].usernames[0]);
const cachedName = (performance.now() - t) / reps;
await cached.close();

// Cold open of a 10,000-peer file in fresh processes (import + SQLite start + open + 1 lookup).
const coldFile = join(dir, "cold.session");
{
  const s = new SqliteStorage(coldFile);
  await s.open();
  for (let i = 0; i < 10_000; i += BATCH) await s.updatePeers(peers.slice(i, i + BATCH));
  await s.close();
}
const nativeCold = join(dir, "cold-native.session");
{
  const db = await openNative(nativeCold);
  db.exec(IRENOGRAM_TABLES + OWN_TABLES);
  const up = db.prepare(SQL.upsertPeer), name = db.prepare(SQL.insertUsername);
  db.exec("BEGIN");
  for (const p of peers.slice(0, 10_000)) {
    up.run(BigInt(p.id), p.accessHash, p.type, p.phoneNumber, p.lastUpdateOn);
    name.run(BigInt(p.id), p.usernames[0]);
  }
  db.exec("COMMIT");
  db.close();
}
const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
const child = fileURLToPath(new URL(`./storage_open_child${ext}`, import.meta.url));
const cold = (mode: string, file: string) => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const args = [child, mode, file, String(peers[9_999].id)];
    const run = spawnSync(process.execPath, "Deno" in globalThis ? ["run", "-A", ...args] : args, {
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(run.stderr);
    times.push(Number(run.stdout.trim()));
  }
  return median(times);
};
const coldOurs = cold("ours", coldFile), coldNative = cold("native", nativeCold);
rmSync(dir, { recursive: true, force: true });

const ratio = (a: number, b: number) => `${f(a / b, 2)}×`;
const markdown = [
  `100,000 peers (one username each, a quarter with phones) upserted in batches of ${BATCH} ` +
  `(one transaction each), then 100,000 random lookups; median of ${ROUNDS} rounds. Both sides: ` +
  "same schema and SQL, `locking_mode=EXCLUSIVE`, `journal_mode=WAL`, `synchronous=NORMAL`; " +
  "the native side once with our page size and once with its default (4096). " +
  "SqliteStorage is timed through its public async API (validation and record building " +
  `included); ${nativeName} through synchronous calls building the same records.`,
  "",
  table([
    "operation",
    "SqliteStorage",
    `${nativeName}, same page size (${ourPageSize})`,
    "ratio (target)",
    `${nativeName}, page size 4096`,
    "ratio",
  ], [
    [
      "upsert 100k, ms",
      f(o.upsert, 0),
      f(n.upsert, 0),
      `${ratio(o.upsert, n.upsert)} (≤ 1.5×)`,
      f(n4.upsert, 0),
      ratio(o.upsert, n4.upsert),
    ],
    [
      "lookup by id, µs",
      f(o.byId * 1000),
      f(n.byId * 1000),
      `${ratio(o.byId, n.byId)} (≤ 2×)`,
      f(n4.byId * 1000),
      ratio(o.byId, n4.byId),
    ],
    [
      "lookup by username, µs",
      f(o.byName * 1000),
      f(n.byName * 1000),
      `${ratio(o.byName, n.byName)} (≤ 2×)`,
      f(n4.byName * 1000),
      ratio(o.byName, n4.byName),
    ],
    [
      "cold open of a 10k-peer file + 1 lookup, ms (fresh process)",
      f(coldOurs, 0),
      f(coldNative, 0),
      ratio(coldOurs, coldNative),
      "",
      "",
    ],
  ]),
  "",
  `Peer cache (in front of every engine): re-resolving a peer by id ${f(cachedId * 1000, 2)} µs, ` +
  `by username ${f(cachedName * 1000, 2)} µs (target ≤ 1 µs).`,
  "",
  "Journal choice (SQLite WASM on our VFS, exclusive locking): 20,000 peers in batches of " +
  `${BATCH}, and single-peer transactions. SqliteStorage commits peer batches with WAL + ` +
  "NORMAL and session, auth-key and update-state writes with WAL + FULL; the SIGKILL test " +
  "(tests/sqlite_process_test.ts) checks that no committed row is ever lost.",
  "",
  table(["journal", "20k peers, ms", "one-peer commit, ms"], journalRows),
].join("\n");
console.log(`storage on ${runtimeName()}\n${markdown}`);
writeSection("storage", markdown);
