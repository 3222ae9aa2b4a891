/**
 * The TestServer's hand-made fast paths against the straightforward code they replaced (kept
 * here as references): rpc_result encoded in one pass, msg_ids made from 32-bit halves, the
 * msg_id windows kept in rings, salts cached per key and period, bounded maps trimmed through a
 * kept iterator; and, through a real connection, containers and msgs_ack read without a TL
 * reader still refused when malformed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { acceptTransport, createTransport, initCore, openMessage } from "../../core/mod.ts";
import { type AnyTlObject, serialize } from "../../tl/mod.ts";
import { clientMsgId, rawSession as session } from "../../tests/testserver_client.ts";
import { SeededRandom } from "../random.ts";
import { AuthKeyRecord, AuthKeys, SALT_PERIOD } from "./auth_keys.ts";
import {
  encodeObject,
  encodeResult,
  encodeResultCached,
  resultCacheStats,
  SERVED_LAYERS,
} from "./layers.ts";
import { MinimalWorld, testConfig } from "./minimal_world.ts";
import { Protocol } from "./protocol.ts";
import { TestServer } from "./mod.ts";
import { KEPT_SENT_IDS, type Outgoing, SEEN_MSG_IDS, ServerSession } from "./session.ts";
import { MAX_MESSAGES, TestWorld } from "./world.ts";

await initCore();

/** A uniform number in [0, 1). */
const unit = (rnd: SeededRandom) => rnd.uint32() / 0x1_0000_0000;

test("fast paths: encodeResult is rpc_result around encodeObject, at every served layer", () => {
  const dcs = [{ id: 2, host: "127.0.0.1", port: 443 }];
  const values: unknown[] = [
    true,
    false,
    [1n, -2n, 3n],
    [1, 2, 3],
    [{ _: "peerUser", userId: 5n }],
    { _: "nearestDc", country: "US", thisDc: 2, nearestDc: 2 },
    testConfig(dcs, 2, 1_700_000_000),
    {
      _: "updates",
      updates: [{
        _: "updateNewMessage",
        message: {
          _: "message",
          id: 7,
          fromId: { _: "peerUser", userId: 9n },
          peerId: { _: "peerUser", userId: 10n },
          date: 1_700_000_000,
          message: "héllo",
        },
        pts: 3,
        ptsCount: 1,
      }],
      users: [{ _: "user", id: 9n, firstName: "Ann", accessHash: 77n }],
      chats: [],
      date: 1_700_000_000,
      seq: 0,
    },
  ];
  for (const layer of [...SERVED_LAYERS, 100, 500]) {
    for (const [i, value] of values.entries()) {
      const reqMsgId = BigInt(1_700_000_000 + i) << 32n | 4n;
      const expected = serialize({
        _: "rpc_result",
        reqMsgId,
        result: encodeObject(value, layer),
      } as unknown as AnyTlObject);
      assert.deepEqual(encodeResult(reqMsgId, value, layer), expected, `layer ${layer}, #${i}`);
    }
  }
  // A value no layer can write fails the same way on both paths.
  assert.throws(() => encodeObject({ _: "noSuchThing" }, 224));
  assert.throws(() => encodeResult(1n, { _: "noSuchThing" }, 224));
});

