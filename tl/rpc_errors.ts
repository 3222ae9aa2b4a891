/**
 * Typed RPC errors: every error of `tl/schema/errors/*.tsv` as a class (generated), and
 * {@link rpcErrorFromServer}, which turns a server's `rpc_error` into the right one.
 *
 * @module
 */
import { RpcError, splitNumbered } from "./rpc_error.ts";
import { rpcCodeClasses, rpcErrorClasses } from "./gen/rpc_errors.js";

export * from "./gen/rpc_errors.js";
export { RpcError };

/**
 * The error for a server's `rpc_error`: the generated class when the error is known (numbered
 * variants such as `FLOOD_WAIT_42` carry their number in `value`), otherwise the class of its
 * code (e.g. `Flood` for 420) or a plain {@link RpcError}.
 *
 * @example
 * ```ts
 * import { FloodWait, rpcErrorFromServer } from "./rpc_errors.ts";
 * const e = rpcErrorFromServer(420, "FLOOD_WAIT_42");
 * e instanceof FloodWait; // true
 * e.value; // 42
 * ```
 */
export function rpcErrorFromServer(code: number, message: string, method?: string): RpcError {
  const text = message.trim();
  const exact = rpcErrorClasses.get(`${code} ${text}`);
  if (exact) return new exact(text, undefined, method);
  const [id, value] = splitNumbered(text);
  if (value !== undefined) {
    const numbered = rpcErrorClasses.get(`${code} ${id}`);
    if (numbered) return new numbered(text, value, method);
  }
  const base = rpcCodeClasses.get(code) ?? rpcCodeClasses.get(-code);
  if (base) return new base(text, undefined, method);
  return new RpcError(text, undefined, method, code);
}
