/**
 * A bounded in-memory cache of resolved peers in front of any storage engine, so that a peer
 * resolved a moment ago resolves again without a database round trip (SQLite through WASM, or
 * MongoDB over the network).
 *
 * Correctness rules: only results read from the engine are cached; `updatePeers` drops every
 * entry of the ids it writes and of the usernames and phones they carry (a username may move to
 * another peer), and a lookup that overlapped a write does not cache what it read. Username hits
 * still obey the 8-hour rule. A store shared by several processes (MongoDB) changes behind this
 * cache's back: `maxAge` then bounds how long an entry is trusted.
 *
 * @module
 */
import type { PeerRecord, SessionData, Storage, UpdateState } from "./storage.ts";
import { lookupUsername, usernameIsFresh } from "./validate.ts";

/** Default bound of each lookup table (ids, usernames, phones). */
export const DEFAULT_PEER_CACHE_SIZE = 10_000;

const copy = (p: PeerRecord): PeerRecord => ({
  id: p.id,
  accessHash: p.accessHash,
  type: p.type,
  usernames: p.usernames.slice(),
  phoneNumber: p.phoneNumber,
  lastUpdateOn: p.lastUpdateOn,
});

interface Entry {
  peer: PeerRecord;
  /** When it was read from the engine (the `now` clock, ms). */
  at: number;
  /** Hit since it last came round for eviction. */
  used: boolean;
}

/**
 * Wraps `inner`; every {@link Storage} method passes through, peer lookups are cached.
 *
 * @example
 * ```ts
 * import { CachedStorage, MemoryStorage } from "@x/irenogram";
 * const storage = new CachedStorage(new MemoryStorage());
 * ```
 */
export class CachedStorage implements Storage {
  /** The engine behind the cache. */
  readonly inner: Storage;
  readonly #limit: number;
  readonly #byId = new Map<number, Entry>();
  readonly #byName = new Map<string, Entry>();
  readonly #byPhone = new Map<string, Entry>();
  /** id → the username/phone entries that resolve to it, to drop them when the peer changes. */
  readonly #keysOf = new Map<number, Set<string>>();
  readonly #maxAge: number;
  readonly #now: () => number;
  #writes = 0;
  #generation = 0;

  /**
   * `size` bounds each of the three lookup tables (by id, username and phone); `maxAge` (ms,
   * default unbounded) is how long a cached peer is trusted, for engines that other processes
   * write to; `now` is the clock (tests).
   */
  constructor(
    inner: Storage,
    options: { size?: number; maxAge?: number; now?: () => number } = {},
  ) {
    this.inner = inner;
    this.#limit = Math.max(1, Math.floor(options.size ?? DEFAULT_PEER_CACHE_SIZE));
    this.#maxAge = options.maxAge !== undefined && options.maxAge >= 0 ? options.maxAge : Infinity;
    this.#now = options.now ?? Date.now;
  }

