/**
 * Peers from TL results: users and chats → {@link PeerRecord}s (marked ids, Irenogram's peer
 * types, active usernames lower-cased, phone numbers), the rules for `min` constructors, and the
 * conversions between marked ids, `Peer`s and `InputPeer`s.
 *
 * @module
 */
import type { Api } from "../tl/mod.ts";
import type { PeerRecord, PeerType, Storage } from "../storage/storage.ts";

/** How long (s) an unchanged peer is not written again (well within the 8-hour username rule). */
const REWRITE_AFTER = 60 * 60;

/** The first result after a start, with at most this many peers, reads them first (save). */
const READ_FIRST_MAX = 8;

/** Channel and supergroup ids are marked as −(1e12 + id) (Bot API form). */
const CHANNEL_OFFSET = 1_000_000_000_000;

/** The marked id of a channel id. */
export const markChannel = (id: bigint | number): number => -(CHANNEL_OFFSET + Number(id));

/** The marked id of a `Peer`. */
export function peerId(peer: Api.TypePeer): number {
  switch (peer._) {
    case "peerUser":
      return Number(peer.userId);
    case "peerChat":
      return -Number(peer.chatId);
    case "peerChannel":
      return markChannel(peer.channelId);
  }
}

/** What kind of peer a marked id names. */
export function kindOfId(id: number): "user" | "chat" | "channel" {
  if (id > 0) return "user";
  return id < -CHANNEL_OFFSET ? "channel" : "chat";
}

/** The bare (unmarked) id of a marked id, as TL wants it. */
export function bareId(id: number): bigint {
  const kind = kindOfId(id);
  return BigInt(kind === "user" ? id : kind === "chat" ? -id : -id - CHANNEL_OFFSET);
}

/** The `InputPeer` for a stored peer. */
export function inputPeerOf(p: PeerRecord): Api.TypeInputPeer {
  const kind = kindOfId(p.id);
  if (kind === "user") {
    return { _: "inputPeerUser", userId: bareId(p.id), accessHash: p.accessHash };
  }
  if (kind === "chat") return { _: "inputPeerChat", chatId: bareId(p.id) };
  return { _: "inputPeerChannel", channelId: bareId(p.id), accessHash: p.accessHash };
}

/** One peer found in a result, with whether it came from a `min` constructor. */
export interface FoundPeer {
  record: PeerRecord;
  /** A `min` constructor: its access hash is only usable in the message context it came in. */
  min: boolean;
  /** The constructor carried no usable access hash: only names and phone may be taken from it. */
  noHash: boolean;
}

function usernamesOf(main: string | undefined, all: Api.TypeUsername[] | undefined): string[] {
  const out: string[] = [];
  const add = (u: string) => {
    const l = u.toLowerCase();
    if (!out.includes(l)) out.push(l);
  };
  if (main) add(main);
  for (const u of all ?? []) if (u.active) add(u.username);
  return out;
}

/** A phone number as stored: without its leading "+" (as `replace(/^\+/, "")`, with no regex). */
const barePhone = (phone: string | undefined): string | null =>
  phone ? (phone.charCodeAt(0) === 43 ? phone.slice(1) : phone) : null;

/** One record (one object shape for every kind: no spread of a shared base). */
function record(
  id: number,
  accessHash: bigint,
  type: PeerType,
  usernames: string[],
  phoneNumber: string | null,
  now: number,
): PeerRecord {
  return { id, accessHash, type, usernames, phoneNumber, lastUpdateOn: now };
}

/** The peer of a user, or `undefined` for `userEmpty`. */
export function peerOfUser(u: Api.TypeUser, now: number): FoundPeer | undefined {
  if (u._ !== "user") return undefined;
  return {
    record: record(
      Number(u.id),
      u.accessHash ?? 0n,
      u.bot ? "bot" : "user",
      usernamesOf(u.username, u.usernames),
      barePhone(u.phone),
      now,
    ),
    min: u.min === true,
    noHash: u.accessHash === undefined,
  };
}

