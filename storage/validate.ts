/**
 * Input checks shared by every engine, so that all of them refuse the same bad values with the
 * same typed error ({@link StorageError} with code `STORAGE_INVALID_ARGUMENT`) before anything
 * is written. Messages name the field, never its value when the value could be a secret.
 *
 * @module
 */
import { StorageError } from "./errors.ts";
import type { PeerRecord, PeerType, SessionData, UpdateState } from "./storage.ts";
import { USERNAME_TTL_SECONDS } from "./storage.ts";

/** Irenogram's peer type words, in the order Irenogram lists them. */
export const PEER_TYPES: readonly PeerType[] = [
  "user",
  "bot",
  "group",
  "channel",
  "supergroup",
  "forum",
  "direct",
];

/** Size of an MTProto auth key in bytes. */
export const AUTH_KEY_SIZE = 256;

const MIN_LONG = -(1n << 63n), MAX_LONG = (1n << 63n) - 1n;

function invalid(message: string): StorageError {
  return new StorageError(message, { code: "STORAGE_INVALID_ARGUMENT" });
}

/** A DC id: a positive integer below 2^31 (1–5, test DCs, media DCs like 203). */
export function checkDcId(dcId: unknown): number {
  if (!Number.isInteger(dcId) || (dcId as number) <= 0 || (dcId as number) > 0x7fffffff) {
    throw invalid("dcId must be a positive integer");
  }
  return dcId as number;
}

/** An auth key: exactly 256 bytes, or null. Never echoes the bytes. */
export function checkAuthKey(key: unknown): Uint8Array | null {
  if (key === null) return null;
  if (!(key instanceof Uint8Array) || key.length !== AUTH_KEY_SIZE) {
    throw invalid(`an auth key must be a Uint8Array of ${AUTH_KEY_SIZE} bytes or null`);
  }
  return key;
}

function checkOptionalInt(name: string, value: unknown, min: number, max: number): void {
  if (value === null) return;
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
    throw invalid(`${name} must be an integer in [${min}, ${max}] or null`);
  }
}

/** Checks the fields present in a partial session; throws on the first bad one. */
export function checkSessionPatch(data: Partial<SessionData>): void {
  if (typeof data !== "object" || data === null) throw invalid("session data must be an object");
  if ("dcId" in data) checkDcId(data.dcId);
  if ("apiId" in data) checkOptionalInt("apiId", data.apiId, 0, 0xffffffff);
  if ("testMode" in data && typeof data.testMode !== "boolean") {
    throw invalid("testMode must be a boolean");
  }
  if ("authKey" in data) checkAuthKey(data.authKey);
  if ("userId" in data) checkOptionalInt("userId", data.userId, 1, Number.MAX_SAFE_INTEGER);
  if ("isBot" in data && data.isBot !== null && typeof data.isBot !== "boolean") {
    throw invalid("isBot must be a boolean or null");
  }
  // Never null: the SQLite column is NOT NULL, as in Irenogram.
  if ("date" in data) checkOptionalInt("date", data.date ?? NaN, 0, Number.MAX_SAFE_INTEGER);
  if (
    "serverAddress" in data && data.serverAddress !== null &&
    (typeof data.serverAddress !== "string" || data.serverAddress.length > 255)
  ) {
    throw invalid("serverAddress must be a string (at most 255 characters) or null");
  }
  if ("port" in data) checkOptionalInt("port", data.port, 1, 65535);
}

/** A marked peer id: a non-zero safe integer. */
export function checkPeerId(id: unknown): number {
  if (!Number.isSafeInteger(id) || id === 0) {
    throw invalid("a peer id must be a non-zero safe integer (Bot API marked form)");
  }
  return id as number;
}

/**
 * Checks one peer record and returns a normalised copy (usernames lower-cased, without
 * duplicates, in their original order).
 */
