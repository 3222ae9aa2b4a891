/**
 * Session storage benchmark: 100,000 peer upserts (random ids and usernames) in batches, then
 * 100,000 lookups by id and by username, on a file: SqliteStorage on each driver it has here
 * (SQLite WASM over our node:fs VFS; the runtime's native SQLite) against that native SQLite
 * driven directly, running the same SQL on the same schema with the same pragmas and page cache. Also: a peer resolved a moment ago (the peer cache), and cold opens of
 * 10k- and 100k-peer files (1M with IRENOGRAM_BENCH_1M=1) in fresh processes against native.
 * IRENOGRAM_BENCH_PEERS and IRENOGRAM_BENCH_ROUNDS shrink a trial run.
 *
 *   deno run -A bench/storage_bench.ts · bun bench/storage_bench.ts · node npm/bench/storage_bench.js
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { median, runtimeName, table, writeSection } from "./report.ts";
import { openNative } from "./storage_native.ts";
import { SqliteStorage } from "../storage/sqlite.ts";
import { availableSqliteDrivers, type SqliteDriverChoice } from "../storage/sqlite_driver.ts";
import { CachedStorage } from "../storage/peer_cache.ts";
import { IRENOGRAM_TABLES, OWN_TABLES, SQL } from "../storage/sqlite_schema.ts";
import type { PeerRecord } from "../storage/storage.ts";
import { SeededRandom } from "../testing/random.ts";

const PEERS = Number(process.env.IRENOGRAM_BENCH_PEERS ?? 100_000), BATCH = 1_000;
const LOOKUPS = PEERS, ROUNDS = Number(process.env.IRENOGRAM_BENCH_ROUNDS ?? 3);
const dir = mkdtempSync(join(tmpdir(), "irenogram-bench-"));
const now = Math.floor(Date.now() / 1000);
const rng = new SeededRandom(1);

/**
 * Peers as they arrive from Telegram: random ids (users up to 2^33, channels −100… with 10-digit
 * ids) and random usernames, in no order, so that every insert lands somewhere in the B-trees
 * (sequential ids and `name_i` would only ever append, flattering both sides).
 */
function makePeers(count: number, random: SeededRandom): PeerRecord[] {
  const out: PeerRecord[] = [];
  const seen = new Set<number>();
  const letters = "abcdefghijklmnopqrstuvwxyz", tail = letters + "0123456789_";
  while (out.length < count) {
    const channel = random.int(3) === 2;
    const id = channel
      ? -1_000_000_000_000 - (1_000_000_000 + random.int(999_999_999))
      : 1 + random.int(2 ** 31) * 4 + random.int(4);
    if (seen.has(id)) continue;
    seen.add(id);
    let name = letters[random.int(26)];
    for (let k = 4 + random.int(12); k > 0; k--) name += tail[random.int(tail.length)];
    out.push({
      id,
      accessHash: (BigInt(random.uint32()) << 32n | BigInt(random.uint32())) - (1n << 63n),
      type: id > 0 ? "user" : "supergroup",
      usernames: [`${name}${out.length.toString(36)}`], // unique
      phoneNumber: random.int(4) === 0 ? String(10_000_000_000 + random.int(2 ** 31)) : null,
      lastUpdateOn: now,
    });
  }
  return out;
}
const peers = makePeers(PEERS, rng);
const order = Array.from({ length: LOOKUPS }, () => peers[rng.int(PEERS)]);
const f = (x: number, d = 1) => x.toFixed(d);
const cleanup = (file: string) => {
  for (const s of ["", "-wal", "-journal", ".lock"]) rmSync(file + s, { force: true });
};

/** One side of the comparison: the same work, timed from outside. */
interface Engine {
  upsert(batch: PeerRecord[]): unknown;
  byId(p: PeerRecord): unknown;
  byName(p: PeerRecord): unknown;
  close(): unknown;
}

/** SqliteStorage's drivers here: WASM first, then the native one where the runtime has it. */
const DRIVERS: SqliteDriverChoice[] = availableSqliteDrivers().reverse();

async function ours(file: string, driver: SqliteDriverChoice): Promise<Engine> {
  const s = new SqliteStorage(file, { driver });
  await s.open();
  return {
    upsert: (batch) => s.updatePeers(batch),
    byId: async (p) => {
      if ((await s.getPeerById(p.id))?.id !== p.id) throw new Error("miss");
    },
    byName: async (p) => {
      if ((await s.getPeerByUsername(p.usernames[0]))?.id !== p.id) throw new Error("miss");
    },
    close: () => s.close(),
  };
}

