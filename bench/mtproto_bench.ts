/**
 * The MTProto layer against mtcute (@mtcute/node) and GramJS (telegram), all three talking to
 * the same TestServer (its own process, so that its work does not land on the clients' event
 * loop): key-exchange time, small RPCs (help.getNearestDc) one at a time and 1,000 in flight,
 * memory per idle connection, and where irenogram's time per request goes.
 *
 * Transports: irenogram and mtcute on intermediate (mtcute's default), GramJS on abridged (it has
 * no plain intermediate; abridged is its cheapest).
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
const SEQUENTIAL = quick ? 100 : 400;
const IN_FLIGHT = 1000;
const ROUNDS = quick ? 2 : 5;
const HANDSHAKES = quick ? 2 : 5;
const IDLE = 20;

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
const info: { dcs: { id: number; host: string; port: number }[]; pem: string } = await new Promise(
  (resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", (l) => resolve(JSON.parse(l)));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  },
);
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

// ---- measurements, interleaved by round so that machine load falls on all alike ----

const handshake: Record<Name, number[]> = { irenogram: [], mtcute: [], GramJS: [] };
const sequential: Record<Name, number[]> = { irenogram: [], mtcute: [], GramJS: [] };
const inFlight: Record<Name, number[]> = { irenogram: [], mtcute: [], GramJS: [] };
/** CPU time of this (client) process per request, µs: the client's own cost, without the server's. */
const cpuSequential: Record<Name, number[]> = { irenogram: [], mtcute: [], GramJS: [] };
const cpuInFlight: Record<Name, number[]> = { irenogram: [], mtcute: [], GramJS: [] };
const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

const live = Object.fromEntries(names.map((n) => [n, peers[n]()])) as Record<Name, Peer>;
for (const n of names) {
  if (process.env.BENCH_DEBUG) console.error("connecting", n);
  await live[n].connect();
  if (process.env.BENCH_DEBUG) console.error("connected", n, await live[n].call());
  // Warm-up (JIT on both sides): sequential calls and a few full bursts.
  for (let i = 0; i < SEQUENTIAL; i++) await live[n].call();
  for (let i = 0; i < 3; i++) {
    await Promise.all(Array.from({ length: IN_FLIGHT }, () => live[n].call()));
  }
}

for (let round = 0; round < Math.max(ROUNDS, HANDSHAKES); round++) {
  for (const n of names) {
    if (round < HANDSHAKES) {
      const p = peers[n]();
      const t0 = performance.now();
      await p.connect();
      await p.call();
      handshake[n].push(performance.now() - t0);
      await p.close();
    }
    if (round < ROUNDS) {
      let t0 = performance.now(), c0 = cpu();
      for (let i = 0; i < SEQUENTIAL; i++) await live[n].call();
      sequential[n].push(SEQUENTIAL / ((performance.now() - t0) / 1000));
      cpuSequential[n].push((cpu() - c0) / SEQUENTIAL);
      t0 = performance.now(), c0 = cpu();
      await Promise.all(Array.from({ length: IN_FLIGHT }, () => live[n].call()));
      inFlight[n].push(IN_FLIGHT / ((performance.now() - t0) / 1000));
      cpuInFlight[n].push((cpu() - c0) / IN_FLIGHT);
    }
  }
}
for (const n of names) await live[n].close();

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
async function idleMemory(make: () => Peer): Promise<number> {
  for (let i = 0; i < 3; i++) gc();
  await new Promise((ok) => setTimeout(ok, 100));
  gc();
  const before = process.memoryUsage().heapUsed;
  const clients: Peer[] = [];
  for (let i = 0; i < IDLE; i++) {
    const p = make();
    await p.connect();
    clients.push(p);
  }
  await new Promise((ok) => setTimeout(ok, 200));
  for (let i = 0; i < 3; i++) gc();
  const after = process.memoryUsage().heapUsed;
  for (const p of clients) await p.close();
  return (after - before) / IDLE / 1024;
}
const memory = {} as Record<Name, number>;
for (const n of names) memory[n] = await idleMemory(peers[n]);

child.stdin!.end();

// ---- where irenogram's time per request goes (1,000 requests in one container) ----

function perCall(fn: () => void, n: number): number {
  for (let i = 0; i < 20; i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) fn();
    samples.push((performance.now() - t0) / 3 / n * 1000); // µs per request
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
const serverFrame = serverSide.replyEncoder().encode(sealedIn);
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
const totalUs = 1e6 / median(inFlight.irenogram);
const accounted = Object.values(costs).reduce((a, b) => a + b, 0);

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
  `Medians of ${ROUNDS} interleaved rounds (${HANDSHAKES} key exchanges each); TestServer in a ` +
  `child process of the same runtime; irenogram and mtcute on intermediate, GramJS on abridged. ` +
  `Ratios: how many times better irenogram is (higher throughput, lower time or memory).`,
  "",
  `Where irenogram's ${fmt(totalUs)} µs per request (1,000 in flight) go, each part measured ` +
  `alone on the same sizes:`,
  "",
  table(["part", "per request", "share"], where),
].join("\n");
console.log(`## mtproto on ${runtimeName()}\n\n${markdown}`);
if (!quick) writeSection("mtproto", markdown);
process.exit(0);
