/**
 * The TL layer: plain-data objects for every constructor and function of the schema (types in
 * the `Api` namespace), their straight-line (de)serialisers, reader/writer classes for the session
 * layer, and typed RPC errors.
 *
 * Values: `int`/`double` → `number`, `long` → `bigint`, `bytes`/`int128`/`int256` →
 * `Uint8Array` (int128/int256 as their 16/32 wire bytes), `string` → `string` (UTF-8), `Bool` and
 * `flags.N?true` → `boolean`, `Vector<T>` → arrays. Objects carry their TL name in `_` and
 * camelCase fields; `flags` words are computed when writing and absent from objects.
 *
 * @example
 * ```ts
 * const bytes = serialize({ _: "ping", pingId: 42n });
 * const pong = deserialize(bytes); // { _: "ping", pingId: 42n }
 * ```
 *
 * @module
 */
import { TlReader } from "./reader.ts";
import { TlWriter } from "./writer.ts";
import { TlError } from "./tl_error.ts";
import { rpcErrorFromServer } from "./rpc_errors.ts";
import { installReaderGroups, installWriterGroups } from "./dispatch.ts";
import { GZIP_PACKED_ID, RPC_ERROR_ID } from "./ids.ts";
import { genericFunctions, readerGroups, resultReaders } from "./gen/read.js";
import { writerGroups } from "./gen/write.js";
import type { AnyFunction, AnyTlObject, GzipPacked, ResultOf } from "./gen/types.ts";

export type * as Api from "./gen/types.ts";
export type { AnyFunction, AnyObject, AnyTlObject, ResultOf } from "./gen/types.ts";
export type { ContainerMessage } from "./service_objects.ts";
export { TlReader } from "./reader.ts";
export { TlWriter } from "./writer.ts";
export { TlError, type TlErrorCode } from "./tl_error.ts";
export { LAYER } from "./gen/layer.ts";
export { ids } from "./gen/write.js";
export * from "./rpc_errors.ts";
export {
  BOOL_FALSE_ID,
  BOOL_TRUE_ID,
  GZIP_PACKED_ID,
  MSG_CONTAINER_ID,
  RPC_ERROR_ID,
  RPC_RESULT_ID,
  VECTOR_ID,
} from "./ids.ts";

// The top of tl/ assembles the dispatch: the generated groups go to the primitives' tables here,
// once, so that the primitives never import the generated code (which imports them). Each group
// is installed when first needed (tl/dispatch.ts).
installReaderGroups(readerGroups);
installWriterGroups(writerGroups);
const shared = new TlWriter(64 * 1024);

/**
 * Serialises one object or function, boxed (with its constructor id).
 *
 * @throws {TlError} `TL_INVALID_VALUE` when the object cannot be written (unknown `_`, a missing
 * or mistyped field).
 */
export function serialize(obj: AnyTlObject | GzipPacked): Uint8Array {
  const w = shared;
  w.reset();
  try {
    w.object(obj);
  } catch (e) {
    if (e instanceof TlError) throw e;
    throw new TlError(
      "TL_INVALID_VALUE",
      `cannot serialise ${(obj as { _?: unknown })?._}: ${(e as Error).message}`,
      { cause: e },
    );
  }
  const out = w.result();
  w.reset(1 << 20);
  return out;
}

/**
 * Deserialises one boxed object or function (inflating `gzip_packed` transparently).
 * `bytes`/`int128`/`int256` fields are views into `bytes`: keep it unchanged while they are used
 * (and copy the ones kept for long, as they keep `bytes` alive, as ASCII strings keep alive one
 * string of the input's size).
 *
 * @throws {TlError} on any malformed input (truncated, unknown constructor, bad length, …).
 */
export function deserialize(bytes: Uint8Array): AnyTlObject {
  const value = new TlReader(bytes).object();
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TlError("TL_UNEXPECTED_CONSTRUCTOR", `expected a TL object, got a ${typeof value}`);
  }
  return value as AnyTlObject;
}

/** The innermost query of generic wrappers (`invokeWithLayer(initConnection(q))` → `q`). */
function innermost(fn: AnyFunction): AnyFunction {
  let f = fn;
  while (genericFunctions.has(f._)) f = (f as { query: AnyFunction }).query;
  return f;
}

/**
 * Decodes the result of `fn` (the `result` of its `rpc_result`), typed by the function. An
 * `rpc_error` is thrown as the matching {@link RpcError}; `gzip_packed` is inflated.
 *
 * @example
 * ```ts
 * import { type Api, readResult } from "./mod.ts";
 * const request: Api.MessagesGetMessagesViews = {
 *   _: "messages.getMessagesViews",
 *   peer: { _: "inputPeerSelf" },
 *   id: [1, 2],
 *   increment: false,
 * };
 * // `result`: the rpc_result's result for this request
 * function views(result: Uint8Array): Api.MessagesMessageViews {
 *   return readResult(request, result);
 * }
 * ```
 */
export function readResult<F extends AnyFunction>(
  fn: F,
  input: Uint8Array | TlReader,
): ResultOf<F> {
  let r = input instanceof TlReader ? input : new TlReader(input);
  const target = innermost(fn);
  let id = r.peekUint();
  if (id === GZIP_PACKED_ID) {
    r.uint();
    r = r.gunzip();
    id = r.peekUint();
  }
  if (id === RPC_ERROR_ID) {
    const e = r.object() as { errorCode: number; errorMessage: string };
    throw rpcErrorFromServer(e.errorCode, e.errorMessage, target._);
  }
  const special = resultReaders.get(target._);
  return (special ? special(r) : r.object()) as ResultOf<F>;
}
