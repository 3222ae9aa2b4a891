/**
 * The Client against mtcute and GramJS on the same TestServer, in one run:
 * - cold start: a fresh process imports the library, opens its default persistent session of the
 *   same bot holding 10,000 peers (irenogram: its SQLite file; mtcute: its SQLite storage on the
 *   runtime's driver, see client_mtcute.ts; GramJS: its StoreSession folder, see client_gramjs.ts) and calls getMe;
 *   wall time from the child's first line to getMe's answer, median of COLD_RUNS;
 * - sendMessage: a user sends text messages to a bot one after another (each awaited);
 * - updates: the server pushes 10,000 new messages to a user; time until the library's message
 *   handler (as a bot would register it: irenogram's onMessage, mtcute's onNewMessage with its
 *   Message objects, GramJS's NewMessage event handler) has seen them all.
 * The TestServer runs in a child process (client_server_child.ts), so that its work is in no
 * library's CPU figure; for sendMessage and updates each library's CPU per message is measured in
 * this process (the others sit idle meanwhile) besides its rate.
 * Every library uses obfuscated intermediate TCP on loopback.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
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
import type { TestServer } from "../testing/mod.ts";
import { median, runtimeName, table, writeSection } from "./report.ts";
import { mtcuteClient, mtcuteStorage } from "./client_mtcute.ts";
import { gramjsClient, gramjsStoreSession } from "./client_gramjs.ts";
import type { Target } from "./client_target.ts";

const SENDS = Number(process.env.BENCH_SENDS ?? 300); // per round and library
const SEND_WARM_UP = Number(process.env.BENCH_SEND_WARM_UP ?? 2000);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 10_000); // per round and library
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
/**
 * Unmeasured push rounds (each: private, then supergroup, every library) before the measured
 * ones. Two, because the first round's supergroup updates and the other libraries' objects
 * (mtcute's TL objects share V8 hidden classes with ours: `{ _, channelId }` with a number where
 * ours holds a bigint) deoptimize code that the private part had just optimized; on Node its
 * re-optimization fell into the next round, a third of whose messages then cost 3–4× the CPU.
 */
const PUSH_WARM_UP = Number(process.env.BENCH_PUSH_WARM_UP ?? 2);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7);
const PEERS = 10_000;
/** Sends per library in turn within a round: small blocks, so load bursts fall on all alike. */
const BLOCK = 25;
/** Pushes posted at once, and how many may be unhandled when the next chunk is posted. */
const PUSH_CHUNK = Number(process.env.BENCH_PUSH_CHUNK ?? 500);
const PUSH_WINDOW = Number(process.env.BENCH_PUSH_WINDOW ?? 1500);
/** How long (ms) without a message before a library is taken to have lost the rest. */
const STALL = 5000;

// ---- the TestServer, in a child process of the same runtime (bench/client_server_child.ts) ----

const childScript = fileURLToPath(
  new URL(
    `./client_server_child${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`,
    import.meta.url,
  ),
);
const serverProcess = spawn(
  process.execPath,
  "Deno" in globalThis ? ["run", "-A", childScript] : [childScript],
  { stdio: ["pipe", "pipe", "inherit"] },
);
const serverLines: ((line: string) => void)[] = [];
createInterface({ input: serverProcess.stdout! }).on("line", (l) => serverLines.shift()?.(l));
const serverExited = new Promise<void>((ok) => serverProcess.once("exit", () => ok()));
const nextLine = () =>
  new Promise<string>((resolve, reject) => {
    serverLines.push(resolve);
    serverExited.then(() => reject(new Error("the server process exited")));
  });
