/**
 * How the client reaches the connection layer: the subset of `MtprotoClient` it uses (so tests
 * can stand in a scripted server), the factory that builds one from the client's options, and
 * the auth-key store that keeps a new key off the storage until the login has succeeded.
 *
 * @module
 */
import type { AnyFunction, AnyTlObject, ResultOf } from "../tl/mod.ts";
import type { Storage } from "../storage/storage.ts";
import { type AuthKeyStore, MtprotoClient, type MtprotoOptions } from "../mtproto/mod.ts";

/** What the client needs from `MtprotoClient`. */
export interface Connection {
  connect(mainDcId: number): Promise<void>;
  readonly mainDcId: number;
  setMainDc(dcId: number): Promise<void>;
  setAuthorized(userId: number | null): void;
  invoke<F extends AnyFunction>(
    fn: F,
    options?: { dcId?: number; signal?: AbortSignal; timeout?: number },
  ): Promise<ResultOf<F>>;
  close(): Promise<void>;
}

/** Builds the connection of a client. */
export type ConnectionFactory = (options: MtprotoOptions) => Connection;

/** The default: a real `MtprotoClient`. */
export const mtprotoConnection: ConnectionFactory = (options) => new MtprotoClient(options);

/**
 * The internal option that replaces the connection (tests drive the client against a scripted
 * server with it). Not part of the public options.
 */
export const CONNECTION_FACTORY: unique symbol = Symbol("irenogram.connectionFactory");

/**
 * The auth keys of a client that is not logged in yet: new keys stay in memory, so that a
 * failed login (wrong code, wrong password) writes nothing to the storage; `commit()` writes
 * them once logged in, after which keys go straight to the storage. Keys already stored are read
 * from it.
 */
export class PendingKeys implements AuthKeyStore {
  readonly #storage: Storage;
  readonly #pending = new Map<number, Uint8Array | null>();
  #committed: boolean;

  constructor(storage: Storage, committed: boolean) {
    this.#storage = storage;
    this.#committed = committed;
  }

  getAuthKey(dcId: number): Promise<Uint8Array | null> {
    if (this.#pending.has(dcId)) return Promise.resolve(this.#pending.get(dcId)!);
    return this.#storage.getAuthKey(dcId);
  }

  setAuthKey(dcId: number, key: Uint8Array | null): Promise<void> {
    if (this.#committed) return this.#storage.setAuthKey(dcId, key);
    this.#pending.set(dcId, key === null ? null : key.slice());
    return Promise.resolve();
  }

  /** Writes the held keys (the home DC `homeDcId` first recorded in the session). */
  async commit(homeDcId: number): Promise<void> {
    await this.#storage.setSession({ dcId: homeDcId });
    for (const [dcId, key] of this.#pending) await this.#storage.setAuthKey(dcId, key);
    this.#pending.clear();
    this.#committed = true;
  }

  /** Whether keys are written straight to the storage. */
  get committed(): boolean {
    return this.#committed;
  }
}

export type { AnyTlObject, MtprotoOptions };
