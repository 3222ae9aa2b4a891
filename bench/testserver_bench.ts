/**
 * The TestServer's cost, so that a client benchmark run against it measures the client: auth-key
 * exchanges and small RPCs (help.getConfig) per second with 1, 10 and 100 concurrent
 * connections, messages pushed to a connected user (private chat and basic group) and the
 * server's work per message, memory per idle connection, and the server's share of a round
 * trip made by mtcute and by GramJS in the same run (server share = the server's own busy
 * time, measured inside it, / the client's whole round trip; client and server share this one
 * thread).
 *
 *   deno run -A bench/testserver_bench.ts · bun bench/testserver_bench.ts · node npm/bench/testserver_bench.js
 */
import process from "node:process";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import {
  BaseTelegramClient,
  IntermediatePacketCodec,
  type IPacketCodec,
  MemoryStorage,
  ObfuscatedPacketCodec,
  TcpTransport,
  type TelegramTransport,
} from "@mtcute/node";
import { addPublicKey, type BasicDcOption } from "@mtcute/core/utils.js";
import { Api, TelegramClient } from "telegram";
// Not sessions/Memory.js: entered first, GramJS's CommonJS cycle fails to load under Bun (see
// testing/server/gramjs_test.ts).
import { MemorySession } from "telegram/sessions/index.js";
import { Logger, LogLevel } from "telegram/extensions/Logger.js";
import { ConnectionTCPFull } from "telegram/network/index.js";
import { TestServer, type TestWorld } from "../testing/mod.ts";
import {
  RawConnection,
  RawSession,
  runHandshake,
  type ServerMessage,
} from "../tests/testserver_client.ts";
import { dialingServer, mtcuteDcs, trustInGramjs } from "../tests/test_support/peer_clients.ts";
import { fmt, table, writeSection } from "./report.ts";

const server = await TestServer.start({ maxConnections: 100_000 });
const dc = server.dcs[1];
const pem = server.publicKeys[0].pem;
const rows: string[][] = [];

function row(cells: string[]) {
  rows.push(cells);
  console.log(cells.join(" | "));
}

/** Runs `fn` `total` times with `concurrency` workers; returns ops/s and server ms per op. */
async function load(total: number, concurrency: number, fn: (worker: number) => Promise<void>) {
  const before = server.stats().busyMs;
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (next < total) {
        next++;
        await fn(w);
      }
    }),
  );
  const wall = performance.now() - t0;
  return { perSecond: total / (wall / 1000), serverMs: (server.stats().busyMs - before) / total };
}

async function handshake(): Promise<RawSession> {
  const conn = await RawConnection.open(dc.host, dc.port, { kind: "intermediate", dcId: 2 });
  const hs = await runHandshake(conn, { pem, dcId: 2, timeoutMs: 60_000 });
  if (hs.authKey.length !== 256) throw new Error(`handshake failed: ${JSON.stringify(hs.answer)}`);
  return new RawSession(conn, hs.authKey, hs.salt);
}

const isResult = (id: bigint) => (m: ServerMessage) =>
  m.body._ === "rpc_result" && m.body.reqMsgId === id;

async function rpc(s: RawSession): Promise<void> {
  const id = s.send({ _: "help.getConfig" });
  const { found } = await s.until(isResult(id));
  if (!found) throw new Error("no answer");
}

// ---- handshakes ------------------------------------------------------------------------------
// Warm-up: the first exchange builds the native DiffieHellman of the prime (a primality test).
for (let i = 0; i < 3; i++) (await handshake()).conn.close();
for (const c of [1, 10, 100]) {
  const total = c === 1 ? 20 : c === 10 ? 40 : 100;
  const r = await load(total, c, async () => (await handshake()).conn.close());
  row([`auth-key exchanges, ${c} at once`, `${fmt(r.perSecond)}/s`, `${fmt(r.serverMs)} ms`]);
}