/** One command to the server process and its answer (see client_server_child.ts). */
async function serverCall<T>(command: Record<string, unknown>): Promise<T> {
  const answer = nextLine();
  serverProcess.stdin!.write(JSON.stringify(command) + "\n");
  const r = JSON.parse(await answer);
  if (r.error) throw new Error(`server: ${r.error}`);
  return r as T;
}
const serverCpu = async () => (await serverCall<{ cpu: number }>({ op: "cpu" })).cpu;
const ready: { options: ReturnType<TestServer["clientOptions"]>; target: Target } = JSON.parse(
  await nextLine(),
);
const { options, target } = ready;
const server = {
  dcs: target.dcs,
  stop: async () => {
    serverProcess.stdin!.end();
    await serverExited;
  },
};
const bot = await serverCall<{ token: string; userId: number }>({
  op: "addBot",
  username: "bench_bot",
  firstName: "Bench",
});
const account = async (phone: string) => ({
  phone,
  ...await serverCall<{ userId: number; code: string }>({ op: "addUser", phone }),
});
const users = {
  irenogram: await account("15550100001"),
  mtcute: await account("15550100002"),
  gramjs: await account("15550100003"),
};
const loadBefore = loadavg()[0].toFixed(1);
const workdir = mkdtempSync(join(tmpdir(), "irenogram-client-bench-"));
const step = (what: string) => process.env.BENCH_VERBOSE && console.error(`[bench] ${what}`);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** CPU time of this (client) process so far, µs. */
const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/**
 * One logged-in user client per library: send() and a counter of the incoming messages its
 * handler saw, with a wait for the counter to reach a figure (resolved from inside the handler,
 * so that no polling timer runs while it is measured).
 */
class Subject {
  received = 0;
  /** When the handler last saw a message (performance.now()). */
  lastSeen = 0;
  #goal = Infinity;
  #reached: (() => void) | undefined;
  constructor(
    readonly send: (text: string) => Promise<unknown>,
    readonly stop: () => Promise<void>,
  ) {}
  /** Called by the library's message handler for each incoming message. */
  seen(): void {
    this.lastSeen = performance.now();
    if (++this.received >= this.#goal) {
      this.#goal = Infinity;
      this.#reached?.();
    }
  }
  /**
   * Resolves when `received` reaches `goal`, or when no message came for `stallMs` (a library
   * that lost messages: the caller counts what arrived).
   */
  until(goal: number, stallMs: number): Promise<void> {
    return new Promise((resolve) => {
      const since = performance.now();
      const timer = setInterval(() => {
        if (performance.now() - Math.max(since, this.lastSeen) > stallMs) this.#reached!();
      }, 250);
      this.#reached = () => {
        clearInterval(timer);
        this.#goal = Infinity;
        resolve();
      };
      if (this.received >= goal) this.#reached();
      else this.#goal = goal;
    });
  }
}

async function irenogramSubject(): Promise<Subject> {
  const u = users.irenogram;
  const app = new Client(":memory:", { ...options, phoneNumber: u.phone, phoneCode: u.code });
  await app.start();
  const s = new Subject((t) => app.sendMessage("@bench_bot", t), () => app.stop());
  app.onMessage(() => s.seen(), (m) => !m.outgoing);
  return s;
}

