/**
 * Deciding whether an existing session file may be opened, without changing it or the files
 * beside it (`-wal`, `-journal`) until it is accepted, and creating new files so that a crash
 * never leaves a half-made one under the session's name.
 *
 * - Checks run on a connection of the read-only VFS ({@link NODE_FS_VFS_READONLY}): a refused
 *   file stays byte-for-byte as it was, side files included. When the file cannot be read
 *   without changing something (a hot rollback journal left by a crashed Python process), the
 *   checks run on a copy in the temp folder instead.
 * - What is checked: the header, the tables and columns of a Pyrogram-family lineage, the
 *   version numbers, the session row's values. The deep check (`PRAGMA integrity_check`) runs
 *   when the file was not closed cleanly (a `-wal` or hot `-journal` beside it), when it is
 *   about to be migrated (its first open here), and when it is small (at most
 *   {@link DEEP_CHECK_MAX_BYTES}, where the check costs little). A large file that was closed
 *   cleanly opens without it, so open cost does not grow with the file; lookups then verify
 *   that each row they return matches what was asked (see `sqlite.ts`).
 * - New files are built under `NAME.session-creating` and renamed into place when complete. A
 *   file left by an older version killed while creating it (a hot journal recording an empty
 *   database) is recognised as a fresh start.
 *
 * @module
 */
import type * as Fs from "node:fs";
import type * as Os from "node:os";
import { nodeModule } from "../runtime/runtime.ts";
import { files } from "../runtime/files.ts";
import { basename, join } from "../runtime/path.ts";
import { SessionFileError, StorageError } from "./errors.ts";
import {
  detectLineage,
  type Lineage,
  OWN_SCHEMA_VERSION,
  PAGE_SIZE,
  SCHEMA_VERSION,
  SQL,
  type TableColumns,
} from "./sqlite_schema.ts";
import { createSchema } from "./sqlite_migrate.ts";
import type { SqliteConnection as Database, SqliteDriver } from "./sqlite_driver.ts";
import { readSession } from "./sqlite_rows.ts";

// Only a copy's check (a file that cannot be judged in place) needs node:fs itself: taken then,
// so that opening a clean file loads no node: module (on Deno the first one costs ~15 ms).
const nodeFs = () => nodeModule<typeof Fs>("node:fs");

/** Files up to this size (about 1,500 peers) get the full integrity check on every open (~3 ms). */
export const DEEP_CHECK_MAX_BYTES = 256 * 1024;

const SQLITE_MAGIC = "SQLite format 3\0";
const JOURNAL_MAGIC = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];

/** What the checks found in a file that was accepted. */
export interface AcceptedFile {
  lineage: Lineage;
  tables: TableColumns;
  /** Its schema version is older than ours or it is of another lineage. */
  needsMigration: boolean;
  /** It did not exist (or was a fresh start) and was just created. */
  created: boolean;
  /** The integrity check ran (and passed). */
  deepChecked: boolean;
}

const readHead = (path: string, length: number): Uint8Array => files.readHead(path, length);

/** Size of `path`, or -1 when it does not exist. */
function sizeOf(path: string): number {
  return files.info(path)?.size ?? -1;
}

/**
 * A rollback journal that SQLite would play back: its state and, from its header, the size
 * (in pages) the database had before the interrupted transaction.
 */
function hotJournal(path: string): { originalPages: number } | null {
  const journal = path + "-journal";
  if (sizeOf(journal) <= 0) return null;
  const head = readHead(journal, 28);
  if (head.length < 28 || JOURNAL_MAGIC.some((b, i) => head[i] !== b)) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.length);
  return { originalPages: view.getUint32(16) };
}

function isSqliteHeader(head: Uint8Array): boolean {
  return head.length >= 100 && String.fromCharCode(...head.subarray(0, 16)) === SQLITE_MAGIC;
}

/**
 * Throws {@link SessionFileError} when `path` exists and is not an SQLite file (an empty file
 * passes): delete() never removes what is not a session file (a wrong path).
 */
