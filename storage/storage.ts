/**
 * The storage contract every session engine fulfils (SQLite file, memory, MongoDB, session
 * string). The client only talks to this interface; engines are told apart by a structural
 * check ({@link isStorage}), never `instanceof`.
 *
 * @module
 */
import { dcAddress } from "./dcs.ts";

/** Irenogram's words for peer kinds. */
export type PeerType = "user" | "bot" | "group" | "channel" | "supergroup" | "forum" | "direct";

/** What a session holds about the logged-in account and its home DC. */
export interface SessionData {
  /** Home data-centre id (1–5, 203, …). */
  dcId: number;
  /** Telegram API id the session was created with. */
  apiId: number | null;
  /** Whether the session belongs to Telegram's test servers. */
  testMode: boolean;
  /** 256-byte auth key of the home DC, or null before the first login. A secret. */
  authKey: Uint8Array | null;
  /** The logged-in user or bot id, or null before login. */
  userId: number | null;
  /** Whether the account is a bot. */
  isBot: boolean | null;
  /** Unix time (seconds) of the last save. */
  date: number;
  /** Address of the home DC, when known. */
  serverAddress: string | null;
  /** Port of the home DC, when known. */
  port: number | null;
}

/** A cached peer, as `updatePeers` stores it and the getters return it. */
export interface PeerRecord {
  /** Marked (Bot API) id: users > 0, basic groups −id, channels −100…id. */
  id: number;
  /** access_hash (a TL long). */
  accessHash: bigint;
  /** What kind of peer it is. */
  type: PeerType;
  /** Active usernames, lower-cased; the first is the main one. */
  usernames: string[];
  /** Phone number without "+", for users who share it. */
  phoneNumber: string | null;
  /** Unix time (seconds) of the last update of this row. */
  lastUpdateOn: number;
}

/** The common update state (updates.getState) of the account. */
export interface UpdateState {
  /** Event sequence number of the account (messages and common events). */
  pts: number;
  /** Sequence number of secret-chat and bot events. */
  qts: number;
  /** Date of the state (Unix seconds). */
  date: number;
  /** Number of the last Updates container received. */
  seq: number;
}

/**
 * A session storage engine. `open()` before anything else; `close()` releases files, locks and
 * connections (and is safe to call twice). Every method may throw a {@link StorageError}
 * subclass; none of their messages contain secrets.
 */
export interface Storage {
  /** Idempotent: a second call, or one made while the first is running, shares that opening. */
  open(): Promise<void>;
  /** Flushes what is pending (engines that write immediately make this a no-op). */
  save(): Promise<void>;
  /** Releases what the storage holds (files, locks, connections); safe to call twice. */
  close(): Promise<void>;
  /** Closes and removes the session for good (file, database or memory). */
  delete(): Promise<void>;

  /** The session (a fresh one before the first login). */
  getSession(): Promise<SessionData>;
  /** Merges `data` into the session and saves it. */
  setSession(data: Partial<SessionData>): Promise<void>;

  /** Auth key of any DC (the home DC's is also `getSession().authKey`). */
  getAuthKey(dcId: number): Promise<Uint8Array | null>;
  /** Stores the auth key of `dcId` (`null` forgets it). */
  setAuthKey(dcId: number, key: Uint8Array | null): Promise<void>;

  /** Inserts or replaces peers by id (usernames and phone are replaced with the row). */
  updatePeers(peers: PeerRecord[]): Promise<void>;
  /** The cached peer with this marked id, if any. */
  getPeerById(id: number): Promise<PeerRecord | undefined>;
  /**
   * Case-insensitive, a leading "@" ignored; usernames whose row is older than 8 hours do not
   * resolve.
   */
  getPeerByUsername(username: string): Promise<PeerRecord | undefined>;
  /** The cached user with this phone number (digits, without "+"), if any. */
  getPeerByPhoneNumber(phoneNumber: string): Promise<PeerRecord | undefined>;

  /** The common update state, when one was saved. */
  getUpdateState(): Promise<UpdateState | undefined>;
  /** Saves the common update state. */
  setUpdateState(state: UpdateState): Promise<void>;
  /** The saved pts of a channel, if any. */
  getChannelPts(channelId: number): Promise<number | undefined>;
  /** Saves the pts of a channel. */
  setChannelPts(channelId: number, pts: number): Promise<void>;
  /**
   * Every channel's saved pts: marked channel id (−100…) → pts. The client reads it at start to
   * fetch what each channel sent while it was stopped (Irenogram keeps these as the
   * `update_state` rows other than the account's, keyed by the marked id).
   */
  listChannelPts(): Promise<Map<number, number>>;

  /** The session in the current Pyrogram string layout. Requires an auth key. */
  exportSessionString(): Promise<string>;
}

const methods = [
  "open",
  "save",
  "close",
  "delete",
  "getSession",
  "setSession",
  "getAuthKey",
  "setAuthKey",
  "updatePeers",
  "getPeerById",
  "getPeerByUsername",
  "getPeerByPhoneNumber",
  "getUpdateState",
  "setUpdateState",
  "getChannelPts",
  "setChannelPts",
  "listChannelPts",
  "exportSessionString",
] as const;

/** Structural check: does `value` implement {@link Storage}? */
export function isStorage(value: unknown): value is Storage {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return methods.every((m) => typeof record[m] === "function");
}

/** Usernames cached longer than this (seconds) no longer resolve: Irenogram's rule. */
export const USERNAME_TTL_SECONDS = 8 * 60 * 60;

/**
 * A new session as Irenogram creates it: DC 2 at its production address and port, nothing else
 * known yet. Every engine starts from this.
 */
export function freshSession(): SessionData {
  const home = dcAddress(2, false)!;
  return {
    dcId: 2,
    apiId: null,
    testMode: false,
    authKey: null,
    userId: null,
    isBot: null,
    date: 0,
    serverAddress: home.host,
    port: home.port,
  };
}

/**
 * An engine that can also list what it holds, so that a session can be copied whole (the
 * `session copy` command of `cli.ts`). Optional: {@link isListableStorage} tells. The SQLite,
 * memory and MongoDB engines implement it. Peers are streamed in batches (bounded memory),
 * in no promised order.
 *
 * @example
 * ```ts
 * async function countPeers(storage: ListableStorage): Promise<number> {
 *   let n = 0;
 *   for await (const batch of storage.listPeers(1000)) n += batch.length;
 *   return n;
 * }
 * ```
 */
export interface ListableStorage extends Storage {
  /** Auth keys of every DC that has one, the home DC's included: DC id → key. */
  listAuthKeys(): Promise<Map<number, Uint8Array>>;
  /** Every cached peer, at most `batchSize` (default 10,000) per batch. */
  listPeers(batchSize?: number): AsyncIterable<PeerRecord[]>;
}

/** Structural check: does `value` implement {@link ListableStorage}? */
export function isListableStorage(value: unknown): value is ListableStorage {
  if (!isStorage(value)) return false;
  const record = value as unknown as Record<string, unknown>;
  return ["listAuthKeys", "listPeers"].every((m) => typeof record[m] === "function");
}
