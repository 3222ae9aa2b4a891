// The session's send path one request at a time, seen on the wire through a relay that reads the
// intermediate transport with the auth key: one frame per flush in one socket write, acks riding
// on the next request (never a packet of their own while requests flow), and no timer per answer.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as net from "node:net";
import { openMessage } from "../core/mod.ts";
import { deserialize, LAYER } from "../tl/mod.ts";
import { TestServer } from "../testing/server/mod.ts";
import { type AuthKeyStore, Logger, MtprotoClient, type MtprotoOptions } from "./mod.ts";

interface Message {
  msgId: bigint;
  seqno: number;
  body: { _: string; msgIds?: bigint[]; messages?: Message[] };
}

/** What the relay saw in one direction: each socket chunk, and the messages of each frame. */
interface Direction {
  chunks: number[];
  /** `connection`: which client connection (0, 1, …) the frame went over. */
  frames: { chunk: number; connection: number; messages: Message[] }[];
}

/**
 * A relay between a client and DC 2 on the intermediate transport that records, per direction,
 * the socket chunks and the decrypted messages of every frame (plain handshake frames skipped).
 */
async function relay(server: TestServer, key: () => Uint8Array | undefined) {
  const seen = { client: { chunks: [], frames: [] }, server: { chunks: [], frames: [] } } as {
    client: Direction;
    server: Direction;
  };
  let connections = 0;
  const reader = (sender: "client" | "server", tagBytes: number, connection: number) => {
    const d = seen[sender];
    let pending = new Uint8Array(0), skip = tagBytes;
    return (chunk: Uint8Array) => {
      d.chunks.push(chunk.length);
      const all = new Uint8Array(pending.length + chunk.length);
      all.set(pending);
      all.set(chunk, pending.length);
      let at = Math.min(skip, all.length);
      skip -= at;
      while (all.length - at >= 4) {
        const len = new DataView(all.buffer, at).getUint32(0, true);
        if (all.length - at < 4 + len) break;
        const payload = all.subarray(at + 4, at + 4 + len);
        at += 4 + len;
        const k = key();
        if (k === undefined || payload.subarray(0, 8).every((b) => b === 0)) continue;
        const data = openMessage(k, payload, sender);
        const v = new DataView(data.buffer, data.byteOffset, data.length);
        const body = deserialize(data.subarray(32, 32 + v.getInt32(28, true))) as Message["body"];
        const top: Message = { msgId: v.getBigInt64(16, true), seqno: v.getInt32(24, true), body };
        d.frames.push({
          chunk: d.chunks.length - 1,
          connection,
          messages: body._ === "msg_container" ? body.messages! : [top],
        });
      }
      pending = all.slice(at);
    };
  };
  const dc = server.dcs.find((d) => d.id === 2)!;
  const sockets: net.Socket[] = [];
  const listener = net.createServer((client) => {
    const upstream = net.connect({ host: dc.host, port: dc.port });
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.push(client, upstream);
    const connection = connections++;
    const up = reader("client", 4, connection), down = reader("server", 0, connection);
    client.on("data", (c) => (upstream.write(c), up(new Uint8Array(c))));
    upstream.on("data", (c) => (client.write(c), down(new Uint8Array(c))));
    // A side that closes takes the other with it (a dropped connection reaches the client).
    for (const s of [client, upstream]) {
      s.on("error", () => {}).on("close", () => (client.destroy(), upstream.destroy()));
    }
  });
  await new Promise<void>((ok) => listener.listen(0, "127.0.0.1", ok));
  return {
    port: (listener.address() as net.AddressInfo).port,
    seen,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((ok) => listener.close(() => ok()));
    },
  };
}

/** A client of DC 2 through {@link relay}, not connected yet. */
async function relayed(server: TestServer, extra: Partial<MtprotoOptions> = {}) {
  const map = new Map<number, Uint8Array | null>();
  const keys: AuthKeyStore = {
    getAuthKey: (dc) => Promise.resolve(map.get(dc) ?? null),
    setAuthKey: (dc, k) => (map.set(dc, k), Promise.resolve()),
  };
  const wire = await relay(server, () => map.get(2) ?? undefined);
  const options = server.clientOptions();
  const client = new MtprotoClient({
    ...options,
    dcOptions: options.dcOptions.map((d) => d.id === 2 ? { ...d, port: wire.port } : d),
    keys,
    transport: "intermediate",
    logger: new Logger("silent"),
    ...extra,
  });
  return { client, wire };
}

/** A relayed client, connected and settled. */
async function connected(server: TestServer) {
  const { client, wire } = await relayed(server);
  await client.connect(2);
  await client.invoke({ _: "help.getNearestDc" }); // settles the session (new_session_created)
  // Future salts are asked after the first answer: let that exchange finish too.
  for (let i = 0; i < 300 && client.stats()[0].futureSalts === 0; i++) {
    await new Promise((ok) => setTimeout(ok, 10));
  }
  return { client, wire };
}

const CALLS = 40;

