/**
 * The Client against mtcute and GramJS on the same TestServer, in one run:
 * - cold start: a fresh process imports the library, opens its default persistent session of the
 *   same bot holding 10,000 peers (irenogram: its SQLite file; mtcute: its SQLite storage on the
 *   runtime's driver, see client_mtcute.ts; GramJS: its StoreSession folder, see client_gramjs.ts) and calls getMe;
 *   wall time from the child's first line to getMe's answer, median of COLD_RUNS;
 * - sendMessage: a user sends text messages to a bot one after another (each awaited);
 * - updates: the server pushes 10,000 new messages to a user; time until the library's message
 *   handler has seen them all.
 * Every library uses obfuscated intermediate TCP on loopback.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { NewMessage, type NewMessageEvent } from "telegram/events/index.js";
import { Api } from "telegram";
import bigInt from "big-integer";
import type { BaseSqliteStorage } from "@mtcute/core";
import { Long } from "@mtcute/core";
import { TlBinaryWriter } from "@mtcute/tl-runtime";
import { __tlWriterMap } from "@mtcute/tl/binary/writer.js";
import { Client } from "../mod.ts";
import { TestServer } from "../testing/mod.ts";
import { TestWorld } from "../testing/server/world.ts";
import { median, runtimeName, table, writeSection } from "./report.ts";
import { mtcuteClient, mtcuteStorage } from "./client_mtcute.ts";
import { gramjsClient, gramjsStoreSession } from "./client_gramjs.ts";
import type { Target } from "./client_target.ts";

const SENDS = Number(process.env.BENCH_SENDS ?? 300);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 10_000);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7);
const PEERS = 10_000;

let world!: TestWorld;
const server = await TestServer.start({
  world: (s) => (world = new TestWorld({ dcs: () => s.dcs })),
});
const options = server.clientOptions();
const target: Target = {
  apiId: options.apiId,
  apiHash: options.apiHash,
  dcs: server.dcs,
  pem: server.publicKeys[0].pem,
  fingerprint: BigInt.asIntN(64, server.publicKeys[0].fingerprint).toString(),
};
const bot = world.addBot({ username: "bench_bot", firstName: "Bench" });
const account = (phone: string) => ({ phone, ...world.addUser({ phone, firstName: phone }) });
const users = {
  irenogram: account("15550100001"),
  mtcute: account("15550100002"),
  gramjs: account("15550100003"),
};
const workdir = mkdtempSync(join(tmpdir(), "irenogram-client-bench-"));
const step = (what: string) => process.env.BENCH_VERBOSE && console.error(`[bench] ${what}`);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(done: () => boolean, ms: number, what: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out: ${what()}`);
    await pause(2);
  }
}

/** One logged-in user client per library, each with send() and a counter of incoming messages. */
interface Subject {
  send(text: string): Promise<unknown>;
  received: number;
  stop(): Promise<void>;
}

async function irenogramSubject(): Promise<Subject> {
  const u = users.irenogram;
  const app = new Client(":memory:", { ...options, phoneNumber: u.phone, phoneCode: u.code });
  await app.start();
  const s: Subject = {
    send: (t) => app.sendMessage("@bench_bot", t),
    received: 0,
    stop: () => app.stop(),
  };
  app.onMessage(() => void s.received++, (m) => !m.outgoing);
  return s;
}

async function mtcuteSubject(): Promise<Subject> {
  const u = users.mtcute;
  const c = await mtcuteClient(target);
  await c.start({ phone: u.phone, code: () => u.code });
  const s: Subject = {
    send: (t) => c.sendText("bench_bot", t),
    received: 0,
    stop: () => c.destroy(),
  };
  c.onNewMessage.add((m) => {
    if (!m.isOutgoing) s.received++;
  });
  return s;
}

async function gramjsSubject(): Promise<Subject> {
  const u = users.gramjs;
  const c = gramjsClient(target);
  await c.start({
    phoneNumber: u.phone,
    phoneCode: () => Promise.resolve(u.code),
    onError: (e) => {
      throw e;
    },
  });
  const s: Subject = {
    send: (t) => c.sendMessage("bench_bot", { message: t }),
    received: 0,
    stop: () => c.destroy(),
  };
  c.addEventHandler((e: NewMessageEvent) => {
    if (!e.message.out) s.received++;
  }, new NewMessage({}));
  return s;
}

