/**
 * `session copy` of a large session file to MongoDB (FerretDB here), against a plain bulk copy
 * with the drivers alone (SQLite WASM reads the rows, the `mongodb` driver inserts the same
 * documents with `insertMany`, the same batches, the same write concern, the next batch read
 * while one is on the wire, nothing verified). Target: the tool ≤ 1.5× the plain copy, in
 * bounded memory (peak RSS of each side, each in its own process, is reported).
 *
 * A third side reads the plain copy back with the bare driver (one cursor, raw BSON, nothing
 * compared): what any read-back costs on this server, the floor of the tool's verification.
 * Rounds are interleaved; medians are reported with the spread (min–max) across rounds. CPU
 * seconds are counted for the client process and, when this benchmark started the server
 * itself, for FerretDB: unlike wall time, other processes on the machine hardly move them.
 *
 *   deno run -A bench/cli_copy_bench.ts · bun bench/cli_copy_bench.ts · node npm/bench/cli_copy_bench.js
 *   … --from-log FILE         # the table (and section) again from a run's printed output
 *   CLI_COPY_PEERS=100000 …   # fewer peers (default 1,000,000; only 1,000,000 writes README.md)
 *   CLI_COPY_ROUNDS=3 …       # rounds (default 3)
 *   MONGODB_URL=mongodb://…   # a server of your own (default: a private FerretDB on a free port,
 *                             # FERRETDB_BIN or .cache/bin/ferretdb, so other work cannot disturb it)
 */
import { type ChildProcess, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { setImmediate } from "node:timers";
import { fileURLToPath } from "node:url";
import { MongoClient } from "mongodb";
import { median, runtimeName, table, writeSection } from "./report.ts";
import { loadSqlite, SqliteStorage } from "../storage/sqlite.ts";
import { runCli } from "../cli/main.ts";
import type { PeerRecord } from "../storage/storage.ts";
import { SeededRandom } from "../testing/random.ts";
import { spawnFerretDb } from "../tests/ferretdb.ts";

const PEERS = Number(process.env.CLI_COPY_PEERS ?? 1_000_000);
const ROUNDS = Number(process.env.CLI_COPY_ROUNDS ?? 3);
const CHUNK = 10_000;

/** Where the time goes (measured while writing this benchmark; the table shows the rest). */
const WHY = "Where the time goes: FerretDB's SQLite backend spends about twice the CPU reading a " +
  "document back that it spent storing it (the bare-read row against the plain copy's server " +
  "CPU), and every read of a collection, even a count, decodes every stored document on the " +
  "server: it uses an index only for a string or ObjectId `_id`, and a peer's `_id` is a " +
  "number. So any read-back costs at least the bare read, and copy + read-back cannot beat " +
  "the floor row on this server; checking each batch right after writing it is worse (a " +
  "`$in` over 10,000 ids scans and compares the whole collection: 25 s of server CPU per " +
  "batch at 100k peers), and a cursor opened early does not see later inserts. The tool's " +
  "read-back is the bare read plus a byte comparison (raw BSON read back against the bytes " +
  "written, no decoding; field by field only when those differ). Its copy phase costs more " +
  "server CPU than the plain copy because it builds the indexes the library needs " +
  "(`username`, `usernames`, `phone_number`, `usernames.peer_id`), which the plain copy does " +
  "not (100k peers: +1.0 s of server CPU while inserting, 1.1–1.2 s when built afterwards). " +
  "On a real MongoDB reads cost a fraction of inserts (not measured here). Memory: at most " +
  "two batches of 10,000 peers in flight and order-independent digests, nothing kept per " +
  "peer (Deno: 273 MiB at 100k peers, 325 MiB at 1M; the rest is the garbage collector's " +
  "slack).";

/** Samples this process's RSS; returns a stop function giving the peak in MiB. */
function rssPeak(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss) / 2 ** 20;
  };
}

