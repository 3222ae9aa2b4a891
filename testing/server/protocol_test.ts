/**
 * The TestServer's protocol, message by message, with a client whose every field the test
 * controls (test_client.ts, built on core/'s client-side crypto): transports, each handshake
 * field wrong in turn, the encrypted session's checks and service messages, updates, PFS
 * binding, and the protocol hooks (dropConnections, expireSalts, setClockSkew).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { connect } from "node:net";
import { createHash } from "node:crypto";
import {
  ige256Decrypt,
  ige256Encrypt,
  initCore,
  secureRandom,
  sha1,
  sha256,
} from "../../core/mod.ts";
import { type AnyFunction, type AnyTlObject, LAYER, serialize, TlReader } from "../../tl/mod.ts";
import { TestServer, TestServerError, type TestServerOptions } from "./mod.ts";
import { testConfig } from "./minimal_world.ts";
import {
  clientMsgId,
  type HandshakeFault,
  openRaw as open,
  type RawOptions,
  RawSession,
  rawSession as session,
  runHandshake,
  type ServerMessage,
} from "../../tests/testserver_client.ts";
import { type CallContext, RpcFailure, type UpdateSink, type World } from "./world_contract.ts";

await initCore();

/** A world that records what it is asked and can hold answers back. */
class RecordingWorld implements World {
  calls: { ctx: CallContext; fn: AnyFunction; userId: number | null }[] = [];
  sink: UpdateSink | undefined;
  held: (() => void)[] = [];
  hold = false;

  constructor(readonly server: () => TestServer) {}

  handle(ctx: CallContext, fn: AnyFunction): unknown {
    this.calls.push({ ctx, fn, userId: ctx.userId });
    if (fn._ === "help.getNearestDc") {
      return { _: "nearestDc", country: "XX", thisDc: ctx.dcId, nearestDc: ctx.dcId };
    }
    if (fn._ === "help.getConfig") {
      const config = testConfig(this.server().dcs, ctx.dcId, 1);
      if (!this.hold) return config;
      return new Promise((resolve) => this.held.push(() => resolve(config)));
    }
    if (fn._ === "help.getCdnConfig") return { _: "no such constructor" };
    if (fn._ === "help.getSupport") throw new TypeError("a bug in the world");
    if (fn._ === "auth.logOut") {
      ctx.bindUser(null);
      return { _: "auth.loggedOut" };
    }
    throw new RpcFailure(400, "METHOD_NOT_SUPPORTED");
  }

  attach(sink: UpdateSink): void {
    this.sink = sink;
  }
}

async function start(options: TestServerOptions = {}) {
  let world!: RecordingWorld;
  const server = await TestServer.start({
    ...options,
    world: (s) => (world = new RecordingWorld(() => s)),
  });
  return { server, world };
}

const getConfig = { _: "help.getConfig" } as const;

function wrapped(query: AnyTlObject): AnyTlObject {
  return {
    _: "invokeWithLayer",
    layer: LAYER,
    query: {
      _: "initConnection",
      apiId: 1,
      deviceModel: "test",
      systemVersion: "1",
      appVersion: "1",
      systemLangCode: "en",
      langPack: "",
      langCode: "en",
      query,
    },
  } as AnyTlObject;
}

function isResult(msgId: bigint) {
  return (m: ServerMessage) => m.body._ === "rpc_result" && m.body.reqMsgId === msgId;
}

function resultOf(m: ServerMessage | undefined): AnyTlObject {
  assert.ok(m !== undefined && m.body._ === "rpc_result", "an rpc_result");
  return new TlReader(m.body.result as Uint8Array).object<AnyTlObject>();
}

const transports: [string, Partial<RawOptions>][] = [
  ["abridged", { kind: "abridged" }],
  ["intermediate", { kind: "intermediate" }],
  ["padded intermediate", { kind: "paddedIntermediate" }],
  ["full", { kind: "full" }],
  ["obfuscated abridged", { kind: "abridged", obfuscated: true }],
  ["obfuscated intermediate", { kind: "intermediate", obfuscated: true }],
  ["obfuscated padded intermediate", { kind: "paddedIntermediate", obfuscated: true }],
  ["WebSocket (obfuscated intermediate)", { kind: "intermediate", webSocket: true }],
  ["WebSocket (obfuscated abridged)", { kind: "abridged", webSocket: true }],
];

