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
  assert.equal(manager.state?.pts, 0, "the common pts did not move");
  await manager.close();
  assert.equal(await storage.getChannelPts(-1000000000007), 4);
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

/** Channels on a fake server: each a list of messages whose pts is its index + 1. */
class FakeChannels {
  posts = new Map<number, Api.Message[]>();
  calls: { channel: bigint; pts: number; limit: number }[] = [];
  /** Per call, what to answer instead (tooLong, errors); consumed in order. */
  script: ((fn: Api.UpdatesGetChannelDifference) => unknown)[] = [];
  slice = 1000;
  timeout: number | undefined;
  post(channelId: number, n = 1): void {
    const list = this.posts.get(channelId) ?? [];
    for (let i = 0; i < n; i++) {
      list.push(message(channelId * 1000 + list.length + 1, {
        _: "peerChannel",
        channelId: BigInt(channelId),
      }));
    }
    this.posts.set(channelId, list);
  }
  difference(fn: Api.UpdatesGetChannelDifference): unknown {
    const ch = fn.channel as Api.InputChannel;
    this.calls.push({ channel: ch.channelId, pts: fn.pts, limit: fn.limit });
    const scripted = this.script.shift();
    if (scripted) return scripted(fn);
    const list = this.posts.get(Number(ch.channelId)) ?? [];
    const rest = list.slice(fn.pts, fn.pts + Math.min(fn.limit, this.slice));
    if (rest.length === 0) {
      return {
        _: "updates.channelDifferenceEmpty",
        final: true,
        pts: fn.pts,
        timeout: this.timeout,
      };
    }
    const pts = fn.pts + rest.length;
    return {
      _: "updates.channelDifference",
      final: pts === list.length,
      timeout: this.timeout,
      pts,
      newMessages: rest,
      otherUpdates: [],
      users: [],
      chats: [],
    };
  }
}

const channelPeer = (id: number) => ({
  id: -1_000_000_000_000 - id,
  accessHash: BigInt(id),
  type: "channel" as const,
  usernames: [],
  phoneNumber: null,
  lastUpdateOn: 0,
});

/** A manager over `storage` (holding a common state) whose server also has `channels`. */
async function channelSetup(channels: FakeChannels, storage: MemoryStorage, isBot = false) {
  const server = new FakeServer();
  const invoke = server.invoke;
  // deno-lint-ignore no-explicit-any
  server.invoke = (fn: any) =>
    fn._ === "updates.getChannelDifference"
      ? (server.calls.push(fn._), Promise.resolve().then(() => channels.difference(fn)))
      : invoke(fn);
  const got: DeliveredUpdate[] = [];
  const manager = new UpdateManager({
    invoke: server.invoke,
    storage,
    savePeers: () => Promise.resolve(),
    deliver: (u) => got.push(...u),
    selfId: () => 1,
    isBot: () => isBot,
    logger: silent,
    gapTimeout: 30,
  });
  await manager.start();
  const ids = (channelId?: number) =>
    got.map((g) => (g.update as { message: Api.Message }).message)
      .filter((m) =>
        channelId === undefined || (m.peerId as Api.PeerChannel).channelId === BigInt(channelId)
      )
      .map((m) => m.id);
  return { manager, got, ids, server };
}

async function storedState(channels: Record<number, number>): Promise<MemoryStorage> {
  const storage = new MemoryStorage();
  await storage.open();
  await storage.setUpdateState({ pts: 1, qts: 0, date: 1, seq: 0 });
  for (const [id, pts] of Object.entries(channels)) {
    await storage.updatePeers([channelPeer(Number(id))]);
    await storage.setChannelPts(-1_000_000_000_000 - Number(id), pts);
  }
  return storage;
}

