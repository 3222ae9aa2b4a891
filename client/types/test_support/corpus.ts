/**
 * Real-shaped TL users, chats and messages for the result objects' tests: each is written with
 * tl/'s serializer and read back with its deserializer (so it has exactly the fields a server's
 * bytes give), and its bytes are kept for the Pyrogram judge (tests/types_pyrogram_test.ts).
 */
import { deserialize, serialize } from "../../../tl/mod.ts";
import type { AnyTlObject, Api } from "../../../tl/mod.ts";

/** A TL object as read from its bytes, with the bytes. */
export interface Read<T> {
  raw: T;
  bytes: Uint8Array;
}

function read<T>(value: T): Read<T> {
  const bytes = serialize(value as unknown as AnyTlObject);
  return { raw: deserialize(bytes) as T, bytes };
}

/** The account whose view the messages are in. */
export const SELF_ID = 1000n;

const DATE = 1_760_000_000;
const photo = (dcId: number): Api.UserProfilePhoto => ({
  _: "userProfilePhoto",
  photoId: 77n,
  dcId,
});
const noPhoto: Api.ChatPhotoEmpty = { _: "chatPhotoEmpty" };

/** Users: the account itself, a contact, a bot, a min user, a deleted one, one seen offline. */
export const users = {
  self: read<Api.User>({
    _: "user",
    self: true,
    premium: true,
    id: SELF_ID,
    accessHash: 11n,
    firstName: "Sam",
    lastName: "Self",
    username: "sam",
    phone: "15550001000",
    photo: photo(2),
    status: { _: "userStatusOnline", expires: DATE + 300 },
    langCode: "en",
  }),
  alice: read<Api.User>({
    _: "user",
    contact: true,
    mutualContact: true,
    verified: true,
    id: 1001n,
    accessHash: 12n,
    firstName: "Alice",
    phone: "15550001001",
    photo: photo(4),
    status: { _: "userStatusOffline", wasOnline: DATE - 60 },
    usernames: [
      { _: "username", editable: true, active: true, username: "alice" },
      { _: "username", active: true, username: "alice_nft" },
    ],
  }),
  bot: read<Api.User>({
    _: "user",
    bot: true,
    botNochats: true,
    id: 1002n,
    accessHash: 13n,
    firstName: "Echo",
    username: "echo_bot",
    botInfoVersion: 3,
    botActiveUsers: 42,
  }),
  min: read<Api.User>({
    _: "user",
    min: true,
    scam: true,
    id: 1003n,
    accessHash: 14n,
    firstName: "Mallory",
    lastName: "Min",
    username: "mallory",
    status: { _: "userStatusRecently", byMe: false },
  }),
  deleted: read<Api.User>({ _: "user", deleted: true, id: 1004n, accessHash: 15n }),
};

/** Chats: a basic group, a banned-from one, a channel, supergroups (min, forum), more. */
export const chats = {
  group: read<Api.Chat>({
    _: "chat",
    creator: true,
    id: 2001n,
    title: "Basic group",
    photo: noPhoto,
    participantsCount: 5,
    date: DATE,
    version: 1,
    adminRights: { _: "chatAdminRights", changeInfo: true },
  }),
  forbidden: read<Api.ChatForbidden>({ _: "chatForbidden", id: 2002n, title: "Left group" }),
  channel: read<Api.Channel>({
    _: "channel",
    broadcast: true,
    verified: true,
    signatures: true,
    id: 3001n,
    accessHash: 31n,
    title: "News",
    username: "news",
    photo: { _: "chatPhoto", photoId: 5n, dcId: 4 },
    date: DATE,
    participantsCount: 1200,
  }),
  supergroup: read<Api.Channel>({
    _: "channel",
    megagroup: true,
    min: true,
    id: 3002n,
    accessHash: 32n,
    title: "Supergroup",
    photo: noPhoto,
    date: DATE,
    usernames: [{ _: "username", editable: true, active: true, username: "super" }],
  }),
  forum: read<Api.Channel>({
    _: "channel",
    megagroup: true,
    forum: true,
    creator: true,
    adminRights: { _: "chatAdminRights", manageTopics: true },
    id: 3003n,
    accessHash: 33n,
    title: "Forum",
    photo: noPhoto,
    date: DATE,
  }),
  bannedChannel: read<Api.ChannelForbidden>({
    _: "channelForbidden",
    megagroup: true,
    id: 3004n,
    accessHash: 34n,
    title: "Banned supergroup",
  }),
  direct: read<Api.Channel>({
    _: "channel",
    monoforum: true,
    id: 3005n,
    accessHash: 35n,
    title: "News (direct messages)",
    photo: noPhoto,
    date: DATE,
  }),
};

