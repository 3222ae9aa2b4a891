/**
 * One writer of the shared-database tests in storage/mongo_test.ts: the workload (used in
 * process) and, run as a script, a child process that performs it:
 *
 *   mongo_writer.ts --mongo-writer URL DATABASE WRITER TIME COUNT
 */
import process from "node:process";
import { MongoStorage } from "../storage/mongo.ts";
import type { PeerRecord, Storage } from "../storage/storage.ts";

/** A 256-byte key that differs per seed. */
export function writerKey(seed: number): Uint8Array {
  return Uint8Array.from({ length: 256 }, (_, i) => (seed * 131 + i * 17) & 0xff);
}

/** Writer `w`'s version of shared peer `i`: its whole record says who wrote it. */
export function writerPeer(w: number, i: number, t: number): PeerRecord {
  return {
    id: 1_000 + i,
    accessHash: BigInt(w * 1_000_000 + i),
    type: "user",
    usernames: [`w${w}_${i}`],
    phoneNumber: `${w}${i}`,
    lastUpdateOn: t + w,
  };
}

/** Writer `w`'s own peer, with two usernames (so also Irenogram's `usernames` collection). */
export function ownPeer(w: number, t: number): PeerRecord {
  return {
    id: 50_000 + w,
    accessHash: BigInt(w),
    type: "bot",
    usernames: [`mine${w}`, `alias${w}`],
    phoneNumber: null,
    lastUpdateOn: t,
  };
}

/** Everything writer `w` does, several calls at once: shared peers, its own, pts, a key. */
export async function runWriter(s: Storage, w: number, t: number, count: number): Promise<void> {
  const shared = Array.from({ length: count }, (_, i) => writerPeer(w, i, t));
  await Promise.all([
    s.updatePeers(shared.slice(0, count / 2)),
    s.updatePeers(shared.slice(count / 2)),
    s.updatePeers([ownPeer(w, t)]),
    s.setChannelPts(10 + w, 100 + w),
    s.setAuthKey(w + 1, writerKey(w)),
  ]);
}

if (process.argv.includes("--mongo-writer")) {
  const args = process.argv.slice(process.argv.indexOf("--mongo-writer") + 1);
  const [url, database] = args;
  const [w, t, count] = args.slice(2).map(Number);
  const s = new MongoStorage(database, url);
  await s.open();
  try {
    await runWriter(s, w, t, count);
  } finally {
    await s.close();
  }
  console.log("written");
}