function channelType(c: { broadcast?: boolean; monoforum?: boolean; forum?: boolean }): PeerType {
  if (c.monoforum) return "direct";
  if (c.forum) return "forum";
  return c.broadcast ? "channel" : "supergroup";
}

/** The peer of a chat or channel, or `undefined` for `chatEmpty`. */
export function peerOfChat(c: Api.TypeChat, now: number): FoundPeer | undefined {
  switch (c._) {
    case "chat":
    case "chatForbidden":
      return {
        record: record(-Number(c.id), 0n, "group", [], null, now),
        min: false,
        noHash: false,
      };
    case "channel":
      return {
        record: record(
          markChannel(c.id),
          c.accessHash ?? 0n,
          channelType(c),
          usernamesOf(c.username, c.usernames),
          null,
          now,
        ),
        min: c.min === true,
        noHash: c.accessHash === undefined,
      };
    case "channelForbidden":
      return {
        record: record(markChannel(c.id), c.accessHash, channelType(c), [], null, now),
        min: false,
        noHash: false,
      };
    default:
      return undefined;
  }
}

/**
 * The marked id a user or chat object would be stored under; `undefined` for one that is not
 * stored (`userEmpty`, `chatEmpty`) or is not a user or chat.
 */
export function storedIdOf(v: { _: string; id?: unknown }): number | undefined {
  switch (v._) {
    case "user":
      return Number(v.id as bigint);
    case "chat":
    case "chatForbidden":
      return -Number(v.id as bigint);
    case "channel":
    case "channelForbidden":
      return markChannel(v.id as bigint);
    default:
      return undefined;
  }
}

/**
 * Whether `usernamesOf(main, all)` equals `known`, building nothing in the usual case; with
 * `noneKeeps`, no username at all counts as equal (a merge keeps the stored ones then).
 */
function sameUsernames(
  main: string | undefined,
  all: Api.TypeUsername[] | undefined,
  known: string[],
  noneKeeps = false,
): boolean {
  if (all !== undefined && all.length > 0) {
    const now = usernamesOf(main, all);
    if (now.length === 0) return noneKeeps || known.length === 0;
    return now.length === known.length && now.every((u, i) => u === known[i]);
  }
  if (!main) return noneKeeps || known.length === 0;
  return known.length === 1 && known[0] === main.toLowerCase();
}

/**
 * Whether storing the user or chat `v` over `known` (what was last written for its id, at most
 * {@link REWRITE_AFTER} seconds before `now`) would change nothing: the answer of building its
 * record ({@link peersIn}, {@link mergePeer}) and comparing the two, without building anything.
 * The update stream repeats the same senders and chats with every message.
 */
export function unchangedPeer(v: { _: string }, known: PeerRecord, now: number): boolean {
  if (now - known.lastUpdateOn >= REWRITE_AFTER) return false;
  switch (v._) {
    case "user": {
      const u = v as Api.User;
      const phone = barePhone(u.phone);
      if (u.min === true || u.accessHash === undefined) {
        // Merged into what is stored: only a username or phone it brings could change it.
        return sameUsernames(u.username, u.usernames, known.usernames, true) &&
          (phone === null || phone === known.phoneNumber);
      }
      return known.accessHash === u.accessHash && known.type === (u.bot ? "bot" : "user") &&
        known.phoneNumber === phone && sameUsernames(u.username, u.usernames, known.usernames);
    }
    case "channel": {
      const c = v as Api.Channel;
      if (c.min === true || c.accessHash === undefined) {
        return sameUsernames(c.username, c.usernames, known.usernames, true);
      }
      return known.accessHash === c.accessHash && known.type === channelType(c) &&
        known.phoneNumber === null && sameUsernames(c.username, c.usernames, known.usernames);
    }
    case "channelForbidden": {
      const c = v as Api.ChannelForbidden;
      return known.accessHash === c.accessHash && known.type === channelType(c) &&
        known.phoneNumber === null && known.usernames.length === 0;
    }
    case "chat":
    case "chatForbidden":
      return known.accessHash === 0n && known.type === "group" && known.phoneNumber === null &&
        known.usernames.length === 0;
    default:
      return false;
  }
}

