/**
 * The result objects end to end against TestServer: what a bot's handler receives in a private
 * chat, a basic group, a supergroup and a channel (text, marked chat id and type, sender), that
 * `message.reply` reaches the other user, and what getMe, getUsers, getChat, sendMessage,
 * getMessages and getHistory return.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Client } from "../client/client.ts";
import { Message } from "../client/types/mod.ts";
import { startWorld, waitFor } from "./client_helpers.ts";

const marked = (channelId: number) => -1_000_000_000_000 - channelId;

test("client types: a bot receives Messages with text, chat and sender, and reply reaches the user", async () => {
  const w = await startWorld("t");
  try {
    await using bot = new Client(":memory:", w.botOptions());
    await using user = new Client(":memory:", w.userOptions());
    const botGot: Message[] = [];
    const userGot: Message[] = [];
    bot.onMessage(async (m) => {
      botGot.push(m);
      if (m.text === "hello") await m.reply("hi back");
    });
    user.onMessage((m) => void userGot.push(m), (m) => !m.outgoing);
    await Promise.all([bot.start(), user.start()]);

    const sent = await user.sendMessage(`@${w.bot.username}`, "hello");
    assert.ok(sent instanceof Message);
    assert.equal(sent.text, "hello");
    assert.equal(sent.outgoing, true);
    assert.equal(sent.chat.id, w.bot.userId);
    assert.equal(sent.fromUser?.id, w.user.userId);
    assert.equal(sent.fromUser?.isSelf, true);

    await waitFor(() => userGot.length === 1, 5000, "the bot's reply");
    const [m] = botGot;
    assert.equal(m.text, "hello");
    assert.equal(m.outgoing, false);
    assert.equal(m.chat.id, w.user.userId);
    assert.equal(m.chat.type, "private");
    assert.equal(m.fromUser?.id, w.user.userId);
    assert.equal(m.fromUser?.isBot, false);
    assert.equal(m.senderChat, undefined);
    assert.ok(m.date instanceof Date);
    assert.ok(Math.abs(m.date!.getTime() - Date.now()) < 120_000);

    const [reply] = userGot;
    assert.equal(reply.text, "hi back");
    assert.equal(reply.chat.id, w.bot.userId);
    assert.equal(reply.chat.type, "bot");
    assert.equal(reply.fromUser?.id, w.bot.userId);
    assert.equal(reply.fromUser?.username, w.bot.username);
    assert.equal(reply.replyToMessageId, undefined, "no quote in private chats (Pyrogram)");

    // getMe, getUsers, getChat, getMessages, getHistory
    const me = await bot.getMe();
    assert.equal(me.id, w.bot.userId);
    assert.equal(me.isBot, true);
    assert.equal(me.isSelf, true);
    assert.equal(bot.me?.id, w.bot.userId);
    const [u] = await bot.getUsers([w.user.userId]);
    assert.equal(u.id, w.user.userId);
    const chat = await user.getChat(`@${w.bot.username}`);
    assert.equal(chat.type, "bot");
    assert.equal(chat.id, w.bot.userId);
    const [got, missing] = await user.getMessages(w.bot.userId, [reply.id, 999_999]);
    assert.equal(got.text, "hi back");
    assert.equal(got.fromUser?.id, w.bot.userId);
    assert.equal(missing.empty, true);
    assert.equal(missing.chat.id, w.bot.userId);
    const history: Message[] = [];
    for await (const h of user.getHistory(w.bot.userId, { limit: 2 })) history.push(h);
    assert.deepEqual(history.map((h) => [h.text, h.fromUser?.id]), [
      ["hi back", w.bot.userId],
      ["hello", w.user.userId],
    ]);
  } finally {
    await w.close();
  }
});

test("client types: group, supergroup and channel messages carry marked ids, types and senders", async () => {
  const w = await startWorld("u");
  try {
    const group = w.world.createGroup({
      title: "G",
      creatorId: w.user.userId,
      memberIds: [w.bot.userId],
    });
    const supergroup = w.world.createChannel({
      title: "S",
      creatorId: w.user.userId,
      memberIds: [w.bot.userId],
      broadcast: false,
    });
    const channel = w.world.createChannel({
      title: "C",
      creatorId: w.bot.userId,
      memberIds: [w.user.userId],
    });
    await using user = new Client(":memory:", w.userOptions());
    const got = new Map<string, Message>();
    user.onMessage((m) => void got.set(m.text ?? "", m), (m) => !m.outgoing);
    await user.start();
    w.world.postMessage({ fromId: w.bot.userId, to: { chatId: group.chatId }, text: "in group" });
    w.world.postMessage({
      fromId: w.bot.userId,
      to: { channelId: supergroup.channelId },
      text: "in supergroup",
    });
    w.world.postMessage({
      fromId: w.bot.userId,
      to: { channelId: channel.channelId },
      text: "in channel",
    });
    await waitFor(() => got.size === 3, 5000, "the three messages");

    const g = got.get("in group")!;
    assert.equal(g.chat.id, -group.chatId);
    assert.equal(g.chat.type, "group");
    assert.equal(g.chat.title, "G");
    assert.equal(g.fromUser?.id, w.bot.userId);

    const s = got.get("in supergroup")!;
    assert.equal(s.chat.id, marked(supergroup.channelId));
    assert.equal(s.chat.type, "supergroup");
    assert.equal(s.chat.title, "S");
    assert.equal(s.fromUser?.id, w.bot.userId);
    assert.equal(s.channelPost, false);

    const c = got.get("in channel")!;
    assert.equal(c.chat.id, marked(channel.channelId));
    assert.equal(c.chat.type, "channel");
    assert.equal(c.fromUser, undefined, "a channel post has no user sender");
    assert.equal(c.senderChat?.id, marked(channel.channelId));
    assert.equal(c.channelPost, true);
    const byId = await user.getChat(marked(channel.channelId));
    assert.deepEqual([byId.type, byId.title, byId.id], ["channel", "C", marked(channel.channelId)]);
    const sgChat = await user.getChat(marked(supergroup.channelId));
    assert.deepEqual([sgChat.type, sgChat.title], ["supergroup", "S"]);
    const groupChat = await user.getChat(-group.chatId);
    assert.deepEqual([groupChat.type, groupChat.title, groupChat.id], [
      "group",
      "G",
      -group.chatId,
    ]);
    const printed = JSON.parse(JSON.stringify(c));
    assert.equal(printed._, "Message");
    assert.equal(printed.chat.id, marked(channel.channelId));
    assert.equal(printed.raw, undefined);
  } finally {
    await w.close();
  }
});