const u = (id: bigint): Api.PeerUser => ({ _: "peerUser", userId: id });
const g = (id: bigint): Api.PeerChat => ({ _: "peerChat", chatId: id });
const c = (id: bigint): Api.PeerChannel => ({ _: "peerChannel", channelId: id });

/** A message with the users and chats that came with it. */
export interface MessageCase {
  message: Read<Api.TypeMessage>;
  users: Read<Api.TypeUser>[];
  chats: Read<Api.TypeChat>[];
}

const withPeers = (
  message: Api.TypeMessage,
  withUsers: Read<Api.User>[],
  withChats: Read<Api.TypeChat>[] = [],
): MessageCase => ({ message: read(message), users: withUsers, chats: withChats });

/** Messages of every kind of chat, service messages, media, missing and min senders. */
export const messages = {
  privateIn: withPeers({
    _: "message",
    mentioned: false,
    id: 10,
    peerId: u(1001n),
    date: DATE,
    message: "Hi @sam, see example and Alice 🙂 code",
    entities: [
      { _: "messageEntityMention", offset: 3, length: 4 },
      { _: "messageEntityTextUrl", offset: 13, length: 7, url: "https://example.com/" },
      { _: "messageEntityMentionName", offset: 25, length: 5, userId: 1001n },
      { _: "messageEntityCustomEmoji", offset: 31, length: 2, documentId: 5368324170671202286n },
      { _: "messageEntityPre", offset: 34, length: 4, language: "ts" },
      { _: "messageEntityBlockquote", collapsed: true, offset: 0, length: 2 },
    ],
  }, [users.alice, users.self]),
  privateOut: withPeers({
    _: "message",
    out: true,
    id: 11,
    fromId: u(SELF_ID),
    peerId: u(1002n),
    replyTo: { _: "messageReplyHeader", replyToMsgId: 9 },
    date: DATE + 1,
    message: "/start",
    entities: [{ _: "messageEntityBotCommand", offset: 0, length: 6 }],
  }, [users.self, users.bot]),
  group: withPeers(
    {
      _: "message",
      mentioned: true,
      silent: true,
      id: 12,
      fromId: u(1001n),
      peerId: g(2001n),
      replyTo: { _: "messageReplyHeader", replyToMsgId: 7, replyToTopId: 3 },
      date: DATE + 2,
      message: "in the group",
      editDate: DATE + 30,
      editHide: true,
    },
    [users.alice],
    [chats.group],
  ),
  supergroupMin: withPeers(
    {
      _: "message",
      id: 13,
      fromId: u(1003n),
      peerId: c(3002n),
      date: DATE + 3,
      message: "from a min user",
      pinned: true,
      noforwards: true,
    },
    [users.min],
    [chats.supergroup],
  ),
  channelPost: withPeers(
    {
      _: "message",
      post: true,
      id: 14,
      peerId: c(3001n),
      date: DATE + 4,
      message: "breaking",
      views: 1500,
      forwards: 7,
      postAuthor: "Editor",
    },
    [],
    [chats.channel],
  ),
  sentAsChannel: withPeers(
    {
      _: "message",
      id: 15,
      fromId: c(3001n),
      peerId: c(3003n),
      date: DATE + 5,
      message: "posted as the channel",
    },
    [],
    [chats.forum, chats.channel],
  ),
  forumTopic: withPeers(
    {
      _: "message",
      id: 22,
      fromId: u(1001n),
      peerId: c(3003n),
      replyTo: { _: "messageReplyHeader", forumTopic: true, replyToMsgId: 5 },
      date: DATE + 12,
      message: "in a topic",
    },
    [users.alice],
    [chats.forum],
  ),
  missingSender: withPeers(
    {
      _: "message",
      id: 16,
      fromId: u(1999n),
      peerId: g(2001n),
      date: DATE + 6,
      message: "who am I",
    },
    [],
    [chats.group],
  ),
  missingChat: withPeers({
    _: "message",
    id: 17,
    fromId: u(1001n),
    peerId: c(3999n),
    date: DATE + 7,
    message: "where am I",
  }, [users.alice]),
  photo: withPeers(
    {
      _: "message",
      id: 18,
      fromId: u(1001n),
      peerId: g(2001n),
      date: DATE + 8,
      message: "a caption",
      media: { _: "messageMediaPhoto", photo: { _: "photoEmpty", id: 1n } },
      entities: [{ _: "messageEntityItalic", offset: 2, length: 7 }],
      groupedId: 13_000_000_000_000_000n,
    },
    [users.alice],
    [chats.group],
  ),
  voice: withPeers(
    {
      _: "message",
      id: 19,
      fromId: u(1001n),
      peerId: g(2001n),
      date: DATE + 9,
      message: "",
      media: {
        _: "messageMediaDocument",
        document: {
          _: "document",
          id: 2n,
          accessHash: 3n,
          fileReference: new Uint8Array([1, 2, 3]),
          date: DATE,
          mimeType: "audio/ogg",
          size: 1000n,
          dcId: 2,
          attributes: [{ _: "documentAttributeAudio", voice: true, duration: 3 }],
        },
      },
    },
    [users.alice],
    [chats.group],
  ),
  webPage: withPeers(
    {
      _: "message",
      id: 20,
      fromId: u(1001n),
      peerId: g(2001n),
      date: DATE + 10,
      message: "look https://example.com",
      media: {
        _: "messageMediaWebPage",
        webpage: { _: "webPageEmpty", id: 9n, url: "https://example.com" },
      },
      entities: [{ _: "messageEntityUrl", offset: 5, length: 19 }],
    },
    [users.alice],
    [chats.group],
  ),
  viaBot: withPeers(
    {
      _: "message",
      id: 21,
      fromId: u(1001n),
      peerId: g(2001n),
      viaBotId: 1002n,
      date: DATE + 11,
      message: "inline result",
    },
    [users.alice, users.bot],
    [chats.group],
  ),
  addUser: withPeers(
    {
      _: "messageService",
      id: 30,
      fromId: u(1001n),
      peerId: g(2001n),
      date: DATE + 20,
      action: { _: "messageActionChatAddUser", users: [1002n, 1004n] },
    },
    [users.alice, users.bot, users.deleted],
    [chats.group],
  ),
  deleteUser: withPeers(
    {
      _: "messageService",
      id: 31,
      fromId: u(1001n),
      peerId: g(2001n),
      date: DATE + 21,
      action: { _: "messageActionChatDeleteUser", userId: 1002n },
    },
    [users.alice, users.bot],
    [chats.group],
  ),
  editTitle: withPeers(
    {
      _: "messageService",
      id: 32,
      fromId: u(1001n),
      peerId: g(2001n),
      date: DATE + 22,
      action: { _: "messageActionChatEditTitle", title: "New title" },
    },
    [users.alice],
    [chats.group],
  ),
  migrateTo: withPeers(
    {
      _: "messageService",
      id: 33,
      fromId: u(1001n),
      peerId: g(2001n),
      date: DATE + 23,
      action: { _: "messageActionChatMigrateTo", channelId: 3002n },
    },
    [users.alice],
    [chats.group],
  ),
  migrateFrom: withPeers(
    {
      _: "messageService",
      id: 34,
      fromId: u(1001n),
      peerId: c(3002n),
      date: DATE + 24,
      action: { _: "messageActionChannelMigrateFrom", title: "Basic group", chatId: 2001n },
    },
    [users.alice],
    [chats.supergroup],
  ),
  channelCreate: withPeers(
    {
      _: "messageService",
      post: true,
      id: 35,
      peerId: c(3001n),
      date: DATE + 25,
      action: { _: "messageActionChannelCreate", title: "News" },
    },
    [],
    [chats.channel],
  ),
  pin: withPeers(
    {
      _: "messageService",
      id: 36,
      fromId: u(1001n),
      peerId: g(2001n),
      replyTo: { _: "messageReplyHeader", replyToMsgId: 12 },
      date: DATE + 26,
      action: { _: "messageActionPinMessage" },
    },
    [users.alice],
    [chats.group],
  ),
  empty: withPeers({ _: "messageEmpty", id: 40, peerId: g(2001n) }, [], []),
};