const isObject = (v: unknown): v is { _: string } =>
  typeof v === "object" && v !== null && typeof (v as { _?: unknown })._ === "string";

/**
 * Every user and chat a result carries at its top level: the `users` and `chats` vectors (most
 * results and all `Updates`), a `user` field (`auth.authorization`), or a vector of users or
 * chats (`users.getUsers`).
 */
export function peersIn(result: unknown, now = Math.floor(Date.now() / 1000)): FoundPeer[] {
  const out: FoundPeer[] = [];
  const take = (v: unknown) => {
    if (!isObject(v)) return;
    const p = v._ === "user" || v._ === "userEmpty"
      ? peerOfUser(v as Api.TypeUser, now)
      : peerOfChat(v as Api.TypeChat, now);
    if (p) out.push(p);
  };
  if (Array.isArray(result)) {
    for (const v of result) take(v);
    return out;
  }
  if (typeof result !== "object" || result === null) return out;
  const r = result as { users?: unknown; chats?: unknown; user?: unknown };
  if (Array.isArray(r.users)) { for (const v of r.users) take(v); }
  if (Array.isArray(r.chats)) { for (const v of r.chats) take(v); }
  if (isObject(r.user) && (r.user._ === "user")) take(r.user);
  return out;
}

/**
 * What to store for `found`, given what is stored: a `min` constructor or one without an access
 * hash never replaces a stored access hash (it would not work outside its message); they may
 * still bring usernames and a phone number. `undefined`: nothing worth storing.
 */
export function mergePeer(
  found: FoundPeer,
  stored: PeerRecord | undefined,
): PeerRecord | undefined {
  const r = found.record;
  if (!found.min && !found.noHash) return r;
  if (stored === undefined) return found.noHash ? undefined : r;
  return {
    ...stored,
    usernames: r.usernames.length > 0 ? r.usernames : stored.usernames,
    phoneNumber: r.phoneNumber ?? stored.phoneNumber,
    lastUpdateOn: r.lastUpdateOn,
  };
}

const sameRecord = (a: PeerRecord, b: PeerRecord) =>
  a.accessHash === b.accessHash && a.type === b.type && a.phoneNumber === b.phoneNumber &&
  a.usernames.length === b.usernames.length && a.usernames.every((u, i) => u === b.usernames[i]);

/** Whether `record` is `known` unchanged, `known` written less than {@link REWRITE_AFTER} before. */
const fresh = (known: PeerRecord, record: PeerRecord) =>
  sameRecord(known, record) && record.lastUpdateOn - known.lastUpdateOn < REWRITE_AFTER;

/**
 * Writes the peers of results to a storage, skipping those written unchanged in the last hour
 * (the update stream repeats the same users over and over).
 */
export class PeerSaver {
  readonly #storage: Storage;
  readonly #written = new Map<number, PeerRecord>();
  readonly #limit: number;

  constructor(storage: Storage, limit = 50_000) {
    this.#storage = storage;
    this.#limit = limit;
  }

