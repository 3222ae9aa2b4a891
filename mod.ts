/**
 * irenogram: a Telegram MTProto client library for Deno, Bun and Node, with a Rust core
 * compiled to WebAssembly and the session storage engines of the Python library Irenogram.
 *
 * @module
 */
export { VERSION } from "./version.ts";
export { IrenogramError } from "./errors.ts";
export { Client } from "./client/client.ts";
export type { ClientOptions } from "./client/options.ts";
export type * as Api from "./tl/gen/types.ts";
export { TlError, type TlErrorCode } from "./tl/tl_error.ts";
export { rpcErrorFromServer } from "./tl/rpc_errors.ts";
export { RpcError } from "./tl/rpc_error.ts";
export * from "./tl/gen/rpc_errors.ts";
export { CoreError, type CoreErrorCode } from "./core/errors.ts";