/** The msg_id and seq_no rule as first written, in bigint arithmetic. */
class ReferenceIds {
  #last = 0n;
  #content = 0;
  next(now: number, content: boolean, reply: boolean) {
    const sec = Math.floor(now);
    const frac = Math.floor((now - sec) * 4294967296) >>> 0;
    const kind = reply ? 1n : 3n;
    let msgId = ((BigInt(sec) << 32n) | BigInt(frac)) & ~3n | kind;
    if (msgId <= this.#last) msgId = (this.#last & ~3n) + 4n + kind;
    this.#last = msgId;
    const seqno = content ? this.#content++ * 2 + 1 : this.#content * 2;
    return { msgId, seqno };
  }
}

test("fast paths: server msg_ids and seq_nos match the bigint rule, clock jumps included", () => {
  const rnd = new SeededRandom(11);
  const record = new AuthKeyRecord(new Uint8Array(256), 1n, 2, 0);
  const ours = new ServerSession(5n, record), ref = new ReferenceIds();
  let now = 1_700_000_000.25;
  const sent: bigint[] = [];
  for (let i = 0; i < 5000; i++) {
    const r = unit(rnd);
    // Mostly forward, sometimes the same instant, backwards, or just below a whole second.
    if (r < 0.5) now += unit(rnd) * 0.001;
    else if (r < 0.6) now -= unit(rnd) * 50;
    else if (r < 0.7) now = Math.floor(now) + 1 - 1e-10;
    else if (r < 0.75) now += 100;
    const content = unit(rnd) < 0.6, reply = unit(rnd) < 0.5;
    const a = ours.next(now, content, reply), b = ref.next(now, content, reply);
    assert.deepEqual(a, b, `step ${i} at ${now}`);
    sent.push(a.msgId);
  }
  // The low half overflowing carries into the seconds: the same instant, just below a whole
  // second, again and again.
  const carry = new ServerSession(6n, record), refCarry = new ReferenceIds();
  const edge = 1_700_000_000 + (1 - 2 ** -22);
  for (let i = 0; i < 300; i++) {
    assert.deepEqual(carry.next(edge, true, i % 2 === 0), refCarry.next(edge, true, i % 2 === 0));
  }
  assert.equal(carry.next(edge, false, true).msgId >> 32n, 1_700_000_001n, "carried");
  assert.deepEqual(ours.sentIds, sent.slice(-KEPT_SENT_IDS));
});

test("fast paths: the msg_id window in a ring answers as the array and set did", () => {
  const rnd = new SeededRandom(12);
  const record = new AuthKeyRecord(new Uint8Array(256), 1n, 2, 0);
  const ours = new ServerSession(5n, record);
  const order: bigint[] = [], seen = new Set<bigint>();
  let floor = 0n;
  const refCheck = (id: bigint) =>
    seen.has(id) ? "seen" : order.length >= SEEN_MSG_IDS && id < floor ? "old" : "new";
  let base = 1_700_000_000n << 32n;
  for (let i = 0; i < 4 * SEEN_MSG_IDS; i++) {
    base += BigInt(4 + Math.floor(unit(rnd) * 64) * 4);
    // New ids, repeats of recent and of long-gone ones, and ids from below the window.
    const r = unit(rnd);
    const id = r < 0.7
      ? base
      : r < 0.85
      ? order[Math.floor(unit(rnd) * order.length)] ?? base
      : base - BigInt(Math.floor(unit(rnd) * 200_000) * 4);
    const expected = refCheck(id);
    assert.equal(ours.check(id), expected, `step ${i}`);
    if (expected !== "new") continue;
    ours.remember(id);
    seen.add(id);
    order.push(id);
    if (order.length > SEEN_MSG_IDS) {
      const dropped = order.shift()!;
      seen.delete(dropped);
      if (dropped > floor) floor = dropped;
    }
  }
});

test("fast paths: cached salts equal the derived ones across periods and expireSalts", () => {
  let n = 0;
  const random = (length: number) => new Uint8Array(length).map(() => (n++ * 37) & 0xff);
  const keys = new AuthKeys(random, 10);
  const record = new AuthKeyRecord(new Uint8Array(256).fill(3), 77n, 2, 0);
  keys.add(record);
  const fresh = new AuthKeys(random, 10);
  // Each salt as futureSalts derives it (no cache involved: a fresh list each time).
  const derived = (period: number) => keys.futureSalts(record, period * SALT_PERIOD, 1)[0].salt;
  const times = [0, 10, 1799.5, 1800, 1801, 3600 * 5 + 3, 3600, 1800 * 7, 1800 * 7 + 1, 1800 * 3];
  for (let round = 0; round < 3; round++) {
    for (const base of times) {
      const now = 1_700_000_000 + base;
      const period = Math.floor(now / SALT_PERIOD);
      assert.equal(keys.currentSalt(record, now), derived(period));
      assert.ok(keys.validSalt(record, derived(period), now));
      assert.ok(keys.validSalt(record, derived(period - 1), now));
      assert.ok(!keys.validSalt(record, derived(period - 2), now));
      assert.ok(!keys.validSalt(record, derived(period + 1), now));
    }
    keys.expireSalts();
  }
  // Another server's secret gives other salts for the same key.
  assert.notEqual(
    fresh.currentSalt(record, 1_700_000_000),
    keys.currentSalt(record, 1_700_000_000),
  );
});

test("fast paths: a box past MAX_MESSAGES keeps exactly its newest messages", () => {
  const world = new TestWorld({ dcs: [{ id: 2, host: "127.0.0.1", port: 443 }] });
  // trimOldest itself is checked against the plain trim in collections/bounded_test.ts.
  const a = world.addUser({ phone: "15550001" }), b = world.addUser({ phone: "15550002" });
  for (let i = 0; i < MAX_MESSAGES + 25; i++) {
    world.postMessage({ fromId: a.userId, to: { userId: b.userId }, text: `m${i}` });
  }
  const box = world.accounts.get(b.userId)!.box;
  assert.equal(box.messages.size, MAX_MESSAGES);
  assert.deepEqual(
    [...box.messages.keys()].slice(0, 2),
    [26, 27],
    "the 25 oldest went first",
  );
});

test("fast paths: malformed containers and msgs_ack are still refused", async () => {
  await using server = await TestServer.start();
  const s = await session(server, 2);
  try {
    const isBadContainer = (m: { body: AnyTlObject }) =>
      m.body._ === "bad_msg_notification" &&
      (m.body as unknown as { errorCode: number }).errorCode === 64;
    const query = serialize({ _: "help.getNearestDc" });
    const item = (len: number, body = query) => {
      const out = new Uint8Array(16 + body.length);
      const v = new DataView(out.buffer);
      v.setBigInt64(0, clientMsgId(), true);
      v.setInt32(8, 1, true);
      v.setInt32(12, len, true);
      out.set(body, 16);
      return out;
    };
    const container = (count: number, ...items: Uint8Array[]) => {
      const size = items.reduce((a, b) => a + b.length, 8);
      const out = new Uint8Array(size);
      const v = new DataView(out.buffer);
      v.setUint32(0, 0x73f1f8dc, true);
      v.setInt32(4, count, true);
      let at = 8;
      for (const x of items) out.set(x, (at += x.length) - x.length);
      return out;
    };
    const malformed = [
      container(2, item(query.length)), // one message fewer than declared
      container(1, item(query.length + 4)), // a length past the end
      container(1, item(-4)), // a negative length
      container(1, item(query.length - 1)), // not a multiple of 4
      container(2000, item(query.length)), // more than 1024
      container(1).subarray(0, 4), // no count
    ];
    // The session exists (new_session_created is behind us) before the malformed ones.
    s.send({ _: "ping", pingId: 1n });
    assert.ok((await s.until((m) => m.body._ === "pong", 2000)).found);
    for (const [i, bytes] of malformed.entries()) {
      const id = s.send(bytes, { content: false });
      // The next message is its refusal (nothing in it was run).
      const m = await s.next(2000);
      assert.ok("body" in m && isBadContainer(m), `malformed container #${i} refused`);
      assert.equal((m.body as unknown as { badMsgId: bigint }).badMsgId, id);
    }
    // A well-formed one after them is served.
    const good = container(1, item(query.length));
    s.send(good, { content: false });
    const { found } = await s.until((m) => m.body._ === "rpc_result", 2000);
    assert.ok(found);
    // msgs_ack: nothing comes back for a good one; a broken one is an INPUT_FETCH_ERROR.
    s.send({ _: "msgs_ack", msgIds: [1n, 2n] }, { content: false });
    const broken = new Uint8Array(16);
    new DataView(broken.buffer).setUint32(0, 0x62d6b459, true); // msgs_ack, then no vector
    const bad = s.send(broken);
    const err = await s.until((m) => m.body._ === "rpc_result", 2000);
    const reply = err.found!.body as unknown as { reqMsgId: bigint; result: Uint8Array };
    assert.equal(reply.reqMsgId, bad);
    assert.equal(
      err.seen.filter((m) => m.body._ === "rpc_result").length,
      1,
      "the good ack got no answer",
    );
  } finally {
    s.conn.close();
  }
});

test("fast paths: one push reaches keys at two layers, each in its own layer's bytes", async () => {
  await using server = await TestServer.start();
  const world = server.world as TestWorld;
  const user = world.addUser({ phone: "15550300001" });
  const layers = [198, 224, 198];
  const sessions = [];
  for (const layer of layers) {
    const s = await session(server, 2);
    server.seedAuthKey(2, s.authKey, user.userId);
    const q = s.send({ _: "invokeWithLayer", layer, query: { _: "help.getNearestDc" } } as never);
    assert.ok((await s.until((m) => m.body._ === "rpc_result" && m.body.reqMsgId === q)).found);
    sessions.push(s);
  }
  try {
    const updates = {
      _: "updates",
      updates: [],
      users: [world.userObject(user.userId, world.accounts.get(user.userId)!)],
      chats: [],
      date: 1_700_000_000,
      seq: 0,
    } as unknown as AnyTlObject;
    // The user object is written differently at 198 and 224: the test sees which layer it got.
    assert.notDeepEqual(encodeObject(updates, 198), encodeObject(updates, 224));
    assert.equal(server.pushUpdate(user.userId, updates), layers.length);
    for (const [i, s] of sessions.entries()) {
      // Read below the test client: it parses layer 224 only.
      const r = await s.conn.next(2000);
      assert.equal(r.type, "payload", `session ${i} got the push`);
      const inner = openMessage(s.authKey, (r as { payload: Uint8Array }).payload, "server");
      const length = new DataView(inner.buffer, inner.byteOffset).getInt32(28, true);
      const body = inner.subarray(32, 32 + length);
      assert.deepEqual(body, encodeObject(updates, layers[i]), `session ${i} at ${layers[i]}`);
    }
  } finally {
    for (const s of sessions) s.conn.close();
  }
});

test("fast paths: a flat answer copied from the last one's bytes equals encodeResult", () => {
  const rnd = new SeededRandom(21);
  // Few distinct values, so that most calls repeat the last one of their kind (the cached path),
  // with nested and array answers between them that are never cached.
  const countries = ["US", "DE"];
  const hits0 = resultCacheStats.hits;
  for (const layer of [...SERVED_LAYERS, 100, 500]) {
    for (let i = 0; i < 200; i++) {
      const pick = rnd.uint32() % 5;
      const value: unknown = pick === 3
        ? testConfig([{ id: 2, host: "127.0.0.1", port: 443 }], 2, 1_700_000_000 + (i & 1))
        : pick === 4
        ? [BigInt(i & 3), 7n]
        : {
          _: "nearestDc",
          country: countries[rnd.uint32() % 4 === 0 ? 1 : 0],
          thisDc: 2,
          nearestDc: 2,
        };
      const reqMsgId = (BigInt(1_700_000_000 + i) << 32n) | BigInt((rnd.uint32() & ~3) >>> 0);
      assert.deepEqual(
        encodeResultCached(reqMsgId, value, layer),
        encodeResult(reqMsgId, value, layer),
        `layer ${layer}, #${i}`,
      );
    }
  }
  // The same fields in another order, a field more or less: still the right bytes (or the same
  // refusal).
  const base = { _: "nearestDc", country: "US", thisDc: 2, nearestDc: 2 };
  const outcome = (f: () => Uint8Array) => {
    try {
      return f();
    } catch (e) {
      return (e as Error).constructor.name;
    }
  };
  for (
    const v of [
      base,
      { nearestDc: 2, thisDc: 2, country: "US", _: "nearestDc" },
      { ...base, extra: 1 },
      base,
      { _: "nearestDc", country: "US", thisDc: 2 },
      { ...base, country: "XX" },
      base,
    ]
  ) {
    assert.deepEqual(
      outcome(() => encodeResultCached(5n, v, 224)),
      outcome(() => encodeResult(5n, v, 224)),
      JSON.stringify(v),
    );
  }
  assert.ok(resultCacheStats.hits - hits0 > 200, "the cached path was taken");
  // A kind that changes every time (as sendMessage's answers do) stops being copied, and stays
  // right: first new values only, then a repeat of each.
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 100; i++) {
      const v = { _: "updateShortSentMessage", out: true, id: i, pts: i, ptsCount: 1, date: 5 };
      const at = round === 0 ? v : { ...v, id: 99 - i, pts: 99 - i };
      assert.deepEqual(encodeResultCached(7n, at, 224), encodeResult(7n, at, 224));
    }
  }
});

