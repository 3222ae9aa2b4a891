/**
 * The in-memory storage engine: the same behaviour as the SQLite file, nothing on disk. Used for
 * the session name `":memory:"`, for `inMemory: true` and, seeded from a decoded string, for
 * `sessionString`.
 *
 * @module
 */
import { StorageError } from "./errors.ts";
import type { ListableStorage, PeerRecord, SessionData, UpdateState } from "./storage.ts";
import { freshSession } from "./storage.ts";
import { encodeSessionString } from "./session_string.ts";
import {
  checkAuthKey,
  checkChannelId,
  checkDcId,
  checkPeerId,
  checkPts,
  checkSessionPatch,
  checkUpdateState,
  lookupUsername,
  normalizePeers,
  usernameIsFresh,
} from "./validate.ts";

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
export class MemoryStorage implements ListableStorage {
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

  getSession(): Promise<SessionData> {
    return this.#run(() => {
      const s = this.#session;
      return { ...s, authKey: s.authKey ? s.authKey.slice() : null };
    });
  }

  setSession(data: Partial<SessionData>): Promise<void> {
    return this.#run(() => {
      checkSessionPatch(data);
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

  getAuthKey(dcId: number): Promise<Uint8Array | null> {
    return this.#run(() => {
      checkDcId(dcId);
      const key = dcId === this.#session.dcId ? this.#session.authKey : this.#keys.get(dcId);
      return key ? key.slice() : null;
    });
  }

  setAuthKey(dcId: number, key: Uint8Array | null): Promise<void> {
    return this.#run(() => {
      checkDcId(dcId);
      const copy = checkAuthKey(key)?.slice() ?? null;
      if (dcId === this.#session.dcId) this.#session.authKey = copy;
      else if (copy) this.#keys.set(dcId, copy);
      else this.#keys.delete(dcId);
    });
  }

  updatePeers(peers: PeerRecord[]): Promise<void> {
    return this.#run(() => {
      for (const p of normalizePeers(peers)) {
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

  getPeerById(id: number): Promise<PeerRecord | undefined> {
    return this.#run(() => {
      checkPeerId(id);
      const p = this.#peers.get(id);
      return p && copyPeer(p);
    });
  }

  getPeerByUsername(username: string): Promise<PeerRecord | undefined> {
    return this.#run(() => {
      const p = this.#newest(this.#byUsername.get(lookupUsername(username)));
      if (!p || !usernameIsFresh(p.lastUpdateOn)) return undefined;
      return copyPeer(p);
    });
  }

  getPeerByPhoneNumber(phoneNumber: string): Promise<PeerRecord | undefined> {
    return this.#run(() => {
      const p = this.#newest(this.#byPhone.get(phoneNumber));
      return p && copyPeer(p);
    });
  }

  getUpdateState(): Promise<UpdateState | undefined> {
    return this.#run(() => this.#state && { ...this.#state });
  }

  setUpdateState(state: UpdateState): Promise<void> {
    return this.#run(() => {
      this.#state = checkUpdateState(state);
    });
  }

  getChannelPts(channelId: number): Promise<number | undefined> {
    return this.#run(() => this.#channelPts.get(checkChannelId(channelId)));
  }

  setChannelPts(channelId: number, pts: number): Promise<void> {
    return this.#run(() => {
      this.#channelPts.set(checkChannelId(channelId), checkPts(pts));
    });
  }

  exportSessionString(): Promise<string> {
    return this.#run(() => encodeSessionString(this.#session));
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
