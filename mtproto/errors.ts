import { IrenogramError } from "../errors.ts";

/**
 * Stable codes of {@link MtprotoError}:
 * - `MTPROTO_CLOSED`: the client was closed (pending requests reject with this).
 * - `MTPROTO_TIMEOUT`: a request got no answer within its timeout.
 * - `MTPROTO_ABORTED`: a request's `AbortSignal` fired.
 * - `MTPROTO_HANDSHAKE_FAILED`: the auth-key exchange failed (dh_gen_fail, retries exhausted,
 *   a malformed answer).
 * - `MTPROTO_SECURITY`: the server failed a check of the security guidelines (wrong nonce or
 *   new_nonce hash, unsafe dh_prime, g or g_a out of range, no configured key fingerprint).
 * - `MTPROTO_CONNECTION_FAILED`: no connection could be made (after the retries of a request).
 * - `MTPROTO_AUTH_KEY_UNKNOWN`: the server does not know the auth key (transport error -404).
 * - `MTPROTO_BAD_MESSAGE`: the server refused a request as malformed (bad_msg_notification
 *   that resending cannot fix, or a transport error).
 * - `MTPROTO_BAD_OPTIONS`: an invalid option (unknown DC, bad proxy secret, …).
 * - `MTPROTO_UNSUPPORTED`: a feature this build does not have (a WebSocket on
 *   a runtime without one).
 */
export type MtprotoErrorCode =
  | "MTPROTO_CLOSED"
  | "MTPROTO_TIMEOUT"
  | "MTPROTO_ABORTED"
  | "MTPROTO_HANDSHAKE_FAILED"
  | "MTPROTO_SECURITY"
  | "MTPROTO_CONNECTION_FAILED"
  | "MTPROTO_AUTH_KEY_UNKNOWN"
  | "MTPROTO_BAD_MESSAGE"
  | "MTPROTO_BAD_OPTIONS"
  | "MTPROTO_UNSUPPORTED";

/**
 * A failure of the MTProto layer (not an RPC error: those are tl/'s `RpcError` classes).
 * Messages never contain keys, nonces or other secrets.
 *
 * @example
 * ```ts
 * function retryable(e: unknown): boolean {
 *   return e instanceof MtprotoError &&
 *     (e.code === "MTPROTO_TIMEOUT" || e.code === "MTPROTO_CONNECTION_FAILED");
 * }
 * retryable(new MtprotoError("MTPROTO_TIMEOUT", "no answer to help.getConfig within 5000 ms")); // true
 * ```
 */
export class MtprotoError extends IrenogramError {
  /** Which failure this is. */
  declare readonly code: MtprotoErrorCode;

  /** `message` must hold no secret (it is shown to users and logged). */
  constructor(code: MtprotoErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
