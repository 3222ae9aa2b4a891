/**
 * The MongoDB session engine: one database per session, named after the session, in the
 * layout Pyrofork and Irenogram use for their MongoDB storage, so that Python and TypeScript
 * processes can share one session and its peers.
 *
 * Collections (the first four are Pyrofork's/Irenogram's; the rest are this engine's own):
 * - `session`: one document `_id: 0` with `dc_id`, `api_id`, `test_mode`, `auth_key`, `date`,
 *   `user_id`, `is_bot`, `server_address`, `port`.
 * - `peers`: `_id` = marked peer id, `access_hash` (int64), `type`, `username` (the main one),
 *   `phone_number`, `last_update_on`; plus `usernames` (all of them, main first).
 * - `usernames`: `_id` = username, `peer_id`, `last_update_on` — written, as Irenogram does, for
 *   peers with more than one username.
 * - `update_state`: `_id: 0` holds pts/qts/date/seq; `_id` = marked channel id holds its pts.
 * - `auth_keys`: `_id` = DC id, `auth_key` — keys of every DC (the home DC's is mirrored in
 *   `session.auth_key`, where the Python libraries read it).
 * - `version`: `_id: 0`, `number` — the layout version of this engine.
 *
 * Every write is a single-document upsert or insert, or an unordered bulk of them, never a
 * read-modify-write of shared data, so many processes can share one database; no transactions
 * are needed. The `mongodb` driver is imported only by {@link MongoStorage.open} when given a URL.
 *
 * The tests run on FerretDB 1.24 (SQLite backend), which shaped a few choices that are just as
 * right on MongoDB: no transactions, no partial/TTL/collation indexes (the 8-hour username rule
 * is applied when reading), one `createIndex` per index, fresh documents inserted whole (its
 * `$setOnInsert` drops null fields), `updateMany` on an `_id` instead of `updateOne` (a command
 * with over ~100 matching `updateOne`s hangs it), and new peers inserted rather than upserted (it
 * scans the collection for every update by a numeric `_id`).
 *
 * @module
 */
import type { AnyBulkWriteOperation, Collection, Db, MongoClient } from "mongodb";
import { StorageError } from "./errors.ts";
import type { ListableStorage, PeerRecord, SessionData, Storage, UpdateState } from "./storage.ts";
import {
  bytes,
  type Doc,
  docUsernames,
  freshSessionDoc,
  int,
  num,
  peerFields,
  peerFromDoc,
  sessionFromDoc,
} from "./mongo_documents.ts";
export { redactUrl } from "./mongo_errors.ts";
import {
  DUPLICATE_KEY,
  importDriver,
  invalid,
  isDuplicateKey,
  toStorageError,
  writeErrors,
} from "./mongo_errors.ts";
import { normalizePeers, nowSeconds, usernameIsFresh } from "./validate.ts";
import { CheckedStorage } from "./checked.ts";

/** The layout version this engine writes into the `version` collection. */
export const MONGO_LAYOUT_VERSION = 1;

/** Options of {@link MongoStorage}. */
export interface MongoStorageOptions {
  /**
   * How long (ms) to look for a reachable server before failing with `STORAGE_UNAVAILABLE`.
   * Used only when the storage creates the client from a URL that does not set it itself.
   * Default: 5000.
   */
  serverSelectionTimeoutMS?: number;
  /**
   * The deadline (ms) of every storage call, `open()` included: a server that stops answering
   * (frozen, partitioned) fails the call with `STORAGE_UNAVAILABLE` after this long instead of
   * whenever the driver gives up (36–45 s was measured against a frozen server). The call is
   * abandoned, not cancelled: a write in flight may still be applied when the server answers
   * (every write here is an idempotent upsert, so a retry is safe). Default:
   * {@link DEFAULT_OPERATION_TIMEOUT_MS}.
   */
  operationTimeoutMS?: number;
}

/** Default deadline of one storage call (see {@link MongoStorageOptions.operationTimeoutMS}). */
export const DEFAULT_OPERATION_TIMEOUT_MS = 15_000;