export function refuseNonSqlite(path: string): void {
  let head: Uint8Array;
  try {
    const st = files.info(path);
    if (!st) return;
    if (!st.isFile) throw new SessionFileError(path, `${path} is not a file`);
    if (st.size === 0) return;
    head = readHead(path, 100);
  } catch (e) {
    if (e instanceof SessionFileError) throw e;
    throw io(`cannot read the session file ${path}`, e);
  }
  if (!isSqliteHeader(head)) {
    throw new SessionFileError(path, `${path} is not an SQLite session file`);
  }
}

/** Raw I/O failures become typed errors. */
function io(what: string, e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  return new StorageError(`${what}: ${(e as Error)?.message ?? e}`, {
    cause: e,
    code: "STORAGE_IO",
  });
}

/**
 * Checks (or creates) the session file at `path` (real path, lock held) and returns what was
 * found. Throws {@link SessionFileError} for a file that must not be opened, leaving it and its
 * side files untouched; every other failure is a {@link StorageError} too.
 */
export function acceptFile(driver: SqliteDriver, path: string, display: string): AcceptedFile {
  const refuse = (why: string, cause?: unknown): never => {
    throw new SessionFileError(display, `refusing ${display}: ${why}`, { cause });
  };
  let size: number;
  let journal: { originalPages: number } | null;
  let head: Uint8Array = new Uint8Array(0);
  try {
    const st = files.info(path);
    if (st && !st.isFile) throw new SessionFileError(display, `${display} is not a file`);
    size = st ? st.size : -1;
    journal = size >= 0 ? hotJournal(path) : null;
    if (size > 0) head = readHead(path, 100);
  } catch (e) {
    if (e instanceof SessionFileError) throw e;
    throw io(`cannot read the session file ${display}`, e);
  }
  // Nothing there, an empty file, or a file whose interrupted transaction was its creation.
  if (size <= 0 || journal?.originalPages === 0) {
    create(driver, path, display);
    return {
      lineage: "irenogram",
      tables: new Map(),
      needsMigration: false,
      created: true,
      deepChecked: false,
    };
  }
  if (!isSqliteHeader(head)) {
    throw new SessionFileError(display, `${display} is not an SQLite session file`);
  }
  const unclean = journal !== null || sizeOf(path + "-wal") > 0;
  const deep = unclean || size <= DEEP_CHECK_MAX_BYTES;
  // A hot journal needs playing back, which only a writable connection does; a driver whose
  // read-only connections do not read a WAL (or that has none) judges a copy too.
  if (
    journal || driver.readOnly === "none" || (unclean && driver.readOnly !== "with-wal") ||
    size > (driver.readOnlyMaxBytes ?? Infinity)
  ) {
    return checkCopy(driver, path, deep, refuse);
  }
  let db: Database | undefined;
  try {
    db = driver.open(path, "readonly");
    return inspect(db, deep, refuse);
  } catch (e) {
    if (e instanceof SessionFileError) throw e;
    // A WAL the read-only connection cannot use as it is: judge a copy instead.
    if (unclean) return checkCopy(driver, path, true, refuse);
    return refuse("the database cannot be read (corrupt or not a database)", e);
  } finally {
    try {
      db?.close();
    } catch {
      // read-only: nothing to lose
    }
  }
}

