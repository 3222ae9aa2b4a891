/**
 * The users and chats that came with one result or update (its `users` and `chats` vectors),
 * looked up by id when a result object asks for a sender or a chat. Nothing is copied or indexed
 * up front: short vectors (an update has one to three) are scanned; a long one (a history page)
 * gets a map on first use, shared by every message of the page.
 *
 * @module
 */
import type { Api } from "../../tl/mod.ts";

/** A chat constructor that names a real chat (not `chatEmpty`). */
export type KnownChat = Api.Chat | Api.ChatForbidden | Api.Channel | Api.ChannelForbidden;

const SCAN_LIMIT = 8;

/** Finds users and chats by bare id (a {@link PeerIndex}, or the client's recent peers). */
export interface PeerLookup {
  /** The user with bare id `id`. */
  user(id: bigint): Api.User | undefined;
  /** The basic group (`channel` false) or channel/supergroup (`channel` true) with bare id `id`. */
  chat(id: bigint, channel: boolean): KnownChat | undefined;
}

/**
 * The users and chats of one result, by bare (unmarked) id; what they lack is asked of
 * `fallback` (the client's recently seen peers: short updates carry no users at all).
 */
export class PeerIndex implements PeerLookup {
  /** The `users` vector as it came. */
  readonly users: readonly Api.TypeUser[];
  /** The `chats` vector as it came. */
  readonly chats: readonly Api.TypeChat[];
  #userMap: Map<bigint, Api.User> | undefined;
  #chatMap: Map<string, KnownChat> | undefined;
  readonly #fallback: PeerLookup | undefined;

  /** An index over `users` and `chats` (kept as given; nothing is copied). */
  constructor(
    users: readonly Api.TypeUser[] = [],
    chats: readonly Api.TypeChat[] = [],
    fallback?: PeerLookup,
  ) {
    this.users = users;
    this.chats = chats;
    this.#fallback = fallback;
  }

  /** The user with bare id `id` (`userEmpty` does not count), from the result or the fallback. */
  user(id: bigint): Api.User | undefined {
    return this.#user(id) ?? this.#fallback?.user(id);
  }

  #user(id: bigint): Api.User | undefined {
    const users = this.users;
    if (users.length <= SCAN_LIMIT) {
      for (const u of users) if (u._ === "user" && u.id === id) return u;
      return undefined;
    }
    if (this.#userMap === undefined) {
      this.#userMap = new Map();
      for (const u of users) if (u._ === "user") this.#userMap.set(u.id, u);
    }
    return this.#userMap.get(id);
  }

  /**
   * The basic group (`channel` false) or channel/supergroup (`channel` true) with bare id `id`.
   * The two id spaces are kept apart.
   */
  chat(id: bigint, channel: boolean): KnownChat | undefined {
    return this.#chat(id, channel) ?? this.#fallback?.chat(id, channel);
  }

  #chat(id: bigint, channel: boolean): KnownChat | undefined {
    const chats = this.chats;
    if (chats.length <= SCAN_LIMIT) {
      for (const c of chats) {
        if (c.id === id && c._ !== "chatEmpty" && isChannel(c) === channel) return c;
      }
      return undefined;
    }
    if (this.#chatMap === undefined) {
      this.#chatMap = new Map();
      for (const c of chats) if (c._ !== "chatEmpty") this.#chatMap.set(key(c.id, isChannel(c)), c);
    }
    return this.#chatMap.get(key(id, channel));
  }
}

const isChannel = (c: KnownChat) => c._ === "channel" || c._ === "channelForbidden";
const key = (id: bigint, channel: boolean) => (channel ? "c" : "g") + id;

/** An index with no users and no chats. */
export const NO_PEERS: PeerIndex = new PeerIndex();
