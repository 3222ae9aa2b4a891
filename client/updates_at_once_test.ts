// Updates applied at once (inside handle(), while nothing is queued) against the plain path
// (every Updates object through the promise queue): the same deliveries, state and stored pts.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Api } from "../tl/mod.ts";
import { MemoryStorage } from "../storage/memory.ts";
import { SeededRandom } from "../testing/random.ts";
import { type DeliveredUpdate, UpdateManager } from "./updates.ts";

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const CHANNEL = -1000000000007;
const channelPeer: Api.TypePeer = { _: "peerChannel", channelId: 7n };
const user5: Api.TypePeer = { _: "peerUser", userId: 5n };

const message = (id: number, peerId: Api.TypePeer = user5): Api.Message => ({
  _: "message",
  id,
  peerId,
  date: 1000 + id,
  message: `m${id}`,
});
const common = (pts: number): Api.UpdateNewMessage => ({
  _: "updateNewMessage",
  message: message(pts),
  pts,
  ptsCount: 1,
});
const inChannel = (pts: number): Api.UpdateNewChannelMessage => ({
  _: "updateNewChannelMessage",
  message: message(10_000 + pts, channelPeer),
  pts,
  ptsCount: 1,
});
const user = (id: number): Api.User => ({ _: "user", id: BigInt(id), accessHash: BigInt(id * 7) });

/**
 * A manager at pts 0 whose savePeers is slow for `slowPeers` (a promise settled on a timer), as a
 * storage write is, and answers at once otherwise (nothing to write).
 */
async function started(applyAtOnce: boolean, slowPeers: (users: Api.TypeUser[]) => boolean) {
  const storage = new MemoryStorage();
  await storage.open();
  const got: DeliveredUpdate[] = [];
  const calls: string[] = [];
  let saves = 0;
  const manager = new UpdateManager({
    invoke: (fn) => {
      calls.push(fn._);
      if (fn._ !== "updates.getState") throw new Error(`unexpected ${fn._}`);
      return Promise.resolve(
        { _: "updates.state", pts: 0, qts: 0, date: 1, seq: 0, unreadCount: 0 } as never,
      );
    },
    storage,
    savePeers: ({ users }) => {
      saves++;
      return slowPeers(users) ? new Promise((r) => setTimeout(r, 1)) : undefined;
    },
    deliver: (batch) => void got.push(...batch),
    selfId: () => 1,
    logger: silent,
    gapTimeout: 60_000, // every gap of these runs is closed by a later push
    applyAtOnce,
  });
  await manager.start();
  const keys = () =>
    got.map((d) => {
      const u = d.update as { _: string; pts?: number; qts?: number; message?: { id: number } };
      return `${u._}:${u.pts ?? u.qts}:${u.message?.id}`;
    });
  return { storage, manager, got, keys, calls, saves: () => saves };
}

test("updates: an in-order push is applied inside handle(), with no promise chain while nothing is queued", async () => {
  const { manager, keys } = await started(true, () => false);
  const done = manager.handle({ _: "updateShort", update: common(1), date: 5 });
  // Before any microtask has run: delivered and the pts advanced.
  assert.deepEqual(keys(), ["updateNewMessage:1:1"]);
  assert.equal(manager.state?.pts, 1);
  await done;
  manager.handle({ _: "updateShort", update: common(2), date: 6 });
  assert.equal(manager.state?.pts, 2);
  await manager.close();
});

test("updates: a push that arrives while a batch waits for its peers is applied after it, in order", async () => {
  const { manager, keys } = await started(true, (users) => users.length > 0);
  const batch = manager.handle({
    _: "updates",
    updates: [common(1), common(2)],
    users: [user(42)],
    chats: [],
    date: 5,
    seq: 0,
  });
  // No pts: only the queue keeps it behind the batch.
  const status: Api.UpdateUserStatus = {
    _: "updateUserStatus",
    userId: 5n,
    status: { _: "userStatusOnline", expires: 9 },
  };
  const short = manager.handle({ _: "updateShort", update: status, date: 6 });
  assert.deepEqual(keys(), [], "the batch waits for its peers; the push waits behind it");
  await Promise.all([batch, short]);
  assert.deepEqual(keys(), [
    "updateNewMessage:1:1",
    "updateNewMessage:2:2",
    "updateUserStatus:undefined:undefined",
  ]);
  await manager.close();
});