// ---- small RPCs ------------------------------------------------------------------------------
for (const c of [1, 10, 100]) {
  const sessions = await Promise.all(Array.from({ length: c }, () => handshake()));
  for (const s of sessions) await rpc(s);
  const r = await load(c === 1 ? 500 : 2000, c, (w) => rpc(sessions[w]));
  row([
    `help.getConfig, ${c} connections`,
    `${fmt(r.perSecond)}/s`,
    `${fmt(r.serverMs * 1000)} µs`,
  ]);
  for (const s of sessions) s.conn.close();
}

// ---- pushed updates --------------------------------------------------------------------------
// The world pushes new messages to a connected user, in blocks of 500 (as bench/client_bench.ts
// does): the world's work (boxes, the update), encoding, sealing and writing, per update. The
// raw client only reads (its work is not the server's: busyMs counts the server's deliveries,
// the timed loop the world's part).
const world = server.world as TestWorld;
const pushBot = world.addBot({ username: "push_bench_bot" });
for (const [kind, phone] of [["private", "15550200001"], ["group", "15550200002"]] as const) {
  const user = world.addUser({ phone });
  const s = await handshake();
  server.seedAuthKey(2, s.authKey, user.userId);
  await rpc(s); // the session exists: pushes reach it
  // Private: updateShortMessage (the user has seen the sender after the first); a basic group:
  // updates{updateNewMessage, users, chats} every time.
  const to = kind === "private"
    ? { userId: user.userId }
    : world.createGroup({ title: "bench", creatorId: pushBot.userId, memberIds: [user.userId] });
  const PUSHES = 10_000, BLOCK = 500;
  let received = 0;
  const reading = (async () => {
    while (received < PUSHES) {
      const m = await s.next(30_000);
      if (!("body" in m)) throw new Error("the pushing connection ended");
      if (m.body._ === "updateShortMessage" || m.body._ === "updates") received++;
    }
  })();
  const b0 = server.stats().busyMs, t0 = performance.now();
  let worldMs = 0;
  for (let i = 0; i < PUSHES; i += BLOCK) {
    const w0 = performance.now();
    for (let j = 0; j < BLOCK; j++) {
      world.postMessage({ fromId: pushBot.userId, to, text: `u${i + j}` });
    }
    worldMs += performance.now() - w0;
    await new Promise((r) => setTimeout(r, 0)); // deliveries, then the sockets drain
  }
  await reading;
  const wall = performance.now() - t0, serverMs = worldMs + server.stats().busyMs - b0;
  row([
    `${PUSHES} messages pushed to a connected user (${
      kind === "private" ? "private chat: updateShortMessage" : "basic group: updates"
    })`,
    `${fmt(PUSHES / (wall / 1000))}/s`,
    `${fmt((serverMs * 1000) / PUSHES)} µs each (world ${fmt((worldMs * 1000) / PUSHES)} µs)`,
  ]);
  s.conn.close();
}

// ---- memory per idle connection --------------------------------------------------------------
/** A full collection where the runtime offers one (Bun.gc; V8's gc behind --expose-gc). */
function collect(): void {
  const bun = (globalThis as { Bun?: { gc(full: boolean): void } }).Bun;
  if (bun) return bun.gc(true);
  try {
    v8.setFlagsFromString("--expose-gc");
    (runInNewContext("gc") as () => void)();
  } catch { /* no collector: the figures carry garbage too */ }
}
collect();
await new Promise((r) => setTimeout(r, 100));
const heap0 = process.memoryUsage().heapUsed, rss0 = process.memoryUsage().rss;
const idle = [];
for (let i = 0; i < 200; i++) idle.push(await handshake());
for (const s of idle) await rpc(s);
collect();
await new Promise((r) => setTimeout(r, 100));
const heapPer = (process.memoryUsage().heapUsed - heap0) / idle.length;
const rssPer = (process.memoryUsage().rss - rss0) / idle.length;
row([
  "memory per idle connection (client and server side, after an RPC)",
  `${fmt(heapPer / 1024)} KiB heap`,
  `${fmt(rssPer / 1024)} KiB RSS`,
]);
for (const s of idle) s.conn.close();

