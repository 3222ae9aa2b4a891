/**
 * The MTProto layer against mtcute (@mtcute/node) and GramJS (telegram), all three talking to
 * the same TestServer (its own process, so that its work does not land on the clients' event
 * loop): key-exchange time, small RPCs (help.getNearestDc) one at a time and 1,000 in flight,
 * memory per idle connection, and where irenogram's time per request goes.
 *
 * Transports: irenogram and mtcute on intermediate (mtcute's default), GramJS on abridged (it has
 * no plain intermediate; abridged is its cheapest).
 *
 * Environment: `BENCH_QUICK=1` (fewer rounds and calls; bench/README.md is left alone),
 * `MTPROTO_BENCH_SERVER=deno|bun` (the TestServer on another runtime), `BENCH_DEBUG=1` (progress
 * on stderr), `MTPROTO_BENCH_PHASE_MS` (default 120000: a phase — a client's connect, warm-up,
 * block of calls, burst, close — not done by then ends the run with exit code 3 and a message
 * naming the client and the phase, instead of hanging).
 */
import process from "node:process";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { createPublicKey } from "node:crypto";
import v8 from "node:v8";
import vm from "node:vm";
import { Buffer } from "node:buffer";
import bigInt from "big-integer";
import { Logger as GramLogger, LogLevel } from "telegram/extensions/Logger.js";
import { _serverKeys } from "telegram/crypto/RSA.js";
import { type Connection, ConnectionTCPAbridged } from "telegram/network/index.js";
import { MemoryStorage, TcpTransport, TelegramClient as MtcuteClient } from "@mtcute/node";
import { addPublicKey } from "@mtcute/core/utils.js";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import {
  acceptTransport,
  createTransport,
  initCore,
  openMessage,
  sealMessage,
} from "../core/mod.ts";
import { deserialize, readResult, serialize } from "../tl/mod.ts";
import { type AuthKeyStore, Logger, MtprotoClient, parseRsaPublicKey } from "../mtproto/mod.ts";
import { ACK_BATCH } from "../mtproto/session.ts";
import { connectTcp } from "../runtime/tcp.ts";
import { IrenogramError } from "../errors.ts";
import { fmt, runtimeName, table, writeSection } from "./report.ts";

// GramJS's require cycle resolves on Bun only when Memory.js loads before the package root, on
// Deno only the other way round.
const gramMemoryFirst = (globalThis as { Bun?: unknown }).Bun
  ? await import("telegram/sessions/Memory.js")
  : undefined;
const { Api, TelegramClient: GramClient } = await import("telegram");
const { MemorySession } = gramMemoryFirst ?? await import("telegram/sessions/Memory.js");

const API_ID = 611335, API_HASH = "0123456789abcdef0123456789abcdef";
const quick = process.env.BENCH_QUICK === "1";
const SEQUENTIAL = quick ? 100 : 500; // a multiple of BLOCK
/**
 * One-at-a-time calls each client makes before anything is measured: Node's JIT takes about two
 * thousand of them to reach its steady state on this path (measured: a client's CPU per call
 * halves between the first and the third thousand), and a long-running client lives there.
 */
const WARM_UP = quick ? 100 : 2000;
const IN_FLIGHT = 1000;
/** Bursts of IN_FLIGHT calls per client and round. */
const BURSTS = quick ? 1 : 5;
const ROUNDS = quick ? 2 : 7;
const HANDSHAKES = quick ? 2 : 5;
const IDLE = 20;
const PHASE_MS = Number(process.env.MTPROTO_BENCH_PHASE_MS ?? 120_000);

/** A phase of the run that did not finish in time (what hung, not a timing result). */
class BenchTimeout extends IrenogramError {
  declare readonly code: "BENCH_TIMEOUT";
  constructor(label: string, ms: number) {
    super("BENCH_TIMEOUT", `mtproto bench: ${label} did not finish within ${ms} ms`);
  }
}

