/**
 * The in-memory storage engine: the same behaviour as the SQLite file, nothing on disk. Used for
 * the session name `":memory:"`, for `inMemory: true` and, seeded from a decoded string, for
 * `sessionString`.
 *
 * @module
 */
import { StorageError } from "./errors.ts";
import type { ListableStorage, PeerRecord, SessionData, Storage, UpdateState } from "./storage.ts";
import { freshSession } from "./storage.ts";
import { checkSessionPatch } from "./validate.ts";
import { CheckedStorage } from "./checked.ts";

const copyPeer = (p: PeerRecord): PeerRecord => ({ ...p, usernames: [...p.usernames] });

/**
 * Keeps a session in memory only; it is lost when the process exits.
 *
 * @example
 * ```ts
 * const storage = new MemoryStorage();
 * await storage.open();
 * await storage.setSession({ dcId: 2, apiId: 12345 });
 * ```
 */
export class MemoryStorage extends CheckedStorage implements Storage, ListableStorage {
  #seed: Partial<SessionData>;
  #open = false;
  #session: SessionData = freshSession();
  /** Auth keys of the DCs other than the home DC (the home DC's lives in `#session`). */
  #keys = new Map<number, Uint8Array>();
  #peers = new Map<number, PeerRecord>();
  /** username → ids of the peers that carry it (several while a name moves between peers). */
  #byUsername = new Map<string, Set<number>>();
  #byPhone = new Map<string, Set<number>>();
  #state: UpdateState | undefined;
  #channelPts = new Map<number, number>();

  /** `session` seeds the storage (e.g. from a decoded session string). */
  constructor(session: Partial<SessionData> = {}) {
    super();
    checkSessionPatch(session);
    this.#seed = { ...session, authKey: session.authKey ? session.authKey.slice() : null };
    this.#reset();
  }

  #reset(): void {
    this.#session = { ...freshSession(), ...this.#seed };
    if (this.#session.authKey) this.#session.authKey = this.#session.authKey.slice();
    this.#keys.clear();
    this.#peers.clear();
    this.#byUsername.clear();
    this.#byPhone.clear();
    this.#state = undefined;
    this.#channelPts.clear();
  }

  #check(): void {
    if (!this.#open) throw new StorageError("the storage is not open", { code: "STORAGE_CLOSED" });
  }

  open(): Promise<void> {
    this.#open = true;
    return Promise.resolve();
  }

  save(): Promise<void> {
    return Promise.resolve();
  }

  /** Releases what the storage holds (files, locks, connections); safe to call twice. */
  close(): Promise<void> {
    this.#open = false;
    return Promise.resolve();
  }

  delete(): Promise<void> {
    this.#seed = {};
    this.#reset();
    this.#open = false;
    return Promise.resolve();
  }