/** The source file: PEERS peers as they arrive (random ids, some with 2 usernames, phones). */
async function makeSource(file: string): Promise<void> {
  const s = new SqliteStorage(file);
  await s.open();
  const rng = new SeededRandom(7);
  const now = Math.floor(Date.now() / 1000);
  await s.setSession({ dcId: 2, apiId: 12345, userId: 777, isBot: false, date: now });
  await s.setAuthKey(2, rng.bytes(256));
  await s.setUpdateState({ pts: 1, qts: 2, date: now, seq: 3 });
  for (let i = 0; i < PEERS; i += CHUNK) {
    const batch: PeerRecord[] = [];
    for (let j = i; j < Math.min(PEERS, i + CHUNK); j++) {
      const channel = j % 4 === 3;
      batch.push({
        id: channel ? -1_000_000_000_000 - (j + 1) : 10_000_000 + j * 3 + rng.int(3),
        accessHash: (BigInt(rng.uint32()) << 32n | BigInt(rng.uint32())) - (1n << 63n),
        type: channel ? "supergroup" : "user",
        usernames: j % 5 === 0 ? [`u${j}`, `alt${j}`] : j % 2 ? [`name_${j}`] : [],
        phoneNumber: j % 7 === 0 ? String(10_000_000_000 + j) : null,
        lastUpdateOn: now - rng.int(100_000),
      });
    }
    await s.updatePeers(batch);
  }
  await s.close();
}

/**
 * The plain copy: rows read with SQLite WASM in one statement, the same documents inserted with
 * insertMany (unordered, the driver's default write concern, as the tool), batches of CHUNK,
 * the next batch read while the previous one is written (as the tool).
 */
async function plainCopy(url: string, file: string, name: string): Promise<void> {
  const { sqlite3, vfs } = await loadSqlite();
  const db = new sqlite3.oo1.DB({ filename: file, flags: "r", vfs });
  db.exec("PRAGMA locking_mode=EXCLUSIVE");
  const client = new MongoClient(url);
  await client.connect();
  const mdb = client.db(name, { useBigInt64: true });
  const peers = mdb.collection("peers"), usernames = mdb.collection("usernames");
  const stmt = db.prepare(
    "SELECT p.id, p.access_hash, p.type, p.phone_number, p.last_update_on, " +
      "(SELECT group_concat(u.username, ' ') FROM usernames u WHERE u.id = p.id) FROM peers p",
  );
  let docs: Record<string, unknown>[] = [], names: Record<string, unknown>[] = [];
  let writing: Promise<unknown> | undefined;
  const flush = async () => {
    await writing;
    writing = Promise.all([
      docs.length ? peers.insertMany(docs, { ordered: false }) : null,
      names.length ? usernames.insertMany(names, { ordered: false }) : null,
    ]);
    docs = [];
    names = [];
    await new Promise((resolve) => setImmediate(resolve));
  };
  while (stmt.step()) {
    const id = stmt.get(0) as number;
    const list = ((stmt.get(5) as string | null) ?? "").split(" ").filter(Boolean);
    const last = stmt.get(4) as number;
    docs.push({
      _id: id,
      access_hash: BigInt(stmt.get(1) as number | bigint),
      type: stmt.get(2),
      username: list[0] ?? null,
      usernames: list,
      phone_number: stmt.get(3),
      last_update_on: last,
    });
    if (list.length > 1) {
      for (const n of list) names.push({ _id: n, peer_id: id, last_update_on: last });
    }
    if (docs.length >= CHUNK) await flush();
  }
  await flush();
  await writing;
  stmt.finalize();
  db.close();
  await client.close();
}

/** The bare driver reading every peer document back: one cursor, raw BSON, nothing compared. */
async function plainRead(url: string, name: string): Promise<number> {
  const client = new MongoClient(url);
  await client.connect();
  let n = 0;
  const cursor = client.db(name).collection("peers").find({}, { batchSize: CHUNK, raw: true });
  while (await cursor.hasNext()) n += cursor.readBufferedDocuments().length;
  await client.close();
  return n;
}

interface Side {
  ms: number;
  rssMiB: number;
  cpuMs: number;
  serverCpuMs?: number;
  copyMs?: number;
  verifyMs?: number;
}

/** Child mode: one side, timed, printing a {@link Side}. */
async function child(mode: string, url: string, file: string, name: string): Promise<void> {
  const stop = rssPeak();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let phases = {};
  if (mode === "plain") await plainCopy(url, file, name);
  else if (mode === "read") {
    const n = await plainRead(url, name);
    if (n !== PEERS) throw new Error(`read ${n} peers of ${PEERS}`);
  } else {
    const err: string[] = [], out: string[] = [];
    const code = await runCli(["session", "copy", file, url, "--dest-name", name], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      progress: { isTTY: false, write: () => true },
      stdin: () => Promise.resolve(""),
    });
    if (code !== 0) throw new Error(`copy failed (${code}): ${err.join(" ")}`);
    const m = out.join(" ").match(/\(([\d.]+) s copying, ([\d.]+) s verifying\)/)!;
    phases = { copyMs: Number(m[1]) * 1000, verifyMs: Number(m[2]) * 1000 };
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const side: Side = { ms, rssMiB: stop(), cpuMs: (cpu.user + cpu.system) / 1000, ...phases };
  console.log(JSON.stringify(side));
}

