import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import type { Api } from "../../tl/mod.ts";
import type { Client } from "../client.ts";
import { ClientError } from "../errors.ts";
import { Message } from "./message.ts";
import { PeerIndex } from "./peer_index.ts";
import { RecentPeers } from "./recent_peers.ts";
import { User } from "./user.ts";
import { type MessageCase, messages, SELF_ID, users } from "./test_support/corpus.ts";

const wrap = (c: MessageCase, client?: Client) =>
  new Message(c.message.raw, {
    peers: new PeerIndex(c.users.map((u) => u.raw), c.chats.map((ch) => ch.raw)),
    client,
  });

test("Message: a private message: the chat and the sender are the other user", () => {
  const m = wrap(messages.privateIn);
  assert.equal(m.id, 10);
  assert.equal(m.chat.id, 1001);
  assert.equal(m.chat.type, "private");
  assert.equal(m.chat.firstName, "Alice");
  assert.equal(m.fromUser?.id, 1001);
  assert.equal(m.senderChat, undefined);
  assert.equal(m.outgoing, false);
  assert.equal(m.date?.getTime(), 1_760_000_000_000);
  assert.equal(m.text, "Hi @sam, see example and Alice 🙂 code");
  assert.equal(m.caption, undefined);
  assert.deepEqual(
    m.entities?.map((e) => [e.type, m.text!.slice(e.offset, e.offset + e.length)]),
    [
      ["mention", "@sam"],
      ["text_link", "example"],
      ["text_mention", "Alice"],
      ["custom_emoji", "🙂"],
      ["pre", "code"],
      ["blockquote", "Hi"],
    ],
  );
  const [, link, mention, emoji, pre, quote] = m.entities!;
  assert.equal(link.url, "https://example.com/");
  assert.equal(mention.user?.id, 1001);
  assert.equal(emoji.customEmojiId, "5368324170671202286");
  assert.equal(pre.language, "ts");
  assert.equal(quote.expandable, true);
});

test("Message: an outgoing private message without fromId is from this account", () => {
  const raw = { ...messages.privateOut.message.raw, fromId: undefined } as Api.Message;
  const client = { userId: Number(SELF_ID), me: undefined } as unknown as Client;
  const m = new Message(raw, { peers: new PeerIndex([users.self.raw, users.bot.raw]), client });
  assert.equal(m.fromUser?.id, Number(SELF_ID));
  assert.equal(m.chat.type, "bot");
  assert.equal(m.replyToMessageId, 9);
  // This account's user may not come with it: the client's `me` stands in.
  const me = new User(users.self.raw);
  const alone = new Message(raw, {
    client: { userId: Number(SELF_ID), me } as unknown as Client,
  });
  assert.equal(alone.fromUser, me);
});

test("Message: group, supergroup, channel post and a message sent as a channel", () => {
  const group = wrap(messages.group);
  assert.deepEqual([group.chat.id, group.chat.type, group.fromUser?.id], [-2001, "group", 1001]);
  assert.deepEqual([group.replyToMessageId, group.replyToTopMessageId], [7, 3]);
  assert.deepEqual([group.mentioned, group.silent, group.editHidden], [true, true, true]);
  assert.equal(group.editDate?.getTime(), (1_760_000_000 + 30) * 1000);

  const sg = wrap(messages.supergroupMin);
  assert.deepEqual([sg.chat.id, sg.chat.type], [-1000000003002, "supergroup"]);
  assert.equal(sg.fromUser?.isMin, true, "a min sender is still a User");
  assert.equal(sg.fromUser?.firstName, "Mallory");
  assert.deepEqual([sg.pinned, sg.hasProtectedContent], [true, true]);

  const post = wrap(messages.channelPost);
  assert.deepEqual([post.chat.id, post.chat.type], [-1000000003001, "channel"]);
  assert.equal(post.fromUser, undefined);
  assert.equal(post.senderChat?.id, -1000000003001);
  assert.deepEqual([post.views, post.forwards, post.authorSignature], [1500, 7, "Editor"]);
  assert.equal(post.channelPost, true);

  const asChannel = wrap(messages.sentAsChannel);
  assert.deepEqual([asChannel.chat.id, asChannel.chat.type], [-1000000003003, "forum"]);
  assert.equal(asChannel.fromUser, undefined);
  assert.equal(asChannel.senderChat?.title, "News");
});

test("Message: a missing sender is undefined (its id stays in raw.fromId); a missing chat has its id", () => {
  const m = wrap(messages.missingSender);
  assert.equal(m.fromUser, undefined);
  assert.equal(m.senderChat, undefined);
  assert.deepEqual(m.raw._ === "message" && m.raw.fromId, { _: "peerUser", userId: 1999n });
  const where = wrap(messages.missingChat);
  assert.deepEqual([where.chat.id, where.chat.type, where.chat.title], [
    -1000000003999,
    "supergroup",
    undefined,
  ]);
  assert.equal(where.fromUser?.id, 1001);
});

test("Message: recently seen peers fill in what a short update leaves out", () => {
  const recent = new RecentPeers();
  recent.add([users.alice.raw], []);
  const raw = messages.privateIn.message.raw;
  assert.equal(new Message(raw).fromUser, undefined);
  const m = new Message(raw, { peers: new PeerIndex([], [], recent) });
  assert.equal(m.fromUser?.firstName, "Alice");
  assert.equal(m.chat.firstName, "Alice");
  // A min user does not replace the full one.
  recent.add([{ ...users.alice.raw, min: true, firstName: "A." }], []);
  assert.equal(recent.user(1001n)?.firstName, "Alice");
});

