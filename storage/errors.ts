import { IrenogramError } from "../errors.ts";

/** A storage engine failed (I/O, database, driver). Base class of the storage errors. */
export class StorageError extends IrenogramError {
  constructor(message: string, options?: ErrorOptions & { code?: string }) {
    super(options?.code ?? "STORAGE_ERROR", message, options);
  }
}

/** A session string could not be read: wrong length, alphabet, layout or values. */
export class SessionStringError extends StorageError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, { ...options, code: "SESSION_STRING_INVALID" });
  }
}

/**
 * A session file was refused: not SQLite, SQLite but not a session, corrupt, or of a newer
 * schema than this version knows. The file is left untouched.
 */
export class SessionFileError extends StorageError {
  /** The file in question. */
  readonly path: string;
  constructor(path: string, message: string, options?: ErrorOptions) {
    super(message, { ...options, code: "SESSION_FILE_INVALID" });
    this.path = path;
  }
}

/** Another process (or another client in this process) holds the session file. */
export class SessionLockedError extends StorageError {
  /** The locked file. */
  readonly path: string;
  constructor(path: string, message = `session file ${path} is in use by another process`) {
    super(message, { code: "SESSION_LOCKED" });
    this.path = path;
  }
}