export function normalizePeer(peer: PeerRecord): PeerRecord {
  if (typeof peer !== "object" || peer === null) throw invalid("a peer must be an object");
  checkPeerId(peer.id);
  if (
    typeof peer.accessHash !== "bigint" || peer.accessHash < MIN_LONG ||
    peer.accessHash > MAX_LONG
  ) {
    throw invalid("accessHash must be a bigint in the signed 64-bit range");
  }
  if (!PEER_TYPES.includes(peer.type)) {
    throw invalid(`peer type must be one of ${PEER_TYPES.join(", ")}`);
  }
  if (!Array.isArray(peer.usernames)) throw invalid("usernames must be an array");
  const usernames: string[] = [];
  for (const name of peer.usernames) {
    // No whitespace: the SQLite engine reads a peer's usernames back joined by spaces.
    if (typeof name !== "string" || name.length === 0 || name.length > 64 || /\s/.test(name)) {
      throw invalid("a username must be a non-empty string of at most 64 characters, no spaces");
    }
    const lower = name.toLowerCase();
    if (!usernames.includes(lower)) usernames.push(lower);
  }
  if (
    peer.phoneNumber !== null &&
    (typeof peer.phoneNumber !== "string" || !/^[0-9]{1,32}$/.test(peer.phoneNumber))
  ) {
    throw invalid("phoneNumber must be a string of digits (without '+') or null");
  }
  checkOptionalInt("lastUpdateOn", peer.lastUpdateOn, 0, Number.MAX_SAFE_INTEGER);
  if (peer.lastUpdateOn === null) throw invalid("lastUpdateOn must be an integer");
  return {
    id: peer.id,
    accessHash: peer.accessHash,
    type: peer.type,
    usernames,
    phoneNumber: peer.phoneNumber,
    lastUpdateOn: peer.lastUpdateOn,
  };
}

/** Checks a whole batch before any of it is written. */
export function normalizePeers(peers: PeerRecord[]): PeerRecord[] {
  if (!Array.isArray(peers)) throw invalid("updatePeers expects an array of peers");
  return peers.map(normalizePeer);
}

/** Lower-cases a username for lookup, dropping one leading "@". */
export function lookupUsername(username: string): string {
  if (typeof username !== "string") throw invalid("a username must be a string");
  return (username.startsWith("@") ? username.slice(1) : username).toLowerCase();
}

/** pts/qts/date/seq: integers in the signed 32-bit range Telegram uses. */
export function checkUpdateState(state: UpdateState): UpdateState {
  if (typeof state !== "object" || state === null) throw invalid("update state must be an object");
  for (const key of ["pts", "qts", "date", "seq"] as const) {
    checkOptionalInt(key, state[key] ?? NaN, -0x80000000, 0xffffffff);
  }
  return { pts: state.pts, qts: state.qts, date: state.date, seq: state.seq };
}

/** Marked ids of channels lie below this (Bot API: -100… followed by the bare id). */
const MARKED_CHANNEL_BASE = -1_000_000_000_000;

/**
 * A channel id as the update state keeps it (Irenogram's `update_state.id`): the marked form.
 * Accepts the bare channel id (positive) or the marked one (−100…).
 */
export function checkChannelId(id: unknown): number {
  if (Number.isSafeInteger(id) && (id as number) > 0 && (id as number) < 1e12) {
    return MARKED_CHANNEL_BASE - (id as number);
  }
  if (Number.isSafeInteger(id) && (id as number) < MARKED_CHANNEL_BASE) return id as number;
  throw invalid("a channel id must be the bare (positive) or marked (-100…) channel id");
}

/** A channel's pts: a non-negative integer. */
export function checkPts(pts: unknown): number {
  checkOptionalInt("pts", pts ?? NaN, 0, 0xffffffff);
  return pts as number;
}

/** Irenogram's 8-hour rule: may a username cached at `lastUpdateOn` still resolve? */
export function usernameIsFresh(lastUpdateOn: number): boolean {
  return Math.abs(Date.now() / 1000 - lastUpdateOn) <= USERNAME_TTL_SECONDS;
}

/** The unix time now, in seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
