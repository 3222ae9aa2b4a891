/**
 * The default storage engine: a `NAME.session` SQLite file, in the layout Irenogram (version 7)
 * reads, on the runtime's native SQLite where there is one (`bun:sqlite`, Deno's `node:sqlite`,
 * better-sqlite3 on Node when installed) and on @sqlite.org/sqlite-wasm with a synchronous
 * `node:fs` VFS elsewhere (`sqlite_driver.ts`). Either is loaded only when the first
 * SqliteStorage opens.
 *
 * Durability: WAL journal in exclusive locking mode (no shared memory needed; one process per
 * file anyway). Session, auth-key and update-state writes commit with `synchronous=FULL` (fsync
 * of the WAL before the call returns); peer batches with `synchronous=NORMAL` (a crash of the
 * process loses nothing committed, a power loss may lose the newest peer batches but never
 * corrupts the file; peers are a cache Telegram refills). The SIGKILL test in
 * `tests/sqlite_process_test.ts` checks that every committed row survives.
 *
 * @module
 */
import { files } from "../runtime/files.ts";
import { dirname, isAbsolute, join, relative, resolve, sep } from "../runtime/path.ts";
import type { Sqlite3Static } from "@sqlite.org/sqlite-wasm";
import { SessionFileError, StorageError } from "./errors.ts";
import type {
  ListableStorage,
  PeerRecord,
  PeerType,
  SessionData,
  Storage,
  UpdateState,
} from "./storage.ts";
import { CheckedStorage } from "./checked.ts";
import { FileLock } from "./file_lock.ts";
import { fsyncDirectory } from "./fsync_dir.ts";
import {
  type SqliteConnection as Database,
  sqliteDriver,
  type SqliteDriverChoice,
  type SqliteDriverName,
  type SqliteStatement as FastStatement,
} from "./sqlite_driver.ts";
import { COMMON_STATE_ID, SQL } from "./sqlite_schema.ts";
import { migrate } from "./sqlite_migrate.ts";
import { acceptFile, refuseNonSqlite } from "./sqlite_open.ts";
import { implausiblePeer, readSession } from "./sqlite_rows.ts";

export { PAGE_SIZE } from "./sqlite_schema.ts";

/** The file extension Pyrogram and its forks give session files. */
export const SESSION_FILE_EXTENSION = ".session";

/** Makes a new file's directory entry durable (best effort: not every platform allows it). */
function syncDirectory(dir: string): void {
  try {
    fsyncDirectory(dir);
  } catch {
    // e.g. Windows cannot open a directory; the file itself is synced by SQLite.
  }
}

/**
 * Imports and starts SQLite WASM once per process (what {@link SqliteStorage} runs on where the
 * runtime has no native SQLite; tools and tests that need the WASM build itself use it too).
 */
export async function loadSqlite(): Promise<{ sqlite3: Sqlite3Static; vfs: string }> {
  return await (await import("./sqlite_wasm_driver.ts")).loadSqlite();
}

/** Options of {@link SqliteStorage}. */
export interface SqliteStorageOptions {
  /**
   * The SQLite library underneath: `"auto"` (default) uses the runtime's native SQLite
   * (`bun:sqlite` on Bun, `node:sqlite` on Deno, the `better-sqlite3` package on Node when it is
   * installed) and SQLite WASM elsewhere; `"native"` requires the former (else
   * `STORAGE_DRIVER_MISSING` on open), `"wasm"` always uses the latter. The file is the same
   * either way.
   */
  driver?: SqliteDriverChoice;
}

interface Statements {
  upsertPeer: FastStatement;
  deleteUsernames: FastStatement;
  insertUsername: FastStatement;
  peerById: FastStatement;
  peerByUsername: FastStatement;
  peerByPhone: FastStatement;
}

/**
 * A session kept in an SQLite file that Irenogram (and Pyrogram's other forks, through
 * migration) can open too. One process at a time: a second opener gets
 * {@link SessionLockedError}.
 *
 * @example
 * ```ts
 * import { SqliteStorage } from "@x/irenogram";
 * import { mkdtempSync, rmSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * const workdir = mkdtempSync(join(tmpdir(), "sessions-"));
 * const storage = SqliteStorage.forSession("my_account", workdir);
 * await storage.open(); // creates WORKDIR/my_account.session (mode 0600)
 * await storage.setSession({ apiId: 12345 });
 * await storage.close();
 * rmSync(workdir, { recursive: true });
 * ```
 */