/** What the engine needs of a `MongoClient` (checked structurally, never with instanceof). */
type ClientLike = Pick<MongoClient, "db" | "connect" | "close">;

/** Peers written per round of find / insert / upsert. */
const PEER_CHUNK = 10_000;

export function isClientLike(value: unknown): value is ClientLike {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.db === "function" && typeof v.connect === "function" &&
    typeof v.close === "function";
}

/** MongoDB's rules for database names, checked here so the error is ours and early. */
function checkDatabaseName(name: unknown): string {
  if (typeof name !== "string" || name.length === 0) {
    throw invalid("the session name must be a non-empty string");
  }
  if (/[/\\. "$*<>:|?\0]/.test(name) || new TextEncoder().encode(name).length > 63) {
    throw invalid(
      `the session name ${
        JSON.stringify(name.slice(0, 80))
      } cannot be a MongoDB database name (at most 63 bytes, none of / \\ . " $ * < > : | ? space)`,
    );
  }
  return name;
}

/**
 * A session kept in MongoDB, compatible with Pyrofork's and Irenogram's MongoDB storage.
 *
 * @example
 * ```ts
 * const storage = new MongoStorage("my_account", "mongodb://localhost:27017");
 * await storage.open(); // database "my_account"
 * console.log((await storage.getSession()).dcId);
 * await storage.close();
 * ```
 */
export class MongoStorage extends CheckedStorage implements Storage, ListableStorage {
  /** The session name, which is also the database name. */
  readonly name: string;
  readonly #url: string | null;
  readonly #given: ClientLike | null;
  readonly #options: MongoStorageOptions;
  #client: ClientLike | null = null;
  #db: Db | null = null;
  #opening: Promise<void> | null = null;

  /**
   * A MongoDB storage for session `name`; nothing is connected until `open()`.
   *
   * @param name session name, used as the database name
   * @param connection a `mongodb://` / `mongodb+srv://` URL, or a `MongoClient` (which the
   *   storage then uses but never closes)
   */
  constructor(name: string, connection: string | MongoClient, options: MongoStorageOptions = {}) {
    super();
    this.name = checkDatabaseName(name);
    if (typeof connection === "string") {
      if (!/^mongodb(\+srv)?:\/\//i.test(connection)) {
        throw invalid("a MongoDB connection string starts with mongodb:// or mongodb+srv://");
      }
      this.#url = connection;
      this.#given = null;
    } else if (isClientLike(connection)) {
      this.#url = null;
      this.#given = connection;
    } else {
      throw invalid("MongoStorage needs a mongodb:// URL or a MongoClient");
    }
    for (const option of ["serverSelectionTimeoutMS", "operationTimeoutMS"] as const) {
      const t = options[option];
      if (t !== undefined && (!Number.isSafeInteger(t) || t <= 0)) {
        throw invalid(`${option} must be a positive integer`);
      }
    }
    this.#options = { ...options };
  }

  /** Connects (when given a URL), checks the layout version and creates what is missing. */
  open(): Promise<void> {
    if (this.#db) return Promise.resolve();
    this.#opening ??= this.#open().finally(() => (this.#opening = null));
    return this.#opening;
  }

  get #timeout(): number {
    return this.#options.operationTimeoutMS ?? DEFAULT_OPERATION_TIMEOUT_MS;
  }

  async #open(): Promise<void> {
    let abandoned = false;
    try {
      await this.#run("open", () => this.#connect(() => abandoned));
    } catch (e) {
      abandoned = true; // past the deadline: a late connection must not open the storage
      throw e;
    }
  }

  async #connect(abandoned: () => boolean): Promise<void> {
    let client = this.#given;
    let owned: ClientLike | null = null;
    try {
      if (!client) {
        const driver = await importDriver();
        const url = this.#url!;
        const inUrl = (name: string) => new RegExp(`[?&]${name}=`, "i").test(url);
        owned = client = new driver.MongoClient(url, {
          appName: "irenogram",
          ...(inUrl("serverSelectionTimeoutMS")
            ? {}
            : { serverSelectionTimeoutMS: this.#options.serverSelectionTimeoutMS ?? 5000 }),
        });
        await client.connect();
      }
      // int64 values come back as bigint: access hashes round-trip exactly.
      const db = client.db(this.name, { useBigInt64: true });
      await this.#prepare(db);
      if (abandoned()) {
        await owned?.close().catch(() => {});
        return;
      }
      this.#client = owned;
      this.#db = db;
    } catch (e) {
      await owned?.close().catch(() => {});
      throw e;
    }
  }

  async #prepare(db: Db): Promise<void> {
    const version = db.collection<Doc>("version");
    await ignoreDuplicate(
      version.insertOne({ _id: 0, number: MONGO_LAYOUT_VERSION } as never),
    );
    const found = num((await version.findOne({ _id: 0 } as Doc))?.number);
    if (found !== null && found > MONGO_LAYOUT_VERSION) {
      throw new StorageError(
        `the MongoDB session "${this.name}" has layout version ${found}, newer than this ` +
          `library knows (${MONGO_LAYOUT_VERSION}); upgrade irenogram`,
        { code: "STORAGE_VERSION_UNSUPPORTED" },
      );
    }
    await ignoreDuplicate(
      db.collection<Doc>("session").insertOne({ _id: 0, ...freshSessionDoc() } as never),
    );
    // One index per call: FerretDB 1.24 drops the connection when a multi-index
    // createIndexes finds all of them existing. Creating an existing index is a no-op.
    const peers = db.collection("peers");
    await peers.createIndex({ username: 1 });
    await peers.createIndex({ usernames: 1 });
    await peers.createIndex({ phone_number: 1 });
    await db.collection("usernames").createIndex({ peer_id: 1 });
  }

  #closedError(): StorageError {
    return new StorageError(`the MongoDB session "${this.name}" is not open`, {
      code: "STORAGE_CLOSED",
    });
  }

  #database(): Db {
    if (!this.#db) throw this.#closedError();
    return this.#db;
  }

  #collection(name: string): Collection<Doc> {
    return this.#database().collection<Doc>(name);
  }

  /** Runs one unit of work, turning driver errors into typed, credential-free ones. */
  async #run<T>(what: string, work: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ms = this.#timeout;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          new StorageError(`MongoDB did not answer within ${ms} ms (${what})`, {
            code: "STORAGE_UNAVAILABLE",
          }),
        );
      }, ms);
    });
    const running = work();
    running.catch(() => {}); // when the deadline wins, its late failure is nobody's business
    try {
      return await Promise.race([running, deadline]);
    } catch (e) {
      throw toStorageError(e, what);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Writes go to the server immediately; nothing is pending. */
  save(): Promise<void> {
    return this.#db ? Promise.resolve() : Promise.reject(this.#closedError());
  }

  /** Closes the connection when the storage opened it; a given client stays open. */
  async close(): Promise<void> {
    // An opening in flight would otherwise connect after close() returned.
    await this.#opening?.catch(() => {});
    const client = this.#client;
    this.#db = null;
    this.#client = null;
    if (client) await client.close().catch(() => {});
  }

  /** Drops the session's database, then closes (connecting first when closed). */
  async delete(): Promise<void> {
    if (!this.#db) await this.open();
    const db = this.#database();
    try {
      await this.#run("delete", () => db.dropDatabase());
    } finally {
      await this.close();
    }
  }

  /** The session (a fresh one before the first login). */
  async getSession(): Promise<SessionData> {
    const session = this.#collection("session");
    return await this.#run(
      "getSession",
      async () => sessionFromDoc(await session.findOne({ _id: 0 })),
    );
  }

  /** Merges an already validated patch into the session (the boundary checked it). */
  protected async writeSession(data: Partial<SessionData>): Promise<void> {
    const session = this.#collection("session");
    const set: Doc = {};
    if ("apiId" in data) set.api_id = data.apiId === null ? null : int(data.apiId!);
    if ("testMode" in data) set.test_mode = data.testMode;
    if ("userId" in data) set.user_id = data.userId === null ? null : int(data.userId!);
    if ("isBot" in data) set.is_bot = data.isBot;
    if ("date" in data) set.date = int(data.date ?? 0);
    if ("serverAddress" in data) set.server_address = data.serverAddress;
    if ("port" in data) set.port = data.port;
    return await this.#run("setSession", async () => {
      if (!("dcId" in data) && !("authKey" in data)) {
        if (Object.keys(set).length) await session.updateOne({ _id: 0 }, { $set: set });
        return;
      }
      // The home DC or its key changes: the session document and the per-DC keys move
      // together. The update is conditional on the DC read, and retried if another process
      // changed the DC in between.
      for (let attempt = 0; attempt < 10; attempt++) {
        const current = await session.findOne({ _id: 0 }, {
          projection: { dc_id: 1, auth_key: 1 },
        });
        if (!current) {
          await ignoreDuplicate(
            session.insertOne({ _id: 0, ...freshSessionDoc() } as never),
          );
          continue;
        }
        const oldDc = num(current.dc_id) ?? 2;
        const newDc = data.dcId ?? oldDc;
        const patch: Doc = { ...set };
        if (newDc !== oldDc) {
          patch.dc_id = newDc;
          patch.auth_key = "authKey" in data ? data.authKey : await this.#storedKey(newDc);
        } else if ("authKey" in data) {
          patch.auth_key = data.authKey;
        }
        // Conditional on the key read too: another process's new key is never moved aside stale.
        const filter: Doc = {
          _id: 0,
          dc_id: current.dc_id ?? null,
          auth_key: current.auth_key ?? null,
        };
        if ((await session.updateOne(filter, { $set: patch })).matchedCount === 0) continue;
        const keyWrites: Promise<unknown>[] = [];
        if (newDc !== oldDc) keyWrites.push(this.#writeKey(oldDc, bytes(current.auth_key)));
        if ("authKey" in data) keyWrites.push(this.#writeKey(newDc, data.authKey!));
        await Promise.all(keyWrites);
        return;
      }
      throw new StorageError("the session's DC kept changing under concurrent writers", {
        code: "STORAGE_CONFLICT",
      });
    });
  }

  async #storedKey(dcId: number): Promise<Uint8Array | null> {
    return bytes((await this.#collection("auth_keys").findOne({ _id: dcId }))?.auth_key);
  }

  #writeKey(dcId: number, key: Uint8Array | null): Promise<unknown> {
    const keys = this.#collection("auth_keys");
    return key === null
      ? keys.deleteOne({ _id: dcId })
      : keys.updateOne({ _id: dcId }, { $set: { auth_key: key } }, { upsert: true });
  }

  /** The auth key of a validated DC id, or `null`. */
  protected async readAuthKey(dcId: number): Promise<Uint8Array | null> {
    const session = this.#collection("session");
    return await this.#run("getAuthKey", async () => {
      const [home, stored] = await Promise.all([
        session.findOne({ _id: 0 }, { projection: { dc_id: 1, auth_key: 1 } }),
        this.#storedKey(dcId),
      ]);
      // The session document is where Python processes write the home key: it wins.
      return home && num(home.dc_id) === dcId ? bytes(home.auth_key) : stored;
    });
  }

  /** Stores (or, with `null`, forgets) a validated auth key. */
  protected async writeAuthKey(dcId: number, key: Uint8Array | null): Promise<void> {
    const session = this.#collection("session");
    return await this.#run("setAuthKey", async () => {
      await Promise.all([
        this.#writeKey(dcId, key),
        session.updateOne({ _id: 0, dc_id: dcId }, { $set: { auth_key: key } }),
      ]);
    });
  }

  /**
   * Writes a batch in three steps, each one round trip however large the batch: find which
   * ids exist, insert the new peers (unordered), upsert the known ones. A peer another process
   * inserted in between fails its insert with a duplicate key and is upserted instead, so the
   * outcome is the same as one upsert per peer. (Inserting new peers instead of upserting them
   * keeps FerretDB usable: it scans the whole collection for every update by a numeric `_id`.)
   */
  protected async writePeers(peers: PeerRecord[]): Promise<void> {
    const byId = new Map<number, PeerRecord>();
    // The whole batch is checked before anything is written; the last of an id wins, which
    // an unordered bulk write would not guarantee on its own.
    for (const p of peers) byId.set(p.id, p);
    if (byId.size === 0) return;
    const all = [...byId.values()];
    return await this.#run("updatePeers", async () => {
      for (let i = 0; i < all.length; i += PEER_CHUNK) {
        const chunk = all.slice(i, i + PEER_CHUNK);
        await Promise.all([this.#writePeers(chunk), this.#writeUsernames(chunk)]);
      }
    });
  }

  async #writePeers(chunk: PeerRecord[]): Promise<void> {
    const peers = this.#collection("peers");
    const known = new Set<number>();
    const found = await peers.find({ _id: { $in: chunk.map((p) => int(p.id)) } }, {
      projection: { _id: 1 },
    }).toArray();
    for (const d of found) known.add(num(d._id)!);
    const fresh = chunk.filter((p) => !known.has(p.id));
    const update = chunk.filter((p) => known.has(p.id));
    if (fresh.length > 0) {
      try {
        await peers.insertMany(fresh.map((p) => ({ _id: int(p.id), ...peerFields(p) })), {
          ordered: false,
        });
      } catch (e) {
        const failed = writeErrors(e);
        if (failed.length === 0 || !failed.every((w) => w.code === DUPLICATE_KEY)) throw e;
        update.push(...failed.map((w) => fresh[w.index]));
      }
    }
    if (update.length === 0) return;
    // updateMany on an _id matches at most one document, like updateOne; FerretDB 1.24 keeps
    // a connection per matched updateOne until the command ends and hangs past 100 of them.
    await bulkUpsert(
      peers,
      update.map((p) => ({
        updateMany: { filter: { _id: int(p.id) }, update: { $set: peerFields(p) }, upsert: true },
      })),
    );
  }

  /**
   * Irenogram's `usernames` collection, keyed by name, for peers with more than one username.
   * Deleting only the names a peer no longer has keeps the bulk free of order dependencies.
   */
  async #writeUsernames(chunk: PeerRecord[]): Promise<void> {
    const ops: AnyBulkWriteOperation<Doc>[] = [];
    const single: (number | bigint)[] = [];
    for (const p of chunk) {
      const id = int(p.id);
      if (p.usernames.length < 2) {
        single.push(id);
        continue;
      }
      ops.push({ deleteMany: { filter: { peer_id: id, _id: { $nin: p.usernames } } } });
      for (const name of p.usernames) {
        ops.push({
          updateMany: {
            filter: { _id: name },
            update: { $set: { peer_id: id, last_update_on: int(p.lastUpdateOn) } },
            upsert: true,
          },
        });
      }
    }
    if (single.length) ops.push({ deleteMany: { filter: { peer_id: { $in: single } } } });
    await bulkUpsert(this.#collection("usernames"), ops);
  }

  /** Completes the usernames of a document written by a Python process. */
  async #usernamesOf(d: Doc): Promise<string[]> {
    const { names, ours } = docUsernames(d);
    if (ours) return names;
    const extra = await this.#collection("usernames").find({ peer_id: d._id }, {
      projection: { _id: 1 },
    }).toArray();
    for (const e of extra) {
      if (typeof e._id === "string" && !names.includes(e._id)) names.push(e._id);
    }
    return names;
  }

  /** The peer row with this (validated) marked id. */
  protected async readPeerById(id: number): Promise<PeerRecord | undefined> {
    const peers = this.#collection("peers");
    return await this.#run("getPeerById", async () => {
      const d = await peers.findOne({ _id: int(id) });
      return d ? peerFromDoc(d, await this.#usernamesOf(d)) : undefined;
    });
  }

  /** The peer row with this (normalised) username, fresh or not. */
  protected async readPeerByUsername(name: string): Promise<PeerRecord | undefined> {
    const peers = this.#collection("peers");
    const names = this.#collection("usernames");
    return await this.#run("getPeerByUsername", async () => {
      const expired = (t: unknown) => !usernameIsFresh(num(t) ?? 0);
      // Newest owner first: a username that moved resolves to the peer seen with it last.
      const candidates = await peers.find({ $or: [{ usernames: name }, { username: name }] })
        .sort({ last_update_on: -1 }).limit(8).toArray();
      for (const d of candidates) {
        if (!docUsernames(d).names.includes(name)) continue;
        if (expired(d.last_update_on)) return undefined;
        return peerFromDoc(d, await this.#usernamesOf(d));
      }
      // A secondary username written by a Python process lives only in `usernames`.
      const entry = await names.findOne({ _id: name });
      if (!entry || expired(entry.last_update_on)) return undefined;
      const d = await peers.findOne({ _id: entry.peer_id });
      if (!d || expired(d.last_update_on)) return undefined;
      const { ours } = docUsernames(d);
      if (ours) return undefined; // the peer was rewritten since, without this name
      return peerFromDoc(d, await this.#usernamesOf(d));
    });
  }

  /** The peer row with this phone number. */
  protected async readPeerByPhoneNumber(phoneNumber: string): Promise<PeerRecord | undefined> {
    const peers = this.#collection("peers");
    return await this.#run("getPeerByPhoneNumber", async () => {
      const [d] = await peers.find({ phone_number: phoneNumber }).sort({ last_update_on: -1 })
        .limit(1).toArray();
      return d ? peerFromDoc(d, await this.#usernamesOf(d)) : undefined;
    });
  }

  /**
   * Bulk-loads peers into a session that does not hold them yet (a fresh copy: the session
   * tool's `copy`): one unordered insert per collection and chunk, no lookups, which on FerretDB
   * is what keeps a million peers fast. Peers whose id (or usernames) turn out to exist already
   * are written as {@link MongoStorage.updatePeers} writes them, so the outcome is the same.
   *
   * `inserted`, when given, receives the BSON of every peer document as it was inserted (the
   * driver's own serialiser, byte for byte what goes on the wire), so that a caller can compare
   * it with {@link MongoStorage.peerDocuments} later without decoding either side. Peers
   * written as updates are not reported: such a copy then differs and is compared field by
   * field instead.
   */
  async insertPeers(
    peers: PeerRecord[],
    inserted?: (document: Uint8Array) => void,
  ): Promise<void> {
    const byId = new Map<number, PeerRecord>();
    for (const p of normalizePeers(peers)) byId.set(p.id, p);
    const all = [...byId.values()];
    const collection = this.#collection("peers");
    const names = this.#collection("usernames");
    const serialize = inserted ? (await importDriver()).BSON.serialize : null;
    return await this.#run("insertPeers", async () => {
      for (let i = 0; i < all.length; i += PEER_CHUNK) {
        const chunk = all.slice(i, i + PEER_CHUNK);
        const nameDocs: { doc: Doc; peer: PeerRecord }[] = [];
        for (const p of chunk) {
          if (p.usernames.length < 2) continue;
          for (const name of p.usernames) {
            nameDocs.push({
              doc: { _id: name, peer_id: int(p.id), last_update_on: int(p.lastUpdateOn) },
              peer: p,
            });
          }
        }
        const docs = chunk.map((p) => ({ _id: int(p.id), ...peerFields(p) }));
        const encoded = serialize ? docs.map((d) => serialize(d)) : [];
        const [peerClash, nameClash] = await Promise.all([
          insertAbsent(collection, docs),
          insertAbsent(names, nameDocs.map((n) => n.doc)),
        ]);
        const clash = new Set(peerClash);
        for (let k = 0; k < encoded.length; k++) if (!clash.has(k)) inserted!(encoded[k]);
        if (peerClash.length) await this.updatePeers(peerClash.map((k) => chunk[k]));
        if (nameClash.length) await this.#writeUsernames(nameClash.map((k) => nameDocs[k].peer));
      }
    });
  }

  /**
   * Every document of the `peers` collection exactly as the server returns it (raw BSON, not
   * decoded), at most `batchSize` per batch, in natural order: the cheap half of a byte-exact
   * read-back check (see {@link MongoStorage.insertPeers}).
   */
  async *peerDocuments(batchSize = 10_000): AsyncIterable<Uint8Array[]> {
    const cursor = this.#collection("peers").find({}, { batchSize, raw: true });
    try {
      while (await this.#run("peerDocuments", () => cursor.hasNext())) {
        yield cursor.readBufferedDocuments() as unknown as Uint8Array[];
      }
    } finally {
      await cursor.close().catch(() => {});
    }
  }

  /**
   * Every entry of the `usernames` collection as `[name, peer id]`, at most `batchSize` per
   * batch: the index of the peers with several usernames that Python processes look names up
   * in (the session tool reads it back after a copy).
   */
  async *usernameRows(batchSize = 10_000): AsyncIterable<[string, number][]> {
    const cursor = this.#collection("usernames").find({}, {
      batchSize,
      projection: { _id: 1, peer_id: 1 },
    });
    try {
      while (await this.#run("usernameRows", () => cursor.hasNext())) {
        yield cursor.readBufferedDocuments().map((d) => [String(d._id), num(d.peer_id) ?? NaN]);
      }
    } finally {
      await cursor.close().catch(() => {});
    }
  }

  async listAuthKeys(): Promise<Map<number, Uint8Array>> {
    const keys = this.#collection("auth_keys");
    const session = this.#collection("session");
    return await this.#run("listAuthKeys", async () => {
      const found = new Map<number, Uint8Array>();
      for (const d of await keys.find({}).toArray()) {
        const key = bytes(d.auth_key), dc = num(d._id);
        if (key && dc !== null) found.set(dc, key);
      }
      // The session document is where Python processes write the home key: it wins.
      const home = await session.findOne({ _id: 0 }, { projection: { dc_id: 1, auth_key: 1 } });
      const homeKey = bytes(home?.auth_key);
      if (home && homeKey) found.set(num(home.dc_id) ?? 2, homeKey);
      return found;
    });
  }

  /**
   * One cursor over the peers in natural order; usernames that Python processes keep only in
   * the `usernames` collection are fetched with one query per batch.
   */
  async *listPeers(batchSize = 10_000): AsyncIterable<PeerRecord[]> {
    const cursor = this.#collection("peers").find({}, { batchSize });
    const names = this.#collection("usernames");
    try {
      let docs: Doc[] = [];
      const flush = async (): Promise<PeerRecord[]> => {
        const foreign = docs.filter((d) => !docUsernames(d).ours).map((d) => d._id);
        const extra = new Map<unknown, string[]>();
        if (foreign.length > 0) {
          const rows = await names.find({ peer_id: { $in: foreign } }, {
            projection: { _id: 1, peer_id: 1 },
          }).toArray();
          for (const e of rows) {
            const key = num(e.peer_id);
            if (typeof e._id !== "string" || key === null) continue;
            extra.set(key, [...(extra.get(key) ?? []), e._id]);
          }
        }
        const batch = docs.map((d) => {
          const { names: list, ours } = docUsernames(d);
          if (!ours) {
            for (const n of extra.get(num(d._id)) ?? []) if (!list.includes(n)) list.push(n);
          }
          return peerFromDoc(d, list);
        });
        docs = [];
        return batch;
      };
      // One deadline per server batch (a timer per document costs more than decoding it).
      while (await this.#run("listPeers", () => cursor.hasNext())) {
        for (const d of cursor.readBufferedDocuments(batchSize - docs.length)) docs.push(d);
        if (docs.length >= batchSize) yield await this.#run("listPeers", flush);
      }
      if (docs.length > 0) yield await this.#run("listPeers", flush);
    } finally {
      await cursor.close().catch(() => {});
    }
  }

  async listChannelPts(): Promise<Map<number, number>> {
    const states = this.#collection("update_state");
    return await this.#run("listChannelPts", async () => {
      const found = new Map<number, number>();
      for (const d of await states.find({ _id: { $ne: 0 } }).toArray()) {
        const id = num(d._id), pts = num(d.pts);
        if (id !== null && pts !== null) found.set(id, pts);
      }
      return found;
    });
  }

  async getUpdateState(): Promise<UpdateState | undefined> {
    const states = this.#collection("update_state");
    return await this.#run("getUpdateState", async () => {
      const d = await states.findOne({ _id: 0 });
      if (!d) return undefined;
      // Irenogram leaves qts and seq empty in rows it writes from single updates.
      return {
        pts: num(d.pts) ?? 0,
        qts: num(d.qts) ?? 0,
        date: num(d.date) ?? 0,
        seq: num(d.seq) ?? 0,
      };
    });
  }

  /** Stores a validated update state. */
  protected async writeUpdateState(s: UpdateState): Promise<void> {
    const states = this.#collection("update_state");
    return await this.#run("setUpdateState", async () => {
      await states.updateOne({ _id: 0 }, {
        $set: { pts: int(s.pts), qts: int(s.qts), date: int(s.date), seq: int(s.seq) },
      }, { upsert: true });
    });
  }

  /** The stored pts of a (validated) channel id. */
  protected async readChannelPts(markedId: number): Promise<number | undefined> {
    const key = int(markedId);
    const states = this.#collection("update_state");
    return await this.#run("getChannelPts", async () => {
      const d = await states.findOne({ _id: key });
      return d ? num(d.pts) ?? undefined : undefined;
    });
  }

  /** Stores a validated pts of a channel. */
  protected async writeChannelPts(markedId: number, pts: number): Promise<void> {
    const key = int(markedId);
    const states = this.#collection("update_state");
    return await this.#run("setChannelPts", async () => {
      await states.updateOne({ _id: key }, {
        // Irenogram reads qts and seq of every row; channel rows hold null there.
        $set: { pts: int(pts), qts: null, date: nowSeconds(), seq: null },
      }, { upsert: true });
    });
  }
}