for (const [name, o] of transports) {
  test(`protocol: handshake and an RPC over ${name}`, async () => {
    const { server, world } = await start();
    const s = await session(server, 3, o);
    try {
      const msgId = s.send(wrapped(getConfig));
      const { found, seen } = await s.until(isResult(msgId));
      assert.equal(seen[0].body._, "new_session_created");
      assert.equal((seen[0].body as { firstMsgId: bigint }).firstMsgId, msgId);
      const config = resultOf(found) as { _: string; thisDc: number };
      assert.equal(config._, "config");
      assert.equal(config.thisDc, 3);
      assert.equal(world.calls[0].ctx.layer, LAYER);
      assert.equal(world.calls[0].ctx.dcId, 3);
      assert.equal(world.calls[0].fn._, "help.getConfig", "wrappers are removed");
    } finally {
      s.conn.close();
      await server.stop();
    }
  });
}

test("protocol: the older SHA-1-padded RSA form (Pyrogram, Telethon) is accepted", async () => {
  const { server } = await start();
  const conn = await open(server, 1);
  try {
    const hs = await runHandshake(conn, {
      pem: server.publicKeys[0].pem,
      dcId: 1,
      sha1Padding: true,
    });
    assert.equal(hs.authKey.length, 256);
    assert.deepEqual(server.stats().paddings, { sha1: 1 });
  } finally {
    conn.close();
    await server.stop();
  }
});

const dropped: HandshakeFault[] = [
  "reqDh.nonce",
  "reqDh.serverNonce",
  "reqDh.p",
  "reqDh.fingerprint",
  "reqDh.encryptedData",
  "inner.pq",
  "inner.nonce",
  "inner.serverNonce",
  "inner.dc",
  "setDh.nonce",
  "setDh.serverNonce",
  "setDh.encryptedData",
];
const refused: HandshakeFault[] = [
  "client.retryId",
  "client.gB=1",
  "client.gB=p-1",
  "client.gB small",
];

test("protocol: each handshake field wrong in turn is refused; the server keeps serving", async () => {
  const { server } = await start();
  try {
    for (const fault of dropped) {
      const conn = await open(server, 2);
      const hs = await runHandshake(conn, { pem: server.publicKeys[0].pem, dcId: 2, fault });
      assert.deepEqual(hs.answer, { type: "error", code: -404 }, fault);
      conn.close();
    }
    for (const fault of refused) {
      const conn = await open(server, 2);
      const hs = await runHandshake(conn, { pem: server.publicKeys[0].pem, dcId: 2, fault });
      assert.equal((hs.answer as AnyTlObject)._, "dh_gen_fail", fault);
      conn.close();
    }
    assert.equal(server.stats().handshakes, 0);
    const s = await session(server, 2);
    const msgId = s.send(getConfig);
    assert.ok((await s.until(isResult(msgId))).found);
    s.conn.close();
  } finally {
    await server.stop();
  }
});

test("protocol: plaintext messages other than the handshake get -404", async () => {
  const { server } = await start();
  const conn = await open(server, 1);
  try {
    const { plainMessage } = await import("../../tests/testserver_client.ts");
    conn.send(plainMessage(getConfig as AnyTlObject));
    assert.deepEqual(await conn.next(), { type: "error", code: -404 });
  } finally {
    conn.close();
    await server.stop();
  }
});

