// The common update state is written coalesced (not once per update), on a timer and at close().
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Api } from "../tl/mod.ts";
import { MemoryStorage } from "../storage/memory.ts";
import type { UpdateState } from "../storage/storage.ts";
import { SAVE_DELAY_MS, UpdateManager } from "./updates.ts";

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const UPDATES = 50;

/** A memory storage that records every update-state write. */
class RecordingStorage extends MemoryStorage {
  writes: UpdateState[] = [];
  override setUpdateState(state: UpdateState): Promise<void> {
    this.writes.push({ ...state });
    return super.setUpdateState(state);
  }
}

const push = (pts: number): Api.TypeUpdates => ({
  _: "updateShort",
  update: {
    _: "updateNewMessage",
    message: { _: "message", id: pts, peerId: { _: "peerUser", userId: 5n }, date: 9, message: "" },
    pts,
    ptsCount: 1,
  },
  date: 1000 + pts,
});

async function started(saveDelay?: number) {
  const storage = new RecordingStorage();
  await storage.open();
  let delivered = 0;
  const manager = new UpdateManager({
    invoke: () =>
      Promise.resolve(
        { _: "updates.state", pts: 0, qts: 0, date: 1, seq: 0, unreadCount: 0 } as never,
      ),
    storage,
    savePeers: () => Promise.resolve(),
    deliver: (batch) => void (delivered += batch.length),
    selfId: () => 1,
    logger: silent,
    saveDelay,
  });
  await manager.start();
  storage.writes.length = 0; // the start's own write
  return { storage, manager, delivered: () => delivered };
}

test("update state: many updates are written once at close(), with the last state", async () => {
  const { storage, manager, delivered } = await started(60_000);
  for (let pts = 1; pts <= UPDATES; pts++) await manager.handle(push(pts));
  assert.equal(delivered(), UPDATES);
  assert.equal(storage.writes.length, 0, "no write per update");
  await manager.close();
  assert.equal(storage.writes.length, 1);
  assert.equal(storage.writes[0].pts, UPDATES);
  assert.equal((await storage.getUpdateState())?.pts, UPDATES);
  await storage.close();
});

test("update state: the timer writes an advanced state without close(), coalesced", async () => {
  const { storage, manager } = await started(5);
  for (let pts = 1; pts <= UPDATES; pts++) await manager.handle(push(pts));
  // Bounded wait (the delay is 5 ms): the timer's write lands without close().
  for (let i = 0; i < 400 && (await storage.getUpdateState())?.pts !== UPDATES; i++) {
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.equal((await storage.getUpdateState())?.pts, UPDATES);
  assert.ok(storage.writes.length < UPDATES, `${storage.writes.length} writes`);
  const before = storage.writes.length;
  await manager.close(); // nothing left to write
  assert.equal(storage.writes.length, before);
  await storage.close();
});

test("update state: the default delay is bounded (a crash re-delivers at most ~1 s)", () => {
  assert.ok(SAVE_DELAY_MS > 0 && SAVE_DELAY_MS <= 1000);
});
