/**
 * A bounded in-memory cache of resolved peers in front of any storage engine, so that a peer
 * resolved a moment ago resolves again without a database round trip (SQLite through WASM, or
 * MongoDB over the network).
 *
 * Correctness rules: only results read from the engine are cached; `updatePeers` drops every
 * entry of the ids it writes and of the usernames and phones they carry (a username may move to
 * another peer), and a lookup that overlapped a write does not cache what it read. Username hits
 * still obey the 8-hour rule.
 *
 * @module
 */
import type { PeerRecord, SessionData, Storage, UpdateState } from "./storage.ts";
import { lookupUsername, usernameIsFresh } from "./validate.ts";

/** Default number of cached lookups (ids, usernames and phones together). */
export const DEFAULT_PEER_CACHE_SIZE = 10_000;

const copy = (p: PeerRecord): PeerRecord => ({ ...p, usernames: [...p.usernames] });

/**
 * Wraps `inner`; every {@link Storage} method passes through, peer lookups are cached.
 *
 * @example
 * ```ts
 * const storage = new CachedStorage(new MemoryStorage());
 * ```
 */
export class CachedStorage implements Storage {
  /** The engine behind the cache. */
  readonly inner: Storage;
  readonly #limit: number;
  /** "i:<id>" / "u:<username>" / "p:<phone>" → record, oldest first (Map order = LRU order). */
  readonly #entries = new Map<string, PeerRecord>();
  /** id → the keys whose entry is that peer, to drop them all when the peer changes. */
  readonly #keysOf = new Map<number, Set<string>>();
  #writes = 0;
  #generation = 0;

  constructor(inner: Storage, options: { size?: number } = {}) {
    this.inner = inner;
    this.#limit = Math.max(1, Math.floor(options.size ?? DEFAULT_PEER_CACHE_SIZE));
  }

  /** Number of cached lookups. */
  get size(): number {
    return this.#entries.size;
  }

  /** Forgets every cached peer. */
  clear(): void {
    this.#entries.clear();
    this.#keysOf.clear();
  }

  #hit(key: string): PeerRecord | undefined {
    const p = this.#entries.get(key);
    if (p) {
      this.#entries.delete(key);
      this.#entries.set(key, p);
    }
    return p;
  }

  #remember(key: string, p: PeerRecord): void {
    this.#drop(key);
    this.#entries.set(key, copy(p));
    let keys = this.#keysOf.get(p.id);
    if (!keys) this.#keysOf.set(p.id, keys = new Set());
    keys.add(key);
    while (this.#entries.size > this.#limit) {
      this.#drop(this.#entries.keys().next().value!);
    }
  }

  #drop(key: string): void {
    const p = this.#entries.get(key);
    if (!p) return;
    this.#entries.delete(key);
    const keys = this.#keysOf.get(p.id);
    keys?.delete(key);
    if (keys?.size === 0) this.#keysOf.delete(p.id);
  }

  #forget(p: PeerRecord): void {
    for (const key of [...(this.#keysOf.get(p.id) ?? [])]) this.#drop(key);
    if (!Array.isArray(p.usernames)) return;
    for (const u of p.usernames) if (typeof u === "string") this.#drop("u:" + u.toLowerCase());
    if (typeof p.phoneNumber === "string") this.#drop("p:" + p.phoneNumber);
  }

  async #lookup(
    key: string,
    load: () => Promise<PeerRecord | undefined>,
  ): Promise<PeerRecord | undefined> {
    const generation = this.#generation;
    const p = await load();
    if (p && this.#writes === 0 && generation === this.#generation) this.#remember(key, p);
    return p;
  }

  getPeerById(id: number): Promise<PeerRecord | undefined> {
    const key = "i:" + id;
    const p = this.#hit(key);
    if (p) return Promise.resolve(copy(p));
    return this.#lookup(key, () => this.inner.getPeerById(id));
  }

  getPeerByUsername(username: string): Promise<PeerRecord | undefined> {
    if (typeof username !== "string") return this.inner.getPeerByUsername(username);
    const key = "u:" + lookupUsername(username);
    const p = this.#hit(key);
    if (p) {
      if (usernameIsFresh(p.lastUpdateOn)) {
        return Promise.resolve(copy(p));
      }
      this.#drop(key);
    }
    return this.#lookup(key, () => this.inner.getPeerByUsername(username));
  }

  getPeerByPhoneNumber(phoneNumber: string): Promise<PeerRecord | undefined> {
    const key = "p:" + phoneNumber;
    const p = this.#hit(key);
    if (p) return Promise.resolve(copy(p));
    return this.#lookup(key, () => this.inner.getPeerByPhoneNumber(phoneNumber));
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
  close(): Promise<void> {
    this.clear();
    return this.inner.close();
  }
  delete(): Promise<void> {
    this.clear();
    return this.inner.delete();
  }
  getSession(): Promise<SessionData> {
    return this.inner.getSession();
  }
  setSession(data: Partial<SessionData>): Promise<void> {
    return this.inner.setSession(data);
  }
  getAuthKey(dcId: number): Promise<Uint8Array | null> {
    return this.inner.getAuthKey(dcId);
  }
  setAuthKey(dcId: number, key: Uint8Array | null): Promise<void> {
    return this.inner.setAuthKey(dcId, key);
  }
  getUpdateState(): Promise<UpdateState | undefined> {
    return this.inner.getUpdateState();
  }
  setUpdateState(state: UpdateState): Promise<void> {
    return this.inner.setUpdateState(state);
  }
  getChannelPts(channelId: number): Promise<number | undefined> {
    return this.inner.getChannelPts(channelId);
  }
  setChannelPts(channelId: number, pts: number): Promise<void> {
    return this.inner.setChannelPts(channelId, pts);
  }
  exportSessionString(): Promise<string> {
    return this.inner.exportSessionString();
  }
}