test("protocol: msg_id window, low bits, seq_no parity and salts give Telegram's codes", async () => {
  const { server } = await start();
  const s = await session(server, 2);
  try {
    const codeFor = async (msgId: bigint, o: Parameters<RawSession["send"]>[1] = {}) => {
      const sent = s.send(getConfig, { msgId, ...o });
      const { found } = await s.until((m) =>
        (m.body._ === "bad_msg_notification" || m.body._ === "bad_server_salt") &&
        (m.body as { badMsgId: bigint }).badMsgId === sent
      );
      return (found?.body as { errorCode: number } | undefined)?.errorCode;
    };
    assert.equal(await codeFor(clientMsgId(-400)), 16);
    assert.equal(await codeFor(clientMsgId(+60)), 17);
    assert.equal(await codeFor(clientMsgId() | 1n), 18);
    assert.equal(await codeFor(clientMsgId(), { seqno: 2 }), 35);
    const salt = s.salt;
    server.expireSalts();
    const msgId = s.send(getConfig);
    const { found } = await s.until((m) => m.body._ === "bad_server_salt");
    const bad = found!.body as { badMsgId: bigint; errorCode: number; newServerSalt: bigint };
    assert.equal(bad.badMsgId, msgId);
    assert.equal(bad.errorCode, 48);
    assert.notEqual(bad.newServerSalt, salt);
    s.salt = bad.newServerSalt;
    const again = s.send(getConfig);
    assert.ok((await s.until(isResult(again))).found, "answered with the new salt");
  } finally {
    s.conn.close();
    await server.stop();
  }
});

test("protocol: a duplicate msg_id is answered once more from the kept answer, not re-run", async () => {
  const { server, world } = await start();
  const s = await session(server, 2);
  try {
    const msgId = s.send(getConfig);
    assert.ok((await s.until(isResult(msgId))).found);
    s.send(getConfig, { msgId, seqno: 1 });
    assert.ok((await s.until(isResult(msgId))).found, "the kept answer");
    assert.equal(world.calls.length, 1);
    assert.equal(server.stats().dropped["duplicate msg_id"], 1);
  } finally {
    s.conn.close();
    await server.stop();
  }
});

test("protocol: containers both ways; reused and nested containers are refused", async () => {
  const { server } = await start();
  const s = await session(server, 2);
  try {
    const a = clientMsgId(), b = clientMsgId(), ping = clientMsgId();
    const container = {
      _: "msg_container",
      messages: [
        { msgId: a, seqno: 1, body: serialize(getConfig) },
        { msgId: b, seqno: 3, body: serialize({ _: "help.getNearestDc" }) },
        { msgId: ping, seqno: 5, body: serialize({ _: "ping", pingId: 9n }) },
      ],
    } as unknown as AnyTlObject;
    s.seqno = 3;
    s.send(container, { content: false });
    const { seen } = await s.until((m) => m.body._ === "pong");
    assert.ok(seen.some(isResult(a)) && seen.some(isResult(b)));
    // Several answers leave in one msg_container (the test client flattens it).
    const reused = clientMsgId();
    s.send({
      _: "msg_container",
      messages: [{ msgId: reused, seqno: 7, body: serialize(getConfig) }],
    } as unknown as AnyTlObject, { msgId: reused, content: false });
    const r = await s.until((m) => m.body._ === "bad_msg_notification");
    assert.equal((r.found!.body as { errorCode: number }).errorCode, 19);
    const outer = clientMsgId(), innerContainer = clientMsgId();
    s.send({
      _: "msg_container",
      messages: [{
        msgId: innerContainer,
        seqno: 8,
        body: serialize({ _: "msg_container", messages: [] } as unknown as AnyTlObject),
      }],
    } as unknown as AnyTlObject, { msgId: outer, content: false });
    const n = await s.until((m) => m.body._ === "bad_msg_notification");
    assert.equal((n.found!.body as { errorCode: number }).errorCode, 64);
  } finally {
    s.conn.close();
    await server.stop();
  }
});

