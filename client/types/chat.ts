/**
 * {@link Chat}: a private chat, group, supergroup or channel, as Pyrogram's
 * `pyrogram.types.Chat`, with Pyrogram's marked ids.
 *
 * @module
 */
import type { Api } from "../../tl/mod.ts";
import { markChannel, peerId } from "../peers.ts";
import type { KnownChat, PeerIndex } from "./peer_index.ts";
import { printable } from "./printed.ts";
import { type Username, usernamesOf } from "./user.ts";

/**
 * The kind of a chat, as Pyrogram's (Irenogram's) `ChatType`: a private chat with a user or a
 * bot, a basic group, a supergroup, a channel, a forum (a supergroup with topics) or a channel's
 * direct-messages chat.
 */
export type ChatType = "private" | "bot" | "group" | "supergroup" | "channel" | "forum" | "direct";

/** What a {@link Chat} wraps: a user, a chat or channel constructor, or only a peer (see Chat). */
export type RawChat = Api.User | KnownChat | Api.TypePeer;

type Flags = {
  verified?: boolean;
  scam?: boolean;
  fake?: boolean;
  restricted?: boolean;
};

/**
 * A chat: a private chat (a user or bot), a basic group, a supergroup, a channel. Fields are read
 * from {@link Chat.raw} when asked for, with Pyrogram's names in camelCase; flags that do not
 * apply to the kind of chat are `undefined` (Pyrogram's `None`).
 *
 * `id` is Pyrogram's marked id: a user's id, `-id` for a basic group, `-100…` (−(10¹² + id)) for a
 * supergroup or channel.
 *
 * When the user or chat did not come with the result (Telegram leaves it out at times, e.g. a
 * chat you left), `raw` is only the `Peer`: `id` is right, `type` is a guess ("private" for a
 * user, "group" for a basic group, "channel" for a channel post, "supergroup" otherwise) and the
 * other fields are undefined.
 *
 * @example
 * ```ts
 * import { Chat } from "@x/irenogram";
 * const chat = new Chat({
 *   _: "channel",
 *   id: 1234567890n,
 *   title: "News",
 *   broadcast: true,
 *   photo: { _: "chatPhotoEmpty" },
 *   date: 0,
 * });
 * console.log(chat.id, chat.type); // -1001234567890 "channel"
 * ```
 */
export class Chat {
  /** The TL object (or only the peer, see the class), for what is not wrapped. */
  readonly raw: RawChat;
  readonly #typeHint: ChatType | undefined;

  /** Wraps a user, chat or channel constructor (or a bare peer, see the class). */
  constructor(raw: RawChat, typeHint?: ChatType) {
    this.raw = raw;
    this.#typeHint = typeHint;
  }

  /** A Chat for a user, chat or channel constructor, or undefined for `userEmpty`/`chatEmpty`. */
  static parse(raw: Api.TypeUser | Api.TypeChat | undefined): Chat | undefined {
    if (raw === undefined || raw._ === "userEmpty" || raw._ === "chatEmpty") return undefined;
    return new Chat(raw);
  }

  /**
   * The chat `peer` names, from the users and chats that came with it; a stand-in with only the
   * peer when they do not have it (`post`: the message was a channel post, which makes a
   * channel's type "channel" rather than "supergroup").
   */
  static ofPeer(peer: Api.TypePeer, peers: PeerIndex, post = false): Chat {
    let found: Api.User | KnownChat | undefined;
    let hint: ChatType;
    switch (peer._) {
      case "peerUser":
        found = peers.user(peer.userId);
        hint = "private";
        break;
      case "peerChat":
        found = peers.chat(peer.chatId, false);
        hint = "group";
        break;
      case "peerChannel":
        found = peers.chat(peer.channelId, true);
        hint = post ? "channel" : "supergroup";
        break;
    }
    return found ? new Chat(found) : new Chat(peer, hint);
  }

  /** The marked id (see the class). */
  get id(): number {
    const r = this.raw;
    if (r._ === "user") return Number(r.id);
    if (r._ === "chat" || r._ === "chatForbidden") return -Number(r.id);
    if (r._ === "channel" || r._ === "channelForbidden") return markChannel(r.id);
    return peerId(r);
  }

  /** The kind of chat. */
  get type(): ChatType {
    const r = this.raw;
    if (r._ === "user") return r.bot ? "bot" : "private";
    if (r._ === "chat" || r._ === "chatForbidden") return "group";
    if (r._ === "channel" || r._ === "channelForbidden") {
      if (r.monoforum) return "direct";
      if (r._ === "channel" && r.forum) return "forum";
      return r.megagroup ? "supergroup" : "channel";
    }
    return this.#typeHint ?? "private";
  }