test("one at a time: each request is one frame in one socket write, carrying the previous answer's ack", async () => {
  await using server = await TestServer.start();
  const { client, wire } = await connected(server);
  try {
    const from = wire.seen.client.frames.length, chunksFrom = wire.seen.client.chunks.length;
    const answersFrom = wire.seen.server.frames.length;
    for (let i = 0; i < CALLS; i++) await client.invoke({ _: "help.getNearestDc" });
    const frames = wire.seen.client.frames.slice(from);
    // Every flush is one sealed frame, written whole: one chunk per frame on the relay.
    assert.equal(frames.length, CALLS, "one frame per request");
    assert.equal(wire.seen.client.chunks.length - chunksFrom, CALLS, "one socket write per frame");
    assert.deepEqual(frames.map((f) => f.chunk), frames.map((_, i) => chunksFrom + i));
    // The ack of each answer rides in the next request's container; none goes alone.
    const answers = wire.seen.server.frames.slice(answersFrom).flatMap((f) => f.messages);
    const contentIds = answers.filter((m) => m.seqno % 2 === 1).map((m) => m.msgId);
    assert.ok(contentIds.length >= CALLS - 1);
    for (let i = 1; i < frames.length; i++) {
      const kinds = frames[i].messages.map((m) => m.body._);
      assert.ok(
        kinds.includes("help.getNearestDc") || kinds.includes("invokeWithLayer"),
        `${kinds}`,
      );
      const acked = frames[i].messages.flatMap((m) =>
        m.body._ === "msgs_ack" ? m.body.msgIds! : []
      );
      assert.ok(acked.includes(contentIds[i - 1]), `frame ${i} does not ack answer ${i - 1}`);
    }
    for (const f of frames) {
      assert.ok(f.messages.some((m) => m.body._ !== "msgs_ack"), "a frame of acks only");
      for (const m of f.messages) {
        if (m.body._ === "msgs_ack") {
          assert.equal(m.seqno % 2, 0, "msgs_ack is not content-related");
        }
      }
    }
  } finally {
    await client.close();
    await wire.close();
  }
});

test("one at a time: answers arm no timer each (the ack timer is armed once and not churned)", async () => {
  await using server = await TestServer.start();
  const { client, wire } = await connected(server);
  const original = globalThis.setTimeout;
  let timers = 0;
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
    timers++;
    return original(...args);
  }) as typeof setTimeout;
  try {
    for (let i = 0; i < CALLS; i++) await client.invoke({ _: "help.getNearestDc" });
  } finally {
    globalThis.setTimeout = original;
  }
  try {
    assert.ok(timers <= 2, `${timers} timers for ${CALLS} requests`);
    // The acks of the last answer still leave on their own once the timer fires.
    const before = wire.seen.client.frames.length;
    await new Promise((ok) => setTimeout(ok, 800));
    const late = wire.seen.client.frames.slice(before).flatMap((f) => f.messages);
    assert.deepEqual(late.map((m) => m.body._), ["msgs_ack"]);
  } finally {
    await client.close();
    await wire.close();
  }
});

test("initConnection rides on the first request of each connection: no help.getConfig, no round trip of its own", async () => {
  await using server = await TestServer.start();
  const { client, wire } = await relayed(server, {
    initConnection: { deviceModel: "wire test", langCode: "de" },
  });
  type Body = { _: string; layer?: number; deviceModel?: string; langCode?: string; query?: Body };
  /** The client's messages so far that carry an API query (service messages left out). */
  const queries = (connection?: number) =>
    wire.seen.client.frames.filter((f) => connection === undefined || f.connection === connection)
      .flatMap((f) => f.messages).map((m) => m.body as Body).filter((b) =>
        !["msgs_ack", "get_future_salts", "ping_delay_disconnect", "ping"].includes(b._)
      );
  try {
    await client.connect(2);
    assert.equal(queries().length, 0, "connect() sent no query");
    await client.invoke({ _: "help.getNearestDc" });
    await client.invoke({ _: "help.getNearestDc" });
    const [first, second] = queries();
    assert.equal(first._, "invokeWithLayer");
    assert.equal(first.layer, LAYER);
    assert.equal(first.query?._, "initConnection");
    assert.equal(first.query?.deviceModel, "wire test");
    assert.equal(first.query?.langCode, "de");
    assert.equal(first.query?.query?._, "help.getNearestDc", "the first request itself is inside");
    assert.equal(second._, "help.getNearestDc", "once answered, queries go unwrapped");
    // A new connection wraps its first request again.
    server.dropConnections();
    await client.invoke({ _: "help.getNearestDc" });
    // (A request may still leave on the dropped connection before the client sees it close.)
    const again = queries(wire.seen.client.frames.at(-1)!.connection);
    assert.equal(again[0]?._, "invokeWithLayer");
    assert.equal(again[0]?.query?.query?._, "help.getNearestDc");
    const inner = (b: Body): Body => (b.query ? inner(b.query) : b);
    assert.ok(!queries().some((b) => inner(b)._ === "help.getConfig"), "no help.getConfig");
  } finally {
    await client.close();
    await wire.close();
  }
});