test("protocol: gzip_packed queries, large answers gzip_packed, service messages", async () => {
  const { server } = await start();
  const s = await session(server, 2);
  try {
    const packed = new Uint8Array(gzipSync(serialize(getConfig)));
    const q = s.send({ _: "gzip_packed", packedData: packed } as unknown as AnyTlObject);
    const { found } = await s.until(isResult(q));
    assert.equal(resultOf(found)._, "config");
    const salts = s.send({ _: "get_future_salts", num: 3 });
    const fs = (await s.until((m) => m.body._ === "future_salts")).found!.body as {
      reqMsgId: bigint;
      salts: { salt: bigint; validSince: number; validUntil: number }[];
    };
    assert.equal(fs.reqMsgId, salts);
    assert.equal(fs.salts.length, 3);
    assert.ok(fs.salts[0].validSince < fs.salts[1].validSince);
    // Each future salt is accepted.
    const withFuture = s.send(getConfig, { salt: fs.salts[0].salt });
    assert.ok((await s.until(isResult(withFuture))).found);
    const state = s.send({ _: "msgs_state_req", msgIds: [q, 12345n << 32n] });
    const info = (await s.until((m) => m.body._ === "msgs_state_info")).found!.body as {
      reqMsgId: bigint;
      info: Uint8Array;
    };
    assert.equal(info.reqMsgId, state);
    assert.equal(info.info[0] & 4, 4, "received");
    assert.equal(info.info[1], 1, "unknown");
    const pingId = 0x1234n;
    s.send({ _: "ping_delay_disconnect", pingId, disconnectDelay: 75 });
    const pong = (await s.until((m) => m.body._ === "pong")).found!.body as { pingId: bigint };
    assert.equal(pong.pingId, pingId);
    s.send({ _: "destroy_session", sessionId: 42n });
    const d = await s.until((m) => m.body._.startsWith("destroy_session"));
    assert.equal(d.found!.body._, "destroy_session_none");
    const drop = s.send({ _: "rpc_drop_answer", reqMsgId: 99n << 32n });
    assert.equal(resultOf((await s.until(isResult(drop))).found)._, "rpc_answer_unknown");
    const unknown = s.send(new Uint8Array([1, 2, 3, 4, 0, 0, 0, 0]));
    const err = resultOf((await s.until(isResult(unknown))).found) as {
      errorCode: number;
      errorMessage: string;
    };
    assert.deepEqual([err.errorCode, err.errorMessage], [400, "INPUT_METHOD_INVALID"]);
    const unsupported = s.send({ _: "help.getAppConfig", hash: 0 });
    const e2 = resultOf((await s.until(isResult(unsupported))).found) as { errorMessage: string };
    assert.equal(e2.errorMessage, "METHOD_NOT_SUPPORTED");
  } finally {
    s.conn.close();
    await server.stop();
  }
});

test("protocol: a wrong msg_key and an unknown auth_key_id get -404", async () => {
  const { server } = await start();
  try {
    const s = await session(server, 2);
    const msgId = s.send(getConfig);
    await s.until(isResult(msgId));
    const other = new RawSession(s.conn, secureRandom(256), 0n);
    other.send(getConfig);
    assert.deepEqual(await s.conn.next(), { type: "error", code: -404 });
    s.conn.close();
    const t = await session(server, 2);
    // A message sealed with the server's direction (x = 8) fails the msg_key check.
    const { sealMessage } = await import("../../core/mod.ts");
    const data = new Uint8Array(32 + 4);
    data.set(serialize(getConfig), 32);
    new DataView(data.buffer).setInt32(28, 4, true);
    t.conn.send(sealMessage(t.authKey, data, "server"));
    assert.deepEqual(await t.conn.next(), { type: "error", code: -404 });
    t.conn.close();
    // A key made on DC 2 is unknown on DC 3.
    const u = await session(server, 2);
    const dc3 = await open(server, 3);
    new RawSession(dc3, u.authKey, u.salt).send(getConfig);
    assert.deepEqual(await dc3.next(), { type: "error", code: -404 });
    dc3.close();
    u.conn.close();
  } finally {
    await server.stop();
  }
});

test("protocol: setClockSkew moves the msg_id window and the server's msg_ids", async () => {
  const { server } = await start();
  const s = await session(server, 2);
  try {
    server.setClockSkew(600);
    const msgId = s.send(getConfig);
    const { found } = await s.until((m) => m.body._ === "bad_msg_notification");
    assert.equal((found!.body as { errorCode: number }).errorCode, 16);
    assert.equal((found!.body as { badMsgId: bigint }).badMsgId, msgId);
    const serverTime = Number(found!.msgId >> 32n);
    assert.ok(
      Math.abs(serverTime - (Date.now() / 1000 + 600)) < 30,
      "server msg_id carries its time",
    );
    const fixed = s.send(getConfig, { msgId: clientMsgId(600) });
    assert.ok((await s.until(isResult(fixed))).found);
  } finally {
    s.conn.close();
    await server.stop();
  }
});

