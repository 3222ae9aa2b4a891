/**
 * Pyrogram (Irenogram 2.3.90, the library this one ports) judges the result objects: the same TL
 * bytes are parsed by Pyrogram's `types.User._parse`, `types.Chat._parse_chat` and
 * `types.Message._parse` in a Python child (tests/fixtures/python/types_judge.py) and by
 * User/Chat/Message here, and every wrapped field must agree.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { toHex } from "../encoding/bytes.ts";
import { Chat, Message, type MessageEntity, PeerIndex, User } from "../client/types/mod.ts";
import { chats, type MessageCase, messages, users } from "../client/types/test_support/corpus.ts";
import {
  interopSkip,
  irenogramPython,
  pythonHas,
  pythonScript,
  requirePython,
} from "./python_interop.ts";

const available = pythonHas("types_judge.py");
const REASON = "Irenogram's Python venv is missing (IRENOGRAM_PYTHON)";

/**
 * Cases Pyrogram cannot parse: a message whose chat did not come with it (its `_parse_message`
 * reads `chat.is_forum` of a None chat). Here `chat` is a stand-in with the right id instead.
 */
const PYROGRAM_FAILS = new Set(["message missingChat"]);

const SERVICE_FLAGS = ["outgoing", "mentioned", "silent", "channelPost"];

const nil = (v: unknown) => (v === undefined ? null : v);
const seconds = (d: Date | undefined) => (d === undefined ? null : d.getTime() / 1000);

function userFields(u: User | undefined) {
  if (u === undefined) return null;
  return {
    id: u.id,
    isSelf: u.isSelf,
    isContact: u.isContact,
    isMutualContact: u.isMutualContact,
    isDeleted: u.isDeleted,
    isBot: u.isBot,
    isVerified: u.isVerified,
    isRestricted: u.isRestricted,
    isScam: u.isScam,
    isFake: u.isFake,
    isSupport: u.isSupport,
    isPremium: u.isPremium,
    isMin: u.isMin,
    firstName: nil(u.firstName),
    lastName: nil(u.lastName),
    fullName: nil(u.fullName),
    status: nil(u.status),
    lastOnlineDate: seconds(u.lastOnlineDate),
    nextOfflineDate: seconds(u.nextOfflineDate),
    username: nil(u.username),
    usernames: u.usernames?.map((n) => [n.username, n.editable, n.active]) ?? null,
    languageCode: nil(u.languageCode),
    dcId: nil(u.dcId),
    phoneNumber: nil(u.phoneNumber),
    printed: nil(JSON.parse(JSON.stringify(u)).phoneNumber),
  };
}

function chatFields(c: Chat | undefined) {
  if (c === undefined) return null;
  return {
    id: c.id,
    type: c.type,
    title: nil(c.title),
    username: nil(c.username),
    usernames: c.usernames?.map((n) => n.username) ?? null,
    firstName: nil(c.firstName),
    lastName: nil(c.lastName),
    membersCount: nil(c.membersCount),
    dcId: nil(c.dcId),
    isCreator: nil(c.isCreator),
    isAdmin: nil(c.isAdmin),
    isMin: nil(c.isMin),
    isForum: nil(c.isForum),
    isBanned: nil(c.isBanned),
    hasProtectedContent: nil(c.hasProtectedContent),
    signMessages: nil(c.signMessages),
  };
}

const entityFields = (e: MessageEntity) => ({
  type: e.type,
  offset: e.offset,
  length: e.length,
  url: nil(e.url),
  userId: nil(e.user?.id),
  language: nil(e.language),
  customEmojiId: nil(e.customEmojiId),
  expandable: nil(e.expandable),
});

