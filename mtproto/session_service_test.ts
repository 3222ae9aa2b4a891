// The encrypted session's service messages from the server (core.telegram.org/mtproto/
// service_messages): new_session_created after the server forgot the session, msgs_state_req,
// and a clock-correcting bad_msg_notification inside a container, repeated.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { AnyTlObject } from "../tl/mod.ts";
import {
  clientFor,
  countries,
  hold,
  protocolOf,
  protocolServer,
  sleep,
  until,
} from "./test_support/clients.ts";

for (const rule of ["lowest", "message"] as const) {
  test(`session: new_session_created (first_msg_id = ${rule} id): what the forgotten session held is sent again, nothing else; one updatesTooLong`, async () => {
    const { server, world } = await protocolServer();
    try {
      const protocol = protocolOf(world);
      protocol.firstMsgIdRule = rule;
      const updates: AnyTlObject[] = [];
      await using client = await clientFor(server, { onUpdate: (u) => updates.push(u) });
      await client.connect(2);
      // A request the server received and is answering when it forgets the session: the
      // answer goes nowhere.
      let release = hold(world);
      const lost = client.invoke(countries(1));
      assert.ok(await until(() => world.held === 1));
      assert.equal(protocol.forgetSessions(), 1);
      release();
      await sleep(50);
      // Two requests in one container open the new session: new_session_created's first_msg_id
      // is theirs (the lowest, or the container's own id, above both). Their answers are held,
      // so that new_session_created comes alone and finds them pending.
      release = hold(world);
      const all = Promise.all([lost, client.invoke(countries(2)), client.invoke(countries(3))]);
      assert.ok(await until(() => world.held === 4)); // 1 (lost), 1 again, 2, 3
      await sleep(100); // anything sent again in error reaches the world too
      release();
      const [a, b, c] = await all;
      for (const r of [a, b, c]) assert.equal(r._, "help.countriesListNotModified");
      assert.equal(world.calls.get(1), 2, "the lost request is sent again");
      assert.equal(world.calls.get(2), 1, "a request of the new session is not sent again");
      assert.equal(world.calls.get(3), 1, "a request of the new session is not sent again");
      // The first new_session_created of the client is its start; the second one is a gap.
      assert.deepEqual(updates.map((u) => u._), ["updatesTooLong"]);
      await client.close();
    } finally {
      await server.stop();
    }
  });
}

test("session: the server_salt of new_session_created is used from the next message on", async () => {
  const { server, world } = await protocolServer();
  try {
    const protocol = protocolOf(world);
    await using client = await clientFor(server);
    await client.connect(2);
    await client.invoke(countries(1));
    await client.invoke(countries(2));
    const [record] = [...protocol.keys.all()];
    const [session] = [...record.sessions.values()];
    const current = protocol.keys.currentSalt(record, server.now());
    // The first message carries the key exchange's salt, which is not the current one.
    assert.notEqual(session.salts[0], current);
    assert.ok(session.salts.length >= 2);
    for (const salt of session.salts.slice(1)) assert.equal(salt, current);
    assert.equal(server.stats().dropped["bad server salt"], undefined);
    await client.close();
  } finally {
    await server.stop();
  }
});

test("session: msgs_state_req from the server gets msgs_state_info: received 4, unknown in range 2, too low 1, too high 3", async () => {
  const { server, world } = await protocolServer();
  try {
    const protocol = protocolOf(world);
    await using client = await clientFor(server);
    await client.connect(2);
    for (let i = 0; i < 5; i++) await client.invoke(countries(i));
    let asked: bigint[] = [];
    assert.equal(
      protocol.askStates((sent) => {
        const received = sent[sent.length - 1];
        const sentSet = new Set(sent);
        const gap = sent.map((id) => id + 2n).find((id) => !sentSet.has(id) && id < received)!;
        assert.ok(gap !== undefined);
        asked = [received, gap, sent[0] - (1000n << 32n), received + (5n << 32n)];
        return asked;
      }),
      1,
    );
    assert.ok(await until(() => protocol.stateInfos.length === 1));
    const [{ info }] = protocol.stateInfos;
    assert.equal(info.length, asked.length);
    assert.equal(info[0] & 7, 4, "received");
    assert.deepEqual(info.slice(1), [2, 1, 3]);
    await client.close();
  } finally {
    await server.stop();
  }
});

