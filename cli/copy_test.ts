import { test } from "node:test";
import assert from "node:assert/strict";
import { copySession } from "./copy.ts";
import { CliError } from "./errors.ts";
import { MemoryStorage } from "../storage/memory.ts";
import type { PeerRecord } from "../storage/storage.ts";

const quiet = { isTTY: false, write: () => true };
const key = (seed: number) => Uint8Array.from({ length: 256 }, (_, i) => (i * seed + 1) & 0xff);

async function source(peers: number): Promise<MemoryStorage> {
  const s = new MemoryStorage();
  await s.open();
  await s.setSession({ dcId: 2, apiId: 5, userId: 9, isBot: false, date: 100, authKey: key(3) });
  await s.setAuthKey(4, key(5));
  await s.setUpdateState({ pts: 1, qts: 2, date: 3, seq: 4 });
  await s.setChannelPts(-1001234567890, 8);
  const list: PeerRecord[] = [];
  for (let i = 1; i <= peers; i++) {
    list.push({
      id: i,
      accessHash: BigInt(i) * 3n,
      type: "user",
      usernames: i % 2 ? [`u${i}`] : [],
      phoneNumber: null,
      lastUpdateOn: 50,
    });
  }
  await s.updatePeers(list);
  return s;
}

/** A destination that damages what it is given in one way. */
class Faulty extends MemoryStorage {
  constructor(readonly fault: "peer" | "hash" | "key" | "pts" | "none") {
    super();
  }
  override updatePeers(peers: PeerRecord[]): Promise<void> {
    if (this.fault === "peer") peers = peers.slice(1);
    if (this.fault === "hash") peers = peers.map((p, i) => i ? p : { ...p, accessHash: 0n });
    return super.updatePeers(peers);
  }
  override setAuthKey(dcId: number, key: Uint8Array | null): Promise<void> {
    return super.setAuthKey(dcId, this.fault === "key" ? null : key);
  }
  override setChannelPts(channelId: number, pts: number): Promise<void> {
    return super.setChannelPts(channelId, this.fault === "pts" ? pts + 1 : pts);
  }
}

test("copy: a faithful destination passes, and every kind of damage is caught as CLI_MISMATCH", async () => {
  const src = await source(25);
  const good = new Faulty("none");
  await good.open();
  const report = await copySession(src, good, { peerTotal: 25, progress: quiet });
  assert.deepEqual([report.peers, report.authKeys, report.channels], [25, 2, 1]);
  for (const fault of ["peer", "hash", "key", "pts"] as const) {
    const dest = new Faulty(fault);
    await dest.open();
    await assert.rejects(
      copySession(src, dest, { peerTotal: 25, progress: quiet }),
      (e) => e instanceof CliError && e.code === "CLI_MISMATCH" && e.exitCode === 7,
      fault,
    );
  }
});
