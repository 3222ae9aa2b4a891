/**
 * Reading a Telethon `.session` file (Telethon 1.x, database versions 7 and 8), so that a
 * session can move from Telethon to this library. Read-only: the file is opened through a
 * read-only SQLite connection and never written.
 *
 * Telethon's layout: `sessions (dc_id, server_address, port, auth_key, takeout_id
 * [, tmp_auth_key])` with one row; `entities (id = marked peer id, hash, username, phone,
 * name, date)`, where the row `id = 0` is Telethon's note of the logged-in user (its `hash`
 * holds the user id); `update_state (id, pts, qts, date, seq)` with `id = 0` for the account
 * and the bare channel id for each channel; `version (version)`.
 *
 * What Telethon does not keep is left unknown: the api_id, whether the account is a bot,
 * whether a user is a bot, whether a channel is a broadcast channel or a supergroup (peers
 * become "user", "group" or "channel"), and all but the main username.
 *
 * @module
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { Database } from "@sqlite.org/sqlite-wasm";
import { loadSqlite } from "./sqlite.ts";
import { SessionFileError, StorageError } from "./errors.ts";
import type { PeerRecord, PeerType, SessionData, UpdateState } from "./storage.ts";
import { dcAddress, isTestDcHost } from "./dcs.ts";
import { AUTH_KEY_SIZE } from "./validate.ts";

/** Marked channel ids are −(10¹² + bare id). */
const CHANNEL_BASE = 1_000_000_000_000;
const SQLITE_MAGIC = "SQLite format 3\0";

/** Whether tables found in a database are Telethon's (sessions and entities, no peers). */
export function isTelethonLayout(tables: ReadonlySet<string>): boolean {
  return tables.has("sessions") && tables.has("entities") && !tables.has("peers");
}

/** The kind of peer a Telethon marked id stands for (Telethon keeps no more than that). */
function peerType(id: number): PeerType {
  if (id > 0) return "user";
  return id < -CHANNEL_BASE ? "channel" : "group";
}