/** SQLite WASM's page cache setting (`PRAGMA cache_size`), given to the native side too. */
const ourCacheSize = await (async () => {
  const { loadSqlite } = await import("../storage/sqlite.ts");
  const { sqlite3 } = await loadSqlite();
  const db = new sqlite3.oo1.DB(":memory:");
  try {
    return Number(db.selectValue("PRAGMA cache_size"));
  } finally {
    db.close();
  }
})();

async function native(file: string, pageSize: number): Promise<Engine & { name: string }> {
  const db = await openNative(file);
  db.exec(
    `PRAGMA page_size=${pageSize}; PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; ` +
      `PRAGMA synchronous=NORMAL; PRAGMA cache_size=${ourCacheSize};`,
  );
  db.exec(IRENOGRAM_TABLES + OWN_TABLES);
  const upsertPeer = db.prepare(SQL.upsertPeer);
  const deleteUsernames = db.prepare(SQL.deleteUsernames);
  const insertUsername = db.prepare(SQL.insertUsername);
  const byIdStmt = db.prepare(SQL.peerById), byNameStmt = db.prepare(SQL.peerByUsername);
  // The same record SqliteStorage builds from a row.
  const record = (r: unknown[] | undefined): PeerRecord | undefined =>
    r && r[0] !== null
      ? {
        id: Number(r[0]),
        accessHash: BigInt(r[1] as bigint),
        type: String(r[2]) as PeerRecord["type"],
        usernames: typeof r[5] === "string" && r[5] !== "" ? r[5].split(" ") : [],
        phoneNumber: r[3] === null ? null : String(r[3]),
        lastUpdateOn: Number(r[4]),
      }
      : undefined;
  return {
    name: db.name,
    upsert(batch) {
      db.exec("BEGIN IMMEDIATE");
      for (const p of batch) {
        upsertPeer.run(BigInt(p.id), p.accessHash, p.type, p.phoneNumber, p.lastUpdateOn);
        deleteUsernames.run(BigInt(p.id));
        for (const u of p.usernames) insertUsername.run(BigInt(p.id), u);
      }
      db.exec("COMMIT");
    },
    byId(p) {
      if (record(byIdStmt.row(BigInt(p.id)))?.id !== p.id) throw new Error("miss");
    },
    byName(p) {
      if (record(byNameStmt.row(p.usernames[0]))?.id !== p.id) throw new Error("miss");
    },
    close: () => db.close(),
  };
}

/** Page size of the files SqliteStorage creates (also the native engines' default). */
const { PAGE_SIZE: ourPageSize } = await import("../storage/sqlite.ts");

/**
 * The machine is shared and noisy: the engines take turns batch by batch (and chunk by chunk
 * of lookups), in rotating order, so that a burst of load falls on all of them alike.
 */
