/**
 * How the MongoDB engine's data maps to documents, in the field names and BSON types Pyrofork
 * and Irenogram read and write (see `mongo.ts` for the collections), and back: BSON numbers of
 * any width to JS numbers, int64 to bigint, Binary to Uint8Array.
 *
 * @module
 */
import type { PeerRecord, PeerType, SessionData } from "./storage.ts";
import { freshSession } from "./storage.ts";
import { checkPeerId } from "./validate.ts";
import { invalid } from "./mongo_errors.ts";

/** A document of any of the collections; `_id` is a number or a string here, never an ObjectId. */
export interface Doc {
  // deno-lint-ignore no-explicit-any
  _id?: any;
  // deno-lint-ignore no-explicit-any
  [field: string]: any;
}

const MARKED_CHANNEL_BASE = 1_000_000_000_000;

/** A new session document, in Pyrofork's field names, from the engines' common fresh session. */
export function freshSessionDoc(): Doc {
  const s = freshSession();
  return {
    dc_id: s.dcId,
    api_id: s.apiId,
    test_mode: s.testMode,
    auth_key: s.authKey,
    date: s.date,
    user_id: s.userId,
    is_bot: s.isBot,
    server_address: s.serverAddress,
    port: s.port,
  };
}

/** A BSON-friendly integer: int32 when it fits, else int64, as pymongo writes Python ints. */
export function int(n: number): number | bigint {
  return n >= -0x80000000 && n <= 0x7fffffff ? n : BigInt(n);
}

/** Reads any BSON number (int32, int64 as bigint or Long, double) as a JS number. */
export function num(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v && typeof v === "object" && typeof (v as { toNumber?: unknown }).toNumber === "function") {
    return (v as { toNumber(): number }).toNumber();
  }
  return null;
}

/** Reads an int64 exactly, whatever representation the client chose. */
export function long(v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isSafeInteger(v)) return BigInt(v);
  if (v && typeof v === "object" && typeof (v as { toBigInt?: unknown }).toBigInt === "function") {
    return (v as { toBigInt(): bigint }).toBigInt();
  }
  return 0n;
}

/** A BSON Binary (or plain bytes) as a fresh Uint8Array; empty or absent is null. */
export function bytes(v: unknown): Uint8Array | null {
  let source: Uint8Array | null = null;
  if (v instanceof Uint8Array) source = v;
  else if (v && typeof v === "object") {
    const b = v as { buffer?: unknown; position?: unknown };
    if (b.buffer instanceof Uint8Array) {
      const length = typeof b.position === "number" ? b.position : b.buffer.length;
      source = b.buffer.subarray(0, length);
    }
  }
  if (!source || source.length === 0) return null;
  // A plain Uint8Array, never the driver's Buffer (whose slice() is a view).
  const copy = new Uint8Array(source.length);
  copy.set(source);
  return copy;
}

export function sessionFromDoc(d: Doc | null): SessionData {
  const doc = d ?? freshSessionDoc();
  const userId = num(doc.user_id);
  const isBot = doc.is_bot;
  return {
    dcId: num(doc.dc_id) ?? 2,
    apiId: num(doc.api_id),
    testMode: Boolean(doc.test_mode),
    authKey: bytes(doc.auth_key),
    // Pyrofork writes 0 for "nobody yet".
    userId: userId === 0 ? null : userId,
    isBot: isBot === null || isBot === undefined ? null : Boolean(isBot),
    date: num(doc.date) ?? 0,
    serverAddress: typeof doc.server_address === "string" ? doc.server_address : null,
    port: num(doc.port),
  };
}

/**
 * The usernames a peer document holds. Documents written here carry `usernames` with the
 * main one first; a document whose `username` disagrees was rewritten since by a Python
 * process (which knows only `username`), so its array is stale and only `username` counts.
 */
export function docUsernames(d: Doc): { names: string[]; ours: boolean } {
  const main = typeof d.username === "string" ? d.username : null;
  if (Array.isArray(d.usernames) && (d.usernames[0] ?? null) === main) {
    return { names: d.usernames.filter((u: unknown) => typeof u === "string"), ours: true };
  }
  return { names: main === null ? [] : [main], ours: false };
}

export function peerFromDoc(d: Doc, names: string[]): PeerRecord {
  return {
    id: num(d._id)!,
    accessHash: long(d.access_hash),
    type: d.type as PeerType,
    usernames: names,
    phoneNumber: typeof d.phone_number === "string" ? d.phone_number : null,
    lastUpdateOn: num(d.last_update_on) ?? 0,
  };
}

/** The fields of a peer document, in Pyrofork's names (`usernames` is this engine's). */
export function peerFields(p: PeerRecord): Doc {
  return {
    access_hash: p.accessHash,
    type: p.type,
    username: p.usernames[0] ?? null,
    usernames: p.usernames,
    phone_number: p.phoneNumber,
    last_update_on: int(p.lastUpdateOn),
  };
}

/** Channel pts rows are keyed by the marked id (−100…), as Irenogram keys them. */
export function channelKey(channelId: unknown): number | bigint {
  checkPeerId(channelId);
  const id = channelId as number;
  if (id > 0 && id < MARKED_CHANNEL_BASE) return int(-(MARKED_CHANNEL_BASE + id));
  if (id < -MARKED_CHANNEL_BASE) return int(id);
  throw invalid("a channel id must be a bare channel id or a marked one (−100…)");
}
