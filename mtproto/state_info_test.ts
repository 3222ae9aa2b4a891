// The client's msgs_state_info (core.telegram.org/mtproto/service_messages_about_messages), its
// status bytes checked against what the wire shows: for each server message received, 4, plus 8
// ("message already acknowledged") when a msgs_ack carrying it went out before, or 16 ("message
// not requiring acknowledgment") when its seq_no is even (service messages, containers).
import { test } from "node:test";
import assert from "node:assert/strict";
import { protocolOf, protocolServer, until } from "./test_support/clients.ts";
import { type Message, relayedClient } from "./test_support/wire_relay.ts";
import { ACK_DELAY } from "./session.ts";

test("msgs_state_info: 4, +8 once the ack went out, +16 for a message needing no ack (as the wire shows)", async () => {
  const { server, world } = await protocolServer();
  const { client, wire } = await relayedClient(server);
  try {
    const protocol = protocolOf(world);
    for (let i = 0; i < 3; i++) await client.invoke({ _: "help.getNearestDc" });
    // Acks go in bulk: once their timer fired, the answers so far are acknowledged.
    await new Promise((ok) => setTimeout(ok, ACK_DELAY + 300));
    // The server's clock jumps: the next request is refused by a bad_msg_notification 16, a
    // message needing no ack; the client follows the clock and sends the request again.
    server.setClockSkew(600);
    await client.invoke({ _: "help.getNearestDc" }, { timeout: 5000 });
    let asked: bigint[] = [];
    assert.equal(protocol.askStates((sent) => (asked = [...sent])), 1);
    assert.ok(await until(() => protocol.stateInfos.length === 1));
    const answered = () =>
      wire.seen.client.frames.findIndex((f) => has(f.messages, "msgs_state_info"));
    assert.ok(await until(() => answered() >= 0));
    // Known answers from the wire: each server message's seq_no, and the acks the client sent
    // before the frame carrying its msgs_state_info.
    const received = new Map<bigint, number>();
    for (const f of wire.seen.server.frames) {
      for (const m of [f.top, ...f.messages]) received.set(m.msgId, m.seqno);
    }
    const ackedBefore = new Set(
      wire.seen.client.frames.slice(0, answered()).flatMap((f) =>
        f.messages.flatMap((m) => m.body._ === "msgs_ack" ? m.body.msgIds! : [])
      ),
    );
    const expected = asked.map((id) => {
      const seqno = received.get(id);
      assert.ok(seqno !== undefined, "every message asked about went through the relay");
      if (seqno % 2 === 0) return 4 + 16;
      return ackedBefore.has(id) ? 4 + 8 : 4;
    });
    const [{ info }] = protocol.stateInfos;
    assert.deepEqual(info, expected);
    // The case the test is after: both flags occur.
    assert.ok(expected.includes(4 + 8) && expected.includes(4 + 16), `${expected}`);
  } finally {
    await client.close();
    await wire.close();
    await server.stop();
  }
});

function has(messages: Message[], name: string): boolean {
  return messages.some((m) => m.body._ === name);
}