/**
 * Runs one phase (`label` names the client and what it was doing) under a watchdog: one timer
 * per phase, not per call, so that the calls measured carry none. A hung phase cannot be
 * unblocked from outside, so the watchdog reports it, stops the server and exits.
 */
async function phase<T>(label: string, run: () => Promise<T>): Promise<T> {
  const timer = setTimeout(() => {
    console.error(new BenchTimeout(label, PHASE_MS).message);
    child.kill();
    process.exit(3);
  }, PHASE_MS);
  try {
    return await run();
  } finally {
    clearTimeout(timer);
  }
}

// ---- the server, in a child process of the same runtime ----

function childCommand(): [string, string[]] {
  const here = new URL(".", import.meta.url);
  const ext = import.meta.url.endsWith(".js") ? ".js" : ".ts";
  const script = new URL(`mtproto_server_child${ext}`, here).pathname;
  const g = globalThis as { Deno?: unknown };
  // MTPROTO_BENCH_SERVER=deno|bun: run the server elsewhere (to see which side bounds a row).
  const other = process.env.MTPROTO_BENCH_SERVER;
  if (other === "deno") return ["npx", ["deno", "run", "-A", script]];
  if (other === "bun") return ["npx", ["bun", script]];
  return g.Deno ? [process.execPath, ["run", "-A", script]] : [process.execPath, [script]];
}

const [cmd, args] = childCommand();
const child = spawn(cmd, args, { stdio: ["pipe", "pipe", "inherit"] });
const childLines: ((line: string) => void)[] = [];
createInterface({ input: child.stdout! }).on("line", (l) => childLines.shift()?.(l));
const info: {
  dcs: { id: number; host: string; port: number }[];
  pem: string;
  echoPort: number;
} = await phase("server: start", () =>
  new Promise((resolve, reject) => {
    childLines.push((l) => resolve(JSON.parse(l)));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  }));
/** The server process's CPU time so far, µs (it answers a `cpu` line on its stdin). */
function serverCpu(): Promise<number> {
  return new Promise((resolve) => {
    childLines.push((l) => resolve(Number(l)));
    child.stdin!.write("cpu\n");
  });
}
const dc2 = info.dcs.find((d) => d.id === 2)!;

await initCore();

// ---- the three clients behind one small interface ----

interface Peer {
  connect(): Promise<void>;
  call(): Promise<unknown>;
  close(): Promise<void>;
}

function memoryKeys(): AuthKeyStore {
  const map = new Map<number, Uint8Array | null>();
  return {
    getAuthKey: (dc) => Promise.resolve(map.get(dc) ?? null),
    setAuthKey: (dc, key) => (map.set(dc, key), Promise.resolve()),
  };
}

function ours(): Peer {
  const client = new MtprotoClient({
    apiId: API_ID,
    dcOptions: info.dcs,
    publicKeys: [info.pem],
    keys: memoryKeys(),
    transport: "intermediate",
    logger: new Logger("silent"),
  });
  return {
    connect: () => client.connect(2),
    call: () => client.invoke({ _: "help.getNearestDc" }),
    close: () => client.close(),
  };
}

const mtcuteCrypto = new NodeCryptoProvider();
await mtcuteCrypto.initialize?.();
addPublicKey(mtcuteCrypto, info.pem);

function mtcute(): Peer {
  const option = { id: 2, ipAddress: dc2.host, port: dc2.port };
  const client = new MtcuteClient({
    apiId: API_ID,
    apiHash: API_HASH,
    storage: new MemoryStorage(),
    defaultDcs: { main: option, media: option },
    transport: new TcpTransport(),
    logLevel: 0,
  });
  return {
    connect: () => client.connect(),
    call: () => client.call({ _: "help.getNearestDc" }),
    close: () => client.destroy(),
  };
}