/** CPU milliseconds a process has used so far (Linux), or undefined. */
function processCpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, 100 ticks a second
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A private FerretDB (SQLite backend) on a free port, or null when there is no binary. */
async function startFerretDb(): Promise<{ url: string; proc: ChildProcess; dir: string } | null> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const bin = process.env.FERRETDB_BIN ??
    [join(root, ".cache/bin/ferretdb"), join(root, "../.cache/bin/ferretdb")].find(existsSync);
  if (!bin || !existsSync(bin)) return null;
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "irenogram-bench-ferretdb-"));
  mkdirSync(join(dir, "data"));
  const proc = spawnFerretDb(bin, dir, port);
  const url = `mongodb://127.0.0.1:${port}/`;
  for (let i = 0; i < 60; i++) {
    const probe = new MongoClient(url, { serverSelectionTimeoutMS: 500 });
    const up = await probe.db("admin").command({ ping: 1 }).then(() => true, () => false);
    await probe.close();
    if (up) return { url, proc, dir };
    await new Promise((r) => setTimeout(r, 250));
  }
  proc.kill();
  throw new Error("the private FerretDB did not start");
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
/** `median (min–max)` of some seconds. */
const spread = (xs: number[]) =>
  xs.length > 1
    ? `${seconds(median(xs))} (${seconds(Math.min(...xs))}–${seconds(Math.max(...xs))})`
    : seconds(xs[0]);

/** The source session file of PEERS peers (made once, kept for later runs). */
function sourceFile(): string {
  return join(tmpdir(), "irenogram-cli-bench", `source-${PEERS}.session`);
}

