/**
 * Creating a new session file and bringing a Python one to Irenogram's version-7 layout plus our
 * own tables, in one transaction. Nothing is dropped: columns that Irenogram no longer reads
 * (`peers.username`) stay, a username-keyed `usernames` table is kept under another name after
 * its rows are copied, and tables we do not know are left alone.
 *
 * @module
 */
import type { SqliteConnection as Database } from "./sqlite_driver.ts";
import { StorageError } from "./errors.ts";
import { dcAddress } from "./dcs.ts";
import {
  IRENOGRAM_TABLES,
  type Lineage,
  OWN_SCHEMA_VERSION,
  OWN_TABLES,
  SCHEMA_VERSION,
  type TableColumns,
} from "./sqlite_schema.ts";
import { freshSession } from "./storage.ts";

/** Where a Pyrofork-style `usernames` table is kept after its rows are copied. */
export const LEGACY_USERNAMES_TABLE = "irenogram_legacy_usernames";

function transaction(db: Database, what: string, fn: () => void): void {
  db.exec("BEGIN IMMEDIATE");
  try {
    fn();
    db.exec("COMMIT");
  } catch (e) {
    try {
      db.exec("ROLLBACK");
    } catch {
      // nothing to roll back
    }
    throw new StorageError(`${what} failed; the file was left as it was`, {
      cause: e,
      code: "STORAGE_MIGRATION_FAILED",
    });
  }
}

function insertFreshSession(db: Database): void {
  const s = freshSession();
  // As Irenogram's create(): test_mode, api_id, auth_key, user_id, is_bot unknown (NULL).
  db.exec(
    "INSERT INTO sessions (dc_id, server_address, port, api_id, test_mode, auth_key, date, " +
      "user_id, is_bot) VALUES (?, ?, ?, NULL, NULL, NULL, ?, NULL, NULL)",
    [s.dcId, s.serverAddress, s.port, s.date],
  );
}

function writeVersions(db: Database): void {
  db.exec("DELETE FROM version");
  db.exec("INSERT INTO version (number) VALUES (?)", [SCHEMA_VERSION]);
  db.exec("REPLACE INTO irenogram_meta (key, value) VALUES ('schema', ?)", [OWN_SCHEMA_VERSION]);
}

/** Creates the tables of a new session file and its first session row. */
export function createSchema(db: Database): void {
  transaction(db, "creating the session file", () => {
    db.exec(IRENOGRAM_TABLES);
    db.exec(OWN_TABLES);
    insertFreshSession(db);
    writeVersions(db);
  });
}

/** Brings a file of `lineage` (with `tables` as found) to the current layout. */
export function migrate(db: Database, lineage: Lineage, tables: TableColumns): void {
  transaction(db, "migrating the session file", () => {
    const sessions = tables.get("sessions")!;
    if (!sessions.has("api_id")) db.exec("ALTER TABLE sessions ADD api_id INTEGER");
    if (!sessions.has("server_address") || !sessions.has("port")) {
      if (!sessions.has("server_address")) db.exec("ALTER TABLE sessions ADD server_address TEXT");
      if (!sessions.has("port")) db.exec("ALTER TABLE sessions ADD port INTEGER");
      // As Irenogram's v6→v7 step: the address of the home DC from the DC table.
      const row = db.row("SELECT dc_id, test_mode FROM sessions LIMIT 1");
      const address = row ? dcAddress(Number(row[0]), Boolean(row[1])) : undefined;
      if (address) {
        db.exec("UPDATE sessions SET server_address = ?, port = ? WHERE server_address IS NULL", [
          address.host,
          address.port,
        ]);
      }
    }
    if (db.value("SELECT count(*) FROM sessions") === 0) insertFreshSession(db);

    let legacy = LEGACY_USERNAMES_TABLE;
    if (lineage === "pyrofork") {
      // Username-keyed (id = username, peer_id): keep it whole under a name not yet taken.
      for (let n = 2; tables.has(legacy); n++) legacy = `${LEGACY_USERNAMES_TABLE}_${n}`;
      db.exec(`ALTER TABLE usernames RENAME TO "${legacy}"`);
    }
    db.exec(
      "CREATE TABLE IF NOT EXISTS usernames (id INTEGER, username TEXT, " +
        "FOREIGN KEY (id) REFERENCES peers(id));" +
        "CREATE INDEX IF NOT EXISTS idx_usernames_id ON usernames (id);" +
        "CREATE INDEX IF NOT EXISTS idx_usernames_username ON usernames (username);" +
        "CREATE INDEX IF NOT EXISTS idx_peers_phone_number ON peers (phone_number);" +
        "CREATE TABLE IF NOT EXISTS update_state (id INTEGER PRIMARY KEY, pts INTEGER, " +
        "qts INTEGER, date INTEGER, seq INTEGER);",
    );
    const addUsernames = (select: string) =>
      db.exec(
        `INSERT INTO usernames (id, username) SELECT DISTINCT n.id, n.username FROM (${select}) n ` +
          "WHERE n.id IS NOT NULL AND n.username IS NOT NULL AND n.username != '' AND NOT EXISTS " +
          "(SELECT 1 FROM usernames u WHERE u.id = n.id AND u.username = n.username)",
      );
    // Pyrogram and Pyrofork keep the main username in peers.username; kurigram files that still
    // have the column stopped updating it at their v4, so there it is stale and not copied.
    if (lineage !== "kurigram" && lineage !== "irenogram" && tables.get("peers")!.has("username")) {
      addUsernames("SELECT id, lower(username) AS username FROM peers");
    }
    if (lineage === "pyrofork") {
      addUsernames(
        `SELECT peer_id AS id, lower(id) AS username FROM "${legacy}" ` +
          "ORDER BY last_update_on",
      );
    }
    db.exec(OWN_TABLES);
    writeVersions(db);
  });
}
