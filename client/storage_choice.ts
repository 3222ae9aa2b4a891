/**
 * Which storage a {@link Client} uses, from its name and options, in Irenogram's order:
 * a session string (kept in memory), then memory (`":memory:"` or `inMemory`), then
 * `storageEngine` (a MongoDB URL or client, or any object implementing the storage interface),
 * else the SQLite file `NAME.session` in `workdir`. Every engine gets the bounded peer cache in
 * front of it; for engines other processes may write to (MongoDB, custom engines) the cache
 * trusts an entry for {@link SHARED_PEER_MAX_AGE} only. Engines are told apart by structure,
 * never `instanceof`.
 *
 * @module
 */
import type { ClientOptions } from "./options.ts";
import type { Storage } from "../storage/storage.ts";
import { isStorage } from "../storage/storage.ts";
import { StorageError } from "../storage/errors.ts";
import { CachedStorage } from "../storage/peer_cache.ts";
import { MemoryStorage } from "../storage/memory.ts";
import { SqliteStorage } from "../storage/sqlite.ts";
import { SessionStringStorage } from "../storage/session_string_storage.ts";
import { isClientLike, MongoStorage } from "../storage/mongo.ts";

/** The session name that keeps a session in memory only. */
export const MEMORY_SESSION_NAME = ":memory:";

/**
 * The engine for session `name` with `options` (not yet opened), behind the peer cache.
 * Throws {@link StorageError} (`STORAGE_INVALID_ARGUMENT`) for a `storageEngine` it cannot use,
 * and `SessionStringError` for an unreadable session string.
 */
export function chooseStorage(name: string, options: ClientOptions = {}): Storage {
  // Session strings and memory are private to this process, and the SQLite file is locked to
  // it; a storageEngine may be written by other processes too.
  if (options.sessionString !== undefined) {
    return new CachedStorage(new SessionStringStorage(options.sessionString));
  }
  if (name === MEMORY_SESSION_NAME || options.inMemory) {
    return new CachedStorage(new MemoryStorage());
  }
  const engine = options.storageEngine;
  if (engine === undefined || engine === null) {
    return new CachedStorage(SqliteStorage.forSession(name, options.workdir ?? "."));
  }
  return new CachedStorage(sharedEngine(name, engine), { maxAge: SHARED_PEER_MAX_AGE });
}

/**
 * How long (ms) a peer cached from a shared engine is trusted: another process may have moved a
 * username or phone number to another peer meanwhile.
 */
export const SHARED_PEER_MAX_AGE = 60_000;

/** The engine a `storageEngine` option names: a MongoDB URL or client, or a storage object. */
function sharedEngine(name: string, engine: NonNullable<ClientOptions["storageEngine"]>): Storage {
  if (typeof engine === "string" && /^mongodb(\+srv)?:\/\//i.test(engine)) {
    return new MongoStorage(name, engine);
  }
  if (isStorage(engine)) return engine;
  if (isClientLike(engine)) {
    return new MongoStorage(name, engine as ConstructorParameters<typeof MongoStorage>[1]);
  }
  throw new StorageError(
    "storageEngine must be a mongodb:// or mongodb+srv:// URL, a MongoClient, " +
      "or an object implementing the storage interface",
    { code: "STORAGE_INVALID_ARGUMENT" },
  );
}
