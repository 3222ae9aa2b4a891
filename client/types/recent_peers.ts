/**
 * The users and chats a client saw last (bounded), for the results that arrive without them:
 * Telegram's short updates (`updateShortMessage`, `updateShortChatMessage`) and the answer to a
 * sent message carry no users or chats, on the understanding that the client has met them.
 *
 * @module
 */
import type { Api } from "../../tl/mod.ts";
import type { KnownChat, PeerLookup } from "./peer_index.ts";
import { trimOldest } from "../../collections/bounded.ts";

const DEFAULT_LIMIT = 10_000;

/** Recently seen users and chats by bare id; the oldest entries go first when full. */
export class RecentPeers implements PeerLookup {
  readonly #users = new Map<bigint, Api.User>();
  readonly #chats = new Map<string, KnownChat>();
  readonly #limit: number;

  /** Keeps at most `limit` users and `limit` chats. */
  constructor(limit = DEFAULT_LIMIT) {
    this.#limit = limit;
  }

  /** Remembers `users` and `chats` (a `min` user does not replace a full one). */
  add(users: readonly Api.TypeUser[], chats: readonly Api.TypeChat[]): void {
    for (const u of users) {
      if (u._ !== "user") continue;
      if (u.min && isFull(this.#users.get(u.id))) continue;
      this.#users.set(u.id, u);
      trimOldest(this.#users, this.#limit);
    }
    for (const c of chats) {
      if (c._ === "chatEmpty") continue;
      const channel = c._ === "channel" || c._ === "channelForbidden";
      if (c._ === "channel" && c.min) {
        if (isFull(this.#chats.get("c" + c.id))) continue;
      }
      this.#chats.set((channel ? "c" : "g") + c.id, c);
      trimOldest(this.#chats, this.#limit);
    }
  }

  /** The user with bare id `id`, if seen. */
  user(id: bigint): Api.User | undefined {
    return this.#users.get(id);
  }

  /** The group (`channel` false) or channel (`channel` true) with bare id `id`, if seen. */
  chat(id: bigint, channel: boolean): KnownChat | undefined {
    return this.#chats.get((channel ? "c" : "g") + id);
  }
}

const isFull = (known: object | undefined) =>
  known !== undefined && (known as { min?: boolean }).min !== true;