/** Runs a child process to its end (bounded to 60 s), collecting its output. */
function runChild(cmd: string, args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(cmd, args, { env });
    let stdout = "", stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => p.kill(), 60_000);
    p.on("exit", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const names = ["irenogram", "mtcute", "gramjs"] as const;
type Name = typeof names[number];
const subjects: Record<Name, Subject> = {
  irenogram: await irenogramSubject(),
  mtcute: await mtcuteSubject(),
  gramjs: await gramjsSubject(),
};

step("sendMessage");
// sendMessage: warm up (peer resolution), then interleaved rounds of sequential sends.
const sendRates: Record<Name, number[]> = { irenogram: [], mtcute: [], gramjs: [] };
for (const n of names) for (let i = 0; i < 10; i++) await subjects[n].send(`warm ${i}`);
for (let round = 0; round < 3; round++) {
  for (const n of names) {
    const t0 = performance.now();
    for (let i = 0; i < SENDS / 3; i++) await subjects[n].send(`m${i}`);
    sendRates[n].push((SENDS / 3) / ((performance.now() - t0) / 1000));
  }
}

step("updates");
// Updates: the server pushes UPDATES messages to one library's user at a time.
const updateRates: Record<Name, number> = { irenogram: 0, mtcute: 0, gramjs: 0 };
for (const n of names) {
  const s = subjects[n];
  await pause(300);
  const start = s.received;
  const t0 = performance.now();
  for (let i = 0; i < UPDATES; i++) {
    world.postMessage({ fromId: bot.userId, to: { userId: users[n].userId }, text: `u${i}` });
    if (i % 500 === 499) await pause(0); // let the sockets drain
  }
  await until(
    () => s.received - start >= UPDATES,
    180_000,
    () => `${n} handled ${s.received - start} of ${UPDATES} pushed messages in 180 s`,
  );
  updateRates[n] = UPDATES / ((performance.now() - t0) / 1000);
}
for (const n of names) await subjects[n].stop();

step("cold setup: irenogram");
// Cold start: each library's default persistent session of the same bot, holding PEERS peers.
const coldDir = join(workdir, "cold");
mkdirSync(coldDir);
const now = Math.floor(Date.now() / 1000);
const peerIds = Array.from({ length: PEERS }, (_, i) => 100_000 + i);
const hashOf = (i: number) => BigInt(i) * 7919n + 1n;
{
  const app = new Client("cold", { ...options, workdir: coldDir, botToken: bot.token });
  await app.start();
  await app.storage.updatePeers(peerIds.map((id, i) => ({
    id,
    accessHash: hashOf(i),
    type: "user" as const,
    usernames: [`peer_${i}`],
    phoneNumber: null,
    lastUpdateOn: now,
  })));
  await app.stop();
}
{
  // mtcute keeps each peer as its row and the serialized User (`complete`), as it does for peers
  // met in updates and results.
  step("cold setup: mtcute");
  const storage = await mtcuteStorage(join(coldDir, "mtcute.session")) as BaseSqliteStorage;
  const mt = await mtcuteClient(target, storage);
  await mt.start({ botToken: bot.token });
  for (const [i, id] of peerIds.entries()) {
    const user = {
      _: "user" as const,
      id,
      accessHash: Long.fromString(hashOf(i).toString()),
      firstName: `Peer ${i}`,
      username: `peer_${i}`,
    };
    storage.peers.store({
      id,
      accessHash: hashOf(i).toString(),
      isMin: false,
      usernames: [`peer_${i}`],
      updated: now * 1000,
      complete: TlBinaryWriter.serializeObject(__tlWriterMap, user),
    });
  }
  await mt.destroy(); // saves the pending writes
}
{
  // GramJS's persistent session: StoreSession, one file per key (entities included) in a folder
  // named after the session, relative to the working directory.
  step("cold setup: GramJS");
  const cwd = process.cwd();
  process.chdir(coldDir);
  const session = gramjsStoreSession("gramjs_session");
  session.setDC(2, server.dcs.find((d) => d.id === 2)!.host, 443);
  const gj = gramjsClient(target, session);
  await gj.start({ botAuthToken: bot.token });
  session.processEntities(peerIds.map((id, i) =>
    new Api.User({
      id: bigInt(id),
      accessHash: bigInt(hashOf(i).toString()),
      firstName: `Peer ${i}`,
      username: `peer_${i}`,
    })
  ));
  await gj.destroy();
  process.chdir(cwd);
}

step("cold starts");
const child = fileURLToPath(
  new URL(`./client_cold_child${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url),
);
const cold: Record<Name, number[]> = { irenogram: [], mtcute: [], gramjs: [] };
const coldWall: Record<Name, number[]> = { irenogram: [], mtcute: [], gramjs: [] };
const phases: Record<Name, Record<string, number>[]> = { irenogram: [], mtcute: [], gramjs: [] };
/** Whole-process times of a child that imports nothing: the runtime's own start and exit. */
const emptyWall: number[] = [];
let irenogramDriver = "?";
for (let run = 0; run < COLD_RUNS; run++) {
  // The order rotates: whoever follows GramJS's child (whose teardown keeps this process busy
  // for a while) is not always the same library.
  for (const n of [...names.slice(run % names.length), ...names.slice(0, run % names.length)]) {
    const args = "Deno" in globalThis ? ["run", "-A", child, n] : [child, n];
    const t0 = performance.now();
    // Asynchronously: the TestServer answering the child lives in this process.
    const r = await runChild(process.execPath, args, {
      ...process.env,
      BENCH_TARGET: JSON.stringify(target),
      BENCH_WORKDIR: coldDir,
    });
    coldWall[n].push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${n} cold start failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout.trim().split("\n").pop()!);
    if (out.id !== String(bot.userId)) throw new Error(`${n} cold start: wrong user ${out.id}`);
    cold[n].push(out.ms);
    phases[n].push(out);
    if (n === "irenogram") {
      irenogramDriver = out.driver ?? "?";
      // Right after irenogram's child (never right after GramJS's).
      const args = "Deno" in globalThis ? ["run", "-A", child, "none"] : [child, "none"];
      const t1 = performance.now();
      const e = await runChild(process.execPath, args, process.env);
      emptyWall.push(performance.now() - t1);
      if (e.status !== 0) throw new Error(`empty child failed: ${e.stderr}`);
    }
    if (process.env.BENCH_PHASES) console.log(n, JSON.stringify(out));
  }
}
await server.stop();
rmSync(workdir, { recursive: true, force: true });

const mtcuteDriver = { deno: "node:sqlite", bun: "bun:sqlite", node: "better-sqlite3" }[
  runtimeName().split(" ")[0]
];
const f = (x: number) => x >= 100 ? x.toFixed(0) : x.toFixed(1);
const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;
const m = (xs: number[]) => median(xs);
/** One row: each library's figure and ours ÷ each peer (bench/summary.ts judges the targets). */
function row(label: string, x: Record<Name, number>) {
  return [
    label,
    f(x.irenogram),
    f(x.mtcute),
    f(x.gramjs),
    `${ratio(x.irenogram, x.mtcute)} / ${ratio(x.irenogram, x.gramjs)}`,
  ];
}
const medians = (xs: Record<Name, number[]>) =>
  Object.fromEntries(names.map((n) => [n, m(xs[n])])) as Record<Name, number>;
const rows = [
  row("cold start → getMe (ms, in-process, lower is better)", medians(cold)),
  row("cold start → getMe (ms, whole process)", medians(coldWall)),
  row("sendMessage, one at a time (msg/s)", medians(sendRates)),
  row(`${UPDATES} pushed messages handled (updates/s)`, updateRates),
];
// Where each library's cold start goes (medians, ms from the child's first line).
const phase = (n: Name, from: string, to: string) =>
  f(m(phases[n].map((p) => p[to] - (from ? p[from] : 0))));
const phaseRows = names.map((n) => [
  n === "gramjs" ? "GramJS" : n,
  phase(n, "", "imported"),
  phase(n, "imported", "started"),
  phase(n, "started", "answered"),
]);
const spread = (xs: number[]) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
const markdown = table(
  ["row", "irenogram", "mtcute", "GramJS", "irenogram ÷ mtcute / GramJS"],
  rows,
) +
  `\n\nCold start: each library opens its default persistent session holding ${PEERS} peers ` +
  `(irenogram: SQLite file on ${irenogramDriver}; mtcute: SQLite storage on ${mtcuteDriver}; GramJS: ` +
  `StoreSession folder on node-localstorage); median of ${COLD_RUNS} fresh processes per library, ` +
  `interleaved (in-process spread: irenogram ${spread(cold.irenogram)}, mtcute ` +
  `${spread(cold.mtcute)}, GramJS ${spread(cold.gramjs)} ms). A process of this runtime that ` +
  `imports nothing and exits takes ${f(m(emptyWall))} ms (median, same runs): the floor of every ` +
  "whole-process figure. sendMessage: median of 3 " +
  "interleaved rounds. Updates: each library's user receives the pushes alone. The TestServer " +
  "runs in this process: its work per message is in every library's figure.\n\n" +
  table(
    ["cold start phases (ms, median)", "import", "open session + connect", "getMe"],
    phaseRows,
  ) +
  "\n\nWhere the cold start goes. Import: most of irenogram's is loading the generated TL " +
  "readers and writers (~1.3 MB of JavaScript, shipped as .js so that Deno takes them from its " +
  "code cache) and the ~900 RPC error classes, then ~100 small modules. Open + connect: " +
  "irenogram takes the lock file, judges the session file on a read-only connection (an " +
  "`immutable` one on native SQLite; the integrity check only for small or unclean files), " +
  "opens it, compiles the WASM core (~120 KB) and connects; nothing waits for a round trip " +
  "(initConnection rides on getMe, help.getConfig is not asked when the DC's address is known). " +
  "mtcute opens native SQLite and also sends initConnection with its first request; GramJS lists " +
  "and stats its session folder (one file per peer) and waits for initConnection. getMe: one " +
  "round trip each (irenogram's carries initConnection). Stopping is in every in-process " +
  "figure.\n";
console.log(`client on ${runtimeName()}\n${markdown}`);
// BENCH_SENDS=0 (a cold-start-only run while investigating) leaves bench/README.md alone.
if (SENDS > 0) writeSection("client", markdown);
process.exit(0);