// GramJS keeps its trusted keys in one map, by fingerprint, and always dials port 80/443: its
// connection class is subclassed to dial the DC's port.
{
  const jwk = createPublicKey(info.pem).export({ format: "jwk" });
  const n = BigInt("0x" + Buffer.from(jwk.n!, "base64url").toString("hex"));
  const fingerprint = parseRsaPublicKey(info.pem).fingerprint;
  _serverKeys.set(BigInt.asIntN(64, fingerprint).toString(), { n: bigInt(n.toString()), e: 65537 });
}
const GramConnection = class extends ConnectionTCPAbridged {
  constructor(o: ConstructorParameters<typeof Connection>[0]) {
    super({ ...o, port: dc2.port });
  }
};

function gramjs(): Peer {
  const session = new MemorySession();
  session.setDC(2, dc2.host, dc2.port);
  const client = new GramClient(session, API_ID, API_HASH, {
    connection: GramConnection,
    connectionRetries: 1,
    autoReconnect: false,
    baseLogger: new GramLogger(LogLevel.NONE),
  });
  return {
    connect: () => client.connect().then(() => {}),
    call: () => client.invoke(new Api.help.GetNearestDc()),
    close: () => client.destroy(),
  };
}

const peers = { irenogram: ours, mtcute, GramJS: gramjs } as const;
type Name = keyof typeof peers;
const names = Object.keys(peers) as Name[];

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1];
}

/** The median over rounds of irenogram's one-at-a-time rate over `n`'s in the same round. */
function roundRatio(n: Name): number {
  return median(sequential.irenogram.map((r, i) => r / sequential[n][i]));
}

