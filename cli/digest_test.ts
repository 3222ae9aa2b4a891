import { test } from "node:test";
import assert from "node:assert/strict";
import { PeerDigest } from "./digest.ts";
import type { PeerRecord } from "../storage/storage.ts";

const base: PeerRecord[] = [
  {
    id: 1,
    accessHash: -5n,
    type: "user",
    usernames: ["a", "b"],
    phoneNumber: "1",
    lastUpdateOn: 9,
  },
  { id: -100, accessHash: 0n, type: "group", usernames: [], phoneNumber: null, lastUpdateOn: 3 },
];
const digest = (peers: PeerRecord[]) => {
  const d = new PeerDigest();
  d.add(peers);
  return d;
};

test("digest: the same peers in any order and batching give the same digest", () => {
  const split = new PeerDigest();
  split.add([base[1]]);
  split.add([base[0]]);
  assert.ok(digest(base).equals(split));
});

test("digest: a change in any single field of any peer is seen", () => {
  const changes: ((p: PeerRecord) => PeerRecord)[] = [
    (p) => ({ ...p, id: p.id + 1 }),
    (p) => ({ ...p, accessHash: p.accessHash + 1n }),
    (p) => ({ ...p, type: "bot" }),
    (p) => ({
      ...p,
      usernames: [...p.usernames].reverse().concat(p.usernames.length ? [] : ["z"]),
    }),
    (p) => ({ ...p, phoneNumber: p.phoneNumber === null ? "" : null }),
    (p) => ({ ...p, lastUpdateOn: p.lastUpdateOn + 1 }),
  ];
  for (const change of changes) {
    const changed = [change(base[0]), base[1]];
    assert.ok(!digest(base).equals(digest(changed)), String(change));
  }
  assert.ok(!digest(base).equals(digest([base[0]])), "a missing peer is seen");
});
