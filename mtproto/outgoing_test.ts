// The flush buffer against the straightforward path: tl/'s serialize of a msg_container (or the
// lone message) behind a 32-byte header written with a DataView.
import { test } from "node:test";
import assert from "node:assert/strict";
import { type AnyTlObject, serialize } from "../tl/mod.ts";
import { OutgoingBatch } from "./outgoing.ts";

function expected(
  salt: bigint,
  sessionId: bigint,
  messages: { msgId: bigint; seqno: number; body: Uint8Array }[],
  container: { msgId: bigint; seqNo: number },
): Uint8Array {
  const one = messages.length === 1;
  const inner = one
    ? messages[0].body
    : serialize({ _: "msg_container", messages } as unknown as AnyTlObject);
  const out = new Uint8Array(32 + inner.length);
  const v = new DataView(out.buffer);
  v.setBigInt64(0, salt, true);
  v.setBigInt64(8, sessionId, true);
  v.setBigInt64(16, one ? messages[0].msgId : container.msgId, true);
  v.setInt32(24, one ? messages[0].seqno : container.seqNo, true);
  v.setInt32(28, inner.length, true);
  out.set(inner, 32);
  return out;
}

test("outgoing batch: equals serialize(msg_container) behind the header, for 1..300 messages (bytes or objects), reused and grown", () => {
  let seed = 7;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  const batch = new OutgoingBatch();
  let msgId = 1_700_000_000n << 32n;
  for (let round = 0; round < 60; round++) {
    const count = round < 20 ? 1 + (round % 3) : 1 + rnd(300);
    // Bodies already serialised, and (msgs_ack) objects serialised into the batch.
    const messages = Array.from({ length: count }, (_, i) => {
      const ack = rnd(3) === 0
        ? {
          _: "msgs_ack",
          msgIds: Array.from({ length: rnd(50) }, () => BigInt(rnd(1 << 30)) << 31n),
        }
        : undefined;
      const body = ack !== undefined
        ? serialize(ack as AnyTlObject)
        : Uint8Array.from({ length: 4 * rnd(round % 7 === 0 ? 600 : 40) }, () => rnd(256));
      return { msgId: msgId += 4n, seqno: 2 * i + rnd(2), body, ack };
    });
    for (const m of messages) {
      if (m.ack !== undefined) batch.addObject(m.msgId, m.seqno, m.ack as AnyTlObject);
      else batch.add(m.msgId, m.seqno, m.body);
    }
    assert.equal(batch.count, count);
    assert.equal(batch.bytes, messages.reduce((n, m) => n + 16 + m.body.length, 0));
    const container = { msgId: msgId += 4n, seqNo: 2 * count };
    let asked = 0;
    const salt = BigInt(rnd(1 << 30)) << 20n, sessionId = -BigInt(rnd(1 << 30)) - 1n;
    const got = batch.finish(salt, sessionId, () => (asked++, container));
    assert.equal(asked, count > 1 ? 1 : 0, "a container id only for several messages");
    assert.deepEqual(got.data, expected(salt, sessionId, messages, container), `round ${round}`);
    assert.equal(got.msgId, count > 1 ? container.msgId : messages[0].msgId);
    assert.equal(batch.count, 0);
  }
});

test("outgoing batch: clear() drops a half-built flush", () => {
  const batch = new OutgoingBatch();
  batch.add(4n, 1, new Uint8Array(8).fill(1));
  batch.add(8n, 3, new Uint8Array(8).fill(2));
  batch.clear();
  assert.equal(batch.count, 0);
  const body = new Uint8Array(12).fill(3);
  batch.add(12n, 5, body);
  const got = batch.finish(1n, 2n, () => assert.fail("one message: no container"));
  assert.deepEqual(got.data, expected(1n, 2n, [{ msgId: 12n, seqno: 5, body }], {} as never));
});