  /** The session (a fresh one before the first login). */
  getSession(): Promise<SessionData> {
    return this.#run(() => {
      const s = this.#session;
      return { ...s, authKey: s.authKey ? s.authKey.slice() : null };
    });
  }

  /** Merges an already validated patch into the session (the boundary checked it). */
  protected writeSession(data: Partial<SessionData>): Promise<void> {
    return this.#run(() => {
      const s = this.#session;
      if (data.dcId !== undefined && data.dcId !== s.dcId) {
        // The home DC changes: its key moves into the per-DC table and the new home's comes out.
        if (s.authKey) this.#keys.set(s.dcId, s.authKey);
        s.authKey = this.#keys.get(data.dcId) ?? null;
        this.#keys.delete(data.dcId);
      }
      for (const [k, v] of Object.entries(data)) {
        if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
      }
      if (data.authKey) s.authKey = data.authKey.slice();
    });
  }

  /** The auth key of a validated DC id, or `null`. */
  protected readAuthKey(dcId: number): Promise<Uint8Array | null> {
    return this.#run(() => {
      const key = dcId === this.#session.dcId ? this.#session.authKey : this.#keys.get(dcId);
      return key ? key.slice() : null;
    });
  }

  /** Stores (or, with `null`, forgets) a validated auth key. */
  protected writeAuthKey(dcId: number, key: Uint8Array | null): Promise<void> {
    return this.#run(() => {
      const copy = key?.slice() ?? null;
      if (dcId === this.#session.dcId) this.#session.authKey = copy;
      else if (copy) this.#keys.set(dcId, copy);
      else this.#keys.delete(dcId);
    });
  }

  /** Stores validated, normalised peer rows. */
  protected writePeers(peers: PeerRecord[]): Promise<void> {
    return this.#run(() => {
      for (const p of peers) {
        const old = this.#peers.get(p.id);
        if (old) {
          for (const u of old.usernames) unindex(this.#byUsername, u, p.id);
          if (old.phoneNumber) unindex(this.#byPhone, old.phoneNumber, p.id);
        }
        this.#peers.set(p.id, p);
        for (const u of p.usernames) index(this.#byUsername, u, p.id);
        if (p.phoneNumber) index(this.#byPhone, p.phoneNumber, p.id);
      }
    });
  }

  /** The peer row with this (validated) marked id. */
  protected readPeerById(id: number): Promise<PeerRecord | undefined> {
    return this.#run(() => {
      const p = this.#peers.get(id);
      return p && copyPeer(p);
    });
  }

  /** The peer row with this (normalised) username, fresh or not. */
  protected readPeerByUsername(username: string): Promise<PeerRecord | undefined> {
    return this.#run(() => {
      const p = this.#newest(this.#byUsername.get(username));
      return p && copyPeer(p);
    });
  }

  /** The peer row with this phone number. */
  protected readPeerByPhoneNumber(phoneNumber: string): Promise<PeerRecord | undefined> {
    return this.#run(() => {
      const p = this.#newest(this.#byPhone.get(phoneNumber));
      return p && copyPeer(p);
    });
  }

  /** The common update state, when one was saved. */
  getUpdateState(): Promise<UpdateState | undefined> {
    return this.#run(() => this.#state && { ...this.#state });
  }

  /** Stores a validated update state. */
  protected writeUpdateState(state: UpdateState): Promise<void> {
    return this.#run(() => {
      this.#state = state;
    });
  }

  /** The stored pts of a (validated) channel id. */
  protected readChannelPts(markedId: number): Promise<number | undefined> {
    return this.#run(() => this.#channelPts.get(markedId));
  }

  /** Stores a validated pts of a channel. */
  protected writeChannelPts(markedId: number, pts: number): Promise<void> {
    return this.#run(() => {
      this.#channelPts.set(markedId, pts);
    });
  }

  listAuthKeys(): Promise<Map<number, Uint8Array>> {
    return this.#run(() => {
      const keys = new Map([...this.#keys].map(([dc, key]) => [dc, key.slice()]));
      if (this.#session.authKey) keys.set(this.#session.dcId, this.#session.authKey.slice());
      return keys;
    });
  }

  async *listPeers(batchSize = 10_000): AsyncIterable<PeerRecord[]> {
    this.#check();
    let batch: PeerRecord[] = [];
    for (const p of this.#peers.values()) {
      batch.push(copyPeer(p));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  listChannelPts(): Promise<Map<number, number>> {
    return this.#run(() => new Map(this.#channelPts));
  }

  /** The peer with the newest row among `ids` (a moved username belongs to its newest owner). */
  #newest(ids: Set<number> | undefined): PeerRecord | undefined {
    let best: PeerRecord | undefined;
    for (const id of ids ?? []) {
      const p = this.#peers.get(id)!;
      if (!best || p.lastUpdateOn >= best.lastUpdateOn) best = p;
    }
    return best;
  }

  /** Runs synchronous work as a promise, turning thrown errors into rejections. */
  #run<T>(fn: () => T): Promise<T> {
    try {
      this.#check();
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(e);
    }
  }
}

function index(map: Map<string, Set<number>>, key: string, id: number): void {
  const ids = map.get(key);
  if (ids) ids.add(id);
  else map.set(key, new Set([id]));
}

function unindex(map: Map<string, Set<number>>, key: string, id: number): void {
  const ids = map.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) map.delete(key);
}