// 16: the server's clock runs ahead (its own msg_ids go forward with it); 17: the client's clock
// jumps ahead. (A client clock jumping back keeps its msg_ids increasing, so the server has
// nothing to refuse.)
for (const [who, skew] of [["server", 600], ["client", 600], ["client", 100]] as const) {
  const code = who === "server" ? 16 : 17;
  test(`session: bad_msg_notification ${code} in a container with another message (${who} clock ${skew} s ahead), repeated for each message: clock corrected first, the other message taken, each request sent again once`, async () => {
    const { server, world } = await protocolServer();
    try {
      const protocol = protocolOf(world);
      let clientSkewMs = 0;
      const updates: string[] = [];
      await using client = await clientFor(server, {
        now: () => Date.now() + clientSkewMs,
        onUpdate: (u) => updates.push(u._),
      });
      await client.connect(2);
      if (who === "server") server.setClockSkew(skew);
      else clientSkewMs = skew * 1000;
      protocol.repeatBadMsg = true;
      // Another message rides in the notification's container: taken once the clock is right.
      let companions = 1;
      protocol.badMsgCompanions = () => companions-- > 0 ? [{ _: "updatesTooLong" }] : [];
      const release = hold(world);
      // Two requests at once: one container, refused for its msg_id; the answers are held so
      // that the repeated notifications find the requests still pending.
      const both = Promise.all([client.invoke(countries(1)), client.invoke(countries(2))]);
      assert.ok(await until(() => world.held === 2));
      await sleep(300); // the repeated notifications (50 ms later) arrive and are handled
      release();
      const answers = await both;
      assert.equal(answers.length, 2);
      assert.equal(world.calls.get(1), 1);
      assert.equal(world.calls.get(2), 1);
      assert.equal(world.held, 2);
      assert.deepEqual(updates, ["updatesTooLong"]);
      const offset = who === "server" ? skew : -skew;
      assert.ok(Math.abs(client.timeOffset - offset) <= 2, `offset ${client.timeOffset}`);
      // The container was refused (and maybe acks sent alone: nothing to send again for them).
      assert.ok((server.stats().dropped[`bad_msg_notification ${code}`] ?? 0) >= 1);
    } finally {
      await server.stop();
    }
  });
}

test("session: a request long unanswered is asked about (msgs_state_req): a lost answer is asked for again, a lost query sent again, a slow one waited for", async () => {
  const { server, world } = await protocolServer();
  try {
    const protocol = protocolOf(world);
    await using client = await clientFor(server, { stateRequestAfter: 300 });
    await client.connect(2);
    // The server answers, but the answer never arrives: msgs_state_info says 4 + 64, the client
    // sends msg_resend_ans_req and gets the kept answer (the query is not run again).
    protocol.loseAnswers = 1;
    const lostAnswer = await client.invoke(countries(1), { timeout: 10_000 });
    assert.equal(lostAnswer._, "help.countriesListNotModified");
    assert.equal(world.calls.get(1), 1);
    // The query never arrives: the server knows nothing of it, the client sends it again.
    protocol.ignoreQueries = 1;
    const lostQuery = await client.invoke(countries(2), { timeout: 10_000 });
    assert.equal(lostQuery._, "help.countriesListNotModified");
    assert.equal(world.calls.get(2), 1);
    // A slow query (received, being processed: 4 + 32) is neither sent again nor given up.
    const release = hold(world);
    const slow = client.invoke(countries(3), { timeout: 10_000 });
    assert.ok(await until(() => world.held === 1));
    const before = protocol.stateRequests;
    assert.ok(before >= 2);
    await sleep(1000); // at least two rounds of msgs_state_req
    assert.ok(protocol.stateRequests >= before + 2);
    release();
    assert.equal((await slow)._, "help.countriesListNotModified");
    assert.equal(world.calls.get(3), 1);
    const dropped = protocol.stats.dropped;
    assert.equal(dropped["answer lost (loseAnswers)"], 1);
    assert.equal(dropped["query ignored (ignoreQueries)"], 1);
  } finally {
    await server.stop();
  }
});

test("session: the client's wall clock set back an hour while connected: the next requests are answered, msg_ids follow the server", async () => {
  const { server, world } = await protocolServer();
  try {
    let backMs = 0;
    await using client = await clientFor(server, { now: () => Date.now() - backMs });
    await client.connect(2);
    await client.invoke(countries(1));
    const offset = client.timeOffset;
    // NTP (or a user) sets the clock back an hour. Before, the server's answers looked an hour
    // "too new" and were dropped, and the ids kept being accepted: nothing told the client.
    backMs = 3_600_000;
    for (let i = 2; i <= 4; i++) {
      const r = await client.invoke(countries(i), { timeout: 5000 });
      assert.equal(r._, "help.countriesListNotModified");
      assert.equal(world.calls.get(i), 1);
    }
    assert.ok(Math.abs(client.timeOffset - offset - 3600) <= 2, `offset ${client.timeOffset}`);
    assert.equal(server.stats().dropped["bad_msg_notification 16"], undefined);
    assert.equal(server.stats().dropped["bad_msg_notification 17"], undefined);
  } finally {
    await server.stop();
  }
});