function messageFields(m: Message) {
  return {
    id: m.id,
    empty: m.empty,
    service: nil(m.service),
    date: seconds(m.date),
    // Pyrogram leaves an empty message without a chat; here it keeps the chat it was asked in.
    chatId: m.empty ? null : m.chat.id,
    chatType: m.empty ? null : m.chat.type,
    fromUserId: nil(m.fromUser?.id),
    senderChatId: nil(m.senderChat?.id),
    text: nil(m.text),
    caption: nil(m.caption),
    entities: m.entities?.map(entityFields) ?? null,
    captionEntities: m.captionEntities?.map(entityFields) ?? null,
    media: nil(m.media),
    replyToMessageId: nil(m.replyToMessageId),
    replyToTopMessageId: nil(m.replyToTopMessageId),
    messageThreadId: nil(m.messageThreadId),
    outgoing: nil(m.outgoing),
    mentioned: nil(m.mentioned),
    silent: nil(m.silent),
    channelPost: nil(m.channelPost),
    pinned: nil(m.pinned),
    hasProtectedContent: nil(m.hasProtectedContent),
    editDate: seconds(m.editDate),
    editHidden: nil(m.editHidden),
    mediaGroupId: nil(m.mediaGroupId),
    authorSignature: nil(m.authorSignature),
    views: nil(m.views),
    forwards: nil(m.forwards),
    viaBotId: nil(m.viaBot?.id),
    newChatMembers: m.newChatMembers?.map((u) => u.id) ?? null,
    leftChatMember: nil(m.leftChatMember?.id),
    newChatTitle: nil(m.newChatTitle),
    migrateToChatId: nil(m.migrateToChatId),
    migrateFromChatId: nil(m.migrateFromChatId),
  };
}

interface Case {
  name: string;
  kind: "user" | "chat" | "message";
  bytes: string;
  users: string[];
  chats: string[];
  ours: unknown;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const [name, u] of Object.entries(users)) {
    out.push({
      name: `user ${name}`,
      kind: "user",
      bytes: toHex(u.bytes),
      users: [],
      chats: [],
      ours: userFields(User.parse(u.raw)),
    });
    out.push({
      name: `user chat ${name}`,
      kind: "chat",
      bytes: toHex(u.bytes),
      users: [],
      chats: [],
      ours: chatFields(Chat.parse(u.raw)),
    });
  }
  for (const [name, c] of Object.entries(chats)) {
    out.push({
      name: `chat ${name}`,
      kind: "chat",
      bytes: toHex(c.bytes),
      users: [],
      chats: [],
      ours: chatFields(Chat.parse(c.raw)),
    });
  }
  for (const [name, m] of Object.entries(messages) as [string, MessageCase][]) {
    const peers = new PeerIndex(m.users.map((u) => u.raw), m.chats.map((c) => c.raw));
    out.push({
      name: `message ${name}`,
      kind: "message",
      bytes: toHex(m.message.bytes),
      users: m.users.map((u) => toHex(u.bytes)),
      chats: m.chats.map((c) => toHex(c.bytes)),
      ours: messageFields(new Message(m.message.raw, { peers })),
    });
  }
  return out;
}

test("types vs Pyrogram: users, chats and messages parse to the same fields", {
  skip: interopSkip(available, REASON),
}, () => {
  requirePython(available, REASON);
  const list = cases();
  const run = spawnSync(irenogramPython, [pythonScript("types_judge.py")], {
    input: JSON.stringify({ cases: list.map(({ ours: _, ...c }) => c) }),
    encoding: "utf8",
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const theirs = JSON.parse(run.stdout) as Record<string, unknown>;
  assert.equal(Object.keys(theirs).length, list.length);
  const differ: string[] = [];
  for (const c of list) {
    if (PYROGRAM_FAILS.has(c.name)) {
      assert.match(String((theirs[c.name] as { error?: string }).error), /\w+Error/, c.name);
      continue;
    }
    const ours = c.ours as Record<string, unknown> | null;
    const their = theirs[c.name] as Record<string, unknown> | null;
    if (c.kind === "message" && ours?.service !== null && their) {
      // Pyrogram leaves these unset on service messages; here they read the TL flags.
      for (const key of SERVICE_FLAGS) {
        assert.equal(their[key], null, `${c.name}: ${key}`);
        assert.equal(typeof ours?.[key], "boolean", `${c.name}: ${key}`);
        delete their[key];
        delete ours![key];
      }
    }
    try {
      assert.deepEqual(ours, their);
    } catch (e) {
      differ.push(`${c.name}: ${(e as Error).message}`);
    }
  }
  assert.deepEqual(differ, []);
});
