/**
 * Opening a SOURCE for reading without changing it: a Pyrogram-family `.session` file, a
 * Telethon `.session` file, a session string (or `-`: read from stdin), or `mongodb://…` with
 * a session name.
 *
 * A session file is never opened in place: under its lock, it (with its `-wal`/`-journal`) is
 * copied into a private temporary directory (mode 0700, removed on close), and the copy is what
 * SQLite opens and the SQLite engine migrates. So a file of any lineage is read through the
 * engine's own migration, and the user's file stays byte-for-byte as it was.
 *
 * @module
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MongoClient } from "mongodb";
import type { ListableStorage } from "../storage/storage.ts";
import { loadSqlite, SqliteStorage } from "../storage/sqlite.ts";
import { detectLineage, type TableColumns } from "../storage/sqlite_schema.ts";
import { FileLock } from "../storage/file_lock.ts";
import { isTelethonLayout, TelethonSessionFile } from "../storage/telethon_file.ts";
import { SessionStringStorage } from "../storage/session_string_storage.ts";
import { MongoStorage, redactUrl } from "../storage/mongo.ts";
import { CliError, toCliError } from "./errors.ts";
import { SessionLockedError } from "../storage/errors.ts";

/** What the commands read from any source. */
export type SessionReader = Pick<
  ListableStorage,
  "getSession" | "listAuthKeys" | "listPeers" | "getUpdateState" | "listChannelPts"
>;

/** The kinds of source. */
export type SourceKind = "file" | "telethon-file" | "string" | "mongodb";

/** An opened source. */
export interface Source {
  kind: SourceKind;
  /** How to name it in messages: a path, `mongodb://***@host/ (session NAME)`, never a secret. */
  label: string;
  /** Who wrote it and in which version, e.g. `pyrofork, schema version 3`. */
  layout: { family: string; version: number | null };
  /** Number of peers, counted cheaply before reading (for the progress bar and `info`). */
  peerCount: number;
  reader: SessionReader;
  close(): Promise<void>;
}

/** Options that locate a source. */
export interface SourceOptions {
  /** Session (database) name, for a MongoDB URL. */
  name?: string;
  /** The text of stdin, when SOURCE is `-`. */
  stdin?: () => Promise<string>;
}

const MONGO_URL = /^mongodb(\+srv)?:\/\//i;
const SIDE_FILES = ["-wal", "-journal"];

/** Whether `text` is a MongoDB connection string. */
export function isMongoUrl(text: string): boolean {
  return MONGO_URL.test(text);
}

/** Opens SOURCE for reading; every failure is a {@link CliError}. */
export async function openSource(spec: string, options: SourceOptions = {}): Promise<Source> {
  try {
    if (isMongoUrl(spec)) return await openMongoSource(spec, options.name);
    if (spec === "-") {
      if (!options.stdin) throw new CliError("CLI_USAGE", "no stdin to read the session from");
      return await openStringSource((await options.stdin()).trim());
    }
    let isFile = false;
    try {
      isFile = statSync(spec).isFile();
      if (!isFile) throw new CliError("CLI_BAD_INPUT", `${spec} is not a regular file`);
    } catch (e) {
      if (e instanceof CliError) throw e;
    }
    if (isFile) return await openFileSource(spec);
    // Echoed back only when it is surely a path: a long argument may be a damaged session
    // string (a secret), which base64 lets contain "/".
    if (spec.endsWith(".session") || (spec.length < 64 && /[\\/]/.test(spec))) {
      throw new CliError("CLI_BAD_INPUT", `${spec}: no such file`);
    }
    return await openStringSource(spec);
  } catch (e) {
    throw toCliError(e);
  }
}

async function openStringSource(text: string): Promise<Source> {
  let storage: SessionStringStorage;
  try {
    storage = new SessionStringStorage(text);
  } catch (e) {
    // The string itself is never echoed: it is a secret.
    throw new CliError(
      "CLI_BAD_INPUT",
      `SOURCE is neither an existing file, a mongodb:// URL nor a session string this tool ` +
        `reads (${(e as Error).message})`,
    );
  }
  await storage.open();
  return {
    kind: "string",
    label: `a ${storage.format} session string`,
    layout: { family: storage.format, version: null },
    peerCount: 0,
    reader: storage,
    close: () => storage.close(),
  };
}