test("protocol: updates reach every live session of the user, not invokeWithoutUpdates ones", async () => {
  const { server, world } = await start();
  try {
    const a = await session(server, 2);
    const b = await session(server, 4);
    const quiet = await session(server, 2);
    const other = await session(server, 2);
    for (const [s, dc] of [[a, 2], [b, 4], [quiet, 2], [other, 2]] as const) {
      server.seedAuthKey(dc, s.authKey, s === other ? 8 : 7);
    }
    // Each session announces itself with one query (quiet one inside invokeWithoutUpdates).
    for (const s of [a, b, other]) await s.until(isResult(s.send(getConfig)));
    const q = quiet.send({ _: "invokeWithoutUpdates", query: getConfig } as unknown as AnyTlObject);
    await quiet.until(isResult(q));
    assert.equal(world.calls.at(-1)!.userId, 7);
    world.sink!.push(7, { _: "updatesTooLong" });
    for (const s of [a, b]) {
      const { found } = await s.until((m) => m.body._ === "updatesTooLong");
      assert.ok(found, "pushed");
      assert.equal(found.msgId & 3n, 3n, "a message the server initiates");
    }
    assert.equal((await quiet.next(300) as { type?: string }).type, "closed", "nothing for quiet");
    assert.equal((await other.next(300) as { type?: string }).type, "closed", "nothing for user 8");
    for (const s of [a, b, quiet, other]) s.conn.close();
  } finally {
    await server.stop();
  }
});

test("protocol: bindUser (log-out) is seen by every session of the key", async () => {
  const { server, world } = await start();
  const s = await session(server, 1);
  try {
    server.seedAuthKey(1, s.authKey, 5);
    await s.until(isResult(s.send(getConfig)));
    assert.equal(world.calls[0].userId, 5);
    await s.until(isResult(s.send({ _: "auth.logOut" })));
    s.sessionId += 1n;
    await s.until(isResult(s.send(getConfig)));
    assert.equal(world.calls.at(-1)!.userId, null);
  } finally {
    s.conn.close();
    await server.stop();
  }
});

/** MTProto 1.0 encryption (x = 0) as auth.bindTempAuthKey's encrypted_message requires. */
function sealV1(authKey: Uint8Array, data: Uint8Array): Uint8Array {
  const padded = new Uint8Array(Math.ceil(data.length / 16) * 16);
  padded.set(data);
  padded.set(secureRandom(padded.length - data.length), data.length);
  const msgKey = sha1(data).subarray(4, 20);
  const h = (...p: Uint8Array[]) => {
    const hash = createHash("sha1");
    for (const x of p) hash.update(x);
    return new Uint8Array(hash.digest());
  };
  const a = h(msgKey, authKey.subarray(0, 32));
  const b = h(authKey.subarray(32, 48), msgKey, authKey.subarray(48, 64));
  const c = h(authKey.subarray(64, 96), msgKey);
  const d = h(msgKey, authKey.subarray(96, 128));
  const key = Uint8Array.from([...a.subarray(0, 8), ...b.subarray(8, 20), ...c.subarray(4, 16)]);
  const iv = Uint8Array.from([
    ...a.subarray(8, 20),
    ...b.subarray(0, 8),
    ...c.subarray(16, 20),
    ...d.subarray(0, 8),
  ]);
  const id = h(authKey).subarray(12, 20);
  return Uint8Array.from([...id, ...msgKey, ...ige256Encrypt(padded, key, iv)]);
}

