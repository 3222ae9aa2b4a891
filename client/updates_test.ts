import { test } from "node:test";
import assert from "node:assert/strict";
import { type Api, rpcErrorFromServer } from "../tl/mod.ts";
import { MemoryStorage } from "../storage/memory.ts";
import { type DeliveredUpdate, UpdateManager } from "./updates.ts";

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function message(id: number, peer: Api.TypePeer = { _: "peerUser", userId: 5n }): Api.Message {
  return { _: "message", id, peerId: peer, date: 1000 + id, message: `m${id}` };
}
const newMessage = (id: number, pts: number): Api.UpdateNewMessage => ({
  _: "updateNewMessage",
  message: message(id),
  pts,
  ptsCount: 1,
});
const wrap = (updates: Api.TypeUpdate[], seq = 0, seqStart = seq): Api.TypeUpdates =>
  seqStart === seq
    ? { _: "updates", updates, users: [], chats: [], date: 2000, seq }
    : { _: "updatesCombined", updates, users: [], chats: [], date: 2000, seq, seqStart };

/** A server whose common sequence is messages 1..n with pts 1..n (and a channel's, ids 100+). */
class FakeServer {
  messages: Api.Message[] = [];
  channel: Api.Message[] = [];
  seq = 0;
  calls: string[] = [];
  // deno-lint-ignore no-explicit-any
  invoke = (fn: any): Promise<any> => {
    this.calls.push(fn._);
    if (fn._ === "updates.getState") {
      return Promise.resolve({
        _: "updates.state",
        pts: this.messages.length,
        qts: 0,
        date: 1,
        seq: this.seq,
        unreadCount: 0,
      });
    }
    if (fn._ === "updates.getDifference") {
      const newMessages = this.messages.slice(fn.pts);
      if (newMessages.length === 0) {
        return Promise.resolve({ _: "updates.differenceEmpty", date: 5, seq: this.seq });
      }
      // Sliced in twos, to exercise differenceSlice.
      const part = newMessages.slice(0, 2);
      const pts = fn.pts + part.length;
      const state = { _: "updates.state", pts, qts: 0, date: 3000, seq: this.seq, unreadCount: 0 };
      const last = pts === this.messages.length;
      return Promise.resolve({
        _: last ? "updates.difference" : "updates.differenceSlice",
        newMessages: part,
        newEncryptedMessages: [],
        otherUpdates: [],
        users: [],
        chats: [],
        [last ? "state" : "intermediateState"]: state,
      });
    }
    if (fn._ === "updates.getChannelDifference") {
      const rest = this.channel.slice(fn.pts);
      return Promise.resolve(
        rest.length === 0 ? { _: "updates.channelDifferenceEmpty", final: true, pts: fn.pts } : {
          _: "updates.channelDifference",
          final: true,
          pts: this.channel.length,
          newMessages: rest,
          otherUpdates: [],
          users: [],
          chats: [],
        },
      );
    }
    throw new Error(`unexpected ${fn._}`);
  };
  post(n: number): Api.UpdateNewMessage {
    this.messages.push(message(this.messages.length + 1));
    assert.equal(this.messages.length, n);
    return newMessage(n, n);
  }
}

async function setup(server: FakeServer, storage = new MemoryStorage(), gapTimeout = 30) {
  await storage.open();
  const got: DeliveredUpdate[] = [];
  const manager = new UpdateManager({
    invoke: server.invoke,
    storage,
    savePeers: () => Promise.resolve(),
    deliver: (u) => got.push(...u),
    selfId: () => 1,
    logger: silent,
    gapTimeout,
  });
  await manager.start();
  const ids = () => got.map((g) => (g.update as { message: Api.Message }).message.id);
  return { manager, storage, got, ids };
}

