import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { Chat } from "./chat.ts";
import { PeerIndex } from "./peer_index.ts";
import { chats, users } from "./test_support/corpus.ts";

test("Chat: marked ids and types for every kind of peer", () => {
  const cases: [Chat | undefined, number, string][] = [
    [Chat.parse(users.alice.raw), 1001, "private"],
    [Chat.parse(users.bot.raw), 1002, "bot"],
    [Chat.parse(chats.group.raw), -2001, "group"],
    [Chat.parse(chats.forbidden.raw), -2002, "group"],
    [Chat.parse(chats.channel.raw), -1000000003001, "channel"],
    [Chat.parse(chats.supergroup.raw), -1000000003002, "supergroup"],
    [Chat.parse(chats.forum.raw), -1000000003003, "forum"],
    [Chat.parse(chats.bannedChannel.raw), -1000000003004, "supergroup"],
    [Chat.parse(chats.direct.raw), -1000000003005, "direct"],
  ];
  for (const [chat, id, type] of cases) {
    assert.equal(chat?.id, id);
    assert.equal(chat?.type, type, String(id));
  }
});

test("Chat: fields of a group, a channel, a min supergroup and a banned one", () => {
  const group = Chat.parse(chats.group.raw)!;
  assert.equal(group.title, "Basic group");
  assert.equal(group.membersCount, 5);
  assert.equal(group.isCreator, true);
  assert.equal(group.isAdmin, true);
  assert.equal(group.username, undefined);
  assert.equal(group.isBanned, undefined);
  const channel = Chat.parse(chats.channel.raw)!;
  assert.equal(channel.username, "news");
  assert.equal(channel.isVerified, true);
  assert.equal(channel.signMessages, true);
  assert.equal(channel.dcId, 4);
  assert.equal(channel.membersCount, 1200);
  const sg = Chat.parse(chats.supergroup.raw)!;
  assert.equal(sg.isMin, true);
  assert.equal(sg.username, "super");
  assert.equal(Chat.parse(chats.forbidden.raw)!.isBanned, true);
  assert.equal(Chat.parse(chats.bannedChannel.raw)!.title, "Banned supergroup");
  const alice = Chat.parse(users.alice.raw)!;
  assert.equal(alice.firstName, "Alice");
  assert.equal(alice.title, undefined);
  assert.equal(Chat.parse({ _: "chatEmpty", id: 1n }), undefined);
});

test("Chat: a peer whose chat did not come along is a stand-in with the right id", () => {
  const none = new PeerIndex();
  const user = Chat.ofPeer({ _: "peerUser", userId: 7n }, none);
  assert.deepEqual([user.id, user.type, user.firstName], [7, "private", undefined]);
  const group = Chat.ofPeer({ _: "peerChat", chatId: 8n }, none);
  assert.deepEqual([group.id, group.type], [-8, "group"]);
  const post = Chat.ofPeer({ _: "peerChannel", channelId: 9n }, none, true);
  assert.deepEqual([post.id, post.type], [-1000000000009, "channel"]);
  const sg = Chat.ofPeer({ _: "peerChannel", channelId: 9n }, none);
  assert.equal(sg.type, "supergroup");
  const found = Chat.ofPeer(
    { _: "peerChannel", channelId: 3001n },
    new PeerIndex([], [chats.channel.raw]),
  );
  assert.equal(found.title, "News");
});

test("Chat: basic groups and channels with the same bare id are told apart", () => {
  const peers = new PeerIndex([], [
    { ...chats.group.raw, id: 5n, title: "group 5" },
    { ...chats.channel.raw, id: 5n, title: "channel 5" },
  ]);
  assert.equal(Chat.ofPeer({ _: "peerChat", chatId: 5n }, peers).title, "group 5");
  assert.equal(Chat.ofPeer({ _: "peerChannel", channelId: 5n }, peers).title, "channel 5");
});

test("Chat: printed with its fields, no raw, no access hash", () => {
  const text = inspect(Chat.parse(chats.channel.raw));
  assert.match(text, /-1000000003001/);
  assert.match(text, /'channel'|"channel"/);
  assert.doesNotMatch(text, /accessHash|raw/);
  const json = JSON.parse(JSON.stringify(Chat.parse(users.alice.raw)));
  assert.deepEqual([json._, json.id, json.type, json.title], ["Chat", 1001, "private", undefined]);
});