/** Runs the checks on one connection (read-only, or a copy's). */
function inspect(
  db: Database,
  deep: boolean,
  refuse: (why: string, cause?: unknown) => never,
): AcceptedFile {
  // Before the first read: no shared memory (the WAL index lives in the heap), and never run
  // functions from a file's schema (a session file is data, not code).
  db.exec("PRAGMA locking_mode=EXCLUSIVE; PRAGMA trusted_schema=OFF;");
  const tables: TableColumns = new Map();
  try {
    for (const name of db.column("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
      const cols = db.column(`SELECT name FROM pragma_table_info(?)`, [name as string]);
      tables.set(name as string, new Set(cols as string[]));
    }
  } catch (e) {
    return refuse("the database cannot be read (corrupt or not a database)", e);
  }
  const lineage = detectLineage(tables);
  if (typeof lineage !== "string") return refuse(lineage.refuse);
  const version = Number(db.value("SELECT max(number) FROM version") ?? 0);
  if (!Number.isSafeInteger(version)) refuse("its version table holds no version number");
  if (version > SCHEMA_VERSION) {
    refuse(`its schema version ${version} is newer than this library knows (${SCHEMA_VERSION})`);
  }
  if (tables.has("irenogram_meta")) {
    const own = Number(
      db.value("SELECT value FROM irenogram_meta WHERE key = 'schema'") ?? 0,
    );
    if (own > OWN_SCHEMA_VERSION) {
      refuse(`it was written by a newer version of this library (schema ${own})`);
    }
  }
  const needsMigration = lineage !== "irenogram" || version < SCHEMA_VERSION;
  if (!needsMigration) {
    // The engine's statements must compile against this schema (its triggers included: one
    // that calls an unsafe function fails here, with trusted_schema=OFF).
    for (const sql of Object.values(SQL)) {
      try {
        db.prepare(sql).finalize();
      } catch (e) {
        refuse(`its schema does not fit this library (${(e as Error)?.message ?? e})`, e);
      }
    }
  }
  const deepChecked = deep || needsMigration;
  if (deepChecked) {
    const check = db.column("PRAGMA integrity_check(1)") as string[];
    if (check.length !== 1 || check[0] !== "ok") refuse("the database is corrupt");
  }
  const session = readSession(db, tables.get("sessions"));
  if (typeof session === "string") refuse(`its session row holds an implausible ${session}`);
  return { lineage, tables, needsMigration, created: false, deepChecked };
}

/** The checks on a copy (file and side files) in the temp folder, which SQLite may recover. */
function checkCopy(
  driver: SqliteDriver,
  path: string,
  deep: boolean,
  refuse: (why: string, cause?: unknown) => never,
): AcceptedFile {
  const { copyFileSync, existsSync, mkdtempSync, rmSync } = nodeFs();
  const { tmpdir } = nodeModule<typeof Os>("node:os");
  const dir = mkdtempSync(join(tmpdir(), "irenogram-check-"));
  let db: Database | undefined;
  try {
    const copy = join(dir, basename(path));
    try {
      copyFileSync(path, copy);
      for (const side of ["-journal", "-wal"]) {
        if (existsSync(path + side)) copyFileSync(path + side, copy + side);
      }
    } catch (e) {
      throw io(`cannot copy ${basename(path)} to check it`, e);
    }
    try {
      db = driver.open(copy, "readwrite");
      return inspect(db, deep, refuse);
    } catch (e) {
      if (e instanceof SessionFileError) throw e;
      return refuse("the database cannot be read (corrupt or not a database)", e);
    }
  } finally {
    try {
      db?.close();
    } catch {
      // a copy
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Builds a new session file beside `path` and renames it into place, so that the session's
 * name never holds a half-made file. Leftovers of an interrupted creation go first.
 */
function create(driver: SqliteDriver, path: string, display: string): void {
  const building = path + "-creating";
  let db: Database | undefined;
  try {
    for (const leftover of [building, building + "-journal", path + "-journal", path + "-wal"]) {
      try {
        files.remove(leftover);
      } catch (e) {
        if ((e as { code?: unknown }).code !== "ENOENT") throw e;
      }
    }
    // Made here with mode 0600 (an empty file is a new database to SQLite): native SQLite would
    // create it as 0644, and its journals take the database file's mode.
    if (!files.createExclusive(building, "", 0o600)) {
      throw Object.assign(new Error(`${building} exists`), { code: "EEXIST" });
    }
    db = driver.open(building, "create");
    // Nothing to roll back to: the file is thrown away if this is interrupted.
    db.exec(`PRAGMA page_size=${PAGE_SIZE}; PRAGMA journal_mode=OFF; PRAGMA synchronous=FULL;`);
    createSchema(db);
    db.close();
    db = undefined;
    files.rename(building, path);
  } catch (e) {
    try {
      db?.close();
      files.remove(building);
    } catch {
      // the original error matters more
    }
    throw io(`cannot create the session file ${display}`, e);
  }
}