test("updates: in-order updates are delivered once; duplicates are dropped; the state is stored", async () => {
  const server = new FakeServer();
  const { manager, storage, ids } = await setup(server);
  assert.deepEqual(server.calls, ["updates.getState"]);
  const u1 = server.post(1), u2 = server.post(2);
  await manager.handle(wrap([u1]));
  await manager.handle(wrap([u1])); // the same again
  await manager.handle({ _: "updateShort", update: u2, date: 7 });
  await manager.handle(wrap([u2]));
  assert.deepEqual(ids(), [1, 2]);
  assert.deepEqual(server.calls, ["updates.getState"], "no difference was needed");
  await manager.close(); // writes the state (coalesced: see updates_save_test.ts)
  assert.equal((await storage.getUpdateState())?.pts, 2);
});

test("updates: an update past a gap waits for the missing one and both arrive in order", async () => {
  const server = new FakeServer();
  const { manager, ids } = await setup(server, undefined, 5_000);
  const u1 = server.post(1), u2 = server.post(2), u3 = server.post(3);
  await manager.handle(wrap([u1]));
  await manager.handle(wrap([u3]));
  assert.deepEqual(ids(), [1]);
  await manager.handle(wrap([u2]));
  assert.deepEqual(ids(), [1, 2, 3]);
  assert.deepEqual(server.calls, ["updates.getState"]);
  await manager.close();
});

test("updates: a gap that stays open is filled by getDifference, each update once", async () => {
  const server = new FakeServer();
  const { manager, ids, storage } = await setup(server);
  const u1 = server.post(1);
  for (let n = 2; n <= 5; n++) server.post(n);
  const u6 = server.post(6);
  await manager.handle(wrap([u1]));
  await manager.handle(wrap([u6]));
  for (let i = 0; i < 100 && ids().length < 6; i++) await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(ids(), [1, 2, 3, 4, 5, 6]);
  assert.ok(server.calls.includes("updates.getDifference"));
  await manager.handle(wrap([u6])); // arrives late: already applied
  assert.deepEqual(ids(), [1, 2, 3, 4, 5, 6]);
  assert.equal((await storage.getUpdateState())?.pts, 6);
  await manager.close();
});

test("updates: a restart from the stored state fetches what was missed, in order, once", async () => {
  const server = new FakeServer();
  const storage = new MemoryStorage();
  const first = await setup(server, storage);
  await first.manager.handle(wrap([server.post(1)]));
  await first.manager.close();
  for (let n = 2; n <= 5; n++) server.post(n); // sent while stopped
  server.calls = [];
  const second = await setup(server, storage);
  assert.deepEqual(second.ids(), [2, 3, 4, 5]);
  assert.deepEqual(
    server.calls,
    ["updates.getDifference", "updates.getDifference"],
    "a slice, then the rest",
  );
  await second.manager.close();
  const third = await setup(server, storage);
  assert.deepEqual(third.ids(), [], "nothing twice");
  await third.manager.close();
});

test("updates: seq orders Updates containers; a seq gap fetches the difference", async () => {
  const server = new FakeServer();
  const { manager, ids } = await setup(server);
  server.seq = 1;
  await manager.handle(wrap([server.post(1)], 1));
  await manager.handle(wrap([newMessage(1, 1)], 1)); // same seq again
  assert.deepEqual(ids(), [1]);
  server.post(2), server.post(3);
  server.seq = 4;
  await manager.handle(wrap([newMessage(3, 3)], 4, 3)); // seq 2 missing
  assert.deepEqual(ids(), [1, 2, 3]);
  assert.equal(manager.state?.seq, 4);
  await manager.close();
});

test("updates: results of own requests advance the state without reaching the handlers", async () => {
  const server = new FakeServer();
  const { manager, ids } = await setup(server);
  server.post(1);
  await manager.handle({ _: "updateShortSentMessage", id: 1, pts: 1, ptsCount: 1, date: 5 }, false);
  await manager.handle(wrap([server.post(2)]));
  assert.deepEqual(ids(), [2]);
  assert.equal(manager.state?.pts, 2);
  assert.deepEqual(server.calls, ["updates.getState"]);
  await manager.close();
});

