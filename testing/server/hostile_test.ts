/**
 * The TestServer against hostile clients (garbage, giant lengths, 1-byte chunks, connection
 * churn, floods of sessions and keys: answered as Telegram does or dropped, never a crash,
 * other clients unaffected, memory bounded by counts), and its own hostile modes (each one
 * observed from the client side as the defect it claims to be).
 */
import { test } from "node:test";
import process from "node:process";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { type CoreError, initCore, openMessage, secureRandom } from "../../core/mod.ts";
import type { AnyTlObject } from "../../tl/mod.ts";
import { HOSTILE_MODES, type HostileMode, TestServer } from "./mod.ts";
import { SEEN_MSG_IDS } from "./session.ts";
import { MAX_SESSIONS_PER_KEY } from "./protocol.ts";
import {
  openRaw as open,
  plainMessage,
  type RawSession,
  rawSession as session,
  runHandshake,
  type ServerMessage,
} from "../../tests/testserver_client.ts";

await initCore();

const getConfig = { _: "help.getConfig" } as const;

function isResult(msgId: bigint) {
  return (m: ServerMessage) => m.body._ === "rpc_result" && m.body.reqMsgId === msgId;
}

/** A raw TCP socket that sends `bytes` and reports whether the server closed it. */
async function rawSocket(
  server: TestServer,
  bytes: Uint8Array,
): Promise<{ closed: boolean; got: number }> {
  const socket = connect(server.dcs[0].port, "127.0.0.1");
  await new Promise((r) => socket.once("connect", r));
  let got = 0;
  socket.on("data", (d) => (got += d.length));
  const closed = new Promise<boolean>((r) => {
    socket.once("close", () => r(true));
    setTimeout(() => r(false), 2000);
  });
  socket.on("error", () => {});
  socket.write(bytes);
  const result = { closed: await closed, got };
  socket.destroy();
  return result;
}

/** Asserts that a live session still gets answers. */
async function stillServes(s: RawSession): Promise<void> {
  const msgId = s.send(getConfig);
  assert.ok((await s.until(isResult(msgId))).found, "the other client is still served");
}

test("hostile client: garbage before the handshake closes that connection only", async () => {
  const server = await TestServer.start();
  const bystander = await session(server, 1);
  try {
    // Random bytes: a forbidden or bogus header, an impossible length or a bad CRC.
    for (let i = 0; i < 20; i++) {
      const r = await rawSocket(server, secureRandom(64 + i * 7));
      assert.ok(r.closed || r.got === 0, `garbage ${i} neither closed nor silent`);
    }
    // A full-transport frame with a wrong CRC.
    const frame = new Uint8Array(16);
    new DataView(frame.buffer).setUint32(0, 16, true);
    assert.equal((await rawSocket(server, frame)).closed, true);
    await stillServes(bystander);
  } finally {
    bystander.conn.close();
    await server.stop();
  }
});

test("hostile client: garbage after the handshake gets -404; giant lengths close at once", async () => {
  const server = await TestServer.start();
  const bystander = await session(server, 1);
  try {
    const s = await session(server, 2);
    s.conn.send(secureRandom(128));
    assert.deepEqual(await s.conn.next(), { type: "error", code: -404 });
    s.conn.close();
    // Intermediate transport announcing a 2 GiB frame, then nothing.
    const giant = new Uint8Array(8);
    new DataView(giant.buffer).setUint32(0, 0xeeeeeeee, true);
    new DataView(giant.buffer).setUint32(4, 0x7ffffff0, true);
    assert.equal((await rawSocket(server, giant)).closed, true);
    // Abridged announcing 64 MiB.
    assert.equal(
      (await rawSocket(server, Uint8Array.of(0xef, 0x7f, 0xff, 0xff, 0x3f))).closed,
      true,
    );
    // A plaintext message whose declared length runs past the frame.
    const conn = await open(server, 2);
    const plain = plainMessage({ _: "req_pq_multi", nonce: secureRandom(16) });
    new DataView(plain.buffer).setInt32(16, 1 << 20, true);
    conn.send(plain);
    assert.deepEqual(await conn.next(), { type: "error", code: -404 });
    conn.close();
    await stillServes(bystander);
  } finally {
    bystander.conn.close();
    await server.stop();
  }
});

