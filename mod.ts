/**
 * irenogram: a Telegram MTProto client library for Deno, Bun and Node, with a Rust core
 * compiled to WebAssembly and the session storage engines of the Python library Irenogram.
 *
 * @module
 */
export { VERSION } from "./version.ts";
export { IrenogramError } from "./errors.ts";
export { Client } from "./client/client.ts";
export type {
  InvokeOptions,
  MessageFilter,
  MessageHandler,
  PeerLike,
  SendMessageOptions,
  UpdateContext,
  UpdateHandler,
} from "./client/client.ts";
export type {
  ClientOptions,
  DcOption,
  Input,
  LoggerLike,
  LogLevel,
  TransportName,
  WebSocketClass,
} from "./client/options.ts";
export { ClientError, type ClientErrorCode } from "./client/errors.ts";
export { peerId } from "./client/peers.ts";
export { computePasswordCheck } from "./client/srp.ts";
export { Logger } from "./mtproto/mod.ts";
export { MtprotoError, type MtprotoErrorCode } from "./mtproto/mod.ts";
export type * as Api from "./tl/gen/types.ts";
export { TlError, type TlErrorCode } from "./tl/tl_error.ts";
export { rpcErrorFromServer } from "./tl/rpc_errors.ts";
export { RpcError } from "./tl/rpc_error.ts";
export type { RpcErrorId } from "./tl/gen/rpc_errors.js";
// The ~900 classes of the known RPC errors (and every other error class) live in the "./errors"
// entry, also reachable here as one namespace: `err instanceof errors.FloodWait`.
export * as errors from "./errors/mod.ts";
export {
  CoreError,
  type CoreErrorCode,
  TransportError,
  type TransportErrorCode,
} from "./core/errors.ts";
export type { Frame } from "./core/framing.ts";
// The MongoDB engine loads the `mongodb` driver only in open(), never on import.
export { MongoStorage } from "./storage/mongo.ts";
export type { MongoStorageOptions } from "./storage/mongo.ts";
// Session storage: the engines, the interface they share and their errors. SQLite (native, or
// SQLite WASM where the runtime has none) is loaded only when a SqliteStorage opens.
export { SqliteStorage } from "./storage/sqlite.ts";
export type { SqliteStorageOptions } from "./storage/sqlite.ts";
export type { SqliteDriverChoice, SqliteDriverName } from "./storage/sqlite_driver.ts";
export { MemoryStorage } from "./storage/memory.ts";
export { CachedStorage } from "./storage/peer_cache.ts";
export { CheckedStorage } from "./storage/checked.ts";
export {
  freshSession,
  isListableStorage,
  isStorage,
  USERNAME_TTL_SECONDS,
} from "./storage/storage.ts";
export type {
  ListableStorage,
  PeerRecord,
  PeerType,
  SessionData,
  Storage,
  UpdateState,
} from "./storage/storage.ts";
export {
  SessionFileError,
  SessionLockedError,
  SessionStringError,
  StorageError,
} from "./storage/errors.ts";
export type { StorageErrorCode } from "./storage/errors.ts";
export {
  decodeSessionString,
  encodeSessionString,
  parseSessionString,
} from "./storage/session_string.ts";
export type {
  ParsedSessionString,
  SessionStringData,
  SessionStringFormat,
} from "./storage/session_string.ts";
export { SessionStringStorage } from "./storage/session_string_storage.ts";
export { dcAddress, TELEGRAM_DCS } from "./storage/dcs.ts";
export type { DcAddress } from "./storage/dcs.ts";