test("protocol: a temporary key bound with auth.bindTempAuthKey acts for the permanent key's user", async () => {
  const { server, world } = await start();
  const perm = await session(server, 2);
  const conn = await open(server, 2);
  try {
    server.seedAuthKey(2, perm.authKey, 11);
    const hs = await runHandshake(conn, {
      pem: server.publicKeys[0].pem,
      dcId: 2,
      expiresIn: 3600,
    });
    const temp = new RawSession(conn, hs.authKey, hs.salt);
    const keyId = (k: Uint8Array) => new DataView(sha1(k).buffer, 12, 8).getBigInt64(0, true);
    const msgId = clientMsgId();
    const expiresAt = Math.floor(Date.now() / 1000) + 3600;
    const nonce = 777n;
    const inner = serialize({
      _: "bind_auth_key_inner",
      nonce,
      tempAuthKeyId: keyId(hs.authKey),
      permAuthKeyId: keyId(perm.authKey),
      tempSessionId: temp.sessionId,
      expiresAt,
    });
    const data = new Uint8Array(32 + inner.length);
    const v = new DataView(data.buffer);
    v.setBigInt64(0, 1n, true);
    v.setBigInt64(8, 2n, true);
    v.setBigInt64(16, msgId, true);
    v.setInt32(28, inner.length, true);
    data.set(inner, 32);
    const bind = (encryptedMessage: Uint8Array, id = clientMsgId()) =>
      temp.send({
        _: "auth.bindTempAuthKey",
        permAuthKeyId: keyId(perm.authKey),
        nonce,
        expiresAt,
        encryptedMessage,
      }, { msgId: id });
    const wrong = bind(sealV1(secureRandom(256), data));
    const refusal = resultOf((await temp.until(isResult(wrong))).found) as { errorMessage: string };
    assert.equal(refusal.errorMessage, "ENCRYPTED_MESSAGE_INVALID");
    assert.equal(world.calls.length, 0);
    const ok = bind(sealV1(perm.authKey, data), msgId);
    const okr = resultOf((await temp.until(isResult(ok))).found);
    assert.equal(okr, true, JSON.stringify(okr));
    await temp.until(isResult(temp.send(getConfig)));
    assert.equal(world.calls.at(-1)!.userId, 11);
  } finally {
    perm.conn.close();
    conn.close();
    await server.stop();
  }
});

test("protocol: dropConnections leaves queries unanswered; the resent query gets its answer", async () => {
  const { server, world } = await start();
  const s = await session(server, 2);
  try {
    world.hold = true;
    const msgId = s.send(getConfig);
    await s.until((m) => m.body._ === "new_session_created");
    server.dropConnections();
    assert.deepEqual(await s.conn.next(), { type: "closed" });
    for (const release of world.held) release();
    await new Promise((r) => setTimeout(r, 20));
    const again = await open(server, 2);
    const resumed = new RawSession(again, s.authKey, s.salt);
    resumed.sessionId = s.sessionId;
    resumed.seqno = s.seqno;
    resumed.send(getConfig, { msgId, seqno: 1 });
    const { found } = await resumed.until(isResult(msgId));
    assert.equal(resultOf(found)._, "config");
    assert.equal(world.calls.length, 1, "answered once, from the kept answer");
    again.close();
  } finally {
    s.conn.close();
    await server.stop();
  }
});

test("protocol: a world that fails or answers garbage gives 500, the connection lives on", async () => {
  const { server } = await start();
  const s = await session(server, 2);
  try {
    for (const fn of [{ _: "help.getCdnConfig" }, { _: "help.getSupport" }] as const) {
      const id = s.send(fn);
      const e = resultOf((await s.until(isResult(id))).found) as {
        errorCode: number;
        errorMessage: string;
      };
      assert.deepEqual([e.errorCode, e.errorMessage], [500, "INTERNAL_SERVER_ERROR"]);
    }
    // An update the key's layer cannot carry is dropped (and logged), not thrown at the world.
    server.seedAuthKey(2, s.authKey, 3);
    const world = server.world as RecordingWorld;
    world.sink!.push(3, { _: "no such update" } as unknown as AnyTlObject);
    assert.ok((await s.until(isResult(s.send(getConfig)))).found);
  } finally {
    s.conn.close();
    await server.stop();
  }
});

