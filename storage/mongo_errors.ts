/**
 * How the MongoDB engine classifies what the driver throws: every connectivity failure (no
 * server, a dropped or frozen connection, an operation past its deadline) is
 * `STORAGE_UNAVAILABLE`; bad settings are `STORAGE_INVALID_ARGUMENT`; the rest is
 * `STORAGE_ERROR`. Messages never carry credentials. Also loads the optional driver.
 *
 * @module
 */
import { StorageError } from "./errors.ts";

/** What `import("mongodb")` gives (the engine uses only `MongoClient`). */
export type MongoDriver = typeof import("mongodb");

/**
 * Imports the `mongodb` driver, an optional peer dependency: when it is not installed, a
 * {@link StorageError} with code `STORAGE_DRIVER_MISSING` says how to install it. `load` is for
 * tests.
 */
export async function importDriver(
  load: () => Promise<MongoDriver> = () => import("mongodb"),
): Promise<MongoDriver> {
  try {
    return await load();
  } catch (e) {
    throw new StorageError(
      "MongoStorage needs the `mongodb` package, which is not installed: run `npm i mongodb` " +
        "(Bun: `bun add mongodb`, Deno: `deno add npm:mongodb`)",
      { code: "STORAGE_DRIVER_MISSING", cause: e },
    );
  }
}

/** MongoDB error codes: duplicate key (a concurrent upsert won the race). */
export const DUPLICATE_KEY = 11000;

/** Removes credentials from anything that looks like a connection string. */
export function redactUrl(text: string): string {
  // Greedy up to the last "@" of the authority: a password may itself contain "@".
  return text.replace(/(mongodb(?:\+srv)?:\/\/)[^\s/?#]*@/gi, "$1***@");
}

/** A bad argument (name, URL, option, value). */
export function invalid(message: string): StorageError {
  return new StorageError(message, { code: "STORAGE_INVALID_ARGUMENT" });
}

/** Driver error classes (and their subclasses) that mean "no usable server". */
const UNREACHABLE = new Set([
  "MongoServerSelectionError",
  "MongoNetworkError",
  "MongoTopologyClosedError",
  "MongoNotConnectedError",
  "MongoClientClosedError",
  "MongoPoolClearedError",
  "MongoPoolClosedError",
  // An operation that ran out of its time (the client's `timeoutMS`, or a socket timeout): a
  // frozen or unreachable server, not a failed command.
  "MongoOperationTimeoutError",
  "MongoNetworkTimeoutError",
]);

/** Socket errors that can surface unwrapped (seen under Deno's node:net). */
const SOCKET_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
]);

/** The class names along an error's prototype chain (duplicated driver copies break instanceof). */
function classNames(e: unknown): string[] {
  const names: string[] = [];
  for (let p = e; p && typeof p === "object" && names.length < 12; p = Object.getPrototypeOf(p)) {
    const name = (p as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof name === "string") names.push(name);
  }
  return names;
}

/**
 * Turns anything the driver throws into a {@link StorageError} whose message carries no
 * credentials. The driver's error is not kept as `cause`: printed errors show their cause,
 * and a driver message could echo a connection string.
 */
export function toStorageError(e: unknown, what: string): StorageError {
  if (e instanceof StorageError) return e;
  const err = e as { name?: unknown; message?: unknown; code?: unknown };
  const name = typeof err?.name === "string" ? err.name : "Error";
  const detail = redactUrl(String(err?.message ?? e)).slice(0, 500);
  // A bulk write that lost its connection throws MongoBulkWriteError, not a network error
  // class; only the socket code in its message tells.
  const socket = (typeof err?.code === "string" && SOCKET_CODES.has(err.code)) ||
    (detail.match(/\bE[A-Z]+\b/g) ?? []).some((c) => SOCKET_CODES.has(c));
  // The driver labels every connectivity failure "NetworkError" (also when it wraps one in
  // another class, e.g. "interrupted due to server monitor timeout").
  const labels = (e as { errorLabels?: unknown })?.errorLabels;
  const network = (labels instanceof Set || Array.isArray(labels)) &&
    [...labels].includes("NetworkError");
  if (socket || network || classNames(e).some((n) => UNREACHABLE.has(n))) {
    return new StorageError(`MongoDB is unreachable (${what}): ${name}: ${detail}`, {
      code: "STORAGE_UNAVAILABLE",
    });
  }
  if (name === "MongoParseError" || name === "MongoInvalidArgumentError") {
    return invalid(`MongoDB rejected the connection settings: ${detail}`);
  }
  const code = typeof err?.code === "number" ? ` (code ${err.code})` : "";
  return new StorageError(`MongoDB ${what} failed: ${name}${code}: ${detail}`);
}

export function isDuplicateKey(e: unknown): boolean {
  return (e as { code?: unknown })?.code === DUPLICATE_KEY;
}

/** The per-operation errors of a failed bulk write or insertMany (index into the batch). */
export function writeErrors(e: unknown): { code: number; index: number }[] {
  const errors = (e as { writeErrors?: unknown }).writeErrors;
  const list = Array.isArray(errors) ? errors : errors ? [errors] : [];
  return list as { code: number; index: number }[];
}