test("fast paths: messages sealed straight into frames equal sealing then framing", () => {
  const now = 1_700_000_000.25;
  const protocolOf = () => {
    const rnd = new SeededRandom(31);
    const random = (n: number) => rnd.bytes(n);
    const host = {
      now: () => now,
      hostile: () => null,
      random,
      paddingRandom: random,
      gzip: false,
      log: () => {},
    };
    const protocol = new Protocol(host, new MinimalWorld(() => []), 10);
    const record = new AuthKeyRecord(new Uint8Array(256).map((_, i) => i * 7), 99n, 2, now);
    protocol.keys.add(record);
    return { protocol, session: new ServerSession(5n, record) };
  };
  const rnd = new SeededRandom(32);
  const batches: Outgoing[][] = [];
  for (const sizes of [[12], [400], [3000], [12, 60, 700], Array(40).fill(100)]) {
    batches.push(sizes.map((n, i) => ({
      body: rnd.bytes(n & ~3),
      content: i % 2 === 0,
      reply: i % 3 !== 2,
    })));
  }
  for (const kind of ["abridged", "intermediate", "paddedIntermediate", "full"] as const) {
    for (const obfuscated of kind === "full" ? [false] : [false, true]) {
      const label = `${kind}${obfuscated ? ", obfuscated" : ""}`;
      const plain = protocolOf(), framed = protocolOf();
      const clients = [
        createTransport(kind, obfuscated ? { obfuscation: { dcId: 2 } } : {}),
        createTransport(kind, obfuscated ? { obfuscation: { dcId: 2 } } : {}),
      ];
      const encoders = clients.map((c) => {
        const server = acceptTransport();
        // The header and a first frame (an encrypted message shape: padded intermediate reads
        // the length from it): the transport is known once a frame is read.
        server.push(c.init);
        server.push(c.encoder.encode(new Uint8Array(72).fill(1)));
        return server.replyEncoder();
      });
      for (const [b, messages] of batches.entries()) {
        const sealed = plain.protocol.seal(plain.session, messages, now);
        const frames = framed.protocol.seal(framed.session, messages, now, encoders[1]);
        assert.equal(frames.length, sealed.length);
        // Unpadded, unobfuscated frames carry no randomness of their own: the same bytes.
        if (!obfuscated && kind !== "paddedIntermediate") {
          assert.deepEqual(frames, sealed.map((p) => encoders[0].encode(p)), `${label}, #${b}`);
        }
        // Every transport: the client reads the very payloads the plain path sealed.
        const read = frames.flatMap((f) => clients[1].decoder.push(f))
          .map((f) => f.type === "payload" ? f.payload.slice() : f);
        assert.deepEqual(read, sealed, `${label}, #${b}`);
      }
    }
  }
});