const totals = [...DRIVERS, "native"].map(() => ({ upsert: 0, byId: 0, byName: 0 }));
let nativeName = "";
for (let round = 0; round < ROUNDS; round++) {
  const files = [...DRIVERS, "direct"].map((n) => join(dir, `${n}-${round}.session`));
  const nat = await native(files[DRIVERS.length], ourPageSize);
  nativeName = nat.name;
  const engines: Engine[] = [];
  for (const [i, d] of DRIVERS.entries()) engines.push(await ours(files[i], d));
  engines.push(nat);
  const turns = async (
    step: number,
    work: (e: Engine) => unknown,
    key: "upsert" | "byId" | "byName",
  ) => {
    for (let k = 0; k < engines.length; k++) {
      const i = (k + step) % engines.length;
      const t = performance.now();
      await work(engines[i]);
      totals[i][key] += performance.now() - t;
    }
  };
  for (let i = 0, step = 0; i < PEERS; i += BATCH, step++) {
    const batch = peers.slice(i, i + BATCH);
    await turns(step, (e) => e.upsert(batch), "upsert");
  }
  for (const key of ["byId", "byName"] as const) {
    for (let i = 0, step = 0; i < LOOKUPS; i += 1000, step++) {
      const chunk = order.slice(i, i + 1000);
      await turns(step, async (e) => {
        for (const p of chunk) await e[key](p);
      }, key);
    }
  }
  for (const e of engines) await e.close();
  for (const file of files) cleanup(file);
}
const per = (t: { upsert: number; byId: number; byName: number }) => ({
  upsert: t.upsert / ROUNDS,
  byId: t.byId / ROUNDS / LOOKUPS,
  byName: t.byName / ROUNDS / LOOKUPS,
});
const results = totals.map(per);
const n = results[DRIVERS.length];
/** The driver each SqliteStorage column ran on. */
const driverNames = new Map<SqliteDriverChoice, string>();
for (const d of DRIVERS) {
  const probe = new SqliteStorage(join(dir, `probe-${d}.session`), { driver: d });
  await probe.open();
  driverNames.set(d, probe.driver!);
  await probe.close();
  cleanup(probe.path);
}

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
  const batches = [0, 1, 2].map(() => journals.map(() => 0));
  const singles = journals.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    // All candidates open at once, taking turns, so that load falls on them alike.
    const writers = journals.map(([, pragmas], j) => {
      const file = join(dir, `journal-${round}-${j}.session`);
      const db = new sqlite3.oo1.DB({ filename: file, flags: "c", vfs });
      db.exec(`PRAGMA page_size=${ourPageSize}; PRAGMA locking_mode=EXCLUSIVE; PRAGMA ${pragmas};`);
      db.exec(IRENOGRAM_TABLES + OWN_TABLES);
      const set = new StatementSet(sqlite3, db);
      const up = set.prepare(SQL.upsertPeer), del = set.prepare(SQL.deleteUsernames);
      const ins = set.prepare(SQL.insertUsername);
      return {
        write(batch: PeerRecord[]) {
          db.exec("BEGIN IMMEDIATE");
          for (const p of batch) {
            up.bind(p.id, p.accessHash, p.type, p.phoneNumber, p.lastUpdateOn).run();
            del.bind(p.id).run();
            for (const u of p.usernames) ins.bind(p.id, u).run();
          }
          db.exec("COMMIT");
        },
        close() {
          set.finalize();
          db.close();
          cleanup(file);
        },
      };
    });
    for (let i = 0, step = 0; i < JOURNAL_PEERS; i += BATCH, step++) {
      const batch = peers.slice(i, i + BATCH);
      for (let k = 0; k < writers.length; k++) {
        const j = (k + step) % writers.length, t = performance.now();
        writers[j].write(batch);
        batches[round][j] += performance.now() - t;
      }
    }
    for (let i = 0; i < SMALL; i++) {
      for (let k = 0; k < writers.length; k++) {
        const j = (k + i) % writers.length, t = performance.now();
        writers[j].write([peers[i]]);
        singles[j].push(performance.now() - t);
      }
    }
    for (const w of writers) w.close();
  }
  journals.forEach(([label], j) => {
    journalRows.push([
      label,
      f(median(batches.map((r) => r[j])), 0),
      f(median(singles[j]), 2),
    ]);
  });
}

// A peer resolved a moment ago: the bounded cache in front of every engine.
const cachedFile = join(dir, "cached.session");
const cached = new CachedStorage(new SqliteStorage(cachedFile));
await cached.open();
await cached.updatePeers(peers.slice(0, 1000));
await cached.getPeerById(peers[5].id);
await cached.getPeerByUsername(peers[6].usernames[0]);
/** Median over rounds of the mean time of one awaited hit (rounds absorb bursts of load). */
const hit = async (fn: () => Promise<unknown>) => {
  const rounds: number[] = [];
  for (let r = 0; r < 40; r++) {
    const t = performance.now();
    for (let i = 0; i < 5000; i++) await fn();
    rounds.push((performance.now() - t) / 5000);
  }
  return median(rounds);
};
const cachedId = await hit(() => cached.getPeerById(peers[5].id));
const cachedName = await hit(() => cached.getPeerByUsername(peers[6].usernames[0]));
await cached.close();