async function mtcuteSubject(): Promise<Subject> {
  const u = users.mtcute;
  const c = await mtcuteClient(target);
  await c.start({ phone: u.phone, code: () => u.code });
  const s = new Subject((t) => c.sendText("bench_bot", t), () => c.destroy());
  c.onNewMessage.add((m) => {
    if (!m.isOutgoing) s.seen();
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
  const s = new Subject((t) => c.sendMessage("bench_bot", { message: t }), () => c.destroy());
  c.addEventHandler((e: NewMessageEvent) => {
    if (!e.message.out) s.seen();
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
const perName = <T>(make: (n: Name) => T) =>
  Object.fromEntries(names.map((n) => [n, make(n)])) as Record<Name, T>;
const subjects: Record<Name, Subject> = {
  irenogram: await irenogramSubject(),
  mtcute: await mtcuteSubject(),
  gramjs: await gramjsSubject(),
};

step("sendMessage");
// sendMessage: a warm-up long enough for the JIT's steady state, as mtproto_bench.ts's 2,000
// calls: a function run once per send is optimized (V8's TurboFan, JSC's DFG) around its
// thousandth call, so with 600 the compiles of the ~40 functions of a send fell inside the
// measured rounds (Bun: ~29 ms of DFG compiles in sends 600–2100, ~19 µs a send, reported by
// BUN_JSC_reportCompileTimes; Node alike), then rounds of SENDS sequential sends per library, in
// blocks of BLOCK sends library after library; rate and this process's CPU per send.
const sendRates = perName<number[]>(() => []);
const sendCpu = perName<number[]>(() => []);
const sendServerCpu = perName<number[]>(() => []);
for (const n of names) for (let i = 0; i < SEND_WARM_UP; i++) await subjects[n].send(`warm ${i}`);
for (let round = 0; round < ROUNDS; round++) {
  const time = perName(() => 0), own = perName(() => 0), served = perName(() => 0);
  for (let b = 0; b < Math.ceil(SENDS / BLOCK); b++) {
    for (const n of names) {
      const s0 = await serverCpu();
      const t0 = performance.now(), c0 = cpu();
      for (let i = 0; i < BLOCK; i++) await subjects[n].send(`m${i}`);
      time[n] += performance.now() - t0;
      own[n] += cpu() - c0;
      served[n] += await serverCpu() - s0;
    }
  }
  const sent = Math.ceil(SENDS / BLOCK) * BLOCK;
  for (const n of names) {
    sendRates[n].push(sent / (time[n] / 1000));
    sendCpu[n].push(own[n] / sent);
    sendServerCpu[n].push(served[n] / sent);
  }
}

step("updates");
// Updates: the server pushes UPDATES messages to one library's user at a time, round after round;
// the wall time until its handler has seen them all, this process's CPU over that time, and the
// server process's. Private messages from a known contact (updateShortMessage, no users or chats
// attached), and messages in a supergroup (updates with the sender and the channel attached, as a
// bot in groups receives them; one supergroup per library, of the bot and that library's user).
const groups = perName(() => 0);
for (const n of names) {
  groups[n] = (await serverCall<{ channelId: number }>({
    op: "supergroup",
    creatorId: bot.userId,
    memberId: users[n].userId,
  })).channelId;
}
const kinds = ["private", "supergroup"] as const;
type Kind = typeof kinds[number];
const perKind = <T>(make: () => T) =>
  Object.fromEntries(kinds.map((k) => [k, make()])) as Record<Kind, T>;
const updateRates = perKind(() => perName<number[]>(() => []));
const updateCpu = perKind(() => perName<number[]>(() => []));
const updateServerCpu = perKind(() => perName<number[]>(() => []));
/** Messages pushed that never reached a library's handler (it lost them), per kind. */
const lost = perKind(() => perName(() => 0));
for (let round = -PUSH_WARM_UP; round < ROUNDS; round++) {
  for (const kind of kinds) {
    for (const n of names) {
      const s = subjects[n];
      await pause(300);
      const start = s.received, goal = start + UPDATES;
      const to = kind === "private" ? { toUserId: users[n].userId } : { toChannelId: groups[n] };
      const s0 = await serverCpu();
      const t0 = performance.now(), c0 = cpu();
      // In chunks, at most PUSH_WINDOW unhandled: a server that streamed all of them at once
      // would bury a slower client under a backlog it never meets on Telegram (mtcute then lost
      // pushes: a difference fetched more than the world's 2,000 kept events behind is too
      // long); a window this wide hides the round trip of each command to the server process.
      for (let pushed = 0; pushed < UPDATES; pushed += PUSH_CHUNK) {
        const count = Math.min(PUSH_CHUNK, UPDATES - pushed);
        if (pushed + count > PUSH_WINDOW) {
          await s.until(start + pushed + count - PUSH_WINDOW, STALL);
        }
        await serverCall({ op: "push", fromId: bot.userId, ...to, count });
      }
      await s.until(goal, STALL);
      const c1 = cpu();
      const handled = s.received - start;
      const wall = s.lastSeen - t0;
      if (handled < UPDATES) {
        lost[kind][n] += UPDATES - handled;
        step(`${n} ${kind}: ${UPDATES - handled} of ${UPDATES} never reached the handler`);
      }
      if (process.env.BENCH_VERBOSE) {
        const calls = await serverCall({ op: "calls", userId: users[n].userId });
        step(`${n} ${kind} round ${round}: ${wall.toFixed(0)} ms, ${JSON.stringify(calls)}`);
      }
      if (round < 0 || handled === 0) continue; // a warm-up round (the JIT's steady state)
      // CPU to the last message handled (a stall's idle wait adds a few timer wake-ups only).
      updateCpu[kind][n].push((c1 - c0) / handled);
      updateRates[kind][n].push(handled / (wall / 1000));
      updateServerCpu[kind][n].push((await serverCpu() - s0) / UPDATES);
    }
  }
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
// "–" for what was not measured (BENCH_SENDS=0: the median of nothing).
const f = (x: number) => !Number.isFinite(x) ? "–" : x >= 100 ? x.toFixed(0) : x.toFixed(1);
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
const perCpuSecond = (x: Record<Name, number[]>) => perName((n) => x[n].map((us) => 1e6 / us));
/** One row of per-round figures: each library's median, and the median of per-round ratios. */
function roundRow(label: string, x: Record<Name, number[]>) {
  if (x.irenogram.length === 0) return [label, "–", "–", "–", "–"]; // not measured (BENCH_SENDS=0)
  const r = (peer: Name) => m(x.irenogram.map((v, i) => v / x[peer][i]));
  return [
    label,
    f(m(x.irenogram)),
    f(m(x.mtcute)),
    f(m(x.gramjs)),
    `${r("mtcute").toFixed(2)}× / ${r("gramjs").toFixed(2)}×`,
  ];
}
const rows = [
  row("cold start → getMe (ms, in-process, lower is better)", medians(cold)),
  row("cold start → getMe (ms, whole process)", medians(coldWall)),
  roundRow("sendMessage: messages sent per second of client CPU (msg/s)", perCpuSecond(sendCpu)),
  roundRow(
    "sendMessage one at a time, wall rate (msg/s; with the server's work and 2 wake-ups)",
    sendRates,
  ),
  roundRow(
    "pushed messages handled per second of client CPU (updates/s)",
    perCpuSecond(updateCpu.private),
  ),
  roundRow(
    `${UPDATES} pushed messages, wall rate (updates/s; the server's pace)`,
    updateRates.private,
  ),
  roundRow(
    "supergroup messages handled per second of client CPU (updates/s)",
    perCpuSecond(updateCpu.supergroup),
  ),
  roundRow(
    `${UPDATES} supergroup messages, wall rate (updates/s; the server's pace)`,
    updateRates.supergroup,
  ),
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
const spreads = (x: Record<Name, number[]>) =>
  names.map((n) => `${n === "gramjs" ? "GramJS" : n} ${spread(x[n])}`).join(", ");
const medianOf = (x: Record<Name, number[]>) =>
  names.map((n) => `${n === "gramjs" ? "GramJS" : n} ${f(m(x[n]))}`).join(", ");
const loadAfter = () => loadavg()[0].toFixed(1);
/** Which library lost pushed messages (never handed to its handler), if any did. */
const lostNote = () => {
  const notes = kinds.flatMap((k) =>
    names.filter((n) => lost[k][n] > 0).map((n) =>
      `${n === "gramjs" ? "GramJS" : n} lost ${lost[k][n]} of ${
        UPDATES * (ROUNDS + PUSH_WARM_UP)
      } ${k} messages (never handed to its handler; its figures count what arrived)`
    )
  );
  return notes.length === 0 ? "No library lost a message. " : `${notes.join("; ")}. `;
};
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
  "whole-process figure. On Deno every child (the empty one too) reads its arguments and exits " +
  "through Deno's own API, not node:process, whose first use starts Deno's Node compatibility " +
  "layer (15–20 ms) in any process.\n\n" +
  `sendMessage and pushed messages: the TestServer runs in its own process, so its work is in no ` +
  `library's CPU figure; CPU = this process's CPU time (user + system) over the measured work, ` +
  `the other libraries idle meanwhile. Medians of ${ROUNDS} interleaved rounds; a ratio is the ` +
  `median of the rounds' ratios. sendMessage: after ${SEND_WARM_UP} warm-up sends each, ` +
  `${Math.ceil(SENDS / BLOCK) * BLOCK} sends per library a round in blocks of ${BLOCK}, library ` +
  `after library; one at a time, so the server's work and two process wake-ups are in every ` +
  `round trip's wall time, alike for all, which is why a client is judged on its CPU (CPU µs ` +
  `per send: ${medianOf(sendCpu)}; server CPU per send ${medianOf(sendServerCpu)} µs; wall ` +
  `rates ${
    spreads(sendRates)
  } msg/s). Pushed messages: ${UPDATES} private messages a round (after ` +
  `${PUSH_WARM_UP} warm-up rounds of both kinds) from a known contact (updateShortMessage) to one library's user at a time, ` +
  `posted ${PUSH_CHUNK} at a time with at most ${PUSH_WINDOW} unhandled, each handled as a bot ` +
  `would (irenogram onMessage, mtcute onNewMessage with its Message objects, GramJS's NewMessage ` +
  `event handler). Supergroup messages: the same, posted by the bot in a supergroup of the bot ` +
  `and the library's user (updates carrying the sender and the channel). A client whose CPU per ` +
  `message is below the server's keeps up with it: its wall rate is the server's pace (server ` +
  `CPU per push: private ` +
  `${medianOf(updateServerCpu.private)}; supergroup ${medianOf(updateServerCpu.supergroup)} µs) ` +
  `and machine load, alike for all; what a client can handle is judged on its CPU: updates per ` +
  `second of client CPU (CPU µs per update, private: ${medianOf(updateCpu.private)}; ` +
  `supergroup: ${medianOf(updateCpu.supergroup)}; private rates per CPU second ` +
  `${spreads(perCpuSecond(updateCpu.private))}; wall rates ${spreads(updateRates.private)}). ` +
  lostNote() +
  `Load average ${loadBefore} before, ${loadAfter()} after.\n\n` +
  table(
    ["cold start phases (ms, median)", "import", "open session + connect", "getMe"],
    phaseRows,
  ) +
  "\n\nWhere the cold start goes. Import: most of irenogram's is loading the generated TL " +
  "readers and writers (~1.3 MB of JavaScript, shipped as .js so that Deno takes them from its " +
  "code cache) and the ~900 RPC error classes, then ~100 small modules. Open + connect: " +
  "irenogram takes the lock file, judges the session file on a read-only connection (an " +
  "`immutable` one on node:sqlite and bun:sqlite, an in-memory copy of the file's bytes on " +
  "better-sqlite3; the integrity check only for small or unclean files), opens it, compiles " +
  "the WASM core (~120 KB) and connects (on Deno without loading Node compatibility: files " +
  "through Deno's own API, node:sqlite by dynamic import; node:crypto comes 300 ms after the " +
  "start on Deno and Bun); nothing waits for a round trip " +
  "(initConnection rides on getMe, help.getConfig is not asked when the DC's address is known). " +
  "mtcute opens native SQLite and also sends initConnection with its first request; GramJS lists " +
  "and stats its session folder (one file per peer) and waits for initConnection. getMe: one " +
  "round trip each (irenogram's carries initConnection; the user it returns is read from " +
  "the session, not written again when stored unchanged within the hour). Stopping is in every in-process " +
  "figure.\n";
console.log(`client on ${runtimeName()}\n${markdown}`);
// BENCH_SENDS=0 (a cold-start-only run while investigating) leaves bench/README.md alone.
if (SENDS > 0) writeSection("client", markdown);
process.exit(0);
