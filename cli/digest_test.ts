import { test } from "node:test";
import assert from "node:assert/strict";
import { DocumentDigest, PeerDigest } from "./digest.ts";
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

test("digest: documents in any order give the same digest; one changed byte is seen", () => {
  const docs = [Uint8Array.of(5, 0, 0, 0, 0), Uint8Array.of(7, 0, 0, 0, 1, 2, 0)];
  const a = new DocumentDigest(), b = new DocumentDigest();
  for (const d of docs) a.add(d);
  for (const d of [...docs].reverse()) b.add(d);
  assert.ok(a.equals(b));
  for (let i = 0; i < docs[1].length; i++) {
    const changed = new DocumentDigest();
    changed.add(docs[0]);
    const copy = docs[1].slice();
    copy[i] ^= 0x10;
    changed.add(copy);
    assert.ok(!a.equals(changed), `byte ${i}`);
  }
  const fewer = new DocumentDigest();
  fewer.add(docs[0]);
  assert.ok(!a.equals(fewer), "a missing document is seen");
});