test("protocol: a quick ACK requested in the transport comes back before the answer", async () => {
  const { server } = await start();
  const s = await session(server, 2, { kind: "abridged", obfuscated: true });
  try {
    const msgId = s.send(getConfig, { quickAck: true });
    const ack = await s.conn.next();
    assert.equal(ack.type, "quickAck");
    // The token is the start of the SHA-256 whose middle is the msg_key (checked here).
    const sealed = s.lastSealed;
    const msgKey = sealed.subarray(8, 24);
    const a = sha256(msgKey, s.authKey.subarray(0, 36));
    const b = sha256(s.authKey.subarray(40, 76), msgKey);
    const key = Uint8Array.from([...a.subarray(0, 8), ...b.subarray(8, 24), ...a.subarray(24)]);
    const iv = Uint8Array.from([...b.subarray(0, 8), ...a.subarray(8, 24), ...b.subarray(24)]);
    const plain = ige256Decrypt(sealed.subarray(24), key, iv);
    const h = sha256(s.authKey.subarray(88, 120), plain);
    assert.deepEqual(h.subarray(8, 24), msgKey);
    const token = (ack as { token: number }).token;
    assert.equal(
      token,
      (new DataView(h.buffer, h.byteOffset).getUint32(0, true) | 0x8000_0000) >>> 0,
    );
    assert.ok((await s.until(isResult(msgId))).found);
  } finally {
    s.conn.close();
    await server.stop();
  }
});

test("protocol: the layer declared with invokeWithLayer stays with the auth key", async () => {
  const { server, world } = await start();
  const s = await session(server, 2);
  try {
    assert.ok((await s.until(isResult(s.send(getConfig)))).found);
    assert.equal(world.calls[0].ctx.layer, LAYER, "undeclared: the server's layer");
    const declared = {
      _: "invokeWithLayer",
      layer: 198,
      query: getConfig,
    } as unknown as AnyTlObject;
    assert.ok((await s.until(isResult(s.send(declared)))).found);
    s.sessionId += 1n;
    assert.ok((await s.until(isResult(s.send(getConfig)))).found);
    assert.deepEqual(world.calls.map((c) => c.ctx.layer), [LAYER, 198, 198]);
  } finally {
    s.conn.close();
    await server.stop();
  }
});

test("protocol: a temporary key is unknown (-404) once expired", async () => {
  const { server } = await start();
  const conn = await open(server, 2);
  try {
    const hs = await runHandshake(conn, { pem: server.publicKeys[0].pem, dcId: 2, expiresIn: 60 });
    const temp = new RawSession(conn, hs.authKey, hs.salt);
    assert.ok((await temp.until(isResult(temp.send(getConfig)))).found);
    server.setClockSkew(120);
    temp.send(getConfig, { msgId: clientMsgId(120) });
    assert.deepEqual(await conn.next(), { type: "error", code: -404 });
  } finally {
    conn.close();
    await server.stop();
  }
});

test("protocol: freshKey gives a server its own RSA key, which clients use", async () => {
  const { server } = await start({ freshKey: true });
  const { server: fixed } = await start();
  try {
    assert.notEqual(server.publicKeys[0].fingerprint, fixed.publicKeys[0].fingerprint);
    const s = await session(server, 5);
    assert.ok((await s.until(isResult(s.send(getConfig)))).found);
    s.conn.close();
  } finally {
    await server.stop();
    await fixed.stop();
  }
});

test("protocol: scripting mistakes throw TestServerError with a stable code", async () => {
  const { server } = await start();
  try {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        assert.ok(e instanceof TestServerError);
        return e.code;
      }
      return "no error";
    };
    assert.equal(code(() => server.wsUrl(7)), "TESTSERVER_NO_SUCH_DC");
    assert.equal(code(() => server.seedAuthKey(2, new Uint8Array(8))), "TESTSERVER_BAD_ARGUMENT");
    assert.equal(code(() => server.setClockSkew(NaN)), "TESTSERVER_BAD_ARGUMENT");
    assert.equal(code(() => server.addBot({ username: "x_bot" })), "TESTSERVER_UNSUPPORTED");
  } finally {
    await server.stop();
  }
});

test("protocol: a WebSocket upgrade to another path is refused with 404", async () => {
  const { server } = await start();
  try {
    const socket = connect(server.dcs[0].port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    socket.write(
      "GET /other HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
    );
    const reply = await new Promise<string>((r) => socket.once("data", (d) => r(String(d))));
    assert.match(reply, /^HTTP\/1.1 404/);
    socket.destroy();
  } finally {
    await server.stop();
  }
});
