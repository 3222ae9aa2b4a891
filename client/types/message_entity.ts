/**
 * {@link MessageEntity}: a formatted span of a message's text (bold, link, mention, …), as
 * Pyrogram's `pyrogram.types.MessageEntity`.
 *
 * @module
 */
import type { Api } from "../../tl/mod.ts";
import type { PeerIndex } from "./peer_index.ts";
import { printable } from "./printed.ts";
import { User } from "./user.ts";

/** The kind of a {@link MessageEntity}, as Pyrogram's `MessageEntityType`. */
export type MessageEntityType =
  | "mention"
  | "hashtag"
  | "cashtag"
  | "bot_command"
  | "url"
  | "email"
  | "phone_number"
  | "bold"
  | "italic"
  | "underline"
  | "strikethrough"
  | "spoiler"
  | "code"
  | "pre"
  | "blockquote"
  | "text_link"
  | "text_mention"
  | "bank_card"
  | "custom_emoji"
  | "date_time"
  | "unknown";

const TYPES: Record<string, MessageEntityType> = {
  messageEntityMention: "mention",
  messageEntityHashtag: "hashtag",
  messageEntityCashtag: "cashtag",
  messageEntityBotCommand: "bot_command",
  messageEntityUrl: "url",
  messageEntityEmail: "email",
  messageEntityPhone: "phone_number",
  messageEntityBold: "bold",
  messageEntityItalic: "italic",
  messageEntityUnderline: "underline",
  messageEntityStrike: "strikethrough",
  messageEntitySpoiler: "spoiler",
  messageEntityCode: "code",
  messageEntityPre: "pre",
  messageEntityBlockquote: "blockquote",
  messageEntityTextUrl: "text_link",
  messageEntityMentionName: "text_mention",
  messageEntityBankCard: "bank_card",
  messageEntityCustomEmoji: "custom_emoji",
  messageEntityFormattedDate: "date_time",
};

/**
 * One formatted span of a text or caption: `offset` and `length` in UTF-16 code units, as
 * JavaScript strings count them (`text.slice(offset, offset + length)`).
 *
 * @example
 * ```ts
 * import { MessageEntity } from "@x/irenogram";
 * const e = MessageEntity.parse({ _: "messageEntityBold", offset: 0, length: 5 });
 * console.log(e.type, e.offset, e.length); // "bold" 0 5
 * ```
 */
export class MessageEntity {
  /** The TL object. */
  readonly raw: Api.TypeMessageEntity;
  /** The kind of span ("unknown" for kinds this library does not name). */
  readonly type: MessageEntityType;
  /** Where the span starts, in UTF-16 code units. */
  readonly offset: number;
  /** How long the span is, in UTF-16 code units. */
  readonly length: number;
  /** The URL of a "text_link". */
  readonly url: string | undefined;
  /** The user of a "text_mention", when the user came with the message. */
  readonly user: User | undefined;
  /** The programming language of a "pre" block. */
  readonly language: string | undefined;
  /** The custom emoji's document id of a "custom_emoji" (a decimal string: ids are 64-bit). */
  readonly customEmojiId: string | undefined;
  /** Whether a "blockquote" is collapsed until tapped. */
  readonly expandable: boolean | undefined;
  /** The time a "date_time" shows (Unix seconds). */
  readonly unixTime: number | undefined;

  private constructor(raw: Api.TypeMessageEntity, user: User | undefined) {
    this.raw = raw;
    this.type = TYPES[raw._] ?? "unknown";
    this.offset = raw.offset;
    this.length = raw.length;
    this.url = raw._ === "messageEntityTextUrl" ? raw.url : undefined;
    this.user = user;
    this.language = raw._ === "messageEntityPre" ? raw.language : undefined;
    this.customEmojiId = raw._ === "messageEntityCustomEmoji" ? String(raw.documentId) : undefined;
    this.expandable = raw._ === "messageEntityBlockquote" ? raw.collapsed === true : undefined;
    this.unixTime = raw._ === "messageEntityFormattedDate" ? raw.date : undefined;
  }

  /** Wraps a TL entity; `peers` give the user of a "text_mention". */
  static parse(raw: Api.TypeMessageEntity, peers?: PeerIndex): MessageEntity {
    const user = raw._ === "messageEntityMentionName" && peers
      ? User.parse(peers.user(raw.userId))
      : undefined;
    return new MessageEntity(raw, user);
  }
}

printable(MessageEntity, "MessageEntity", [
  "type",
  "offset",
  "length",
  "url",
  "user",
  "language",
  "customEmojiId",
  "expandable",
  "unixTime",
]);