test(
  "hostile client: a handshake and an RPC sent one byte at a time",
  { timeout: 120_000 },
  async () => {
    const server = await TestServer.start();
    try {
      for (const o of [{ kind: "full" }, { kind: "abridged", obfuscated: true }] as const) {
        const s = await session(server, 3, { ...o, chunked: true });
        await stillServes(s);
        s.conn.close();
      }
    } finally {
      await server.stop();
    }
  },
);

test("hostile client: connections opened and dropped in a loop leave nothing behind", async () => {
  const server = await TestServer.start();
  const bystander = await session(server, 1);
  try {
    for (let i = 0; i < 200; i++) {
      const socket = connect(server.dcs[i % 5].port, "127.0.0.1");
      await new Promise((r) => socket.once("connect", r));
      socket.on("error", () => {});
      // Half send a partial init or half a frame before going away.
      if (i % 2 === 0) socket.write(Uint8Array.of(0xee, 0xee, 0xee, 0xee, 40, 0, 0));
      socket.destroy();
    }
    for (let i = 0; i < 50 && server.stats().connections > 1; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(server.stats().connections, 1, "only the bystander is left");
    await stillServes(bystander);
  } finally {
    bystander.conn.close();
    await server.stop();
  }
});

test("hostile client: replayed and stale msg_ids; the remembered window is bounded", async () => {
  const server = await TestServer.start();
  const s = await session(server, 2);
  try {
    const first = s.send({ _: "ping", pingId: 1n });
    await s.until((m) => m.body._ === "pong");
    // Fill the window of remembered msg_ids with acks (no answers).
    for (let i = 0; i < SEEN_MSG_IDS + 10; i++) {
      s.send({ _: "msgs_ack", msgIds: [] }, { content: false });
    }
    s.send({ _: "ping", pingId: 2n }, { msgId: first + 4n, seqno: 1001 });
    const { found } = await s.until((m) => m.body._ === "bad_msg_notification");
    assert.equal((found!.body as { errorCode: number }).errorCode, 20, "too old to know");
    s.send({ _: "ping", pingId: 3n }, { msgId: first, seqno: 1003 });
    const r = await s.until((m) => m.body._ === "bad_msg_notification" || m.body._ === "pong", 500);
    assert.ok(
      r.found === undefined || r.found.body._ === "bad_msg_notification",
      "a replay never runs again",
    );
  } finally {
    s.conn.close();
    await server.stop();
  }
});

test("hostile client: floods of sessions and keys stay within their bounds", async () => {
  const server = await TestServer.start({ maxAuthKeys: 20 });
  try {
    const s = await session(server, 2);
    const base = s.sessionId;
    for (let i = 0; i < MAX_SESSIONS_PER_KEY + 40; i++) {
      s.sessionId = base + BigInt(i);
      s.send({ _: "ping", pingId: BigInt(i) });
    }
    s.sessionId = base + 1000n;
    await stillServes(s);
    assert.equal(server.stats().sessions, MAX_SESSIONS_PER_KEY);
    s.conn.close();
    for (let i = 0; i < 30; i++) {
      const t = await session(server, 1 + (i % 5));
      t.conn.close();
    }
    assert.equal(server.stats().authKeys, 20);
    const before = process.memoryUsage().heapUsed;
    // 2,000 hostile packets on 40 connections: bad keys, bad msg_keys, garbage plaintext.
    for (let c = 0; c < 40; c++) {
      const conn = await open(server, 2);
      for (let i = 0; i < 50; i++) {
        const p = secureRandom(72 + 16 * (i % 4));
        if (i % 3 === 0) p.fill(0, 0, 8);
        conn.send(p);
      }
      await conn.next(500);
      conn.close();
    }
    const grown = process.memoryUsage().heapUsed - before;
    // Not a timing or exact-size claim: a leak of every packet (2,000 × ≥ 72 bytes plus
    // objects) would show far above this; the counts are the real bound.
    assert.ok(grown < 64 << 20, `heap grew ${grown} bytes`);
    assert.ok(server.stats().connections <= 1);
  } finally {
    await server.stop();
  }
});

test("hostile client: too many connections get -429", async () => {
  const server = await TestServer.start({ maxConnections: 2 });
  try {
    const a = await session(server, 2);
    const b = await session(server, 2);
    const c = await open(server, 2);
    c.send(plainMessage({ _: "req_pq_multi", nonce: secureRandom(16) }));
    assert.deepEqual(await c.next(), { type: "error", code: -429 });
    c.close();
    await stillServes(a);
    a.conn.close();
    b.conn.close();
  } finally {
    await server.stop();
  }
});

test("hostile client: strictDcId answers -444 to a header naming another DC", async () => {
  const server = await TestServer.start({ strictDcId: true });
  try {
    const conn = await open(server, 2, { obfuscated: true, dcId: 4 });
    conn.send(plainMessage({ _: "req_pq_multi", nonce: secureRandom(16) }));
    assert.deepEqual(await conn.next(), { type: "error", code: -444 });
    conn.close();
  } finally {
    await server.stop();
  }
});

/** What a client sees of each hostile mode (the error it must raise, or the defect). */
async function observe(server: TestServer, mode: HostileMode): Promise<string> {
  const handshakeModes = [
    "unsafeDhPrime",
    "gOutOfRange",
    "gAOutOfRange",
    "wrongNewNonceHash",
    "unknownFingerprint",
  ];
  if (handshakeModes.includes(mode)) {
    server.hostile(mode);
    const conn = await open(server, 2);
    try {
      const hs = await runHandshake(conn, { pem: server.publicKeys[0].pem, dcId: 2 });
      return hs.authKey.length === 0
        ? `refused ${JSON.stringify((hs.answer as AnyTlObject)._ ?? hs.answer)}`
        : "accepted";
    } catch (e) {
      return (e as CoreError).code ?? String(e);
    } finally {
      conn.close();
      server.hostile(null);
    }
  }
  const s = await session(server, 2);
  try {
    await s.until(isResult(s.send(getConfig)));
    server.hostile(mode);
    s.send(getConfig);
    const r = await s.conn.next(2000);
    if (r.type !== "payload") return `end ${r.type}${r.type === "error" ? r.code : ""}`;
    let inner: Uint8Array;
    try {
      inner = openMessage(s.authKey, r.payload, "server");
    } catch (e) {
      return (e as CoreError).code;
    }
    const msgId = new DataView(inner.buffer, inner.byteOffset).getBigInt64(16, true);
    const age = Date.now() / 1000 - Number(msgId >> 32n);
    if (age > 300) return "stale msg_id";
    const again = await s.conn.next(300);
    if (
      again.type === "payload" &&
      Buffer.compare(Buffer.from(again.payload), Buffer.from(r.payload)) === 0
    ) {
      return "replayed";
    }
    return "honest";
  } finally {
    server.hostile(null);
    s.conn.close();
  }
}

test("hostile server: every mode shows the defect it names", async () => {
  const server = await TestServer.start();
  try {
    const seen: Record<string, string> = {};
    for (const mode of HOSTILE_MODES) seen[mode] = await observe(server, mode);
    assert.deepEqual(seen, {
      wrongMsgKey: "CORE_MSG_KEY_MISMATCH",
      unknownAuthKeyId: "CORE_AUTH_KEY_ID_MISMATCH",
      replayedMsgId: "replayed",
      staleMsgId: "stale msg_id",
      badPadding: "CORE_BAD_PADDING",
      unsafeDhPrime: "CORE_DH_BAD_PRIME",
      gOutOfRange: "CORE_DH_BAD_G",
      gAOutOfRange: "CORE_DH_BAD_VALUE",
      wrongNewNonceHash: 'refused "dh_gen_ok"',
      unknownFingerprint: 'refused {"type":"error","code":-404}',
      truncatedFrame: "end closed",
      giantFrame: "end error0",
      garbageAfterHandshake: "CORE_AUTH_KEY_ID_MISMATCH",
    });
  } finally {
    await server.stop();
  }
});

test("hostile server: honest again after hostile(null)", async () => {
  const server = await TestServer.start();
  try {
    server.hostile("wrongMsgKey");
    server.hostile(null);
    const s = await session(server, 2);
    await stillServes(s);
    s.conn.close();
  } finally {
    await server.stop();
  }
});
