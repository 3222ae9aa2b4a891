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
export { CoreError, type CoreErrorCode } from "./core/errors.ts";
