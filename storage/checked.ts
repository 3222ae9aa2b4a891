/**
 * The storage boundary: every engine (SQLite file, memory, MongoDB, session string, an engine
 * of your own) extends {@link CheckedStorage}, which checks and normalises what callers pass in
 * once, with the same typed errors for all of them (`validate.ts`), and applies the rules every
 * engine shares (the 8-hour username rule, the session-string export). An engine then holds
 * only its own logic, in the protected methods, which receive checked values.
 *
 * @module
 */
import type { PeerRecord, SessionData, Storage, UpdateState } from "./storage.ts";
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

/** Runs the checks synchronously and hands their failure back as a rejected promise. */
function checked<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * Base class of the storage engines: the public {@link Storage} methods check their arguments
 * and call the protected methods below with checked, normalised values.
 *
 * @example
 * ```ts
 * import { MemoryStorage } from "./memory.ts";
 * new MemoryStorage() instanceof CheckedStorage; // true: every engine checks its input here
 * ```
 */
export abstract class CheckedStorage implements Storage {
  abstract open(): Promise<void>;
  abstract save(): Promise<void>;
  abstract close(): Promise<void>;
  abstract delete(): Promise<void>;
  abstract getSession(): Promise<SessionData>;
  abstract getUpdateState(): Promise<UpdateState | undefined>;
  abstract listChannelPts(): Promise<Map<number, number>>;

  /** Writes the fields of a checked partial session. */
  protected abstract writeSession(data: Partial<SessionData>): Promise<void>;
  /** The auth key of a checked DC id. */
  protected abstract readAuthKey(dcId: number): Promise<Uint8Array | null>;
  /** Stores (or with null, removes) the checked auth key of a checked DC id. */
  protected abstract writeAuthKey(dcId: number, key: Uint8Array | null): Promise<void>;
  /** Stores a non-empty batch of checked peers (usernames lower-cased, without duplicates). */
  protected abstract writePeers(peers: PeerRecord[]): Promise<void>;
  /** The peer of a checked id. */
  protected abstract readPeerById(id: number): Promise<PeerRecord | undefined>;
  /**
   * The newest peer carrying a lower-cased, non-empty username; the 8-hour rule is applied to
   * what it returns (an engine may apply it earlier too).
   */
  protected abstract readPeerByUsername(username: string): Promise<PeerRecord | undefined>;
  /** The newest peer with this phone number. */
  protected abstract readPeerByPhoneNumber(phoneNumber: string): Promise<PeerRecord | undefined>;
  /** Stores a checked common update state. */
  protected abstract writeUpdateState(state: UpdateState): Promise<void>;
  /** The pts of a channel, by its marked id (−100…). */
  protected abstract readChannelPts(markedId: number): Promise<number | undefined>;
  /** Stores a checked pts of a channel, by its marked id (−100…). */
  protected abstract writeChannelPts(markedId: number, pts: number): Promise<void>;

  setSession(data: Partial<SessionData>): Promise<void> {
    return checked(() => {
      checkSessionPatch(data);
      return this.writeSession(data);
    });
  }

  getAuthKey(dcId: number): Promise<Uint8Array | null> {
    return checked(() => this.readAuthKey(checkDcId(dcId)));
  }

  setAuthKey(dcId: number, key: Uint8Array | null): Promise<void> {
    return checked(() => this.writeAuthKey(checkDcId(dcId), checkAuthKey(key)));
  }

  updatePeers(peers: PeerRecord[]): Promise<void> {
    return checked(() => {
      const batch = normalizePeers(peers);
      return batch.length === 0 ? Promise.resolve() : this.writePeers(batch);
    });
  }

  getPeerById(id: number): Promise<PeerRecord | undefined> {
    return checked(() => this.readPeerById(checkPeerId(id)));
  }

  getPeerByUsername(username: string): Promise<PeerRecord | undefined> {
    return checked(async () => {
      const name = lookupUsername(username);
      if (name === "") return undefined;
      const peer = await this.readPeerByUsername(name);
      return peer && usernameIsFresh(peer.lastUpdateOn) ? peer : undefined;
    });
  }

  getPeerByPhoneNumber(phoneNumber: string): Promise<PeerRecord | undefined> {
    // Not a phone number: nothing carries it (as Irenogram's lookup finds no row).
    if (typeof phoneNumber !== "string") return Promise.resolve(undefined);
    return checked(() => this.readPeerByPhoneNumber(phoneNumber));
  }

  setUpdateState(state: UpdateState): Promise<void> {
    return checked(() => this.writeUpdateState(checkUpdateState(state)));
  }

  getChannelPts(channelId: number): Promise<number | undefined> {
    return checked(() => this.readChannelPts(checkChannelId(channelId)));
  }

  setChannelPts(channelId: number, pts: number): Promise<void> {
    return checked(() => this.writeChannelPts(checkChannelId(channelId), checkPts(pts)));
  }

  async exportSessionString(): Promise<string> {
    return encodeSessionString(await this.getSession());
  }
}