function integer(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/**
 * A Telethon session file opened read-only.
 *
 * @example
 * ```ts
 * import { TelethonSessionFile } from "./telethon_file.ts";
 * // `path`: a session file Telethon wrote, e.g. "telethon.session"
 * async function show(path: string): Promise<void> {
 *   const file = await TelethonSessionFile.open(path);
 *   try {
 *     const { dcId, userId } = await file.getSession();
 *     console.log(dcId, userId);
 *     for await (const peers of file.listPeers(1000)) console.log(peers.length);
 *   } finally {
 *     file.close();
 *   }
 * }
 * ```
 */
export class TelethonSessionFile {
  /** The file. */
  readonly path: string;
  /** Telethon's database version (`version` table). */
  readonly version: number;
  #db: Database | undefined;

  private constructor(path: string, db: Database, version: number) {
    this.path = path;
    this.#db = db;
    this.version = version;
  }

  /**
   * Opens `path` read-only and checks that it is a Telethon session. Throws
   * {@link SessionFileError} for anything else (not SQLite, another schema, corrupt).
   */
  static async open(path: string): Promise<TelethonSessionFile> {
    const refuse = (why: string, cause?: unknown): never => {
      throw new SessionFileError(path, `refusing ${path}: ${why}`, { cause });
    };
    const head = new Uint8Array(100);
    let got = 0;
    try {
      const fd = openSync(path, "r");
      try {
        got = readSync(fd, head, 0, 100, 0);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      throw new StorageError(`cannot read ${path}`, { cause: e, code: "STORAGE_IO" });
    }
    if (got < 100 || String.fromCharCode(...head.subarray(0, 16)) !== SQLITE_MAGIC) {
      refuse("it is not an SQLite database");
    }
    const { sqlite3, vfs } = await loadSqlite();
    let db: Database | undefined;
    try {
      db = new sqlite3.oo1.DB({ filename: path, flags: "r", vfs });
      db.exec("PRAGMA locking_mode=EXCLUSIVE; PRAGMA trusted_schema=OFF; PRAGMA query_only=ON;");
      const check = db.selectValues("PRAGMA quick_check") as string[];
      if (check.length !== 1 || check[0] !== "ok") refuse("the database is corrupt");
      const tables = new Set(
        db.selectValues("SELECT name FROM sqlite_schema WHERE type = 'table'") as string[],
      );
      if (!isTelethonLayout(tables) || !tables.has("version")) {
        refuse("it is not a Telethon session file");
      }
      const version = Number(db.selectValue("SELECT max(version) FROM version") ?? 0);
      return new TelethonSessionFile(path, db, version);
    } catch (e) {
      try {
        db?.close();
      } catch {
        // the first error matters
      }
      if (e instanceof StorageError) throw e;
      return refuse("the database cannot be read (corrupt or not a database)", e);
    }
  }

  #require(): Database {
    if (!this.#db) {
      throw new StorageError("the Telethon file is closed", { code: "STORAGE_CLOSED" });
    }
    return this.#db;
  }

  /** Runs a read, turning SQLite's errors into a {@link SessionFileError}. */
  #read<T>(fn: (db: Database) => T): T {
    const db = this.#require();
    try {
      return fn(db);
    } catch (e) {
      if (e instanceof StorageError) throw e;
      throw new SessionFileError(this.path, `cannot read the Telethon file ${this.path}`, {
        cause: e,
      });
    }
  }

  /** The session row, with the user id from Telethon's `id = 0` entity when present. */
  getSession(): Promise<SessionData> {
    return Promise.resolve(this.#read((db) => {
      const row = db.selectArray("SELECT dc_id, server_address, port, auth_key FROM sessions");
      if (!row) {
        throw new SessionFileError(this.path, `${this.path} holds no Telethon session row`);
      }
      const dcId = integer(row[0]);
      const host = typeof row[1] === "string" ? row[1] : null;
      const testMode = host !== null && isTestDcHost(host);
      if (dcId === null || dcId < 1) {
        throw new SessionFileError(this.path, `${this.path} has an invalid DC id`);
      }
      const key = row[3] instanceof Uint8Array && row[3].length > 0 ? row[3] : null;
      if (key && key.length !== AUTH_KEY_SIZE) {
        throw new SessionFileError(this.path, `the auth key in ${this.path} is not 256 bytes`);
      }
      const self = integer(db.selectValue("SELECT hash FROM entities WHERE id = 0"));
      const table = dcAddress(dcId, testMode);
      return {
        dcId,
        apiId: null,
        testMode,
        authKey: key ? key.slice() : null,
        userId: self && self > 0 ? self : null,
        isBot: null,
        date: 0,
        serverAddress: host ?? table?.host ?? null,
        port: integer(row[2]) ?? table?.port ?? null,
      };
    }));
  }

  /** Auth keys by DC: Telethon keeps only the home DC's. */
  async listAuthKeys(): Promise<Map<number, Uint8Array>> {
    const s = await this.getSession();
    return new Map(s.authKey ? [[s.dcId, s.authKey]] : []);
  }

  /** Entities as peers (the `id = 0` note of the logged-in user excluded), in id order. */
  async *listPeers(batchSize = 10_000): AsyncIterable<PeerRecord[]> {
    let after: number | bigint = -(2n ** 63n); // before every id (an int64 for SQLite)
    for (;;) {
      const rows = this.#read((db) =>
        db.selectArrays(
          "SELECT id, hash, username, phone, date FROM entities WHERE id > ? AND id != 0 " +
            "ORDER BY id LIMIT ?",
          [after, batchSize],
        )
      );
      const batch: PeerRecord[] = [];
      for (const [id, hash, username, phone, date] of rows) {
        const peerId = Number(id);
        if (!Number.isSafeInteger(peerId)) continue;
        batch.push({
          id: peerId,
          accessHash: BigInt(hash as number | bigint),
          type: peerType(peerId),
          usernames: typeof username === "string" && username ? [username.toLowerCase()] : [],
          phoneNumber: phone === null || phone === undefined || phone === "" ? null : String(phone),
          lastUpdateOn: integer(date) ?? 0,
        });
      }
      if (batch.length > 0) yield batch;
      if (rows.length < batchSize) return;
      after = Number(rows[rows.length - 1][0]);
      await Promise.resolve();
    }
  }

  /** The account's update state (`id = 0`), if Telethon saved one. */
  getUpdateState(): Promise<UpdateState | undefined> {
    return Promise.resolve(this.#read((db) => {
      const row = db.selectArray("SELECT pts, qts, date, seq FROM update_state WHERE id = 0");
      if (!row) return undefined;
      const [pts, qts, date, seq] = row.map((v) => integer(v) ?? 0);
      return { pts, qts, date, seq };
    }));
  }

  /** Channel pts rows, by marked channel id (Telethon keys them by the bare id). */
  listChannelPts(): Promise<Map<number, number>> {
    return Promise.resolve(this.#read((db) => {
      const rows = db.selectArrays("SELECT id, pts FROM update_state WHERE id > 0");
      const found = new Map<number, number>();
      for (const [id, pts] of rows) {
        const bare = integer(id), value = integer(pts);
        if (bare !== null && value !== null && bare < CHANNEL_BASE) {
          found.set(-(CHANNEL_BASE + bare), value);
        }
      }
      return found;
    }));
  }

  /** Closes the connection (idempotent). */
  close(): void {
    const db = this.#db;
    this.#db = undefined;
    db?.close();
  }
}