function range(xs: number[]): string {
  return `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;
}

// ---- measurements, interleaved by round so that machine load falls on all alike ----

const handshake: Record<Name, number[]> = { irenogram: [], mtcute: [], GramJS: [] };
const sequential: Record<Name, number[]> = { irenogram: [], mtcute: [], GramJS: [] };
const inFlight: Record<Name, number[]> = { irenogram: [], mtcute: [], GramJS: [] };
/** CPU time of this (client) process per request, µs: the client's own cost, without the server's. */
const cpuSequential: Record<Name, number[]> = { irenogram: [], mtcute: [], GramJS: [] };
const cpuInFlight: Record<Name, number[]> = { irenogram: [], mtcute: [], GramJS: [] };
/** The server process's CPU time per request one at a time, µs: the same code for all three. */
const serverSequential: Record<Name, number[]> = { irenogram: [], mtcute: [], GramJS: [] };
/** A bare round trip through runtime/tcp.ts to the server process's echo socket, one at a time. */
const echoRate: number[] = [], echoCpu: number[] = [];
const ECHO_BYTES = 200; // about one small RPC's frame
let wakeEcho: (() => void) | undefined;
const echo = await connectTcp({ host: "127.0.0.1", port: info.echoPort }, {
  onData: () => {
    const w = wakeEcho;
    wakeEcho = undefined;
    w?.();
  },
  onClose: () => {},
});
const echoOnce = () =>
  new Promise<void>((ok) => {
    wakeEcho = ok;
    echo.write(new Uint8Array(ECHO_BYTES));
  });
await phase("echo: warm-up", async () => {
  for (let i = 0; i < WARM_UP; i++) await echoOnce();
});
const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

const live = Object.fromEntries(names.map((n) => [n, peers[n]()])) as Record<Name, Peer>;
for (const n of names) {
  if (process.env.BENCH_DEBUG) console.error("connecting", n);
  await phase(`${n}: connect`, () => live[n].connect());
  if (process.env.BENCH_DEBUG) {
    console.error("connected", n, await phase(`${n}: first call`, () => live[n].call()));
  }
  // Warm-up (JIT on both sides): sequential calls and a few full bursts.
  await phase(`${n}: warm-up, one at a time`, async () => {
    for (let i = 0; i < WARM_UP; i++) await live[n].call();
  });
  for (let i = 0; i < 3; i++) {
    await phase(
      `${n}: warm-up burst ${i + 1} of ${IN_FLIGHT} in flight`,
      () => Promise.all(Array.from({ length: IN_FLIGHT }, () => live[n].call())),
    );
  }
}

/** `xs` rotated left by `k`. */
function rotated<T>(xs: readonly T[], k: number): T[] {
  const i = k % xs.length;
  return [...xs.slice(i), ...xs.slice(0, i)];
}

/** Perfect interleaving is impossible; blocks this small let a burst of load land on all alike. */
const BLOCK = 25;
for (let round = 0; round < Math.max(ROUNDS, HANDSHAKES); round++) {
  for (const n of names) {
    if (round < HANDSHAKES) {
      const p = peers[n]();
      const t0 = performance.now();
      await phase(`${n}: key exchange + first call, round ${round + 1}`, async () => {
        await p.connect();
        await p.call();
      });
      handshake[n].push(performance.now() - t0);
      await phase(`${n}: close after the key exchange, round ${round + 1}`, () => p.close());
    }
  }
  if (round >= ROUNDS) continue;
  // One at a time: blocks of BLOCK calls, client after client (and the bare echo), so that the
  // machine's load changes fall on every client of the round alike.
  const time = { irenogram: 0, mtcute: 0, GramJS: 0, echo: 0 };
  const own = { irenogram: 0, mtcute: 0, GramJS: 0, echo: 0 };
  const served = { irenogram: 0, mtcute: 0, GramJS: 0, echo: 0 };
  let s0 = await phase("server: CPU query", serverCpu);
  for (let b = 0; b < SEQUENTIAL / BLOCK; b++) {
    // The order rotates from block to block: whoever runs right after another client inherits
    // its garbage (a collection due) and its cooled caches, so no client always follows the same.
    for (const n of rotated([...names, "echo" as const], b + round)) {
      const label = `${n}: one at a time, block ${b + 1}, round ${round + 1}`;
      const t0 = performance.now(), c0 = cpu();
      await phase(label, async () => {
        if (n === "echo") { for (let i = 0; i < BLOCK; i++) await echoOnce(); }
        else for (let i = 0; i < BLOCK; i++) await live[n].call();
      });
      time[n] += performance.now() - t0;
      own[n] += cpu() - c0;
      const s1 = await phase("server: CPU query", serverCpu);
      served[n] += s1 - s0;
      s0 = s1;
    }
  }
  for (const n of names) {
    sequential[n].push(SEQUENTIAL / (time[n] / 1000));
    cpuSequential[n].push(own[n] / SEQUENTIAL);
    serverSequential[n].push(served[n] / SEQUENTIAL);
  }
  echoRate.push(SEQUENTIAL / (time.echo / 1000));
  echoCpu.push(own.echo / SEQUENTIAL);
  // BURSTS bursts of each client per round, in rotating order (a burst lasts a few ms: one per
  // round left the median at the mercy of whichever process the machine ran meanwhile).
  for (let burst = 0; burst < BURSTS; burst++) {
    for (const n of rotated(names, burst + round)) {
      const t0 = performance.now(), c0 = cpu();
      await phase(
        `${n}: ${IN_FLIGHT} in flight, round ${round + 1}, burst ${burst + 1}`,
        () => Promise.all(Array.from({ length: IN_FLIGHT }, () => live[n].call())),
      );
      inFlight[n].push(IN_FLIGHT / ((performance.now() - t0) / 1000));
      cpuInFlight[n].push((cpu() - c0) / IN_FLIGHT);
    }
  }
}
echo.close();
for (const n of names) await phase(`${n}: close`, () => live[n].close());

/** A full garbage collection where the runtime allows one (Bun.gc, or V8's exposed gc). */
const gc: () => void = (() => {
  const bun = (globalThis as { Bun?: { gc(sync: boolean): void } }).Bun;
  if (bun) return () => bun.gc(true);
  try {
    v8.setFlagsFromString("--expose-gc");
    const f = vm.runInNewContext("gc") as () => void;
    return () => f();
  } catch {
    return () => {};
  }
})();

// Memory per idle connection: heap growth over IDLE connected clients of each.
async function idleMemory(name: Name, make: () => Peer): Promise<number> {
  for (let i = 0; i < 3; i++) gc();
  await new Promise((ok) => setTimeout(ok, 100));
  gc();
  const before = process.memoryUsage().heapUsed;
  const clients: Peer[] = [];
  for (let i = 0; i < IDLE; i++) {
    const p = make();
    await phase(`${name}: idle connection ${i + 1} of ${IDLE}`, () => p.connect());
    clients.push(p);
  }
  await new Promise((ok) => setTimeout(ok, 200));
  for (let i = 0; i < 3; i++) gc();
  const after = process.memoryUsage().heapUsed;
  await phase(`${name}: closing the idle connections`, async () => {
    for (const p of clients) await p.close();
  });
  return (after - before) / IDLE / 1024;
}
const memory = {} as Record<Name, number>;
for (const n of names) memory[n] = await idleMemory(n, peers[n]);

child.stdin!.end();

// ---- where irenogram's time per request goes (1,000 requests in one container) ----

/**
 * CPU time (µs) per request of `fn` doing `n` requests' work: CPU, not wall time, so that the
 * parts add up against the CPU measured over the rounds whatever else loads the machine.
 */
function perCall(fn: () => void, n: number): number {
  for (let i = 0; i < 20; i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < 7; r++) {
    const c0 = cpu();
    for (let i = 0; i < 3; i++) fn();
    samples.push((cpu() - c0) / 3 / n);
  }
  return median(samples);
}
const authKey = crypto.getRandomValues(new Uint8Array(256));
const request = serialize({ _: "help.getNearestDc" });
const answer = serialize({ _: "nearestDc", country: "XX", thisDc: 2, nearestDc: 2 });
const container = new Uint8Array(32 + 8 + IN_FLIGHT * (16 + request.length));
const reply = new Uint8Array(32 + 8 + IN_FLIGHT * (16 + 12 + answer.length));
for (const inner of [container, reply]) {
  new DataView(inner.buffer).setInt32(28, inner.length - 32, true);
}
const fn = { _: "help.getNearestDc" } as const;
const sealedOut = sealMessage(authKey, container, "client");
const sealedIn = sealMessage(authKey, reply, "server");
// A client transport and one server frame (intermediate keeps no state between frames).
const framing = createTransport("intermediate");
const serverSide = acceptTransport();
serverSide.push(framing.init);
const replies = serverSide.replyEncoder();
const serverFrame = replies.encode(sealedIn);
const costs = {
  "TL (serialise request, read rpc_result)": perCall(() => {
    for (let i = 0; i < IN_FLIGHT; i++) {
      serialize(fn);
      readResult(fn, answer);
    }
  }, IN_FLIGHT),
  "TL (deserialise the reply container)": 0,
  "crypto (seal out + open in)": perCall(() => {
    sealMessage(authKey, container, "client");
    openMessage(authKey, sealedIn, "server");
  }, IN_FLIGHT),
  "framing (encode + decode)": perCall(() => {
    framing.encoder.encode(sealedOut);
    framing.decoder.push(serverFrame);
  }, IN_FLIGHT),
};
{
  // The reply container as the session reads it (one deserialize for all answers).
  const body = new Uint8Array(8 + IN_FLIGHT * (16 + 12 + answer.length));
  const v = new DataView(body.buffer);
  v.setUint32(0, 0x73f1f8dc, true);
  v.setUint32(4, IN_FLIGHT, true);
  let p = 8;
  for (let i = 0; i < IN_FLIGHT; i++) {
    v.setBigInt64(p, BigInt(i * 4 + 1), true);
    v.setInt32(p + 8, 1, true);
    v.setInt32(p + 12, 12 + answer.length, true);
    v.setUint32(p + 16, 0xf35c6d01, true);
    v.setBigInt64(p + 20, BigInt(i * 4), true);
    body.set(answer, p + 28);
    p += 28 + answer.length;
  }
  costs["TL (deserialise the reply container)"] = perCall(() => void deserialize(body), IN_FLIGHT);
}
const totalUs = median(cpuInFlight.irenogram);
const accounted = Object.values(costs).reduce((a, b) => a + b, 0);

// ---- where one request's round trip goes, one at a time ----
// The client's parts measured alone on one request's sizes: the request alone (acks go in bulk,
// one msgs_ack per ACK_BATCH answers, riding on a request: its share is counted per request), one
// rpc_result back, read in place (the session's fast path: the result's bytes to readResult).
const ackBatch = Array.from({ length: ACK_BATCH }, (_, i) => BigInt(i * 4 + 1));
const oneOut = new Uint8Array(32 + request.length);
const oneIn = new Uint8Array(32 + 12 + answer.length);
new DataView(oneOut.buffer).setInt32(28, oneOut.length - 32, true);
new DataView(oneIn.buffer).setInt32(28, oneIn.length - 32, true);
const oneSealedOut = sealMessage(authKey, oneOut, "client");
const oneSealedIn = sealMessage(authKey, oneIn, "server");
const oneFrame = replies.encode(oneSealedIn);
const ONE = 200;
const single = {
  tl: perCall(() => {
    for (let i = 0; i < ONE; i++) {
      serialize(fn);
      if (i % ACK_BATCH === 0) serialize({ _: "msgs_ack", msgIds: ackBatch });
      readResult(fn, answer);
    }
  }, ONE),
  crypto: perCall(() => {
    for (let i = 0; i < ONE; i++) {
      sealMessage(authKey, oneOut, "client");
      openMessage(authKey, oneSealedIn, "server");
    }
  }, ONE),
  framing: perCall(() => {
    for (let i = 0; i < ONE; i++) {
      framing.encoder.encode(oneSealedOut);
      framing.decoder.push(oneFrame);
    }
  }, ONE),
};
const roundTrip = 1e6 / median(sequential.irenogram);
const clientCpu = median(cpuSequential.irenogram), serverCpuUs = median(serverSequential.irenogram);
const echoClient = median(echoCpu);
const clientParts = single.tl + single.crypto + single.framing + echoClient;
const share = (us: number) => [`${fmt(us)} µs`, `${fmt((us / roundTrip) * 100)}%`];
/** What 2× mtcute one at a time asks of this client, against what it cannot shed. */
function floorNote(): string {
  const target = 1e6 / median(sequential.mtcute) / 2;
  const floor = serverCpuUs + 1e6 / median(echoRate);
  const left = target - floor;
  // The echo's round trip holds the echo's own client CPU: what the budget is for is this
  // client's CPU beyond it, of which crypto, TL and framing (measured alone) cannot be shed.
  const beyond = clientCpu - echoClient, fixed = single.tl + single.crypto + single.framing;
  return `2× mtcute one at a time means a round trip of at most ${fmt(target)} µs here. The ` +
    `server's CPU for one request and a bare echo round trip already take ${fmt(floor)} µs, ` +
    (left > 0
      ? `which leaves ${fmt(left)} µs for this client's CPU beyond a bare echo's`
      : `more than that, whatever this client spends beyond a bare echo's CPU`) +
    ` (it spends ${fmt(beyond)} µs beyond it, ${fmt(clientCpu)} µs in all; its crypto, TL and ` +
    `framing alone take ${fmt(fixed)} µs).`;
}
const oneAtATime = [
  [
    "client: TL (serialise request and its share of a bulk ack, read the answer)",
    ...share(single.tl),
  ],
  ["client: crypto (seal request, open answer)", ...share(single.crypto)],
  ["client: framing (encode + decode)", ...share(single.framing)],
  ["client: socket write + wake-up (a bare echo's client CPU)", ...share(echoClient)],
  [
    "client: session bookkeeping, promises, event loop (the rest of its CPU)",
    ...share(Math.max(0, clientCpu - clientParts)),
  ],
  [
    "server process CPU (TestServer; its share depends on what the client sends)",
    ...share(serverCpuUs),
  ],
  [
    "neither process on a CPU (kernel hand-offs, wake-up latency, other load)",
    ...share(Math.max(0, roundTrip - clientCpu - serverCpuUs)),
  ],
];

