/**
 * The root of every error irenogram throws.
 *
 * `code` is stable across releases: match on it (or on the class), never on the message.
 * Messages never contain secrets (auth keys, session strings, tokens, passwords).
 *
 * @example
 * ```ts
 * import { IrenogramError, MemoryStorage } from "@x/irenogram";
 * const storage = new MemoryStorage();
 * try {
 *   await storage.open();
 * } catch (e) {
 *   if (e instanceof IrenogramError && e.code === "SESSION_LOCKED") console.error(e.message);
 *   else throw e;
 * }
 * ```
 */
export class IrenogramError extends Error {
  /** Stable, machine-readable error code, e.g. `"SESSION_LOCKED"`. */
  readonly code: string;

  /** An error with a stable `code`; `message` is for people and holds no secret. */
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}