export class SqliteStorage extends CheckedStorage implements Storage, ListableStorage {
  /** The session file. */
  readonly path: string;
  #db: Database | undefined;
  #lock: FileLock | undefined;
  #stmts: Statements | undefined;
  #opening: Promise<void> | undefined;
  readonly #driverChoice: SqliteDriverChoice;
  #driverName: SqliteDriverName | undefined;
  /** Made by {@link SqliteStorage.forSession}: open() creates a missing workdir (mode 0700). */
  #createFolder = false;

  /** `path` is the session file itself (see {@link SqliteStorage.forSession} for NAME/workdir). */
  constructor(path: string, options: SqliteStorageOptions = {}) {
    super();
    if (typeof path !== "string" || path.length === 0) {
      throw new StorageError("the session file path must be a non-empty string", {
        code: "STORAGE_INVALID_ARGUMENT",
      });
    }
    const driver = options.driver ?? "auto";
    if (driver !== "auto" && driver !== "native" && driver !== "wasm") {
      throw new StorageError('driver must be "auto", "native" or "wasm"', {
        code: "STORAGE_INVALID_ARGUMENT",
      });
    }
    this.path = path;
    this.#driverChoice = driver;
  }

  /**
   * The SQLite library the open storage runs on (`"sqlite-wasm"`, `"bun:sqlite"`,
   * `"node:sqlite"`, `"better-sqlite3"`); `undefined` before it opened.
   */
  get driver(): SqliteDriverName | undefined {
    return this.#driverName;
  }

  /**
   * The storage of session `name` in `workdir`: `workdir/name.session`. A name that would put
   * the file outside `workdir` (absolute, `..`) or holds a NUL byte is refused. A missing
   * `workdir` is created (mode 0700) when the storage opens.
   */
  static forSession(
    name: string,
    workdir = ".",
    options: SqliteStorageOptions = {},
  ): SqliteStorage {
    if (typeof name !== "string" || typeof workdir !== "string" || workdir.includes("\0")) {
      throw new StorageError(
        "the session name and workdir must be strings (workdir without NUL bytes)",
        {
          code: "STORAGE_INVALID_ARGUMENT",
        },
      );
    }
    const file = join(workdir, name + SESSION_FILE_EXTENSION);
    const inside = relative(resolve(workdir), resolve(file));
    if (
      name.includes("\0") || isAbsolute(name) || isAbsolute(inside) || inside === ".." ||
      inside.startsWith(".." + sep)
    ) {
      throw new StorageError(
        `the session name ${JSON.stringify(name.slice(0, 80))} must stay inside workdir`,
        { code: "STORAGE_INVALID_ARGUMENT" },
      );
    }
    const storage = new SqliteStorage(file, options);
    storage.#createFolder = true;
    return storage;
  }

  open(): Promise<void> {
    if (this.#db) return Promise.resolve();
    this.#opening ??= this.#open().finally(() => (this.#opening = undefined));
    return this.#opening;
  }

  async #open(): Promise<void> {
    if (this.#createFolder) {
      try {
        // Only the owner may list a folder of session files (each file is 0600 too).
        files.makeDirectory(dirname(this.path), 0o700);
      } catch (e) {
        throw new StorageError(`cannot create the folder of ${this.path}`, {
          cause: e,
          code: "STORAGE_IO",
        });
      }
    }
    const lock = FileLock.acquire(this.path);
    let db: Database | undefined;
    try {
      const driver = await sqliteDriver(this.#driverChoice);
      // Checked (or created) without writing a byte to the file or beside it until accepted.
      const accepted = acceptFile(driver, lock.path, this.path);
      if (accepted.created) syncDirectory(dirname(lock.path));
      try {
        // By its real, absolute name: a WAL beside a symlink would be missed when opened by the
        // other name, and a relative "file:…" name would be read by SQLite as a URI.
        db = driver.open(lock.path, "readwrite");
        // Before the first read: keep the file locked for the connection's life, and never run
        // functions from a file's schema (a session file is data, not code).
        db.exec(
          "PRAGMA locking_mode=EXCLUSIVE; PRAGMA trusted_schema=OFF; PRAGMA recursive_triggers=OFF;",
        );
        if (accepted.needsMigration) migrate(db, accepted.lineage, accepted.tables);
        db.exec(
          "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=4194304;",
        );
        this.#stmts = {
          upsertPeer: db.prepare(SQL.upsertPeer),
          deleteUsernames: db.prepare(SQL.deleteUsernames),
          insertUsername: db.prepare(SQL.insertUsername),
          peerById: db.prepare(SQL.peerById),
          peerByUsername: db.prepare(SQL.peerByUsername),
          peerByPhone: db.prepare(SQL.peerByPhone),
        };
        this.#driverName = driver.name;
      } catch (e) {
        if (e instanceof StorageError) throw e;
        throw new StorageError(`cannot open the session file ${this.path}`, {
          cause: e,
          code: "STORAGE_IO",
        });
      }
      this.#db = db;
      this.#lock = lock;
    } catch (e) {
      this.#stmts = undefined;
      try {
        db?.close(); // with its statements (which live in the WASM heap there)
      } catch {
        // the original error matters more
      }
      lock.release();
      // Every error out of open() is typed (a failed WASM start included).
      if (e instanceof StorageError) throw e;
      throw new StorageError(`cannot open the session file ${this.path}`, {
        cause: e,
        code: "STORAGE_IO",
      });
    }
  }

