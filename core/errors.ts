import { IrenogramError } from "../errors.ts";

/**
 * Stable codes of {@link CoreError}:
 * - `CORE_NOT_INITIALIZED`: a function ran before `await initCore()`.
 * - `CORE_BAD_INPUT`: a wrong type or a wrong length (key, IV, block multiple, range).
 * - `CORE_OUT_OF_MEMORY`: the WebAssembly memory could not grow.
 * - `CORE_AUTH_KEY_ID_MISMATCH`, `CORE_MSG_KEY_MISMATCH`, `CORE_BAD_PADDING`,
 *   `CORE_BAD_DATA_LENGTH`, `CORE_BAD_MESSAGE_LENGTH`: an MTProto message failed a check on opening.
 * - `CORE_HASH_MISMATCH`: a DH answer decrypted with the temporary key has a wrong SHA-1.
 * - `CORE_NOT_FOUND`: pq has no factorisation into two primes that the search found.
 * - `CORE_DH_BAD_PRIME`, `CORE_DH_BAD_G`, `CORE_DH_BAD_VALUE`: a Diffie-Hellman safety check failed.
 * - `CORE_INTERNAL`: the WebAssembly core trapped (a bug; the message says where).
 */
export type CoreErrorCode =
  | "CORE_NOT_INITIALIZED"
  | "CORE_BAD_INPUT"
  | "CORE_OUT_OF_MEMORY"
  | "CORE_AUTH_KEY_ID_MISMATCH"
  | "CORE_MSG_KEY_MISMATCH"
  | "CORE_BAD_PADDING"
  | "CORE_BAD_DATA_LENGTH"
  | "CORE_BAD_MESSAGE_LENGTH"
  | "CORE_HASH_MISMATCH"
  | "CORE_NOT_FOUND"
  | "CORE_DH_BAD_PRIME"
  | "CORE_DH_BAD_G"
  | "CORE_DH_BAD_VALUE"
  | "CORE_INTERNAL";

/**
 * An error of the WebAssembly core: bad input, or a message or DH value that failed a check.
 *
 * @example
 * ```ts
 * try {
 *   openMessage(authKey, bytes, "server");
 * } catch (e) {
 *   if (e instanceof CoreError && e.code === "CORE_MSG_KEY_MISMATCH") dropConnection();
 * }
 * ```
 */
export class CoreError extends IrenogramError {
  declare readonly code: CoreErrorCode;

  constructor(code: CoreErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
