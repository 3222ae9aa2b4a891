/**
 * The server's auth keys (all DCs): each key's DC, bound user, declared layer, temporary-key
 * binding and sessions; and the server salts, derived per key and half-hour period from a
 * server secret so that none need storing (`expireSalts` changes the secret's epoch).
 *
 * @module
 */
import { type RandomSource, sha256 } from "../../core/mod.ts";
import { LAYER } from "../../tl/mod.ts";
import type { ServerSession } from "./session.ts";

/** What initConnection told the server about the client (for tests and logs). */
export interface ClientInfo {
  apiId: number;
  deviceModel: string;
  systemVersion: string;
  appVersion: string;
  langCode: string;
}

/** One auth key the server knows. */
export class AuthKeyRecord {
  /** The layer from the client's last invokeWithLayer on this key. */
  layer: number = LAYER;
  /** The user signed in with this key (for a bound temporary key: see {@link effectiveUser}). */
  userId: number | null;
  /** A temporary key bound to a permanent one with auth.bindTempAuthKey. */
  perm: AuthKeyRecord | undefined;
  /** The first salt (from the exchange), valid until salts are expired. */
  initialSalt: bigint | undefined;
  initialSaltEpoch = 0;
  client: ClientInfo | undefined;
  readonly sessions = new Map<bigint, ServerSession>();
  /** Last time (server seconds) a message used this key, for eviction. */
  lastUsed: number;
  /**
   * {@link AuthKeys}' salts of this key for `saltPeriod` and the period before, derived under
   * `saltEpoch` (-1: none yet): a SHA-256 per message in and out was most of the server's cost
   * of a small request.
   */
  saltEpoch = -1;
  saltPeriod = 0;
  salt = 0n;
  previousSalt = 0n;

  constructor(
    readonly key: Uint8Array,
    readonly id: bigint,
    readonly dcId: number,
    now: number,
    userId: number | null = null,
    /** Temporary keys: server seconds after which the key is unknown (-404). */
    readonly expiresAt?: number,
  ) {
    this.userId = userId;
    this.lastUsed = now;
  }

  /** The user this key acts for: a bound temporary key acts for its permanent key's user. */
  get effectiveUser(): number | null {
    return this.perm !== undefined ? this.perm.userId : this.userId;
  }

  /** The key whose user binding {@link CallContext.bindUser} changes. */
  get owner(): AuthKeyRecord {
    return this.perm ?? this;
  }
}

/** Seconds a server salt is current; the previous period's salt is still accepted. */
export const SALT_PERIOD = 1800;

/** A future_salt entry. */
export interface FutureSalt {
  validSince: number;
  validUntil: number;
  salt: bigint;
}

/** Every auth key of the server, by id, with an upper bound on their number. */
export class AuthKeys {
  readonly #keys = new Map<bigint, AuthKeyRecord>();
  readonly #byUser = new Map<number, Set<AuthKeyRecord>>();
  readonly #secret: Uint8Array;
  #epoch = 0;

  constructor(random: RandomSource, readonly maxKeys: number) {
    this.#secret = random(32);
  }

  get size(): number {
    return this.#keys.size;
  }

  get(id: bigint): AuthKeyRecord | undefined {
    return this.#keys.get(id);
  }

  has(id: bigint): boolean {
    return this.#keys.has(id);
  }