async function main(): Promise<void> {
  const own = process.env.MONGODB_URL ? null : await startFerretDb();
  const url = own?.url ?? process.env.MONGODB_URL ?? "mongodb://127.0.0.1:27017/";
  const probe = new MongoClient(url, { serverSelectionTimeoutMS: 2000 });
  const up = await probe.db("admin").command({ ping: 1 }).then(() => true, () => false);
  if (!up) {
    console.log(`cli_copy: no MongoDB at ${url}; set MONGODB_URL or build FerretDB`);
    await probe.close();
    return;
  }
  const load0 = loadavg()[0];
  const file = sourceFile();
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file)) {
    const t0 = performance.now();
    await makeSource(file + ".tmp");
    spawnSync("mv", [file + ".tmp", file]);
    console.log(`made ${file} in ${seconds(performance.now() - t0)} s`);
  }
  const self = fileURLToPath(import.meta.url);
  const results: Record<string, Side[]> = { plain: [], read: [], cli: [] };
  const run = (mode: string, name: string): Side => {
    const args = "Deno" in globalThis
      ? ["run", "-A", self, "--child", mode, url, file, name]
      : [self, "--child", mode, url, file, name];
    const server0 = processCpuMs(own?.proc.pid);
    const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr.slice(-2000)}`);
    const side: Side = JSON.parse(r.stdout.trim().split("\n").pop()!);
    const server1 = processCpuMs(own?.proc.pid);
    if (server0 !== undefined && server1 !== undefined) side.serverCpuMs = server1 - server0;
    console.log(`${mode}: ${JSON.stringify(side)}`);
    results[mode].push(side);
    return side;
  };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Each side in a fresh process and a fresh database; the order alternates by round.
      const plainName = `bench_cli_plain_${process.pid}_${round}`;
      const cliName = `bench_cli_tool_${process.pid}_${round}`;
      const plain = async () => {
        await probe.db(plainName).dropDatabase();
        run("plain", plainName);
        run("read", plainName);
        await probe.db(plainName).dropDatabase();
      };
      const tool = async () => {
        await probe.db(cliName).dropDatabase();
        run("cli", cliName);
        await probe.db(cliName).dropDatabase();
      };
      if (round % 2 === 0) {
        await plain();
        await tool();
      } else {
        await tool();
        await plain();
      }
    }
  } finally {
    await probe.close();
    if (own) {
      own.proc.kill();
      await new Promise((r) => setTimeout(r, 500));
      rmSync(own.dir, { recursive: true, force: true });
    }
  }
  const load = [load0, loadavg()[0]];
  console.log(`load: ${load.join(" ")}`);
  report(results, { own: own !== null, load });
}

/** Writes the table (and, for 1,000,000 peers, the README section) from the sides measured. */
function report(
  results: Record<string, Side[]>,
  how: { own: boolean; load: number[] },
): void {
  const size = statSync(sourceFile()).size / 2 ** 20;
  const of = (mode: string, key: keyof Side) =>
    results[mode].map((s) => s[key]).filter((v): v is number => v !== undefined);
  const plainMs = median(of("plain", "ms"));
  const cpu = (mode: string, key: "cpuMs" | "serverCpuMs") => {
    const xs = of(mode, key);
    return xs.length ? seconds(median(xs)) : "—";
  };
  /** Client + server CPU ms of a side (medians), when the server's is known. */
  const cpuTotal = (mode: string) =>
    of(mode, "serverCpuMs").length
      ? median(of(mode, "cpuMs")) + median(of(mode, "serverCpuMs"))
      : NaN;
  const cpuRatio = (ms: number) =>
    Number.isNaN(ms) ? "—" : `${(ms / cpuTotal("plain")).toFixed(2)}×`;
  const row = (label: string, mode: string, ratio: string) => [
    label,
    spread(of(mode, "ms")),
    cpu(mode, "cpuMs"),
    cpu(mode, "serverCpuMs"),
    median(of(mode, "rssMiB")).toFixed(0),
    ratio,
    cpuRatio(cpuTotal(mode)),
  ];
  const part = (label: string, ms: number) => [
    label,
    seconds(ms),
    "",
    "",
    "",
    `${(ms / plainMs).toFixed(2)}×`,
    "",
  ];
  const cliMs = median(of("cli", "ms"));
  const readMs = median(of("read", "ms"));
  const rows = [
    row("plain copy (SQLite WASM + insertMany)", "plain", "1.00×"),
    row(
      "`session copy` (snapshot, migrate check, copy, read back + compare)",
      "cli",
      `${(cliMs / plainMs).toFixed(2)}× (≤ 1.5×)`,
    ),
    part("— of which copying (source read + MongoDB writes)", median(of("cli", "copyMs"))),
    part("— of which reading the copy back and comparing", median(of("cli", "verifyMs"))),
    row(
      "bare driver reading the plain copy back (raw BSON, nothing compared)",
      "read",
      `${(readMs / plainMs).toFixed(2)}×`,
    ),
    [
      ...part("floor of any copy + read-back here: plain copy + bare read", plainMs + readMs)
        .slice(0, 6),
      cpuRatio(cpuTotal("plain") + cpuTotal("read")),
    ],
  ];
  const server = how.own
    ? "a private FerretDB 1.24 (SQLite backend)"
    : "the MongoDB at MONGODB_URL";
  const rounds = results.cli.length;
  const md =
    `\`session copy\`, ${PEERS.toLocaleString("en")} peers, file ${size.toFixed(0)} MiB → ` +
    `${server}; each side in its own process, ${rounds} interleaved round(s); seconds are ` +
    `medians (min–max); CPU = CPU seconds of the client process and of the server (medians), ` +
    `which the other work on the machine hardly moves (load average ${
      how.load.map((l) => l.toFixed(1)).join(" → ")
    } on 2 cores during this run; wall times stretch with it); RSS = peak resident set of the ` +
    `client, sampled every 50 ms (median).\n\n` +
    table(
      [
        "side",
        "wall seconds",
        "client CPU s",
        "server CPU s",
        "peak RSS MiB",
        "vs plain copy",
        "CPU vs plain",
      ],
      rows,
    ) + "\n\n" + WHY + "\n";
  console.log(`session copy on ${runtimeName()}\n${md}`);
  if (PEERS === 1_000_000) writeSection("CLI_COPY", md);
}

/** The sides a run printed (`mode: {…}` lines; `load: a b` gives the load averages). */
function fromLog(path: string): void {
  const results: Record<string, Side[]> = { plain: [], read: [], cli: [] };
  let load: number[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const m = line.match(/^(plain|read|cli): (\{.*\})$/);
    if (m) results[m[1]].push(JSON.parse(m[2]));
    const l = line.match(/^load: ([\d. ]+)$/);
    if (l) load = l[1].trim().split(" ").map(Number);
  }
  report(results, { own: results.plain.some((s) => s.serverCpuMs !== undefined), load });
}

if (process.argv.includes("--child")) {
  const at = process.argv.indexOf("--child");
  const [mode, url, file, name] = process.argv.slice(at + 1, at + 5);
  await child(mode, url, file, name);
} else if (process.argv.includes("--from-log")) {
  fromLog(process.argv[process.argv.indexOf("--from-log") + 1]);
} else {
  await main();
}
