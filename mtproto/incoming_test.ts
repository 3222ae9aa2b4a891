// containerEntries against tl/'s deserialize of the same msg_container: the same messages, the
// same rpc_result request ids and result bytes; irregular containers (cut short, lengths out of
// bounds, short rpc_results) are left to deserialize.
import { test } from "node:test";
import assert from "node:assert/strict";
import { type AnyTlObject, deserialize, serialize, TlReader } from "../tl/mod.ts";
import { containerEntries, isContainer } from "./incoming.ts";

let seed = 11;
const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;

function randomContainer(): Uint8Array {
  const n = 1 + rnd(40);
  const messages = Array.from({ length: n }, (_, i) => {
    const kind = rnd(4);
    const result = serialize({ _: "nearestDc", country: "XX", thisDc: 2, nearestDc: rnd(5) });
    const body: unknown = kind < 2
      ? serialize({ _: "rpc_result", reqMsgId: BigInt(rnd(1 << 30)) << 32n, result } as never)
      : kind === 2
      ? { _: "msgs_ack", msgIds: [BigInt(rnd(1000))] }
      : { _: "updatesTooLong" };
    return { msgId: (1_700_000_000n << 32n) + BigInt(4 * i + 1), seqno: 2 * i + rnd(2), body };
  });
  return serialize({ _: "msg_container", messages } as unknown as AnyTlObject);
}

test("container entries equal deserialize's messages (rpc_results in place, the rest as bytes)", () => {
  for (let round = 0; round < 200; round++) {
    const body = randomContainer();
    assert.ok(isContainer(body));
    const entries = containerEntries(body);
    assert.ok(entries !== undefined, "a regular container is read");
    const { messages } = deserialize(body) as unknown as {
      messages: { msgId: bigint; seqno: number; body: Record<string, unknown> }[];
    };
    assert.equal(entries.length, messages.length);
    for (const [i, e] of entries.entries()) {
      const m = messages[i];
      assert.equal(e.msgId, m.msgId);
      assert.equal(e.seqno, m.seqno);
      if (m.body._ === "rpc_result") {
        assert.equal(e.reqMsgId, m.body.reqMsgId);
        assert.deepEqual(e.result, m.body.result);
      } else {
        assert.equal(e.reqMsgId, undefined);
        assert.deepEqual(new TlReader(e.body).object(), m.body);
      }
    }
  }
});

test("irregular containers are left to deserialize (which refuses them)", () => {
  let refused = 0;
  for (let round = 0; round < 300; round++) {
    const good = randomContainer();
    const bad = good.slice(0, 8 + rnd(good.length - 8)); // cut short
    const view = new DataView(bad.buffer);
    if (round % 3 === 0 && bad.length >= 24) view.setInt32(20, [-4, 2, 1 << 30][rnd(3)], true);
    if (round % 5 === 0) view.setUint32(4, 1 + rnd(1 << 20), true);
    const entries = containerEntries(bad);
    let tl: unknown;
    try {
      tl = deserialize(bad);
    } catch {
      tl = undefined;
    }
    if (entries === undefined) {
      refused++;
      continue;
    }
    // Read here: deserialize must have read the same (a cut that falls between messages).
    assert.ok(tl !== undefined, `round ${round}: read here, refused by deserialize`);
    const messages = (tl as { messages: { msgId: bigint }[] }).messages;
    assert.deepEqual(entries.map((e) => e.msgId), messages.map((m) => m.msgId));
  }
  assert.ok(refused > 200, `${refused}`);
  // An rpc_result too short for its request id.
  const short = serialize(
    {
      _: "msg_container",
      messages: [{ msgId: 5n, seqno: 1, body: new Uint8Array([1, 0x6d, 0x5c, 0xf3, 0, 0, 0, 0]) }],
    } as unknown as AnyTlObject,
  );
  assert.equal(containerEntries(short), undefined);
  assert.throws(() => deserialize(short));
});
