/**
 * Every error class irenogram throws, in one entry: the base {@link IrenogramError}, the core's,
 * the transport's, the TL layer's, the storage engines', and one class per known Telegram RPC
 * error (about 900, generated from the schema; e.g. `FloodWait` for `FLOOD_WAIT_X`) under one
 * class per error code (`Flood` for 420, `BadRequest` for 400, …). The main entry keeps only the
 * bases and {@link RpcError.is}; import from here to test by class.
 *
 * @example
 * ```ts
 * import { FloodWait, RpcError } from "@x/irenogram/errors";
 * declare const err: unknown;
 * if (err instanceof FloodWait) console.log(`wait ${err.value} s`);
 * else if (RpcError.is(err, "PEER_ID_INVALID")) console.log("unknown chat");
 * ```
 *
 * @module
 */
export { IrenogramError } from "../errors.ts";
export {
  CoreError,
  type CoreErrorCode,
  TransportError,
  type TransportErrorCode,
} from "../core/errors.ts";
export { TlError, type TlErrorCode } from "../tl/tl_error.ts";
export * from "../tl/rpc_errors.ts";
export * from "../storage/errors.ts";