/** Inserts documents unordered; returns the indexes of those whose `_id` already existed. */
async function insertAbsent(collection: Collection<Doc>, docs: Doc[]): Promise<number[]> {
  if (docs.length === 0) return [];
  try {
    await collection.insertMany(docs as never[], { ordered: false });
    return [];
  } catch (e) {
    const failed = writeErrors(e);
    if (failed.length === 0 || !failed.every((w) => w.code === DUPLICATE_KEY)) throw e;
    return failed.map((w) => w.index);
  }
}

/** A concurrent upsert of the same new `_id` can lose with a duplicate key: it then exists. */
async function ignoreDuplicate(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
}

/**
 * An unordered bulk of upserts. Two processes inserting the same new `_id` at once can make
 * one upsert fail with a duplicate key; those operations are simply sent again (the document
 * now exists, so they update it).
 */
async function bulkUpsert(
  collection: Collection<Doc>,
  ops: AnyBulkWriteOperation<Doc>[],
): Promise<void> {
  let pending = ops;
  for (let attempt = 0; pending.length > 0; attempt++) {
    try {
      await collection.bulkWrite(pending, { ordered: false });
      return;
    } catch (e) {
      const list = writeErrors(e);
      if (attempt >= 3 || list.length === 0 || !list.every((w) => w.code === DUPLICATE_KEY)) {
        throw e;
      }
      pending = list.map((w) => pending[w.index]);
    }
  }
}