// ---- report ----

const rows: (string | number)[][] = [];
const ratio = (n: Name, pick: (n: Name) => number, higherBetter: boolean) =>
  higherBetter ? pick("irenogram") / pick(n) : pick(n) / pick("irenogram");
const row = (label: string, pick: (n: Name) => number, unit: string, higherBetter: boolean) =>
  rows.push([
    label,
    ...names.map((n) => `${fmt(pick(n))} ${unit}`),
    `${fmt(ratio("mtcute", pick, higherBetter))}×`,
    `${fmt(ratio("GramJS", pick, higherBetter))}×`,
  ]);
row("key exchange + first RPC", (n) => median(handshake[n]), "ms", false);
row(`help.getNearestDc one at a time`, (n) => median(sequential[n]), "RPC/s", true);
row(`help.getNearestDc, ${IN_FLIGHT} in flight`, (n) => median(inFlight[n]), "RPC/s", true);
row("client CPU per request, one at a time", (n) => median(cpuSequential[n]), "µs", false);
row(`client CPU per request, ${IN_FLIGHT} in flight`, (n) => median(cpuInFlight[n]), "µs", false);
row("server CPU per request, one at a time", (n) => median(serverSequential[n]), "µs", false);
row(`heap per idle connection (${IDLE} clients)`, (n) => memory[n], "KiB", false);

