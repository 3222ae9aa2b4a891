/**
 * The session file layout: Irenogram's version-7 tables (with the meanings Irenogram gives
 * them) plus tables of our own, the SQL the engine runs (the benchmark runs the same text on
 * native SQLite), and what is needed to recognise the Python lineages.
 *
 * Python layouts, as their sources define them:
 * - Pyrogram v1–v3: `sessions` (v3 adds `api_id`), `peers` with a `username` column, `version`.
 * - Pyrofork and older Irenogram ("v4"): as Pyrogram plus `update_state` and a username-keyed
 *   `usernames (id TEXT PRIMARY KEY = username, peer_id, last_update_on)`.
 * - kurigram / Irenogram v4–v7: `peers` without `username`, a peer-keyed
 *   `usernames (id = peer id, username)`, `update_state`; v7 adds `sessions.server_address` and
 *   `sessions.port`.
 *
 * @module
 */

/**
 * Page size of new session files: SQLite's usual one and what Python's sqlite3 creates
 * (sqlite-wasm defaults to 8192, with which 100k peer upserts took 2.8x longer,
 * bench/storage_bench.ts). Existing files keep theirs.
 */
export const PAGE_SIZE = 4096;

/** Irenogram's current schema version (the number in the `version` table). */
export const SCHEMA_VERSION = 7;
/** Version of our own additions (`irenogram_meta.schema`). */
export const OWN_SCHEMA_VERSION = 1;

/** `update_state.id` of the account-wide state; channel rows use the marked channel id. */
export const COMMON_STATE_ID = 0;

/** Irenogram's version-7 tables, indexes and trigger, as Irenogram creates them. */
export const IRENOGRAM_TABLES = `
CREATE TABLE sessions
(
    dc_id          INTEGER PRIMARY KEY,
    server_address TEXT,
    port           INTEGER,
    api_id         INTEGER,
    test_mode      INTEGER,
    auth_key       BLOB,
    date           INTEGER NOT NULL,
    user_id        INTEGER,
    is_bot         INTEGER
);
CREATE TABLE peers
(
    id             INTEGER PRIMARY KEY,
    access_hash    INTEGER,
    type           INTEGER NOT NULL,
    phone_number   TEXT,
    last_update_on INTEGER NOT NULL DEFAULT (CAST(STRFTIME('%s', 'now') AS INTEGER))
);
CREATE TABLE usernames
(
    id       INTEGER,
    username TEXT,
    FOREIGN KEY (id) REFERENCES peers(id)
);
CREATE TABLE update_state
(
    id   INTEGER PRIMARY KEY,
    pts  INTEGER,
    qts  INTEGER,
    date INTEGER,
    seq  INTEGER
);
CREATE TABLE version
(
    number INTEGER PRIMARY KEY
);
CREATE INDEX idx_peers_id ON peers (id);
CREATE INDEX idx_peers_phone_number ON peers (phone_number);
CREATE INDEX idx_usernames_id ON usernames (id);
CREATE INDEX idx_usernames_username ON usernames (username);
CREATE TRIGGER trg_peers_last_update_on
    AFTER UPDATE
    ON peers
BEGIN
    UPDATE peers
    SET last_update_on = CAST(STRFTIME('%s', 'now') AS INTEGER)
    WHERE id = NEW.id;
END;
`;

/**
 * Our own tables: auth keys of the DCs other than the home DC (the home DC's key stays in
 * `sessions.auth_key`, where Irenogram reads it) and a key/value table with our schema version.
 */
export const OWN_TABLES = `
CREATE TABLE IF NOT EXISTS irenogram_auth_keys
(
    dc_id    INTEGER PRIMARY KEY,
    auth_key BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS irenogram_meta
(
    key   TEXT PRIMARY KEY,
    value
);
`;

/** The statements the engine prepares once and reuses. */
export const SQL = {
  upsertPeer: "REPLACE INTO peers (id, access_hash, type, phone_number, last_update_on) " +
    "VALUES (?, ?, ?, ?, ?)",
  deleteUsernames: "DELETE FROM usernames WHERE id = ?",
  insertUsername: "INSERT INTO usernames (id, username) VALUES (?, ?)",
  /** One row per peer; usernames joined by spaces, in the order they were stored. */
  peerById: "SELECT p.id, p.access_hash, p.type, p.phone_number, p.last_update_on, " +
    "(SELECT group_concat(u.username, ' ') FROM usernames u WHERE u.id = p.id) " +
    "FROM peers p WHERE p.id = ?",
  /**
   * Irenogram's rule: among peers carrying the name, the most recently updated one. SQLite's
   * bare columns beside max() come from the row holding the maximum, which spares a sort (the
   * benchmark measured it faster than ORDER BY … LIMIT 1); no match gives one row of NULLs.
   */
  peerByUsername: "SELECT p.id, p.access_hash, p.type, p.phone_number, max(p.last_update_on), " +
    "(SELECT group_concat(v.username, ' ') FROM usernames v WHERE v.id = p.id) " +
    "FROM peers p JOIN usernames u ON p.id = u.id WHERE u.username = ?",
  peerByPhone: "SELECT p.id, p.access_hash, p.type, p.phone_number, max(p.last_update_on), " +
    "(SELECT group_concat(u.username, ' ') FROM usernames u WHERE u.id = p.id) " +
    "FROM peers p WHERE p.phone_number = ?",
} as const;

/** Column names of one table, from `PRAGMA table_info`. */
export type TableColumns = Map<string, Set<string>>;

/** Which Python family wrote a file, judged by the tables and columns really present. */
export type Lineage =
  | "irenogram" // already our layout (version 7 with our tables)
  | "kurigram" // peer-keyed usernames (kurigram, Irenogram v4–v7)
  | "pyrofork" // username-keyed usernames (Pyrofork, older Irenogram)
  | "pyrogram"; // no usernames table (Pyrogram v1–v3)

/** Decides the lineage, or returns why the file is not a session this version can read. */
export function detectLineage(tables: TableColumns): Lineage | { refuse: string } {
  const sessions = tables.get("sessions"), peers = tables.get("peers");
  if (tables.has("entities") && sessions && !peers) {
    return { refuse: "it is a Telethon session file, which this library does not read" };
  }
  const need = (cols: Set<string> | undefined, names: string[]) =>
    cols !== undefined && names.every((n) => cols.has(n));
  // Every column the engine reads and every lineage has (Pyrogram 1.0 onwards).
  if (
    !need(sessions, ["dc_id", "test_mode", "auth_key", "date", "user_id", "is_bot"]) ||
    !need(peers, ["id", "access_hash", "type", "phone_number", "last_update_on"]) ||
    !need(tables.get("version"), ["number"])
  ) {
    return { refuse: "it is an SQLite database, but not a Pyrogram-family session file" };
  }
  const usernames = tables.get("usernames");
  if (usernames) {
    if (need(usernames, ["id", "peer_id"])) return "pyrofork";
    if (!need(usernames, ["id", "username"])) {
      return { refuse: "its usernames table has a layout this version does not know" };
    }
    if (tables.has("irenogram_meta")) return "irenogram";
    return "kurigram";
  }
  return "pyrogram";
}
