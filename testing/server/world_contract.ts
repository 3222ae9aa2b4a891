/**
 * The contract between the protocol side of the TestServer (transports, handshake, encrypted
 * sessions) and the in-memory world behind it (users, bots, messages, updates). The protocol
 * unwraps each query and hands it to `World.handle`; the world pushes updates back through the
 * `UpdateSink` it receives in `World.attach`.
 *
 * @module
 */
import type { AnyFunction, AnyTlObject } from "../../tl/mod.ts";

/** What the world knows about the connection a query came from. */
export interface CallContext {
  /** The DC this connection serves. */
  dcId: number;
  /** The id of the auth key the query came encrypted with. */
  authKeyId: bigint;
  /** The client's MTProto session id. */
  sessionId: bigint;
  /** The user bound to this auth key (null before login). */
  userId: number | null;
  /** From invokeWithLayer (224 when never declared on this key). */
  layer: number;
  /** After sign-in/log-out; shared by all sessions on the key. */
  bindUser(userId: number | null): void;
}

/**
 * Thrown by `World.handle` to answer an `rpc_error` (e.g. `new RpcFailure(400, "USERNAME_INVALID")`).
 *
 * `code` is Telegram's numeric error code (not a string code like IrenogramError's): this error
 * never leaves the server, it becomes the `rpc_error` the client receives.
 */
export class RpcFailure extends Error {
  /** An rpc_error with Telegram's numeric `code` (e.g. 400) and `errorMessage` (e.g. `FLOOD_WAIT_5`). */
  constructor(readonly code: number, readonly errorMessage: string) {
    super(`${code} ${errorMessage}`);
    this.name = "RpcFailure";
  }
}

/** The in-memory Telegram world behind the protocol (implemented by server-world). */
export interface World {
  /** Answers one API function (already unwrapped from invokeWithLayer/initConnection/invokeWithoutUpdates). */
  handle(ctx: CallContext, fn: AnyFunction): Promise<unknown> | unknown; // throws RpcFailure → rpc_error
  /** Called by the protocol for each user; the world pushes updates through it. */
  attach(sink: UpdateSink): void;
}

/** How the world delivers updates to connected clients. */
export interface UpdateSink {
  /**
   * Deliver `updates` (an Updates object) to every live session of `userId` (all DCs); returns
   * how many sessions it went to (0: the user missed it), when the sink knows.
   */
  push(userId: number, updates: AnyTlObject): number | void;
}