const where = Object.entries(costs).map((
  [k, us],
) => [k, `${fmt(us)} µs`, `${fmt((us / totalUs) * 100)}%`]);
where.push([
  "socket, event loop, session bookkeeping (the rest)",
  `${fmt(Math.max(0, totalUs - accounted))} µs`,
  `${fmt((Math.max(0, totalUs - accounted) / totalUs) * 100)}%`,
]);

const markdown = [
  table(
    ["measure", "irenogram", "mtcute", "GramJS", "irenogram vs mtcute", "vs GramJS"],
    rows,
  ),
  "",
  `Medians of ${ROUNDS} interleaved rounds (${HANDSHAKES} key exchanges each; ${SEQUENTIAL} ` +
  `one-at-a-time calls per round after ${WARM_UP} of warm-up each, in blocks of ${BLOCK} whose ` +
  `order rotates; ${BURSTS} bursts of ${IN_FLIGHT} per client and round, likewise rotated); ` +
  `TestServer in a ` +
  `child process of the same runtime; irenogram and mtcute on intermediate, GramJS on abridged. ` +
  `Ratios: how many times better irenogram is (higher throughput, lower time or memory). ` +
  `One at a time, rounds ranged (min–max): irenogram ${range(sequential.irenogram)}, mtcute ` +
  `${range(sequential.mtcute)}, GramJS ${range(sequential.GramJS)} RPC/s; the median of the ` +
  `rounds' own ratios is ${fmt(roundRatio("mtcute"))}× mtcute and ` +
  `${fmt(roundRatio("GramJS"))}× GramJS.`,
  "",
  `Where one of irenogram's round trips goes, one at a time (${fmt(roundTrip)} µs; a bare ` +
  `${ECHO_BYTES}-byte echo through runtime/tcp.ts to the server process takes ` +
  `${fmt(1e6 / median(echoRate))} µs, ${fmt(median(echoRate))} round trips/s). Client parts ` +
  `measured alone (CPU time) on one request's sizes; client and server CPU (every thread of ` +
  `each process) measured over the rounds:`,
  "",
  table(["part", "per request", "share"], oneAtATime),
  "",
  floorNote(),
  "",
  `Where irenogram's ${fmt(totalUs)} µs of client CPU per request (1,000 in flight) go, each ` +
  `part's CPU time measured alone on the same sizes:`,
  "",
  table(["part", "per request", "share"], where),
].join("\n");
console.log(`## mtproto on ${runtimeName()}\n\n${markdown}`);
if (!quick) writeSection("mtproto", markdown);
process.exit(0);