/** One random stream of pushes: common pts with reorders and repeats, a channel, qts, seq. */
function stream(random: SeededRandom): Api.TypeUpdates[] {
  const out: Api.TypeUpdates[] = [];
  let pts = 0, channelPts = 0, qts = 0, seq = 0;
  const users = () => random.int(3) === 0 ? [user(100 + random.int(5))] : [];
  for (let i = 0; i < 60; i++) {
    switch (random.int(6)) {
      case 0:
        out.push({ _: "updateShort", update: common(++pts), date: 2000 + i });
        break;
      case 1:
        out.push({
          _: "updateShortMessage",
          out: random.int(2) === 0,
          id: ++pts,
          userId: 5n,
          message: `s${pts}`,
          pts,
          ptsCount: 1,
          date: 2000 + i,
        });
        break;
      case 2: {
        const n = 1 + random.int(3);
        const updates = Array.from({ length: n }, () => common(++pts));
        const withSeq = random.int(2) === 0;
        out.push({
          _: "updates",
          updates,
          users: users(),
          chats: [],
          date: 2000 + i,
          seq: withSeq ? ++seq : 0,
        });
        break;
      }
      case 3:
        out.push({
          _: "updates",
          updates: [inChannel(++channelPts)],
          users: users(),
          chats: [],
          date: 2000 + i,
          seq: 0,
        });
        break;
      case 4:
        out.push({
          _: "updateShort",
          update: {
            _: "updateNewEncryptedMessage",
            message: {
              _: "encryptedMessageService",
              randomId: 1n,
              chatId: 1,
              date: 1,
              bytes: new Uint8Array(0),
            },
            qts: ++qts,
          },
          date: 2000 + i,
        });
        break;
      case 5:
        // A repeat of an earlier push (a resend): dropped as a duplicate.
        if (out.length > 0) out.push(out[random.int(out.length)]);
        break;
    }
  }
  // Swap some neighbours whose updates are common-pts only: short gaps the next push closes.
  const commonOnly = (u: Api.TypeUpdates) =>
    u._ === "updateShortMessage" ||
    (u._ === "updateShort" && u.update._ === "updateNewMessage") ||
    (u._ === "updates" && u.seq === 0 && u.updates.every((x) => x._ === "updateNewMessage"));
  for (let i = 1; i + 1 < out.length; i++) {
    if (random.int(4) === 0 && commonOnly(out[i]) && commonOnly(out[i + 1])) {
      [out[i], out[i + 1]] = [out[i + 1], out[i]];
      i++;
    }
  }
  return out;
}

test("updates: applied at once or through the queue, random push streams give the same deliveries and state", async () => {
  const seed = Date.now() >>> 0;
  for (let run = 0; run < 40; run++) {
    const updates = stream(new SeededRandom(seed + run));
    const results = [];
    for (const atOnce of [true, false]) {
      // Pushes arrive as the socket delivers them: some back to back, some a tick apart.
      const ticks = new SeededRandom(seed + run + 1_000_000);
      const m = await started(atOnce, (users) => users.length > 0 && ticks.int(2) === 0);
      const handled: Promise<void>[] = [];
      for (const u of updates) {
        handled.push(m.manager.handle(u));
        if (ticks.int(3) === 0) await new Promise((r) => setTimeout(r, 0));
      }
      await Promise.all(handled);
      const state = m.manager.state;
      await m.manager.close();
      results.push({
        keys: m.keys(),
        state,
        stored: await m.storage.getUpdateState(),
        channel: await m.storage.getChannelPts(CHANNEL),
        calls: m.calls,
      });
    }
    const [atOnce, queued] = results;
    const why = `seed ${seed + run}`;
    assert.deepEqual(atOnce, queued, why);
    assert.deepEqual(atOnce.calls, ["updates.getState"], `${why}: no gap stayed open`);
    // Every update exactly once (an independent check of both).
    assert.equal(new Set(atOnce.keys).size, atOnce.keys.length, `${why}: nothing twice`);
  }
});