  #require(): { db: Database; stmts: Statements } {
    if (!this.#db || !this.#stmts) {
      throw new StorageError("the storage is not open", { code: "STORAGE_CLOSED" });
    }
    return { db: this.#db, stmts: this.#stmts };
  }

  /** Runs `fn` in one transaction; `durable` commits with an fsync before returning. */
  #write<T>(fn: (db: Database) => T, durable: boolean): T {
    const { db } = this.#require();
    if (durable) db.exec("PRAGMA synchronous=FULL");
    db.exec("BEGIN IMMEDIATE");
    try {
      const result = fn(db);
      db.exec("COMMIT");
      return result;
    } catch (e) {
      try {
        db.exec("ROLLBACK");
      } catch {
        // a failed COMMIT may already have rolled back
      }
      throw e;
    } finally {
      if (durable) db.exec("PRAGMA synchronous=NORMAL");
    }
  }

  save(): Promise<void> {
    return this.#run(() => {
      this.#require();
    });
  }

  /** Finalizes the statements and closes the connection (the lock is the caller's). */
  #closeDb(): void {
    const db = this.#db, stmts = this.#stmts;
    this.#db = undefined;
    this.#stmts = undefined;
    if (stmts) { for (const s of Object.values(stmts)) s.finalize(); }
    db?.close();
  }

  /** Releases what the storage holds (files, locks, connections); safe to call twice. */
  async close(): Promise<void> {
    // An opening in flight would otherwise open (and lock) the file after close() returned.
    await this.#opening?.catch(() => {});
    const lock = this.#lock;
    this.#lock = undefined;
    try {
      this.#closeDb();
    } finally {
      lock?.release();
    }
  }

  async delete(): Promise<void> {
    await this.#opening?.catch(() => {});
    // Hold the lock while removing, so that nobody opens a half-deleted file.
    const lock = this.#lock ?? FileLock.acquire(this.path);
    const wasOpen = this.#lock !== undefined;
    this.#lock = undefined;
    try {
      this.#closeDb();
      // Never remove what is not a session file (a wrong path given to the constructor).
      if (!wasOpen) refuseNonSqlite(this.path);
      for (const suffix of ["", "-wal", "-journal", "-shm"]) {
        try {
          files.remove(lock.path + suffix);
        } catch (e) {
          if ((e as { code?: unknown }).code !== "ENOENT") throw e;
        }
      }
      syncDirectory(dirname(lock.path)); // gone for good, also after a power loss
    } finally {
      lock.release();
    }
  }

  /** The session (a fresh one before the first login). */
  getSession(): Promise<SessionData> {
    return this.#run(() => this.#session(this.#require().db));
  }

  #session(db: Database): SessionData {
    const session = readSession(db);
    if (typeof session === "string") {
      throw new SessionFileError(
        this.path,
        `${this.path}: its session row holds an implausible ${session}`,
      );
    }
    return session;
  }

  /** Merges an already validated patch into the session (the boundary checked it). */
  protected writeSession(data: Partial<SessionData>): Promise<void> {
    return this.#run(() => {
      this.#write((db) => {
        const current = this.#session(db);
        if (data.dcId !== undefined && data.dcId !== current.dcId) {
          // The home DC changes: its key moves to our per-DC table, the new home's comes out.
          if (current.authKey) {
            db.exec("REPLACE INTO irenogram_auth_keys (dc_id, auth_key) VALUES (?, ?)", [
              current.dcId,
              current.authKey,
            ]);
          }
          const key = db.value(
            "SELECT auth_key FROM irenogram_auth_keys WHERE dc_id = ?",
            [data.dcId],
          );
          db.exec("DELETE FROM irenogram_auth_keys WHERE dc_id = ?", [data.dcId]);
          db.exec("UPDATE sessions SET dc_id = ?, auth_key = ?", [
            data.dcId,
            key instanceof Uint8Array ? key : null,
          ]);
        }
        const columns: Record<string, string> = {
          apiId: "api_id",
          testMode: "test_mode",
          authKey: "auth_key",
          userId: "user_id",
          isBot: "is_bot",
          date: "date",
          serverAddress: "server_address",
          port: "port",
        };
        for (const [field, column] of Object.entries(columns)) {
          const value = (data as Record<string, unknown>)[field];
          if (value === undefined) continue;
          const bound = typeof value === "boolean" ? (value ? 1 : 0) : value;
          db.exec(`UPDATE sessions SET ${column} = ?`, [
            bound as number | string | Uint8Array | null,
          ]);
        }
      }, true);
    });
  }

  /** The auth key of a validated DC id, or `null`. */
  protected readAuthKey(dcId: number): Promise<Uint8Array | null> {
    return this.#run(() => {
      const { db } = this.#require();
      const home = this.#session(db);
      if (home.dcId === dcId) return home.authKey;
      const key = db.value("SELECT auth_key FROM irenogram_auth_keys WHERE dc_id = ?", [
        dcId,
      ]);
      return key instanceof Uint8Array ? key : null;
    });
  }

  /** Stores (or, with `null`, forgets) a validated auth key. */
  protected writeAuthKey(dcId: number, key: Uint8Array | null): Promise<void> {
    return this.#run(() => {
      this.#write((db) => {
        if (this.#session(db).dcId === dcId) {
          db.exec("UPDATE sessions SET auth_key = ?", [key]);
        } else if (key) {
          db.exec("REPLACE INTO irenogram_auth_keys (dc_id, auth_key) VALUES (?, ?)", [dcId, key]);
        } else {
          db.exec("DELETE FROM irenogram_auth_keys WHERE dc_id = ?", [dcId]);
        }
      }, true);
    });
  }

  /** Stores validated, normalised peer rows. */
  protected writePeers(peers: PeerRecord[]): Promise<void> {
    return this.#run(() => {
      const { stmts } = this.#require();
      this.#write(() => {
        const { upsertPeer, deleteUsernames, insertUsername } = stmts;
        for (const p of peers) {
          upsertPeer.bind(p.id, p.accessHash, p.type, p.phoneNumber, p.lastUpdateOn).run();
          deleteUsernames.bind(p.id).run();
          for (const u of p.usernames) insertUsername.bind(p.id, u).run();
        }
      }, false);
    });
  }

  /** The peer row with this (validated) marked id. */
  protected readPeerById(id: number): Promise<PeerRecord | undefined> {
    return this.#run(() => this.#peer(this.#require().stmts.peerById, id, "id"));
  }

  /** The peer row with this (normalised) username, fresh or not. */
  protected readPeerByUsername(username: string): Promise<PeerRecord | undefined> {
    return this.#run(() => this.#peer(this.#require().stmts.peerByUsername, username, "username"));
  }

  /** The peer row with this phone number. */
  protected readPeerByPhoneNumber(phoneNumber: string): Promise<PeerRecord | undefined> {
    return this.#run(() => this.#peer(this.#require().stmts.peerByPhone, phoneNumber, "phone"));
  }

  /**
   * The row `stmt` finds for `key`, checked: its values must be plausible and it must be the
   * row asked for (a damaged index can point a lookup at another peer's row; a wrong peer is
   * worse than an error).
   */
  #peer(stmt: FastStatement, key: number | string, by: "id" | "username" | "phone") {
    if (!stmt.bind(key).row()) return undefined;
    try {
      if (stmt.isNull(0)) return undefined; // the max() lookups give a NULL row for no match
      const peer = this.#peerRow(stmt);
      const matches = by === "id"
        ? peer.id === key
        : by === "username"
        ? peer.usernames.includes(key as string)
        : peer.phoneNumber === key;
      if (!matches) {
        throw new SessionFileError(
          this.path,
          `${this.path} is damaged: a lookup by ${by} found another peer's row (an index is ` +
            "corrupt; restore a backup or delete the file)",
        );
      }
      return peer;
    } finally {
      stmt.reset();
    }
  }

  /** The common update state, when one was saved. */
  /** The peer on the current row of a statement selecting `SQL.peerById`'s columns, checked. */
  #peerRow(stmt: FastStatement): PeerRecord {
    const type = stmt.text(2), phoneNumber = stmt.text(3), names = stmt.text(5);
    const bad = implausiblePeer(
      {
        id: stmt.type(0),
        accessHash: stmt.type(1),
        type: stmt.type(2),
        phone: stmt.type(3),
        lastUpdateOn: stmt.type(4),
      },
      type,
      phoneNumber,
    );
    const peer: PeerRecord = {
      id: stmt.number(0),
      accessHash: stmt.int64(1),
      type: type as PeerType,
      usernames: names ? names.split(" ") : [],
      phoneNumber,
      lastUpdateOn: stmt.number(4),
    };
    if (bad) {
      throw new SessionFileError(
        this.path,
        `${this.path}: the row of peer ${peer.id} holds an implausible ${bad}`,
      );
    }
    return peer;
  }

  getUpdateState(): Promise<UpdateState | undefined> {
    return this.#run(() => {
      const row = this.#require().db.row(
        "SELECT pts, qts, date, seq FROM update_state WHERE id = ?",
        [COMMON_STATE_ID],
      );
      if (!row) return undefined;
      const [pts, qts, date, seq] = row.map((v) => Number(v ?? 0));
      return { pts, qts, date, seq };
    });
  }

  /** Stores a validated update state. */
  protected writeUpdateState(s: UpdateState): Promise<void> {
    return this.#run(() => {
      this.#write((db) => {
        db.exec("REPLACE INTO update_state (id, pts, qts, date, seq) VALUES (?, ?, ?, ?, ?)", [
          COMMON_STATE_ID,
          s.pts,
          s.qts,
          s.date,
          s.seq,
        ]);
      }, true);
    });
  }

  /** The stored pts of a (validated) channel id. */
  protected readChannelPts(markedId: number): Promise<number | undefined> {
    return this.#run(() => {
      const pts = this.#require().db.value("SELECT pts FROM update_state WHERE id = ?", [
        markedId,
      ]);
      return pts === undefined || pts === null ? undefined : Number(pts);
    });
  }

  /** Stores a validated pts of a channel. */
  protected writeChannelPts(id: number, pts: number): Promise<void> {
    return this.#run(() => {
      this.#write((db) => {
        // Irenogram's rows: marked channel id, pts; qts/date/seq are the common state's.
        db.exec(
          "INSERT INTO update_state (id, pts) VALUES (?, ?) " +
            "ON CONFLICT(id) DO UPDATE SET pts = excluded.pts",
          [id, pts],
        );
      }, true);
    });
  }

  listAuthKeys(): Promise<Map<number, Uint8Array>> {
    return this.#run(() => {
      const { db } = this.#require();
      const keys = new Map<number, Uint8Array>();
      for (const [dc, key] of db.rows("SELECT dc_id, auth_key FROM irenogram_auth_keys")) {
        if (key instanceof Uint8Array) keys.set(Number(dc), key);
      }
      const home = this.#session(db);
      if (home.authKey) keys.set(home.dcId, home.authKey);
      return keys;
    });
  }

  /** Peers in id order, read by key ranges: each batch is one short query. */
  async *listPeers(batchSize = 10_000): AsyncIterable<PeerRecord[]> {
    let after: number | bigint = -(2n ** 63n); // before every id
    for (;;) {
      const batch: PeerRecord[] = await this.#run(() => {
        const stmt = this.#require().db.prepare(SQL.peerPage);
        try {
          const rows: PeerRecord[] = [];
          stmt.bind(after, batchSize);
          while (stmt.row()) rows.push(this.#peerRow(stmt));
          return rows;
        } finally {
          stmt.finalize();
        }
      });
      if (batch.length > 0) yield batch;
      if (batch.length < batchSize) return;
      after = batch[batch.length - 1].id;
    }
  }

  listChannelPts(): Promise<Map<number, number>> {
    return this.#run(() => {
      const rows = this.#require().db.rows(
        "SELECT id, pts FROM update_state WHERE id != ? AND pts IS NOT NULL",
        [COMMON_STATE_ID],
      );
      return new Map(rows.map(([id, pts]) => [Number(id), Number(pts)]));
    });
  }

  /** Runs synchronous work as a promise; SQLite failures become {@link StorageError}. */
  #run<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      if (e instanceof StorageError) return Promise.reject(e);
      return Promise.reject(
        new StorageError(`SQLite failed on ${this.path}: ${(e as Error)?.message ?? e}`, {
          cause: e,
          code: "STORAGE_IO",
        }),
      );
    }
  }
}