// ---- the server's share of third-party clients' round trips ----------------------------------
class CodecTcp implements TelegramTransport {
  readonly #tcp = new TcpTransport();
  constructor(readonly packetCodec: () => IPacketCodec) {}
  connect(o: BasicDcOption) {
    return this.#tcp.connect(o);
  }
}

async function share(name: string, call: () => Promise<unknown>, total: number, c: number) {
  for (let i = 0; i < 5; i++) await call();
  const r = await load(total, c, () => call().then(() => undefined));
  // With c in flight, the time per call is 1 / throughput (the share of one thread's time).
  const roundTrip = 1000 / r.perSecond;
  row([
    `${name}: help.getConfig, ${c === 1 ? "one at a time" : `${c} in flight`}`,
    `${fmt(r.perSecond)}/s (${fmt(roundTrip * 1000)} µs each)`,
    `server ${fmt(r.serverMs * 1000)} µs = ${fmt((100 * r.serverMs) / roundTrip)}%`,
  ]);
}

const mtcute = new BaseTelegramClient({
  apiId: 1,
  apiHash: "0123456789abcdef0123456789abcdef",
  storage: new MemoryStorage(),
  defaultDcs: mtcuteDcs(dc),
  transport: new CodecTcp(() => new ObfuscatedPacketCodec(new IntermediatePacketCodec())),
  logLevel: 0,
});
addPublicKey(mtcute.crypto, pem);
{
  const t0 = performance.now(), b0 = server.stats().busyMs;
  await mtcute.call({ _: "help.getConfig" });
  const ms = performance.now() - t0, s = server.stats().busyMs - b0;
  row([
    "mtcute: connect + auth-key exchange + first call",
    `${fmt(ms)} ms`,
    `server ${fmt(s)} ms = ${fmt((100 * s) / ms)}%`,
  ]);
}
await share("mtcute", () => mtcute.call({ _: "help.getConfig" }), 500, 1);
await share("mtcute", () => mtcute.call({ _: "help.getConfig" }), 2000, 100);
await mtcute.destroy();

trustInGramjs(server.publicKeys);
const session = new MemorySession();
session.setDC(2, dc.host, dc.port);
const gram = new TelegramClient(session, 1, "0123456789abcdef0123456789abcdef", {
  connection: dialingServer(ConnectionTCPFull, server.dcs),
  connectionRetries: 1,
  autoReconnect: false,
  baseLogger: new Logger(LogLevel.NONE),
});
{
  const t0 = performance.now(), b0 = server.stats().busyMs;
  await gram.connect();
  await gram.invoke(new Api.help.GetConfig());
  const ms = performance.now() - t0, s = server.stats().busyMs - b0;
  row([
    "GramJS: connect + auth-key exchange + first call",
    `${fmt(ms)} ms`,
    `server ${fmt(s)} ms = ${fmt((100 * s) / ms)}%`,
  ]);
}
await share("GramJS", () => gram.invoke(new Api.help.GetConfig()), 300, 1);
await share("GramJS", () => gram.invoke(new Api.help.GetConfig()), 1000, 100);
await gram.destroy();

await server.stop();

writeSection(
  "TestServer",
  "Client and server in one process on one thread (127.0.0.1). Exchanges and RPCs by this " +
    "project's raw test client (tests/testserver_client.ts); server ms = the server's own " +
    "synchronous work per operation (transport, crypto, TL, world), measured inside it; a " +
    "third-party round trip's server share = that work / the client's whole round trip. " +
    "Pushed messages: the world posts 10,000 messages to a user connected with the raw client, " +
    "500 per tick; server µs per message = the world's posting (boxes, the update) plus the " +
    "server's deliveries (encoding, sealing, framing, writing), the client's reading excluded." +
    "\n\n" +
    table(["what", "rate / figure", "server"], rows),
);
process.exit(0);