  /** The entry under `key` if it is still to be trusted; a too old one is dropped. */
  #hit<K extends number | string>(map: Map<K, Entry>, key: K): Entry | undefined {
    const e = map.get(key);
    if (e === undefined) return undefined;
    if (this.#maxAge !== Infinity && this.#now() - e.at > this.#maxAge) {
      this.#dropKey(map, key);
      return undefined;
    }
    e.used = true;
    return e;
  }

  /** How long (ms) a cached peer is trusted (`Infinity`: until a write drops it). */
  get maxAge(): number {
    return this.#maxAge;
  }

  /** Number of cached lookups. */
  get size(): number {
    return this.#byId.size + this.#byName.size + this.#byPhone.size;
  }

  /** Forgets every cached peer. */
  clear(): void {
    this.#byId.clear();
    this.#byName.clear();
    this.#byPhone.clear();
    this.#keysOf.clear();
  }

  /**
   * Adds an entry; when the table is full, evicts by "second chance" (an approximation of LRU
   * that costs a hit only a flag write, not a re-insertion).
   */
  #remember<K extends number | string>(map: Map<K, Entry>, key: K, p: PeerRecord): void {
    this.#dropKey(map, key);
    map.set(key, { peer: copy(p), at: this.#now(), used: false });
    if (typeof key === "string") {
      let keys = this.#keysOf.get(p.id);
      if (!keys) this.#keysOf.set(p.id, keys = new Set());
      keys.add((map === this.#byName ? "u:" : "p:") + key);
    }
    for (const [k, e] of map) {
      if (map.size <= this.#limit) break;
      if (e.used) {
        e.used = false;
        map.delete(k);
        map.set(k, e);
      } else this.#dropKey(map, k);
    }
  }

  #dropKey<K extends number | string>(map: Map<K, Entry>, key: K): void {
    const e = map.get(key);
    if (!e) return;
    map.delete(key);
    if (typeof key === "string") {
      const keys = this.#keysOf.get(e.peer.id);
      keys?.delete((map === this.#byName ? "u:" : "p:") + key);
      if (keys?.size === 0) this.#keysOf.delete(e.peer.id);
    }
  }

  #forget(p: PeerRecord): void {
    this.#byId.delete(p.id);
    for (const key of [...(this.#keysOf.get(p.id) ?? [])]) {
      if (key.startsWith("u:")) this.#dropKey(this.#byName, key.slice(2));
      else this.#dropKey(this.#byPhone, key.slice(2));
    }
    if (Array.isArray(p.usernames)) {
      for (const u of p.usernames) {
        if (typeof u === "string") this.#dropKey(this.#byName, u.toLowerCase());
      }
    }
    if (typeof p.phoneNumber === "string") this.#dropKey(this.#byPhone, p.phoneNumber);
  }

  async #lookup<K extends number | string>(
    map: Map<K, Entry>,
    key: K,
    load: () => Promise<PeerRecord | undefined>,
  ): Promise<PeerRecord | undefined> {
    const generation = this.#generation;
    const p = await load();
    if (p && this.#writes === 0 && generation === this.#generation) this.#remember(map, key, p);
    return p;
  }

  /** The cached peer with this marked id, if any. */
  getPeerById(id: number): Promise<PeerRecord | undefined> {
    const e = this.#hit(this.#byId, id);
    if (e) return Promise.resolve(copy(e.peer));
    return this.#lookup(this.#byId, id, () => this.inner.getPeerById(id));
  }

  getPeerByUsername(username: string): Promise<PeerRecord | undefined> {
    if (typeof username !== "string") return this.inner.getPeerByUsername(username);
    const key = lookupUsername(username);
    const e = this.#hit(this.#byName, key);
    if (e) {
      if (usernameIsFresh(e.peer.lastUpdateOn)) return Promise.resolve(copy(e.peer));
      this.#dropKey(this.#byName, key);
    }
    return this.#lookup(this.#byName, key, () => this.inner.getPeerByUsername(username));
  }

  /** The cached user with this phone number (digits, without "+"), if any. */
  getPeerByPhoneNumber(phoneNumber: string): Promise<PeerRecord | undefined> {
    const e = this.#hit(this.#byPhone, phoneNumber);
    if (e) return Promise.resolve(copy(e.peer));
    return this.#lookup(
      this.#byPhone,
      phoneNumber,
      () => this.inner.getPeerByPhoneNumber(phoneNumber),
    );
  }

  async updatePeers(peers: PeerRecord[]): Promise<void> {
    this.#writes++;
    this.#generation++;
    try {
      if (Array.isArray(peers)) { for (const p of peers) if (p) this.#forget(p); }
      await this.inner.updatePeers(peers);
    } finally {
      // Again after the write: a lookup may have cached the old row meanwhile.
      if (Array.isArray(peers)) { for (const p of peers) if (p) this.#forget(p); }
      this.#generation++;
      this.#writes--;
    }
  }

  open(): Promise<void> {
    return this.inner.open();
  }
  save(): Promise<void> {
    return this.inner.save();
  }
  /** Releases what the storage holds (files, locks, connections); safe to call twice. */
  close(): Promise<void> {
    this.clear();
    return this.inner.close();
  }
  delete(): Promise<void> {
    this.clear();
    return this.inner.delete();
  }
  /** The session (a fresh one before the first login). */
  getSession(): Promise<SessionData> {
    return this.inner.getSession();
  }
  /** Merges `data` into the session and saves it. */
  setSession(data: Partial<SessionData>): Promise<void> {
    return this.inner.setSession(data);
  }
  getAuthKey(dcId: number): Promise<Uint8Array | null> {
    return this.inner.getAuthKey(dcId);
  }
  /** Stores the auth key of `dcId` (`null` forgets it). */
  setAuthKey(dcId: number, key: Uint8Array | null): Promise<void> {
    return this.inner.setAuthKey(dcId, key);
  }
  /** The common update state, when one was saved. */
  getUpdateState(): Promise<UpdateState | undefined> {
    return this.inner.getUpdateState();
  }
  /** Saves the common update state. */
  setUpdateState(state: UpdateState): Promise<void> {
    return this.inner.setUpdateState(state);
  }
  /** The saved pts of a channel, if any. */
  getChannelPts(channelId: number): Promise<number | undefined> {
    return this.inner.getChannelPts(channelId);
  }
  /** Saves the pts of a channel. */
  setChannelPts(channelId: number, pts: number): Promise<void> {
    return this.inner.setChannelPts(channelId, pts);
  }

  listChannelPts(): Promise<Map<number, number>> {
    return this.inner.listChannelPts();
  }
  exportSessionString(): Promise<string> {
    return this.inner.exportSessionString();
  }
}
