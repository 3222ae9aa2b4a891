/**
 * The errors TestServer's own API throws (scripting mistakes, not protocol events: those are
 * answered on the wire as Telegram does).
 *
 * @module
 */
import { IrenogramError } from "../../errors.ts";

/**
 * Stable codes of {@link TestServerError}:
 * - `TESTSERVER_NO_SUCH_DC`: a DC id outside the server's DCs 1–5.
 * - `TESTSERVER_BAD_ARGUMENT`: an argument of the wrong shape (an auth key not 256 bytes, …).
 * - `TESTSERVER_UNSUPPORTED`: the server's world has no such scripting method.
 * - `TESTSERVER_BAD_KEY`: the RSA key given is not a 2048-bit key.
 */
export type TestServerErrorCode =
  | "TESTSERVER_NO_SUCH_DC"
  | "TESTSERVER_BAD_ARGUMENT"
  | "TESTSERVER_UNSUPPORTED"
  | "TESTSERVER_BAD_KEY";

/**
 * A mistake in a call to the TestServer's API.
 *
 * @example
 * ```ts
 * import { TestServer, TestServerError } from "@x/irenogram/testing";
 * await using server = await TestServer.start();
 * try {
 *   server.wsUrl(7);
 * } catch (e) {
 *   if (e instanceof TestServerError) console.log(e.code); // "TESTSERVER_NO_SUCH_DC"
 * }
 * ```
 */
export class TestServerError extends IrenogramError {
  /** The stable code of this error. */
  declare readonly code: TestServerErrorCode;

  /** An error with a message that holds no secret. */
  constructor(code: TestServerErrorCode, message: string) {
    super(code, message);
  }
}