/** A private copy of a session file and its side files, taken under the file's lock. */
export function snapshotFile(path: string): { dir: string; copy: string } {
  let lock: FileLock | null = null;
  try {
    lock = FileLock.acquire(path);
  } catch (e) {
    // Where no lock file can be made (a read-only folder), no irenogram process holds one
    // either: reading the file is still safe.
    if (e instanceof SessionLockedError) throw e;
  }
  const dir = mkdtempSync(join(tmpdir(), "irenogram-cli-"));
  try {
    const copy = join(dir, "source.session");
    copyFileSync(path, copy);
    for (const suffix of SIDE_FILES) {
      if (existsSync(path + suffix)) copyFileSync(path + suffix, copy + suffix);
    }
    return { dir, copy };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new CliError("CLI_FAILED", `cannot read ${path}: ${(e as Error).message}`, {
      cause: e,
    });
  } finally {
    lock?.release();
  }
}

/** What the file's tables say it is, read on the private copy. */
async function inspectFile(
  path: string,
  copy: string,
): Promise<{ telethon: boolean; family: string; version: number; peers: number }> {
  const { sqlite3, vfs } = await loadSqlite();
  const bad = (why: string): never => {
    throw new CliError("CLI_BAD_INPUT", `${path}: ${why}`);
  };
  let head = "";
  try {
    const fd = openSync(copy, "r");
    const buf = new Uint8Array(16);
    try {
      readSync(fd, buf, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
    head = String.fromCharCode(...buf);
  } catch {
    // an empty file reads short: refused below
  }
  if (head !== "SQLite format 3\0") bad("not a session file (not an SQLite database)");
  let db;
  try {
    db = new sqlite3.oo1.DB({ filename: copy, flags: "w", vfs });
  } catch {
    return bad("not a session file (cannot be opened as an SQLite database)");
  }
  try {
    // Exclusive before the first read: a WAL file needs no shared memory then (as the engine).
    db.exec("PRAGMA locking_mode=EXCLUSIVE; PRAGMA trusted_schema=OFF;");
    const tables: TableColumns = new Map();
    for (const name of db.selectValues("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
      const cols = db.selectValues(`SELECT name FROM pragma_table_info(?)`, [name as string]);
      tables.set(name as string, new Set(cols as string[]));
    }
    if (isTelethonLayout(new Set(tables.keys()))) {
      const version = Number(db.selectValue("SELECT max(version) FROM version") ?? 0);
      const peers = Number(db.selectValue("SELECT count(*) FROM entities WHERE id != 0") ?? 0);
      return { telethon: true, family: "telethon", version, peers };
    }
    const lineage = detectLineage(tables);
    if (typeof lineage !== "string") return bad(lineage.refuse);
    const version = Number(db.selectValue("SELECT max(number) FROM version") ?? 0);
    const peers = Number(db.selectValue("SELECT count(*) FROM peers") ?? 0);
    return { telethon: false, family: lineage, version, peers };
  } catch (e) {
    if (e instanceof CliError) throw e;
    return bad("not a session file (corrupt or unreadable database)");
  } finally {
    db.close();
  }
}

/** Reads what a session file's tables say about its lineage (used by `migrate` too). */
export async function describeFile(
  path: string,
): Promise<{ telethon: boolean; family: string; version: number; peers: number }> {
  const { dir, copy } = snapshotFile(path);
  try {
    return await inspectFile(path, copy);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function openFileSource(path: string): Promise<Source> {
  const { dir, copy } = snapshotFile(path);
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const found = await inspectFile(path, copy);
    // A Telethon file is read as it is; a Pyrogram-family copy is opened (and migrated) by
    // the SQLite engine.
    let reader: SessionReader & { close(): unknown };
    try {
      if (found.telethon) reader = await TelethonSessionFile.open(copy);
      else {
        const storage = new SqliteStorage(copy);
        await storage.open();
        reader = storage;
      }
    } catch (e) {
      throw readFailure(e, path, copy);
    }
    return {
      kind: found.telethon ? "telethon-file" : "file",
      label: path,
      layout: { family: found.family, version: found.version },
      peerCount: found.peers,
      reader: guardReader(reader, path, copy),
      close: async () => {
        await reader.close();
        cleanup();
      },
    };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/**
 * A failure to read the private copy of a session file: the file is damaged (or of a layout
 * the engine refuses). The message names the user's file, not the copy.
 */
function readFailure(e: unknown, path: string, copy: string): CliError {
  const err = toCliError(e);
  const message = err.message.replaceAll(copy, path);
  if (err.code !== "CLI_FAILED") return new CliError(err.code, message, { cause: e });
  return new CliError(
    "CLI_BAD_INPUT",
    `${path}: the session cannot be read (damaged file?): ${message.slice(0, 200)}`,
    { cause: e },
  );
}

/** The reader of a file's copy, its failures reported as {@link readFailure}s. */
function guardReader(reader: SessionReader, path: string, copy: string): SessionReader {
  const wrap = <T>(work: () => Promise<T>) =>
    work().catch((e) => Promise.reject(readFailure(e, path, copy)));
  return {
    getSession: () => wrap(() => reader.getSession()),
    listAuthKeys: () => wrap(() => reader.listAuthKeys()),
    getUpdateState: () => wrap(() => reader.getUpdateState()),
    listChannelPts: () => wrap(() => reader.listChannelPts()),
    async *listPeers(batchSize?: number) {
      const it = reader.listPeers(batchSize)[Symbol.asyncIterator]();
      for (;;) {
        const next = await wrap(() => it.next());
        if (next.done) return;
        yield next.value;
      }
    },
  };
}

/** Connects a driver client for the tool, failing fast and without credentials in messages. */
export async function connectMongo(url: string): Promise<MongoClient> {
  let driver: typeof import("mongodb");
  try {
    driver = await import("mongodb");
  } catch {
    throw new CliError("CLI_FAILED", "MongoDB support needs the `mongodb` package installed");
  }
  let client: MongoClient;
  try {
    client = new driver.MongoClient(url, {
      appName: "irenogram-cli",
      ...(/[?&]serverSelectionTimeoutMS=/i.test(url) ? {} : { serverSelectionTimeoutMS: 5000 }),
    });
  } catch (e) {
    throw new CliError(
      "CLI_USAGE",
      `invalid MongoDB URL: ${redactUrl(String((e as Error).message)).slice(0, 200)}`,
    );
  }
  try {
    await client.connect();
    await client.db("admin").command({ ping: 1 });
  } catch (e) {
    await client.close().catch(() => {});
    throw new CliError(
      "CLI_UNAVAILABLE",
      `MongoDB at ${redactUrl(url)} is unreachable: ${
        redactUrl(String((e as Error).message)).slice(0, 200)
      }`,
    );
  }
  return client;
}

/** Whether the database `name` holds a session (has a `session` collection). */
export async function mongoSessionExists(client: MongoClient, name: string): Promise<boolean> {
  const found = await client.db(name).listCollections({}, { nameOnly: true }).toArray();
  return found.some((c) => c.name === "session");
}

async function openMongoSource(url: string, name: string | undefined): Promise<Source> {
  if (!name) throw new CliError("CLI_USAGE", "a mongodb:// SOURCE needs --name SESSION");
  const client = await connectMongo(url);
  try {
    const storage = new MongoStorage(name, client);
    // Checked first: opening a session that does not exist would create it.
    if (!(await mongoSessionExists(client, name))) {
      throw new CliError(
        "CLI_BAD_INPUT",
        `no session "${name}" at ${redactUrl(url)} (the database has no session collection)`,
      );
    }
    await storage.open();
    const peerCount = await client.db(name).collection("peers").estimatedDocumentCount();
    const version = await client.db(name).collection("version").findOne({ _id: 0 } as never);
    return {
      kind: "mongodb",
      label: `${redactUrl(url)} (session ${name})`,
      layout: { family: "mongodb", version: version ? Number(version.number) : null },
      peerCount,
      reader: storage,
      close: async () => {
        await storage.close();
        await client.close().catch(() => {});
      },
    };
  } catch (e) {
    await client.close().catch(() => {});
    throw toCliError(e);
  }
}
