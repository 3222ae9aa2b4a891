import { test } from "node:test";
import assert from "node:assert/strict";
import type { Api } from "../../tl/mod.ts";
import { PeerIndex } from "./peer_index.ts";
import { RecentPeers } from "./recent_peers.ts";

const user = (id: number): Api.User => ({ _: "user", id: BigInt(id), firstName: `u${id}` });
const channel = (id: number): Api.Channel => ({
  _: "channel",
  id: BigInt(id),
  title: `c${id}`,
  photo: { _: "chatPhotoEmpty" },
  date: 0,
});

test("PeerIndex: short and long vectors find the same users and chats", () => {
  for (const n of [3, 100]) {
    const users: Api.TypeUser[] = Array.from({ length: n }, (_, i) => user(i + 1));
    users.push({ _: "userEmpty", id: 5000n });
    const chats: Api.TypeChat[] = Array.from({ length: n }, (_, i) => channel(i + 1));
    chats.push({
      _: "chat",
      id: 2n,
      title: "g2",
      photo: { _: "chatPhotoEmpty" },
      participantsCount: 1,
      date: 0,
      version: 1,
    });
    const index = new PeerIndex(users, chats);
    assert.equal(index.user(BigInt(n))?.firstName, `u${n}`, `n=${n}`);
    assert.equal(index.user(5000n), undefined, "userEmpty is not a user");
    assert.equal(index.user(BigInt(n + 1)), undefined);
    assert.equal((index.chat(2n, true) as Api.Channel).title, "c2");
    assert.equal((index.chat(2n, false) as Api.Chat).title, "g2");
    assert.equal(index.chat(BigInt(n + 1), true), undefined);
  }
});

test("RecentPeers: bounded, the oldest go first", () => {
  const recent = new RecentPeers(3);
  recent.add([1, 2, 3, 4].map(user), [1, 2, 3, 4].map(channel));
  assert.equal(recent.user(1n), undefined);
  assert.equal(recent.user(4n)?.firstName, "u4");
  assert.equal(recent.chat(1n, true), undefined);
  assert.equal(recent.chat(4n, true)?._, "channel");
  assert.equal(recent.chat(4n, false), undefined);
});
