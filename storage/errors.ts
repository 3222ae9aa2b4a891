import { IrenogramError } from "../errors.ts";

/**
 * Stable codes of {@link StorageError} and its subclasses (the README's table explains each):
 * - `STORAGE_INVALID_ARGUMENT`: a bad value handed to a storage (id, key, name, option).
 * - `STORAGE_CLOSED`: the storage is not open.
 * - `STORAGE_IO`: the file system or SQLite failed (disk full, permissions, …).
 * - `STORAGE_UNAVAILABLE`: the database server cannot be reached or stopped answering.
 * - `STORAGE_DRIVER_MISSING`: the optional `mongodb` package is not installed.
 * - `STORAGE_MIGRATION_FAILED`: bringing an older session file up to date failed (file unchanged).
 * - `STORAGE_VERSION_UNSUPPORTED`: a MongoDB session of a newer layout than this version knows.
 * - `STORAGE_CONFLICT`: concurrent writers kept changing what a write depends on.
 * - `STORAGE_NO_AUTH_KEY`: a session string was asked of a session that has no auth key yet.
 * - `STORAGE_ERROR`: any other failure the database reported.
 * - `SESSION_STRING_INVALID` ({@link SessionStringError}): a session string that cannot be read or
 *   written.
 * - `SESSION_FILE_INVALID` ({@link SessionFileError}): a session file refused or found damaged.
 * - `SESSION_LOCKED` ({@link SessionLockedError}): the session file is held by someone else.
 */
export type StorageErrorCode =
  | "STORAGE_INVALID_ARGUMENT"
  | "STORAGE_CLOSED"
  | "STORAGE_IO"
  | "STORAGE_UNAVAILABLE"
  | "STORAGE_DRIVER_MISSING"
  | "STORAGE_MIGRATION_FAILED"
  | "STORAGE_VERSION_UNSUPPORTED"
  | "STORAGE_CONFLICT"
  | "STORAGE_NO_AUTH_KEY"
  | "STORAGE_ERROR"
  | "SESSION_STRING_INVALID"
  | "SESSION_FILE_INVALID"
  | "SESSION_LOCKED";

/**
 * A storage engine failed (I/O, database, driver) or was given a bad value. Base class of the
 * storage errors; match on `code` ({@link StorageErrorCode}).
 *
 * @example
 * ```ts
 * function worthRetrying(e: unknown): boolean {
 *   return e instanceof StorageError && e.code === "STORAGE_UNAVAILABLE";
 * }
 * ```
 */
export class StorageError extends IrenogramError {
  declare readonly code: StorageErrorCode;
  constructor(message: string, options?: ErrorOptions & { code?: StorageErrorCode }) {
    super(options?.code ?? "STORAGE_ERROR", message, options);
  }
}

/** A session string could not be read (wrong length, alphabet, layout or values) or written. */
export class SessionStringError extends StorageError {
  declare readonly code: "SESSION_STRING_INVALID";
  constructor(message: string, options?: ErrorOptions) {
    super(message, { ...options, code: "SESSION_STRING_INVALID" });
  }
}

/**
 * A session file was refused (not SQLite, SQLite but not a session, corrupt, of a newer schema
 * than this version knows, implausible values) and left untouched, or damage was found in it
 * after it opened (a lookup whose index points at another row).
 */
export class SessionFileError extends StorageError {
  declare readonly code: "SESSION_FILE_INVALID";
  /** The file in question. */
  readonly path: string;
  constructor(path: string, message: string, options?: ErrorOptions) {
    super(message, { ...options, code: "SESSION_FILE_INVALID" });
    this.path = path;
  }
}

/** Another process (or another client in this process) holds the session file. */
export class SessionLockedError extends StorageError {
  declare readonly code: "SESSION_LOCKED";
  /** The locked file. */
  readonly path: string;
  constructor(path: string, message = `session file ${path} is in use by another process`) {
    super(message, { code: "SESSION_LOCKED" });
    this.path = path;
  }
}
