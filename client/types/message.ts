/**
 * {@link Message}: a message (or service message) as Pyrogram's `pyrogram.types.Message`, with
 * its chat and sender resolved from the users and chats that came with it.
 *
 * @module
 */
import type { Api } from "../../tl/mod.ts";
import type { Client, SendMessageOptions } from "../client.ts";
import { ClientError } from "../errors.ts";
import { markChannel } from "../peers.ts";
import { Chat } from "./chat.ts";
import { MessageEntity } from "./message_entity.ts";
import { NO_PEERS, type PeerIndex } from "./peer_index.ts";
import { printable } from "./printed.ts";
import { User } from "./user.ts";

/**
 * The kind of a service message, as Pyrogram's `MessageServiceType` (the actions this library
 * names; `service` is undefined for the others, whose action is in `raw.action`).
 */
export type MessageServiceType =
  | "new_chat_members"
  | "left_chat_member"
  | "new_chat_title"
  | "new_chat_photo"
  | "delete_chat_photo"
  | "group_chat_created"
  | "supergroup_chat_created"
  | "channel_chat_created"
  | "migrate_to_chat_id"
  | "migrate_from_chat_id"
  | "pinned_message"
  | "game_high_score"
  | "contact_registered"
  | "custom_action"
  | "history_cleared"
  | "screenshot_taken"
  | "set_message_auto_delete_time"
  | "video_chat_started"
  | "video_chat_ended"
  | "video_chat_scheduled"
  | "video_chat_members_invited"
  | "phone_call_started"
  | "phone_call_ended"
  | "forum_topic_created"
  | "chat_boost"
  | "proximity_alert_triggered"
  | "successful_payment"
  | "web_app_data";

const SERVICE: Record<string, MessageServiceType> = {
  messageActionChatAddUser: "new_chat_members",
  messageActionChatJoinedByLink: "new_chat_members",
  messageActionChatJoinedByRequest: "new_chat_members",
  messageActionChatDeleteUser: "left_chat_member",
  messageActionChatEditTitle: "new_chat_title",
  messageActionChatEditPhoto: "new_chat_photo",
  messageActionChatDeletePhoto: "delete_chat_photo",
  messageActionChatCreate: "group_chat_created",
  messageActionChatMigrateTo: "migrate_to_chat_id",
  messageActionChannelMigrateFrom: "migrate_from_chat_id",
  messageActionPinMessage: "pinned_message",
  messageActionGameScore: "game_high_score",
  messageActionContactSignUp: "contact_registered",
  messageActionCustomAction: "custom_action",
  messageActionHistoryClear: "history_cleared",
  messageActionScreenshotTaken: "screenshot_taken",
  messageActionSetMessagesTTL: "set_message_auto_delete_time",
  messageActionGroupCallScheduled: "video_chat_scheduled",
  messageActionInviteToGroupCall: "video_chat_members_invited",
  messageActionTopicCreate: "forum_topic_created",
  messageActionBoostApply: "chat_boost",
  messageActionGeoProximityReached: "proximity_alert_triggered",
  messageActionPaymentSent: "successful_payment",
  messageActionPaymentSentMe: "successful_payment",
  messageActionWebViewDataSent: "web_app_data",
  messageActionWebViewDataSentMe: "web_app_data",
};

/** The kind of media of a message, as Pyrogram's `MessageMediaType`. */
export type MessageMediaType =
  | "photo"
  | "location"
  | "contact"
  | "venue"
  | "game"
  | "giveaway"
  | "giveaway_winners"
  | "invoice"
  | "story"
  | "video_note"
  | "animation"
  | "sticker"
  | "video"
  | "voice"
  | "audio"
  | "document"
  | "web_page"
  | "poll"
  | "dice"
  | "paid_media"
  | "checklist";

const MEDIA: Record<string, MessageMediaType> = {
  messageMediaPhoto: "photo",
  messageMediaGeo: "location",
  messageMediaGeoLive: "location",
  messageMediaContact: "contact",
  messageMediaVenue: "venue",
  messageMediaGame: "game",
  messageMediaGiveaway: "giveaway",
  messageMediaGiveawayResults: "giveaway_winners",
  messageMediaInvoice: "invoice",
  messageMediaStory: "story",
  messageMediaWebPage: "web_page",
  messageMediaPoll: "poll",
  messageMediaDice: "dice",
  messageMediaPaidMedia: "paid_media",
  messageMediaToDo: "checklist",
};