  /**
   * Stores the peers `result` carries (see {@link peersIn}). Returns nothing (no promise) when
   * nothing needed a storage read or write: the update stream repeats the same users.
   */
  save(result: unknown): void | Promise<void> {
    if (this.#allWritten(result)) return;
    const found = peersIn(result);
    if (found.length === 0) return;
    let unwritten = 0;
    for (const f of found) if (!this.#written.has(f.record.id)) unwritten++;
    // The first result after a start (getMe's own user, typically), with few peers: reading
    // them costs less than a write transaction, and after a restart they are mostly stored
    // unchanged. Only then: on the update stream a new peer is seldom stored already, and a read
    // first would add a storage round trip (a network one on MongoDB) to each new sender.
    if (this.#written.size === 0 && unwritten > 0 && unwritten <= READ_FIRST_MAX) {
      return this.#saveReading(found, true);
    }
    const records: PeerRecord[] = [];
    for (const f of found) {
      const known = this.#written.get(f.record.id);
      // A min constructor (or one without a hash) merges into what is stored: read it first.
      if ((f.min || f.noHash) && known === undefined) return this.#saveReading(found);
      this.#consider(f.min || f.noHash ? mergePeer(f, known) : f.record, known, records);
    }
    return this.#write(records);
  }

  /**
   * Whether every user and chat of a `{ users, chats }` carrier (every `Updates`) was written as
   * it is now, within the hour: then nothing is built or written for it.
   */
  #allWritten(result: unknown): boolean {
    if (typeof result !== "object" || result === null) return false;
    const { users, chats, user } = result as { users?: unknown; chats?: unknown; user?: unknown };
    if (user !== undefined || !Array.isArray(users) || !Array.isArray(chats)) return false;
    const now = Math.floor(Date.now() / 1000);
    return this.#written_(users, now) && this.#written_(chats, now);
  }

  #written_(list: unknown[], now: number): boolean {
    for (const v of list) {
      if (typeof v !== "object" || v === null) return false;
      const id = storedIdOf(v as { _: string });
      if (id === undefined) {
        if ((v as { _: string })._ === "userEmpty" || (v as { _: string })._ === "chatEmpty") {
          continue; // never stored
        }
        return false;
      }
      const known = this.#written.get(id);
      if (known === undefined || !unchangedPeer(v as { _: string }, known, now)) return false;
    }
    return true;
  }

  /**
   * {@link save} when some peer's stored record has to be read first: a min constructor's (or
   * one's without an access hash), and with `readAll` every peer not written by this process,
   * which is not written again when it is stored unchanged within {@link REWRITE_AFTER}.
   */
  async #saveReading(found: FoundPeer[], readAll = false): Promise<void> {
    const records: PeerRecord[] = [];
    for (const f of found) {
      const known = this.#written.get(f.record.id);
      const merged = f.min || f.noHash;
      let stored: PeerRecord | undefined;
      if (known === undefined && merged) stored = await this.#storage.getPeerById(f.record.id);
      else if (known === undefined && readAll) stored = await this.#readQuietly(f.record.id);
      const record = merged ? mergePeer(f, known ?? stored) : f.record;
      if (record !== undefined && stored !== undefined && fresh(stored, record)) {
        this.#remember([stored]);
        continue;
      }
      this.#consider(record, known, records);
    }
    await this.#write(records);
  }

  /** The stored record of `id`; `undefined` also when reading fails (it is written then). */
  async #readQuietly(id: number): Promise<PeerRecord | undefined> {
    try {
      return await this.#storage.getPeerById(id);
    } catch {
      return undefined;
    }
  }

  /** Adds `record` to `records` unless it was written unchanged in the last hour. */
  #consider(
    record: PeerRecord | undefined,
    known: PeerRecord | undefined,
    records: PeerRecord[],
  ): void {
    if (record === undefined || (known && fresh(known, record))) return;
    records.push(record);
  }

  #remember(records: PeerRecord[]): void {
    if (this.#written.size > this.#limit) this.#written.clear();
    for (const r of records) this.#written.set(r.id, r);
  }

  #write(records: PeerRecord[]): void | Promise<void> {
    if (records.length === 0) return;
    // Remembered once written (a failed write is tried again with the next result).
    return this.#storage.updatePeers(records).then(() => this.#remember(records));
  }

  /** Forgets what was written (after another process may have changed the store). */
  clear(): void {
    this.#written.clear();
  }
}