  #userOrChannel(): Flags | undefined {
    const r = this.raw;
    return r._ === "user" || r._ === "channel" ? r as Flags : undefined;
  }

  /** Whether Telegram verified this user or channel. */
  get isVerified(): boolean | undefined {
    const f = this.#userOrChannel();
    return f && f.verified === true;
  }
  /** Whether this user or channel is restricted (see `raw.restrictionReason`). */
  get isRestricted(): boolean | undefined {
    const f = this.#userOrChannel();
    return f && f.restricted === true;
  }
  /** Whether Telegram flagged this user or channel as a scam. */
  get isScam(): boolean | undefined {
    const f = this.#userOrChannel();
    return f && f.scam === true;
  }
  /** Whether Telegram flagged this user or channel as impersonating someone. */
  get isFake(): boolean | undefined {
    const f = this.#userOrChannel();
    return f && f.fake === true;
  }
  /** Whether this is an official Telegram support account (private chats). */
  get isSupport(): boolean | undefined {
    const r = this.raw;
    return r._ === "user" ? r.support === true : undefined;
  }
  /** Whether you created this group or channel. */
  get isCreator(): boolean | undefined {
    const r = this.raw;
    return r._ === "chat" || r._ === "channel" ? r.creator === true : undefined;
  }
  /** Whether you are an admin here (true, or undefined when not known to be). */
  get isAdmin(): true | undefined {
    const r = this.raw;
    return (r._ === "chat" || r._ === "channel") && r.adminRights ? true : undefined;
  }
  /** Whether this channel came from a `min` constructor (its access hash is message-bound). */
  get isMin(): boolean | undefined {
    const r = this.raw;
    return r._ === "channel" ? r.min === true : undefined;
  }
  /** Whether this supergroup is a forum (has topics). */
  get isForum(): boolean | undefined {
    const r = this.raw;
    return r._ === "channel" ? r.forum === true : undefined;
  }
  /** Whether you were banned from it (Telegram sent only its title). */
  get isBanned(): true | undefined {
    const r = this.raw;
    return r._ === "chatForbidden" || r._ === "channelForbidden" ? true : undefined;
  }
  /** Whether this basic group was deactivated (upgraded to a supergroup). */
  get isDeactivated(): boolean | undefined {
    const r = this.raw;
    return r._ === "chat" ? r.deactivated === true : undefined;
  }
  /** Whether a video chat is running. */
  get isCallActive(): boolean | undefined {
    const r = this.raw;
    return r._ === "chat" || r._ === "channel" ? r.callActive === true : undefined;
  }
  /** Title of a group or channel. */
  get title(): string | undefined {
    const r = this.raw;
    return "title" in r ? r.title : undefined;
  }
  /** Username of a user or channel (the first of `usernames` when there is no main one). */
  get username(): string | undefined {
    const r = this.raw;
    if (r._ !== "user" && r._ !== "channel") return undefined;
    return r.username ?? r.usernames?.[0]?.username;
  }
  /** All usernames of a user or channel, or undefined when there are none. */
  get usernames(): Username[] | undefined {
    const r = this.raw;
    return r._ === "user" || r._ === "channel" ? usernamesOf(r.usernames) : undefined;
  }
  /** First name of the user of a private chat. */
  get firstName(): string | undefined {
    const r = this.raw;
    return r._ === "user" ? r.firstName : undefined;
  }
  /** Last name of the user of a private chat. */
  get lastName(): string | undefined {
    const r = this.raw;
    return r._ === "user" ? r.lastName : undefined;
  }
  /** Members of a group or channel, when Telegram sent the count. */
  get membersCount(): number | undefined {
    const r = this.raw;
    return r._ === "chat" || r._ === "channel" ? r.participantsCount : undefined;
  }
  /** The DC of the chat's photo. */
  get dcId(): number | undefined {
    const r = this.raw;
    if (r._ === "user") return r.photo?._ === "userProfilePhoto" ? r.photo.dcId : undefined;
    if (r._ === "chat" || r._ === "channel") {
      return r.photo._ === "chatPhoto" ? r.photo.dcId : undefined;
    }
    return undefined;
  }
  /** Whether forwarding and saving its messages is forbidden. */
  get hasProtectedContent(): boolean | undefined {
    const r = this.raw;
    return r._ === "chat" || r._ === "channel" ? r.noforwards === true : undefined;
  }
  /** Whether a channel's posts are signed with their author. */
  get signMessages(): boolean | undefined {
    const r = this.raw;
    return r._ === "channel" ? r.signatures === true : undefined;
  }
}

printable(Chat, "Chat", [
  "id",
  "type",
  "isVerified",
  "isRestricted",
  "isScam",
  "isFake",
  "isSupport",
  "isCreator",
  "isAdmin",
  "isMin",
  "isForum",
  "isBanned",
  "isDeactivated",
  "isCallActive",
  "title",
  "username",
  "usernames",
  "firstName",
  "lastName",
  "membersCount",
  "dcId",
  "hasProtectedContent",
  "signMessages",
]);
