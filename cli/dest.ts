/**
 * Opening a DEST for `session copy`: a new `.session` file or a MongoDB session. Nothing that
 * exists is overwritten without `--force`, and a file destination appears only once complete:
 * the copy is written to a temporary file beside it (mode 0600), read back and compared, and
 * then renamed over DEST.
 *
 * When a copy fails (a write error, or a read-back that differs: `CLI_MISMATCH`), the
 * destination is left as follows: a file DEST is untouched (the temporary file is removed); a
 * MongoDB DEST's database is dropped, so no half-written or unverified session remains there.
 * With `--force`, the session that was being replaced is gone by then (MongoDB cannot rename a
 * database, so it is dropped before the copy is written).
 *
 * @module
 */
import { chmodSync, existsSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import type { MongoClient } from "mongodb";
import type { ListableStorage, PeerRecord } from "../storage/storage.ts";
import { SqliteStorage } from "../storage/sqlite.ts";
import { MongoStorage, redactUrl } from "../storage/mongo.ts";
import { FileLock } from "../storage/file_lock.ts";
import { CliError, toCliError } from "./errors.ts";
import { connectMongo, isMongoUrl, mongoSessionExists } from "./source.ts";
import type { PeerDocuments } from "./copy.ts";

/** An opened, empty destination. */
export interface Dest {
  label: string;
  storage: ListableStorage;
  /** Writes a batch of peers the destination does not hold yet. */
  writePeers(peers: PeerRecord[]): Promise<void>;
  /** The same writes, with the documents as bytes, where the engine stores documents. */
  documents?: PeerDocuments;
  /** Makes the written copy the destination (after it was verified). */
  commit(): Promise<void>;
  /** Throws the copy away (the destination is left as it was before, where possible). */
  abandon(): Promise<void>;
}

/** Options of {@link openDest}. */
export interface DestOptions {
  /** Session (database) name, for a MongoDB URL. */
  name?: string;
  /** Replace an existing destination. */
  force?: boolean;
}

const SIDE_FILES = ["-wal", "-journal", "-shm"];

/** Opens DEST for writing; every failure is a {@link CliError}. */
export async function openDest(spec: string, options: DestOptions = {}): Promise<Dest> {
  try {
    if (isMongoUrl(spec)) return await openMongoDest(spec, options);
    if (spec === "-" || (!/[\\/]/.test(spec) && !spec.endsWith(".session"))) {
      throw new CliError(
        "CLI_USAGE",
        "DEST must be a .session file path or a mongodb:// URL (to print a session string, " +
          "use `session convert`)",
      );
    }
    return await openFileDest(spec, options.force === true);
  } catch (e) {
    throw toCliError(e);
  }
}

function removeFile(path: string): void {
  for (const suffix of ["", ...SIDE_FILES, ".lock"]) rmSync(path + suffix, { force: true });
}

async function openFileDest(path: string, force: boolean): Promise<Dest> {
  let exists = false;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CliError("CLI_BAD_INPUT", `${path} exists and is not a file`);
    exists = true;
  } catch (e) {
    if (e instanceof CliError) throw e;
  }
  if (exists && !force) {
    throw new CliError("CLI_EXISTS", `${path} exists; add --force to replace it`);
  }
  if (!existsSync(dirname(path) || ".")) {
    throw new CliError("CLI_BAD_INPUT", `the directory of ${path} does not exist`);
  }
  // Refuse now, not after copying, when a running client holds the destination.
  if (exists) FileLock.acquire(path).release();
  const temp = join(
    dirname(path),
    `.${basename(path)}.copy-${randomBytes(6).toString("hex")}.session`,
  );
  const storage = new SqliteStorage(temp);
  try {
    await storage.open();
  } catch (e) {
    removeFile(temp);
    throw e;
  }
  return {
    label: path,
    storage,
    writePeers: (peers) => storage.updatePeers(peers),
    async commit() {
      await storage.close();
      chmodSync(temp, 0o600);
      const lock = FileLock.acquire(path);
      try {
        // An old -wal or -journal beside DEST would be replayed into the new file.
        for (const suffix of SIDE_FILES) rmSync(path + suffix, { force: true });
        renameSync(temp, path);
      } finally {
        lock.release();
        removeFile(temp);
      }
    },
    async abandon() {
      await storage.close().catch(() => {});
      removeFile(temp);
    },
  };
}

async function openMongoDest(url: string, options: DestOptions): Promise<Dest> {
  const name = options.name;
  if (!name) throw new CliError("CLI_USAGE", "a mongodb:// DEST needs --dest-name (or --name)");
  const client: MongoClient = await connectMongo(url);
  try {
    const label = `${redactUrl(url)} (session ${name})`;
    let storage = new MongoStorage(name, client);
    const hadDatabase = (await client.db(name).listCollections({}, { nameOnly: true }).toArray())
      .length > 0;
    if (hadDatabase) {
      if (!options.force) {
        const what = (await mongoSessionExists(client, name)) ? "a session" : "a database";
        throw new CliError(
          "CLI_EXISTS",
          `${label} already holds ${what}; add --force to replace it`,
        );
      }
      await client.db(name).dropDatabase();
      storage = new MongoStorage(name, client);
    }
    await storage.open();
    return {
      label,
      storage,
      writePeers: (peers) => storage.insertPeers(peers),
      documents: {
        write: (peers, written) => storage.insertPeers(peers, written),
        read: (batchSize) => storage.peerDocuments(batchSize),
        names: (batchSize) => storage.usernameRows(batchSize),
      },
      async commit() {
        await storage.close();
        await client.close().catch(() => {});
      },
      async abandon() {
        // A half-written copy is worse than none.
        await client.db(name).dropDatabase().catch(() => {});
        await storage.close().catch(() => {});
        await client.close().catch(() => {});
      },
    };
  } catch (e) {
    await client.close().catch(() => {});
    throw e;
  }
}