  add(record: AuthKeyRecord): void {
    if (this.#keys.size >= this.maxKeys) this.#evict();
    this.#keys.get(record.id)?.sessions.clear();
    this.#keys.set(record.id, record);
    if (record.userId !== null) this.#index(record, record.userId);
    record.initialSaltEpoch = this.#epoch;
  }

  delete(record: AuthKeyRecord): void {
    if (this.#keys.get(record.id) !== record) return;
    this.#keys.delete(record.id);
    if (record.userId !== null) this.#byUser.get(record.userId)?.delete(record);
    for (const k of this.#keys.values()) if (k.perm === record) k.perm = undefined;
  }

  /** Drops the least recently used key that no live session uses (or the oldest overall). */
  #evict(): void {
    let victim: AuthKeyRecord | undefined;
    for (const k of this.#keys.values()) {
      if (victim === undefined || k.lastUsed < victim.lastUsed) victim = k;
    }
    if (victim !== undefined) this.delete(victim);
  }

  #index(record: AuthKeyRecord, userId: number): void {
    let set = this.#byUser.get(userId);
    if (set === undefined) this.#byUser.set(userId, set = new Set());
    set.add(record);
  }

  /** Binds `record` (its owner: the permanent key) to a user, or unbinds it (log-out). */
  bindUser(record: AuthKeyRecord, userId: number | null): void {
    const owner = record.owner;
    if (owner.userId !== null) this.#byUser.get(owner.userId)?.delete(owner);
    owner.userId = userId;
    if (userId !== null) this.#index(owner, userId);
    // Temporary keys bound to this owner follow it: index them under the same user.
    for (const k of this.#keys.values()) {
      if (k.perm !== owner) continue;
      for (const set of this.#byUser.values()) set.delete(k);
      if (userId !== null) this.#index(k, userId);
    }
  }

  /** Binds a temporary key to a permanent one (auth.bindTempAuthKey). */
  bindTemp(temp: AuthKeyRecord, perm: AuthKeyRecord): void {
    for (const set of this.#byUser.values()) set.delete(temp);
    temp.perm = perm;
    if (perm.userId !== null) this.#index(temp, perm.userId);
  }

  /** Every key acting for `userId` (permanent keys and temporary keys bound to them). */
  forUser(userId: number): Iterable<AuthKeyRecord> {
    return this.#byUser.get(userId) ?? [];
  }

  all(): Iterable<AuthKeyRecord> {
    return this.#keys.values();
  }

  /** Makes every salt in use invalid: clients get bad_server_salt with a new one. */
  expireSalts(): void {
    this.#epoch++;
  }

  #saltFor(record: AuthKeyRecord, period: number): bigint {
    const info = new Uint8Array(20);
    const view = new DataView(info.buffer);
    view.setBigInt64(0, record.id, true);
    view.setUint32(8, this.#epoch, true);
    view.setFloat64(12, period, true);
    const digest = sha256(this.#secret, info);
    return new DataView(digest.buffer, digest.byteOffset, 8).getBigInt64(0, true);
  }

  /** Brings the record's cached salts to `period` under the current epoch. */
  #refresh(record: AuthKeyRecord, period: number): void {
    if (record.saltEpoch === this.#epoch && record.saltPeriod === period) return;
    const moved = record.saltEpoch === this.#epoch && record.saltPeriod === period - 1;
    record.previousSalt = moved ? record.salt : this.#saltFor(record, period - 1);
    record.salt = this.#saltFor(record, period);
    record.saltEpoch = this.#epoch;
    record.saltPeriod = period;
  }

  /** The salt the server puts in its messages and asks clients to use now. */
  currentSalt(record: AuthKeyRecord, now: number): bigint {
    this.#refresh(record, Math.floor(now / SALT_PERIOD));
    return record.salt;
  }

  /** Whether a client's salt is acceptable now (current or previous period, or the first salt). */
  validSalt(record: AuthKeyRecord, salt: bigint, now: number): boolean {
    if (salt === record.initialSalt && record.initialSaltEpoch === this.#epoch) return true;
    this.#refresh(record, Math.floor(now / SALT_PERIOD));
    return salt === record.salt || salt === record.previousSalt;
  }

  /** get_future_salts: `count` salts from the current one on. */
  futureSalts(record: AuthKeyRecord, now: number, count: number): FutureSalt[] {
    const first = Math.floor(now / SALT_PERIOD);
    const out: FutureSalt[] = [];
    for (let p = first; p < first + count; p++) {
      out.push({
        validSince: p * SALT_PERIOD,
        validUntil: (p + 2) * SALT_PERIOD,
        salt: this.#saltFor(record, p),
      });
    }
    return out;
  }
}
