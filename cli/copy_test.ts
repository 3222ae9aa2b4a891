import { after, test } from "node:test";
import assert from "node:assert/strict";
import process from "node:process";
import { type Collection, MongoClient } from "mongodb";
import { copySession } from "./copy.ts";
import { openDest } from "./dest.ts";
import { CliError } from "./errors.ts";
import { MemoryStorage } from "../storage/memory.ts";
import { redactUrl } from "../storage/mongo.ts";
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
      // Some peers with several names: MongoDB also indexes those in its usernames collection.
      usernames: i % 5 === 0 ? [`a${i}`, `b${i}`] : i % 2 ? [`u${i}`] : [],
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

// --- MongoDB (FerretDB here): the read-back really reads the copy ------------------------------

const url = process.env.MONGODB_URL || "mongodb://127.0.0.1:27017/";
const admin = new MongoClient(url, { serverSelectionTimeoutMS: 1500 });
const mongoUp = await admin.db("admin").command({ ping: 1 }).then(() => true, () => false);
const mongoSkip = mongoUp || process.env.MONGODB_URL || process.env.CI
  ? false
  : `no MongoDB at ${redactUrl(url)} (source scripts/services.sh)`;
let counter = 0;
after(() => admin.close());

/** Copies a 30-peer session into a fresh MongoDB session, changing the copy before it is read. */
async function copyToMongo(
  damage?: (peers: Collection, usernames: Collection) => Promise<unknown>,
) {
  const name = `cli_copy_${process.pid}_${++counter}`;
  await admin.db(name).dropDatabase();
  const dest = await openDest(url, { name });
  try {
    const report = await copySession(await source(30), dest.storage, {
      peerTotal: 30,
      progress: quiet,
      writePeers: dest.writePeers,
      documents: dest.documents,
      afterWrite: async () => {
        const db = admin.db(name);
        await damage?.(db.collection("peers"), db.collection("usernames"));
      },
    });
    await dest.commit();
    return { report, left: await admin.db(name).collection("peers").countDocuments() };
  } catch (e) {
    await dest.abandon();
    const collections = await admin.db(name).listCollections().toArray();
    return { error: e, left: collections.length };
  } finally {
    await admin.db(name).dropDatabase().catch(() => {});
  }
}

test(
  "copy to MongoDB: the documents read back are the bytes written",
  { skip: mongoSkip },
  async () => {
    const { report, error } = await copyToMongo();
    assert.equal(error, undefined);
    assert.equal(report!.peers, 30);
    assert.equal(report!.peersCompared, "bytes");
  },
);

test(
  "copy to MongoDB: a peer changed, removed or added after writing is refused, and the copy dropped",
  {
    skip: mongoSkip,
  },
  async () => {
    const damages: Record<string, (peers: Collection, names: Collection) => Promise<unknown>> = {
      "username index entry removed": (_, names) => names.deleteOne({ _id: "a10" } as never),
      "username index entry moved": (_, names) =>
        names.updateOne({ _id: "b15" } as never, { $set: { peer_id: 16 } }),
      "access hash": (peers) => peers.updateOne({ _id: 7 } as never, { $set: { access_hash: 1n } }),
      "phone": (peers) => peers.updateOne({ _id: 8 } as never, { $set: { phone_number: "1" } }),
      "removed": (peers) => peers.deleteOne({ _id: 9 } as never),
      "added": (peers) =>
        peers.insertOne({
          _id: 99,
          access_hash: 5n,
          type: "user",
          username: null,
          usernames: [],
          phone_number: null,
          last_update_on: 50,
        } as never),
    };
    for (const [what, damage] of Object.entries(damages)) {
      const { error, left } = await copyToMongo(damage);
      assert.ok(error instanceof CliError && error.code === "CLI_MISMATCH", `${what}: ${error}`);
      assert.equal(left, 0, `${what}: the unverified copy is dropped`);
    }
  },
);

test(
  "copy to MongoDB: a document stored in other bytes but with equal fields is compared field by field",
  {
    skip: mongoSkip,
  },
  async () => {
    // The same value as an int64 instead of an int32: other bytes, the same peer.
    const { report, error } = await copyToMongo((peers) =>
      peers.updateOne({ _id: 10 } as never, { $set: { last_update_on: 50n } })
    );
    assert.equal(error, undefined);
    assert.equal(report!.peersCompared, "fields");
  },
);
