/**
 * Rows of a session file read back into the engine's types, as strictly as values are checked
 * when written (`validate.ts`): a file written by anyone (another library, a damaged disk, a
 * hand edit) must not hand back `apiId: NaN`, a peer of type "alien" or a 255-byte auth key.
 *
 * @module
 */
import type { SqliteConnection } from "./sqlite_driver.ts";
import type { PeerType, SessionData } from "./storage.ts";
import { freshSession } from "./storage.ts";
import { AUTH_KEY_SIZE, PEER_TYPES } from "./validate.ts";

/** The columns {@link readSession} reads, in this order. */
const SESSION_COLUMNS = [
  "dc_id",
  "api_id",
  "test_mode",
  "auth_key",
  "date",
  "user_id",
  "is_bot",
  "server_address",
  "port",
];
const SELECT_SESSION = `SELECT ${SESSION_COLUMNS.join(", ")} FROM sessions LIMIT 1`;

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max;

/**
 * The session row as {@link SessionData}, or the name of the first implausible field. A file
 * without a row reads as a fresh session. Irenogram leaves unknown fields NULL; Pyrofork writes
 * 0 for "no user yet", read as null.
 */
export function readSession(db: SqliteConnection, columns?: Set<string>): SessionData | string {
  // A file not migrated yet may lack the newer columns (`columns`: those it has).
  const sql = columns
    ? `SELECT ${
      SESSION_COLUMNS.map((c) => (columns.has(c) ? c : "NULL")).join(", ")
    } FROM sessions LIMIT 1`
    : SELECT_SESSION;
  const row = db.row(sql);
  if (!row) return freshSession();
  const [dcId, apiId, testMode, authKey, date, userId, isBot, address, port] = row;
  const flag = (v: unknown) => v === null || v === 0 || v === 1;
  if (!isInt(dcId, 1, 0x7fffffff)) return "dc_id";
  if (apiId !== null && !isInt(apiId, 0, 0xffffffff)) return "api_id";
  if (!flag(testMode)) return "test_mode";
  if (authKey !== null && !(authKey instanceof Uint8Array && authKey.length === AUTH_KEY_SIZE)) {
    return "auth_key";
  }
  if (date !== null && !isInt(date, 0, Number.MAX_SAFE_INTEGER)) return "date";
  if (userId !== null && !isInt(userId, 0, Number.MAX_SAFE_INTEGER)) return "user_id";
  if (!flag(isBot)) return "is_bot";
  if (address !== null && (typeof address !== "string" || address.length > 255)) {
    return "server_address";
  }
  if (port !== null && !isInt(port, 1, 65535)) return "port";
  return {
    dcId,
    apiId: apiId as number | null,
    testMode: testMode === 1,
    authKey: authKey as Uint8Array | null,
    userId: userId === 0 ? null : userId as number | null,
    isBot: isBot === null ? null : isBot === 1,
    date: (date as number | null) ?? 0,
    serverAddress: address as string | null,
    port: port as number | null,
  };
}

/** SQLite's column types (`sqlite3_column_type`). */
export const SQLITE_INTEGER = 1, SQLITE_TEXT = 3, SQLITE_NULL = 5;

/** Why a peer row's raw column types and values cannot be a peer, or null when they can. */
export function implausiblePeer(
  types: { id: number; accessHash: number; type: number; phone: number; lastUpdateOn: number },
  type: string | null,
  phone: string | null,
): string | null {
  if (types.id !== SQLITE_INTEGER) return "id";
  if (types.accessHash !== SQLITE_INTEGER && types.accessHash !== SQLITE_NULL) {
    return "access_hash";
  }
  if (types.type !== SQLITE_TEXT || !PEER_TYPES.includes(type as PeerType)) return "type";
  if (
    types.phone !== SQLITE_NULL && (types.phone !== SQLITE_TEXT || !/^[0-9]{1,32}$/.test(phone!))
  ) {
    return "phone_number";
  }
  if (types.lastUpdateOn !== SQLITE_INTEGER) return "last_update_on";
  return null;
}