// Cold open in fresh processes (import + SQLite start + open + 1 lookup) of files of 10k, 100k
// and (IRENOGRAM_BENCH_1M=1; building it takes minutes) 1M peers, both written and closed
// cleanly, so that ours runs no deep check: what every start of a healthy session costs.
const COLD_SIZES = [
  10_000,
  100_000,
  ...(process.env.IRENOGRAM_BENCH_1M === "1" ? [1_000_000] : []),
];
const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
const child = fileURLToPath(new URL(`./storage_open_child${ext}`, import.meta.url));
const cold = (mode: string, file: string, id: number) => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const args = [child, mode, file, String(id)];
    const run = spawnSync(process.execPath, "Deno" in globalThis ? ["run", "-A", ...args] : args, {
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(run.stderr);
    times.push(Number(run.stdout.trim()));
  }
  return median(times);
};
const coldRows: string[][] = [];
for (const size of COLD_SIZES) {
  const set = size <= PEERS ? peers.slice(0, size) : makePeers(size, new SeededRandom(size));
  const coldFile = join(dir, `cold-${size}.session`);
  {
    const s = new SqliteStorage(coldFile);
    await s.open();
    for (let i = 0; i < size; i += 10 * BATCH) await s.updatePeers(set.slice(i, i + 10 * BATCH));
    await s.close();
  }
  const nativeCold = join(dir, `cold-native-${size}.session`);
  {
    const db = await openNative(nativeCold);
    db.exec(`PRAGMA page_size=${ourPageSize};` + IRENOGRAM_TABLES + OWN_TABLES);
    const up = db.prepare(SQL.upsertPeer), name = db.prepare(SQL.insertUsername);
    db.exec("BEGIN");
    for (const p of set) {
      up.run(BigInt(p.id), p.accessHash, p.type, p.phoneNumber, p.lastUpdateOn);
      name.run(BigInt(p.id), p.usernames[0]);
    }
    db.exec("COMMIT");
    db.close();
  }
  const probe = set[size - 1].id;
  const coldOurs = DRIVERS.map((d) => cold(`ours-${d}`, coldFile, probe));
  const coldNative = cold("native", nativeCold, probe);
  coldRows.push([
    `cold open of a ${
      size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`
    }-peer file + 1 lookup, ms (fresh process)`,
    ...coldOurs.map((c) => f(c, 0)),
    f(coldNative, 0),
    coldOurs.map((c) => `${f(c / coldNative, 2)}×`).join(" / "),
  ]);
  cleanup(coldFile);
  cleanup(nativeCold);
}
rmSync(dir, { recursive: true, force: true });

const ratio = (a: number, b: number) => `${f(a / b, 2)}×`;
const markdown = [
  `${PEERS.toLocaleString("en")} peers with random ids and random usernames (one each, a ` +
  "quarter with phones), as " +
  `they arrive from Telegram, upserted in batches of ${BATCH} ` +
  `(one transaction each), then ${LOOKUPS.toLocaleString("en")} random lookups; mean of ` +
  `${ROUNDS} rounds in which the ` +
  "engines take turns batch by batch (the machine is shared and noisy). Both sides: " +
  "same schema and SQL, `locking_mode=EXCLUSIVE`, `journal_mode=WAL`, `synchronous=NORMAL`, " +
  `the same page cache (\`cache_size=${ourCacheSize}\`, SQLite WASM's default; the native ` +
  "engines' own default is 2 MB); " +
  `page size ${ourPageSize} (SqliteStorage creates files with it; the native engines' default). ` +
  "SqliteStorage is timed through its public async API (validation and record building " +
  `included), on each driver it has here (${DRIVERS.map((d) => driverNames.get(d)).join(", ")}; ` +
  `the default is the native one where there is one); ${nativeName} through synchronous calls ` +
  "building the same records. Ratios: each SqliteStorage column ÷ the last column.",
  "",
  table([
    "operation",
    ...DRIVERS.map((d) => `SqliteStorage on ${driverNames.get(d)}`),
    nativeName,
    "ratio (target)",
  ], [
    [
      `upsert ${PEERS / 1000}k, ms`,
      ...results.slice(0, -1).map((o) => f(o.upsert, 0)),
      f(n.upsert, 0),
      `${results.slice(0, -1).map((o) => ratio(o.upsert, n.upsert)).join(" / ")} (≤ 1.5×)`,
    ],
    [
      "lookup by id, µs",
      ...results.slice(0, -1).map((o) => f(o.byId * 1000)),
      f(n.byId * 1000),
      `${results.slice(0, -1).map((o) => ratio(o.byId, n.byId)).join(" / ")} (≤ 2×)`,
    ],
    [
      "lookup by username, µs",
      ...results.slice(0, -1).map((o) => f(o.byName * 1000)),
      f(n.byName * 1000),
      `${results.slice(0, -1).map((o) => ratio(o.byName, n.byName)).join(" / ")} (≤ 2×)`,
    ],
    ...coldRows,
  ]),
  "",
  `Peer cache (in front of every engine), median of 40 rounds: re-resolving a peer by id ` +
  `${f(cachedId * 1000, 2)} µs, ` +
  `by username ${f(cachedName * 1000, 2)} µs (target ≤ 1 µs).`,
  "",
  "Journal choice (SQLite WASM on our VFS, exclusive locking; candidates take turns): 20,000 " +
  `peers in batches of ${BATCH} (median of ${ROUNDS} rounds), and single-peer transactions ` +
  "(median). SqliteStorage commits peer batches with WAL + NORMAL and session, auth-key and " +
  "update-state writes with WAL + FULL; the SIGKILL test " +
  "(tests/sqlite_process_test.ts) checks that no committed row is ever lost.",
  "",
  table(["journal", "20k peers, ms", "one-peer commit, ms"], journalRows),
].join("\n");
console.log(`storage on ${runtimeName()}\n${markdown}`);
writeSection("storage", markdown);