test("updates: a start catches up every stored channel, each message once and in order, and stores the last pts", async () => {
  const channels = new FakeChannels();
  channels.post(7, 3);
  channels.post(8, 5);
  channels.post(9, 2);
  channels.slice = 2; // several rounds per channel
  // Channel 7 was read up to pts 1, 8 up to 2, 9 entirely.
  const storage = await storedState({ 7: 1, 8: 2, 9: 2 });
  const { manager, ids, server } = await channelSetup(channels, storage);
  assert.deepEqual(ids(7), [7002, 7003]);
  assert.deepEqual(ids(8), [8003, 8004, 8005]);
  assert.deepEqual(ids(9), []);
  assert.ok(
    server.calls.indexOf("updates.getDifference") <
      server.calls.indexOf("updates.getChannelDifference"),
  );
  assert.deepEqual(
    await storage.listChannelPts(),
    new Map([
      [-1_000_000_000_007, 3],
      [-1_000_000_000_008, 5],
      [-1_000_000_000_009, 2],
    ]),
  );
  // A live update of channel 8 that follows on is delivered once (no second fetch).
  channels.post(8);
  const calls = channels.calls.length;
  await manager.handle(wrap([{
    _: "updateNewChannelMessage",
    message: channels.posts.get(8)![5],
    pts: 6,
    ptsCount: 1,
  }]));
  assert.deepEqual(ids(8), [8003, 8004, 8005, 8006]);
  assert.equal(channels.calls.length, calls);
  await manager.close();
  assert.equal(await storage.getChannelPts(-1_000_000_000_008), 6);
});

test("updates: channels are caught up a few at a time, and one failing channel does not stop the others", async () => {
  const channels = new FakeChannels();
  const stored: Record<number, number> = {};
  for (let c = 1; c <= 12; c++) channels.post(c, 2), stored[c] = 1;
  let running = 0, most = 0;
  const difference = channels.difference.bind(channels);
  channels.difference = (fn) => {
    running++, most = Math.max(most, running);
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        running--;
        if ((fn.channel as Api.InputChannel).channelId === 5n) {
          reject(rpcErrorFromServer(420, "FLOOD_WAIT_30", fn._));
        } else resolve(difference(fn));
      }, 5)
    );
  };
  const storage = await storedState(stored);
  const { manager, ids } = await channelSetup(channels, storage);
  assert.equal(ids().length, 11);
  assert.ok(most > 1 && most <= 4, `at most 4 at once (was ${most})`);
  assert.equal(await storage.getChannelPts(-1_000_000_000_005), 1, "the failed one keeps its pts");
  await manager.close();
});

test("updates: updateChannelTooLong fetches the channel, from its pts when none is stored", async () => {
  const channels = new FakeChannels();
  channels.post(7, 4);
  const storage = await storedState({});
  await storage.updatePeers([channelPeer(7)]);
  const { manager, ids } = await channelSetup(channels, storage);
  assert.equal(channels.calls.length, 0, "no channel was known at start");
  await manager.handle(wrap([{ _: "updateChannelTooLong", channelId: 7n, pts: 2 }]));
  assert.deepEqual(channels.calls.map((c) => c.pts), [2]);
  assert.deepEqual(ids(), [7003, 7004]);
  channels.post(7, 2);
  await manager.handle(wrap([{ _: "updateChannelTooLong", channelId: 7n, pts: 1 }]));
  assert.deepEqual(channels.calls.map((c) => c.pts), [2, 4], "a stored pts wins over the update's");
  assert.deepEqual(ids(), [7003, 7004, 7005, 7006]);
  await manager.close();
  assert.equal(await storage.getChannelPts(-1_000_000_000_007), 6);
});

test("updates: channelDifferenceTooLong skips to the dialog's pts (nothing delivered twice) and refetches from there", async () => {
  const channels = new FakeChannels();
  channels.post(7, 10);
  const storage = await storedState({ 7: 1 });
  const latest = channels.posts.get(7)!.slice(7, 9); // pts 8..9
  channels.script.push(() => ({
    _: "updates.channelDifferenceTooLong",
    final: true,
    dialog: {
      _: "dialog",
      peer: { _: "peerChannel", channelId: 7n },
      topMessage: 7009,
      readInboxMaxId: 0,
      readOutboxMaxId: 0,
      unreadCount: 0,
      unreadMentionsCount: 0,
      unreadReactionsCount: 0,
      notifySettings: { _: "peerNotifySettings" },
      pts: 9,
    },
    messages: [latest[1], latest[0]],
    chats: [],
    users: [],
  }));
  const { manager, ids } = await channelSetup(channels, storage, true);
  assert.deepEqual(channels.calls.map((c) => c.pts), [1, 9]);
  assert.deepEqual(channels.calls.map((c) => c.limit), [1000, 1000], "bots ask for more");
  assert.deepEqual(
    ids(),
    [7010],
    "the latest messages of tooLong may have been seen: not delivered",
  );
  assert.equal(await storage.getChannelPts(-1_000_000_000_007), 10);
  await manager.close();
});

