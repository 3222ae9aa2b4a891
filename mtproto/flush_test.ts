// The session's send path one request at a time, seen on the wire through a relay that reads the
// intermediate transport with the auth key: one frame per flush in one socket write, acks in bulk
// (one msgs_ack per ACK_BATCH answers, riding on a request; never a packet of their own while
// requests flow), every answer acked once, and no timer per answer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LAYER } from "../tl/mod.ts";
import { TestServer } from "../testing/server/mod.ts";
import { ACK_BATCH, ACK_DELAY } from "./session.ts";
import { relayed, relayedClient as connected } from "./test_support/wire_relay.ts";

const CALLS = 2 * ACK_BATCH + 8;

test("one at a time: each request is one frame in one socket write; acks go in bulk on requests, each answer's once", async () => {
  await using server = await TestServer.start();
  const { client, wire } = await connected(server);
  try {
    const from = wire.seen.client.frames.length, chunksFrom = wire.seen.client.chunks.length;
    const answersFrom = wire.seen.server.frames.length;
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) await client.invoke({ _: "help.getNearestDc" });
    // The ack timer cannot have fired during the loop unless the machine stalled this long:
    // then acks may have left early, alone, which the bulk checks below do not hold against.
    const stalled = performance.now() - started >= ACK_DELAY;
    const frames = wire.seen.client.frames.slice(from);
    // Every flush is one sealed frame, written whole: one chunk per frame on the relay.
    assert.equal(frames.length, CALLS, "one frame per request");
    assert.equal(wire.seen.client.chunks.length - chunksFrom, CALLS, "one socket write per frame");
    assert.deepEqual(frames.map((f) => f.chunk), frames.map((_, i) => chunksFrom + i));
    for (const f of frames) {
      const kinds = f.messages.map((m) => m.body._);
      assert.ok(
        kinds.includes("help.getNearestDc") || kinds.includes("invokeWithLayer"),
        `${kinds}`,
      );
    }
    const acks = (fs: typeof frames) =>
      fs.flatMap((f) => f.messages).filter((m) => m.body._ === "msgs_ack");
    if (!stalled) {
      // In bulk: ACK_BATCH answers per msgs_ack, so a request goes alone most of the time.
      const sent = acks(frames);
      assert.ok(sent.length >= 1 && sent.length <= Math.ceil(CALLS / ACK_BATCH), `${sent.length}`);
      for (const m of sent) assert.ok(m.body.msgIds!.length >= ACK_BATCH, "a small batch");
      const alone = frames.filter((f) => f.messages.length === 1).length;
      assert.ok(alone >= CALLS - Math.ceil(CALLS / ACK_BATCH), `${alone} requests went alone`);
    }
    // The rest leave once the timer fires, and every content-related answer is acked once.
    await new Promise((ok) => setTimeout(ok, ACK_DELAY + 300));
    const all = acks(wire.seen.client.frames.slice(from));
    for (const m of all) assert.equal(m.seqno % 2, 0, "msgs_ack is not content-related");
    const acked = all.flatMap((m) => m.body.msgIds!);
    const answers = wire.seen.server.frames.slice(answersFrom).flatMap((f) => f.messages);
    const contentIds = answers.filter((m) => m.seqno % 2 === 1).map((m) => m.msgId);
    assert.ok(contentIds.length >= CALLS);
    // (Acks of answers from before the loop may ride along too.)
    assert.equal(new Set(acked).size, acked.length, "an answer acked twice");
    for (const id of contentIds) assert.ok(acked.includes(id), `answer ${id} never acked`);
  } finally {
    await client.close();
    await wire.close();
  }
});

test("one at a time: answers arm no timer each (the ack timer is armed once a batch and not churned)", async () => {
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
    assert.ok(timers <= 4, `${timers} timers for ${CALLS} requests`);
    // The acks of the last answers still leave on their own once the timer fires.
    const before = wire.seen.client.frames.length;
    await new Promise((ok) => setTimeout(ok, ACK_DELAY + 300));
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
