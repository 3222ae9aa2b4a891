import { IrenogramError } from "../errors.ts";

/** The stable codes of {@link ClientError}. */
export type ClientErrorCode =
  /** An option has the wrong type or an impossible value (the message names it). */
  | "CLIENT_INVALID_OPTION"
  /** Logging in needs a value (phone number, code, password, name) that was not given and
   * cannot be asked for because stdin is not a terminal. */
  | "CLIENT_INPUT_REQUIRED"
  /** A method that needs a started (connected, logged-in) client was called before `start()`. */
  | "CLIENT_NOT_STARTED"
  /** `start()` on a client that is already started. */
  | "CLIENT_ALREADY_STARTED"
  /** A peer (id, username or phone number) is unknown to the storage and to Telegram. */
  | "CLIENT_PEER_NOT_FOUND"
  /** The server asked for a 2FA password with an algorithm this library does not implement,
   * or sent SRP parameters that fail the safety checks. */
  | "CLIENT_PASSWORD_UNSUPPORTED"
  /** The server sent something login cannot go on with (e.g. a code for a bot token). */
  | "CLIENT_LOGIN_FAILED"
  /** The connection layer (mtproto/) is not available in this build. */
  | "CLIENT_NO_TRANSPORT"
  /** `transport: "websocket"` on a runtime without a WebSocket (Node before 22) and no
   * `webSocket` option: the message says to pass the `ws` package's. */
  | "CLIENT_WEBSOCKET_MISSING";

/**
 * An error of the {@link Client} itself (not Telegram's: those are `RpcError` classes, and not
 * the storage's: `StorageError`). Messages never contain secrets.
 *
 * @example
 * ```ts
 * import { Client } from "./client.ts";
 * const app = new Client("my_account");
 * try {
 *   await app.start();
 * } catch (e) {
 *   if (e instanceof ClientError && e.code === "CLIENT_INPUT_REQUIRED") console.error(e.message);
 * }
 * ```
 */
export class ClientError extends IrenogramError {
  /** The stable code of this error. */
  declare readonly code: ClientErrorCode;
  /** An error with a message that holds no secret. */
  constructor(code: ClientErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