function documentType(media: Api.MessageMediaDocument): MessageMediaType | undefined {
  const doc = media.document;
  if (doc?._ !== "document") return undefined;
  let video: Api.DocumentAttributeVideo | undefined;
  let audio: Api.DocumentAttributeAudio | undefined;
  let animated = false;
  let sticker = false;
  for (const a of doc.attributes) {
    if (a._ === "documentAttributeVideo") video = a;
    else if (a._ === "documentAttributeAudio") audio = a;
    else if (a._ === "documentAttributeAnimated") animated = true;
    else if (a._ === "documentAttributeSticker") sticker = true;
  }
  if (animated) return video?.roundMessage ? "video_note" : "animation";
  if (sticker) return "sticker";
  if (video) return video.roundMessage ? "video_note" : "video";
  if (audio) return audio.voice ? "voice" : "audio";
  return "document";
}

/** The media kind of `raw`, or undefined for none (and kinds Pyrogram leaves unsupported). */
function mediaType(media: Api.TypeMessageMedia | undefined): MessageMediaType | undefined {
  if (media === undefined) return undefined;
  if (media._ === "messageMediaDocument") return documentType(media);
  return MEDIA[media._];
}

/** Options of {@link Message.reply}. */
export interface ReplyOptions extends Omit<SendMessageOptions, "replyToMessageId"> {
  /**
   * Quote this message (send as a reply to it). Pyrogram's default: quote in groups and
   * channels, not in private chats.
   */
  quote?: boolean;
}

/** How a {@link Message} was made (the client builds them; tests and tools may too). */
export interface MessageContext {
  /** The users and chats that came with the message. */
  peers?: PeerIndex;
  /** The client it came from (for bound methods such as {@link Message.reply}, and "me"). */
  client?: Client;
  /** The chat it was asked in: needed for a `messageEmpty` without a `peerId`. */
  chat?: Api.TypePeer;
}

/**
 * A message of a chat: text or media, or a service message (`service`: someone joined, the title
 * changed, …), or an empty one (`empty`: deleted or never existing, from `getMessages`). Fields
 * are read from {@link Message.raw} when asked for, with Pyrogram's names in camelCase; `chat`,
 * `fromUser` and `senderChat` come from the users and chats that arrived with the message (no
 * storage lookups, no requests).
 *
 * What may be missing: Telegram's short updates (`updateShortMessage`, `updateShortChatMessage`)
 * carry no users or chats, on the understanding that the client knows them; the client fills
 * them from the users and chats it has seen since it started (no storage lookup, no request).
 * A sender it has not seen reads `fromUser` undefined, its id still in `raw.fromId` (or
 * `raw.peerId` in a private chat); a chat it has not seen has the right `chat.id` but little else
 * (see {@link Chat}). A sender from a `min` constructor has `fromUser.isMin` set: names and
 * username, no phone number.
 *
 * Printed like Pyrogram's `str(message)`: the fields that are set, `raw` and the client left out.
 *
 * @example
 * ```ts
 * import { Client, type Message } from "@x/irenogram";
 * // A bot that answers "/start" in any chat, quoting the command in groups.
 * function startHandler(app: Client): void {
 *   app.onMessage(async (message: Message) => {
 *     console.log(message.chat.id, message.fromUser?.username, message.text);
 *     await message.reply(`Hello, ${message.fromUser?.firstName ?? "there"}`);
 *   }, (message) => message.text === "/start");
 * }
 * ```
 */
export class Message {
  /** The TL object, for what is not wrapped. */
  readonly raw: Api.TypeMessage;
  readonly #peers: PeerIndex;
  readonly #client: Client | undefined;
  readonly #chatPeer: Api.TypePeer;
  #chat: Chat | undefined;

