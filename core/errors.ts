import { IrenogramError } from "../errors.ts";
import type { Frame } from "./framing.ts";

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

/**
 * Stable codes of {@link TransportError}:
 * - `TRANSPORT_FRAME_TOO_LARGE`: a frame longer than `maxFrameSize` (sent or announced).
 * - `TRANSPORT_BAD_LENGTH`: a length no valid frame has (zero, shorter than its envelope,
 *   abridged payload not a multiple of 4).
 * - `TRANSPORT_BAD_CRC`: full transport, the CRC32 does not match.
 * - `TRANSPORT_BAD_SEQNO`: full transport, an unexpected sequence number.
 * - `TRANSPORT_TRUNCATED`: the stream ended inside a frame or an init header.
 * - `TRANSPORT_SERVER_ERROR`: the server sent a transport error code ({@link TransportError.serverCode}).
 * - `TRANSPORT_BAD_HEADER`: not a valid (obfuscated) init header.
 * - `TRANSPORT_INVALID_ARGUMENT`: a bad option or argument, or a call the codec's side or state
 *   does not allow.
 * - `TRANSPORT_CLOSED`: the codec was freed, or failed before (a decoder stays failed).
 */
export type TransportErrorCode =
  | "TRANSPORT_FRAME_TOO_LARGE"
  | "TRANSPORT_BAD_LENGTH"
  | "TRANSPORT_BAD_CRC"
  | "TRANSPORT_BAD_SEQNO"
  | "TRANSPORT_TRUNCATED"
  | "TRANSPORT_SERVER_ERROR"
  | "TRANSPORT_BAD_HEADER"
  | "TRANSPORT_INVALID_ARGUMENT"
  | "TRANSPORT_CLOSED";

/**
 * A framing failure. A decoder that threw stays failed: the connection must be dropped.
 *
 * @example
 * ```ts
 * try {
 *   for (const frame of decoder.push(chunk)) handle(frame);
 * } catch (e) {
 *   if (e instanceof TransportError && e.code === "TRANSPORT_SERVER_ERROR" && e.serverCode === -404) {
 *     forgetAuthKey();
 *   }
 *   socket.close();
 * }
 * ```
 */
export class TransportError extends IrenogramError {
  declare readonly code: TransportErrorCode;
  /** `TRANSPORT_SERVER_ERROR`: the code the server sent, e.g. -404, -429, -444. */
  readonly serverCode?: number;
  /** Frames completely decoded from the same `push` before the failure, in order. */
  readonly frames: readonly Frame[];

  constructor(
    code: TransportErrorCode,
    message: string,
    extra: { serverCode?: number; frames?: readonly Frame[] } = {},
  ) {
    super(code, message);
    if (extra.serverCode !== undefined) this.serverCode = extra.serverCode;
    this.frames = extra.frames ?? [];
  }
}