test("updates: updateShortMessage becomes a full message with both sides", async () => {
  const server = new FakeServer();
  const { manager, got } = await setup(server);
  server.post(1);
  await manager.handle({
    _: "updateShortMessage",
    out: true,
    id: 1,
    userId: 9n,
    message: "hi",
    pts: 1,
    ptsCount: 1,
    date: 5,
  });
  const m = (got[0].update as Api.UpdateNewMessage).message as Api.Message;
  assert.deepEqual([m.message, m.fromId, m.peerId], ["hi", { _: "peerUser", userId: 1n }, {
    _: "peerUser",
    userId: 9n,
  }]);
  await manager.close();
});

test("updates: channels keep their own pts, stored per channel; a gap fetches the channel difference", async () => {
  const server = new FakeServer();
  const storage = new MemoryStorage();
  const { manager, got } = await setup(server, storage);
  const peer: Api.TypePeer = { _: "peerChannel", channelId: 7n };
  await storage.updatePeers([{
    id: -1000000000007,
    accessHash: 3n,
    type: "supergroup",
    usernames: [],
    phoneNumber: null,
    lastUpdateOn: 0,
  }]);
  for (let n = 1; n <= 4; n++) server.channel.push(message(100 + n, peer));
  const ch = (n: number): Api.UpdateNewChannelMessage => ({
    _: "updateNewChannelMessage",
    message: server.channel[n - 1],
    pts: n,
    ptsCount: 1,
  });
  await manager.handle(wrap([ch(1)]));
  await manager.handle(wrap([ch(4)]));
  for (let i = 0; i < 100 && got.length < 4; i++) await new Promise((r) => setTimeout(r, 10));
  const ids = got.map((g) => ((g.update as Api.UpdateNewChannelMessage).message as Api.Message).id);
  assert.deepEqual(ids, [101, 102, 103, 104]);
  assert.ok(server.calls.includes("updates.getChannelDifference"));
  assert.equal(await storage.getChannelPts(-1000000000007), 4);
  assert.equal(manager.state?.pts, 0, "the common pts did not move");
  await manager.close();
});

test("updates: an update held past a gap that a request's own result closes is still delivered", async () => {
  const server = new FakeServer();
  const { manager, ids } = await setup(server, undefined, 5_000);
  server.post(1);
  const u2 = server.post(2);
  await manager.handle(wrap([u2])); // pushed before the result of the request that made pts 1
  assert.deepEqual(ids(), []);
  await manager.handle({ _: "updateShortSentMessage", id: 1, pts: 1, ptsCount: 1, date: 5 }, false);
  assert.deepEqual(ids(), [2]);
  const u3 = server.post(3), u4 = server.post(4);
  await manager.handle(wrap([u4]));
  await manager.handle(wrap([u3]), false); // an Updates result: its own update is not delivered
  assert.deepEqual(ids(), [2, 4]);
  assert.deepEqual(server.calls, ["updates.getState"]);
  await manager.close();
});

test("updates: a stored state the server refuses is replaced by the current one", async () => {
  const server = new FakeServer();
  const storage = new MemoryStorage();
  await storage.open();
  await storage.setUpdateState({ pts: 999, qts: 0, date: 1, seq: 0 });
  const invoke = server.invoke;
  // deno-lint-ignore no-explicit-any
  server.invoke = (fn: any) => {
    if (fn._ === "updates.getDifference") {
      server.calls.push(fn._);
      return Promise.reject(rpcErrorFromServer(400, "PERSISTENT_TIMESTAMP_INVALID", fn._));
    }
    return invoke(fn);
  };
  server.post(1), server.post(2);
  const { manager, ids } = await setup(server, storage);
  assert.deepEqual(server.calls, ["updates.getDifference", "updates.getState"]);
  assert.deepEqual(ids(), []);
  assert.equal((await storage.getUpdateState())?.pts, 2);
  await manager.close();
});