  /**
   * Wraps a TL message; `context.peers` are the users and chats of the result or update it came
   * in. Cheap: nothing is read, copied or looked up until a field is asked for.
   */
  constructor(raw: Api.TypeMessage, context: MessageContext = {}) {
    this.raw = raw;
    this.#peers = context.peers ?? NO_PEERS;
    this.#client = context.client;
    const chatPeer = raw.peerId ?? context.chat;
    if (chatPeer === undefined) {
      throw new TypeError("an empty message without a peerId needs context.chat");
    }
    this.#chatPeer = chatPeer;
  }

  /** The message id (unique per chat for supergroups and channels, per account otherwise). */
  get id(): number {
    return this.raw.id;
  }
  /** Whether the message does not exist (deleted, or never sent); only `id` and `chat` are set. */
  get empty(): boolean {
    return this.raw._ === "messageEmpty";
  }
  /** The kind of service message, for one this library names (see {@link MessageServiceType}). */
  get service(): MessageServiceType | undefined {
    const r = this.raw;
    if (r._ !== "messageService") return undefined;
    const a = r.action;
    switch (a._) {
      case "messageActionChannelCreate":
        return this.chat.type === "supergroup" ? "supergroup_chat_created" : "channel_chat_created";
      case "messageActionGroupCall":
        return a.duration ? "video_chat_ended" : "video_chat_started";
      case "messageActionPhoneCall":
        return a.reason ? "phone_call_ended" : "phone_call_started";
      default:
        return SERVICE[a._];
    }
  }
  /** When it was sent. */
  get date(): Date | undefined {
    const r = this.raw;
    return r._ === "messageEmpty" ? undefined : new Date(r.date * 1000);
  }
  /**
   * The chat it belongs to (for an empty message, the chat it was asked in). In a private chat,
   * the other user (the bot's user, for a bot).
   */
  get chat(): Chat {
    const r = this.raw;
    return this.#chat ??= Chat.ofPeer(
      this.#chatPeer,
      this.#peers,
      r._ === "message" && r.post === true,
    );
  }
  /**
   * Who sent it, for a message sent by a user (undefined for a channel post or a message sent on
   * behalf of a chat: see `senderChat`, and when the user did not come with it, see the class).
   */
  get fromUser(): User | undefined {
    const r = this.raw;
    if (r._ === "messageEmpty") return undefined;
    let from = r.fromId;
    if (from === undefined && r.peerId._ === "peerUser") {
      // Private chats leave the sender out: it is the other user, or this account when outgoing.
      const self = r.out ? this.#client?.userId : undefined;
      from = self === undefined || self === null
        ? r.peerId
        : { _: "peerUser", userId: BigInt(self) };
    }
    if (from?._ !== "peerUser") return undefined;
    const found = this.#peers.user(from.userId);
    if (found) return new User(found);
    // A sent message's answer may not carry this account's user: the client knows it.
    const me = this.#client?.me;
    return me !== undefined && me.raw.id === from.userId ? me : undefined;
  }

  /**
   * The chat it was sent on behalf of: the channel of a channel post, or the group or channel a
   * user posted as (anonymous admins). Undefined when `fromUser` is set.
   */
  get senderChat(): Chat | undefined {
    const r = this.raw;
    if (r._ === "messageEmpty") return undefined;
    const from = r.fromId ?? r.peerId;
    if (from._ === "peerUser") return undefined;
    return Chat.ofPeer(from, this.#peers, r._ === "message" && r.post === true);
  }
  /** The text of a text message (undefined for media, whose text is `caption`, and when empty). */
  get text(): string | undefined {
    const r = this.raw;
    if (r._ !== "message" || !isText(r.media)) return undefined;
    return r.message || undefined;
  }
  /** The formatted spans of `text`. */
  get entities(): MessageEntity[] | undefined {
    const r = this.raw;
    if (r._ !== "message" || !isText(r.media)) return undefined;
    return this.#entities(r);
  }
  /** The caption of a media message. */
  get caption(): string | undefined {
    const r = this.raw;
    if (r._ !== "message" || isText(r.media)) return undefined;
    return r.message || undefined;
  }
  /** The formatted spans of `caption`. */
  get captionEntities(): MessageEntity[] | undefined {
    const r = this.raw;
    if (r._ !== "message" || isText(r.media)) return undefined;
    return this.#entities(r);
  }

  #entities(r: Api.Message): MessageEntity[] | undefined {
    if (r.entities === undefined || r.entities.length === 0) return undefined;
    return r.entities.map((e) => MessageEntity.parse(e, this.#peers));
  }

  /** The kind of media it carries (see `raw.media` for the media itself). */
  get media(): MessageMediaType | undefined {
    const r = this.raw;
    return r._ === "message" ? mediaType(r.media) : undefined;
  }
  /** The id of the message it replies to (in the same chat unless `raw.replyTo.replyToPeerId`). */
  get replyToMessageId(): number | undefined {
    const r = this.raw;
    const h = r._ === "messageEmpty" ? undefined : r.replyTo;
    return h?._ === "messageReplyHeader" ? h.replyToMsgId : undefined;
  }
  /** The id of the thread's first message, for a reply in a thread or forum topic. */
  get replyToTopMessageId(): number | undefined {
    const r = this.raw;
    const h = r._ === "messageEmpty" ? undefined : r.replyTo;
    return h?._ === "messageReplyHeader" ? h.replyToTopId : undefined;
  }
  /**
   * The forum topic (its first message's id) of a message in a forum supergroup; 1 for the
   * "General" topic.
   */
  get messageThreadId(): number | undefined {
    const r = this.raw;
    const h = r._ === "messageEmpty" ? undefined : r.replyTo;
    if (h?._ !== "messageReplyHeader" || !h.forumTopic) return undefined;
    return h.replyToTopId ?? h.replyToMsgId ?? 1;
  }
  /**
   * The message's public link (`https://t.me/username/id`, or `https://t.me/c/…/id` for members),
   * for supergroups and channels; undefined for private chats and basic groups, which have none.
   */
  get link(): string | undefined {
    const chat = this.chat;
    const type = chat.type;
    if (type === "private" || type === "bot" || type === "group") return undefined;
    const where = chat.username ?? `c/${-chat.id - 1_000_000_000_000}`;
    const thread = this.messageThreadId;
    return `https://t.me/${where}/${thread === undefined ? "" : `${thread}/`}${this.id}`;
  }
  /** Whether this account sent it. */
  get outgoing(): boolean | undefined {
    const r = this.raw;
    return r._ === "messageEmpty" ? undefined : r.out === true;
  }
  /** Whether it mentions this account. */
  get mentioned(): boolean | undefined {
    const r = this.raw;
    return r._ === "messageEmpty" ? undefined : r.mentioned === true;
  }
  /** Whether it was sent without a notification. */
  get silent(): boolean | undefined {
    const r = this.raw;
    return r._ === "messageEmpty" ? undefined : r.silent === true;
  }
  /** Whether it is a channel post. */
  get channelPost(): boolean | undefined {
    const r = this.raw;
    return r._ === "messageEmpty" ? undefined : r.post === true;
  }
  /** Whether it is pinned. */
  get pinned(): boolean | undefined {
    const r = this.raw;
    return r._ === "message" ? r.pinned === true : undefined;
  }
  /** Whether it was sent by a scheduled send. */
  get fromScheduled(): boolean | undefined {
    const r = this.raw;
    return r._ === "message" ? r.fromScheduled === true : undefined;
  }
  /** Whether it may not be forwarded or saved. */
  get hasProtectedContent(): boolean | undefined {
    const r = this.raw;
    return r._ === "message" ? r.noforwards === true : undefined;
  }
  /** When it was last edited. */
  get editDate(): Date | undefined {
    const r = this.raw;
    return r._ === "message" && r.editDate !== undefined ? new Date(r.editDate * 1000) : undefined;
  }
  /** Whether the edit mark is hidden (edits that are not the author's). */
  get editHidden(): boolean | undefined {
    const r = this.raw;
    return r._ === "message" ? r.editHide === true : undefined;
  }
  /** The album it is part of (a decimal string: the id is 64-bit). */
  get mediaGroupId(): string | undefined {
    const r = this.raw;
    return r._ === "message" && r.groupedId !== undefined ? String(r.groupedId) : undefined;
  }
  /** The signature of a channel post's author. */
  get authorSignature(): string | undefined {
    const r = this.raw;
    return r._ === "message" ? r.postAuthor : undefined;
  }
  /** Views of a channel post. */
  get views(): number | undefined {
    const r = this.raw;
    return r._ === "message" ? r.views : undefined;
  }
  /** Forwards of a channel post. */
  get forwards(): number | undefined {
    const r = this.raw;
    return r._ === "message" ? r.forwards : undefined;
  }
  /** The bot it was sent through (inline mode), when the bot came with it. */
  get viaBot(): User | undefined {
    const r = this.raw;
    return r._ === "message" && r.viaBotId !== undefined
      ? User.parse(this.#peers.user(r.viaBotId))
      : undefined;
  }
  /** The users who joined ("new_chat_members"), when they came with the message. */
  get newChatMembers(): User[] | undefined {
    const r = this.raw;
    if (r._ !== "messageService") return undefined;
    const a = r.action;
    const ids = a._ === "messageActionChatAddUser"
      ? a.users
      : (a._ === "messageActionChatJoinedByLink" || a._ === "messageActionChatJoinedByRequest") &&
          r.fromId?._ === "peerUser"
      ? [r.fromId.userId]
      : undefined;
    if (ids === undefined) return undefined;
    const out: User[] = [];
    for (const id of ids) {
      const u = User.parse(this.#peers.user(id));
      if (u) out.push(u);
    }
    return out;
  }
  /** The user who left or was removed ("left_chat_member"), when it came with the message. */
  get leftChatMember(): User | undefined {
    const r = this.raw;
    return r._ === "messageService" && r.action._ === "messageActionChatDeleteUser"
      ? User.parse(this.#peers.user(r.action.userId))
      : undefined;
  }
  /** The new title ("new_chat_title"). */
  get newChatTitle(): string | undefined {
    const r = this.raw;
    return r._ === "messageService" && r.action._ === "messageActionChatEditTitle"
      ? r.action.title
      : undefined;
  }
  /** The supergroup a basic group became ("migrate_to_chat_id"), as a marked id. */
  get migrateToChatId(): number | undefined {
    const r = this.raw;
    return r._ === "messageService" && r.action._ === "messageActionChatMigrateTo"
      ? markChannel(r.action.channelId)
      : undefined;
  }
  /** The basic group a supergroup came from ("migrate_from_chat_id"), as a marked id. */
  get migrateFromChatId(): number | undefined {
    const r = this.raw;
    return r._ === "messageService" && r.action._ === "messageActionChannelMigrateFrom"
      ? -Number(r.action.chatId)
      : undefined;
  }

  /**
   * Sends `text` to this message's chat (Pyrogram's `message.reply_text`), quoting this message
   * in groups and channels (`options.quote` decides). Returns the sent message.
   */
  reply(text: string, options: ReplyOptions = {}): Promise<Message> {
    const client = this.#client;
    if (client === undefined) {
      return Promise.reject(
        new ClientError("CLIENT_NOT_STARTED", "this message has no client to reply with"),
      );
    }
    const { quote, ...rest } = options;
    const chat = this.chat;
    const quoted = quote ?? (chat.type !== "private" && chat.type !== "bot");
    return client.sendMessage(chat.id, text, {
      ...rest,
      replyToMessageId: quoted ? this.id : undefined,
    });
  }
}

/** Whether a message with `media` has its text as `text` (not `caption`), as in Pyrogram. */
function isText(media: Api.TypeMessageMedia | undefined): boolean {
  if (media === undefined) return true;
  if (media._ === "messageMediaWebPage") return media.webpage._ !== "webPageNotModified";
  return mediaType(media) === undefined;
}

printable(Message, "Message", [
  "id",
  "empty",
  "service",
  "date",
  "chat",
  "fromUser",
  "senderChat",
  "text",
  "entities",
  "caption",
  "captionEntities",
  "media",
  "replyToMessageId",
  "replyToTopMessageId",
  "messageThreadId",
  "outgoing",
  "mentioned",
  "silent",
  "channelPost",
  "pinned",
  "fromScheduled",
  "hasProtectedContent",
  "editDate",
  "editHidden",
  "mediaGroupId",
  "authorSignature",
  "views",
  "forwards",
  "viaBot",
  "newChatMembers",
  "leftChatMember",
  "newChatTitle",
  "migrateToChatId",
  "migrateFromChatId",
]);