test("updates: a channel the account left is skipped; a final answer's timeout fetches the channel again", async () => {
  const channels = new FakeChannels();
  channels.post(7, 1);
  channels.post(8, 1);
  channels.timeout = 0.05; // seconds
  const storage = await storedState({ 7: 1, 8: 1 });
  const difference = channels.difference.bind(channels);
  channels.difference = (fn) => {
    if ((fn.channel as Api.InputChannel).channelId === 7n) {
      channels.calls.push({ channel: 7n, pts: fn.pts, limit: fn.limit });
      throw rpcErrorFromServer(406, "CHANNEL_PRIVATE", fn._);
    }
    return difference(fn);
  };
  const { manager, ids } = await channelSetup(channels, storage);
  assert.equal(channels.calls.filter((c) => c.channel === 8n).length, 1);
  channels.post(8, 2); // not pushed: the poll brings it
  for (let i = 0; i < 200 && ids().length < 2; i++) await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(ids(), [8002, 8003]);
  assert.equal(
    channels.calls.filter((c) => c.channel === 7n).length,
    1,
    "no poll for a gone channel",
  );
  // The poll that brought them polls again; one that finds nothing does not.
  for (let i = 0; i < 100 && channels.calls.filter((c) => c.channel === 8n).length < 3; i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  const quiet = channels.calls.length;
  await new Promise((r) => setTimeout(r, 150));
  assert.equal(channels.calls.length, quiet, "a quiet channel is not polled forever");
  channels.post(8, 1);
  await manager.handle(wrap([{ // the client learns of it by a push, as usual
    _: "updateNewChannelMessage",
    message: channels.posts.get(8)![3],
    pts: 4,
    ptsCount: 1,
  }]));
  assert.deepEqual(ids(), [8002, 8003, 8004]);
  await manager.close();
});

test("updates: channel pts are written coalesced (one write per channel at the save), not per update or batch", async () => {
  const channels = new FakeChannels();
  channels.post(7, 20);
  const storage = await storedState({ 7: 0 });
  await storage.setChannelPts(-1_000_000_000_007, 1);
  channels.posts.get(7)!.length = 1;
  const { manager, ids } = await channelSetup(channels, storage);
  let writes = 0, reads = 0;
  const set = storage.setChannelPts.bind(storage), get = storage.getChannelPts.bind(storage);
  storage.setChannelPts = (c, p) => (writes++, set(c, p));
  storage.getChannelPts = (c) => (reads++, get(c));
  const updates: Api.TypeUpdate[] = [];
  for (let n = 2; n <= 20; n++) {
    channels.post(7);
    updates.push({
      _: "updateNewChannelMessage",
      message: channels.posts.get(7)![n - 1],
      pts: n,
      ptsCount: 1,
    });
  }
  await manager.handle(wrap(updates));
  assert.equal(ids().length, 19);
  assert.equal(writes, 0, "not written per batch");
  assert.equal(reads, 0, "channels are listed once at start");
  // A channel seen for the first time is not looked up in the storage either.
  await manager.handle(wrap([{
    _: "updateNewChannelMessage",
    message: message(1, { _: "peerChannel", channelId: 99n }),
    pts: 5,
    ptsCount: 1,
  }]));
  assert.equal(reads, 0);
  await manager.close();
  assert.equal(writes, 2, "one write per channel");
  assert.equal(await storage.getChannelPts(-1_000_000_000_007), 20);
  assert.equal(await storage.getChannelPts(-1_000_000_000_099), 5);
});

test("updates: differenceTooLong moves to the server's pts and fetches the difference from there", async () => {
  const server = new FakeServer();
  for (let n = 1; n <= 8; n++) server.post(n);
  const storage = new MemoryStorage();
  await storage.open();
  await storage.setUpdateState({ pts: 1, qts: 0, date: 1, seq: 0 });
  const invoke = server.invoke;
  let first = true;
  // deno-lint-ignore no-explicit-any
  server.invoke = (fn: any) => {
    if (fn._ === "updates.getDifference" && first) {
      first = false;
      server.calls.push(fn._);
      return Promise.resolve({ _: "updates.differenceTooLong", pts: 6 });
    }
    return invoke(fn);
  };
  const { manager, ids } = await setup(server, storage);
  assert.deepEqual(ids(), [7, 8], "what came after the new pts is fetched");
  assert.deepEqual(await storage.getUpdateState(), { pts: 8, qts: 0, date: 3000, seq: 0 });
  await manager.close();
});