test("Message: media, captions and albums", () => {
  const photo = wrap(messages.photo);
  assert.deepEqual([photo.media, photo.text, photo.caption], ["photo", undefined, "a caption"]);
  assert.equal(photo.entities, undefined);
  assert.deepEqual(photo.captionEntities?.map((e) => e.type), ["italic"]);
  assert.equal(photo.mediaGroupId, "13000000000000000");
  const voice = wrap(messages.voice);
  assert.deepEqual([voice.media, voice.caption, voice.text], ["voice", undefined, undefined]);
  const page = wrap(messages.webPage);
  assert.deepEqual([page.media, page.text], ["web_page", "look https://example.com"]);
  assert.equal(wrap(messages.viaBot).viaBot?.username, "echo_bot");
});

test("Message: service messages", () => {
  const add = wrap(messages.addUser);
  assert.equal(add.service, "new_chat_members");
  assert.deepEqual(add.newChatMembers?.map((u) => u.id), [1002, 1004]);
  assert.equal(add.text, undefined);
  assert.equal(add.fromUser?.id, 1001);
  assert.equal(wrap(messages.deleteUser).leftChatMember?.id, 1002);
  assert.equal(wrap(messages.editTitle).newChatTitle, "New title");
  assert.equal(wrap(messages.migrateTo).migrateToChatId, -1000000003002);
  assert.equal(wrap(messages.migrateFrom).migrateFromChatId, -2001);
  const created = wrap(messages.channelCreate);
  assert.deepEqual([created.service, created.senderChat?.id], [
    "channel_chat_created",
    -1000000003001,
  ]);
  const pin = wrap(messages.pin);
  assert.deepEqual([pin.service, pin.replyToMessageId], ["pinned_message", 12]);
});

test("Message: an empty message has its id and the chat it was asked in", () => {
  const m = wrap(messages.empty);
  assert.deepEqual([m.empty, m.id, m.chat.id, m.date, m.text], [
    true,
    40,
    -2001,
    undefined,
    undefined,
  ]);
  const asked = new Message({ _: "messageEmpty", id: 41 }, {
    chat: { _: "peerUser", userId: 5n },
  });
  assert.equal(asked.chat.id, 5);
  assert.throws(() => new Message({ _: "messageEmpty", id: 42 }), TypeError);
});

test("Message: nothing is read from the TL object until a field is asked for", () => {
  const reads: string[] = [];
  const raw = new Proxy(messages.group.message.raw, {
    get(target, key, receiver) {
      reads.push(String(key));
      return Reflect.get(target, key, receiver);
    },
  });
  const m = new Message(raw);
  assert.deepEqual(reads, ["peerId"]);
  void m.text;
  assert.ok(reads.includes("message"));
});

test("Message: reply sends to the chat, quoting in groups but not in private chats", async () => {
  const calls: unknown[][] = [];
  const client = {
    userId: 1000,
    sendMessage: (...args: unknown[]) => {
      calls.push(args);
      return Promise.resolve("sent");
    },
  } as unknown as Client;
  await wrap(messages.group, client).reply("hi", { silent: true });
  await wrap(messages.privateIn, client).reply("hello");
  await wrap(messages.privateIn, client).reply("quoted", { quote: true });
  assert.deepEqual(calls, [
    [-2001, "hi", { silent: true, replyToMessageId: 12 }],
    [1001, "hello", { replyToMessageId: undefined }],
    [1001, "quoted", { replyToMessageId: 10 }],
  ]);
  await assert.rejects(
    wrap(messages.group).reply("x"),
    (e) => e instanceof ClientError && e.code === "CLIENT_NOT_STARTED",
  );
});

test("Message: printed like Pyrogram's str(message), nested chat and user, no raw, no phone", () => {
  const m = wrap(messages.privateOut);
  const json = JSON.parse(JSON.stringify(m));
  assert.equal(json._, "Message");
  assert.equal(json.chat._, "Chat");
  assert.equal(json.fromUser._, "User");
  assert.equal(json.fromUser.phoneNumber, "*********");
  assert.equal(json.text, "/start");
  assert.equal(json.date, "2025-10-09T08:53:21.000Z");
  assert.equal(json.raw, undefined);
  const text = inspect(m, { depth: 6 });
  assert.doesNotMatch(text, /15550001000|accessHash|raw:/);
  assert.match(text, /\/start/);
});

test("Message: every corpus message prints as JSON (no bigint, no raw, no phone number)", () => {
  for (const [name, c] of Object.entries(messages) as [string, MessageCase][]) {
    const text = JSON.stringify(wrap(c));
    assert.match(text, /^\{"_":"Message","id":\d+/, name);
    assert.doesNotMatch(text, /"raw"|1555000100\d/, name);
    assert.doesNotMatch(inspect(wrap(c), { depth: 10 }), /1555000100\d|accessHash/, name);
  }
});

test("Message: forum topics and links", () => {
  const topic = wrap(messages.forumTopic);
  assert.equal(topic.messageThreadId, 5);
  assert.equal(topic.link, "https://t.me/c/3003/5/22");
  assert.equal(wrap(messages.channelPost).link, "https://t.me/news/14");
  assert.equal(wrap(messages.supergroupMin).link, "https://t.me/super/13");
  assert.equal(wrap(messages.supergroupMin).messageThreadId, undefined);
  assert.equal(wrap(messages.group).link, undefined, "basic groups have no links");
  assert.equal(wrap(messages.privateIn).link, undefined);
});
