import { IrenogramError } from "../errors.ts";
import type { RpcErrorId } from "./gen/rpc_errors.js";

/** `FLOOD_WAIT_42` → `["FLOOD_WAIT_X", 42]`: the first all-digit part becomes `X`. */
export function splitNumbered(message: string): [id: string, value: number | undefined] {
  const parts = message.split("_");
  for (let i = 0; i < parts.length; i++) {
    if (/^\d+$/.test(parts[i])) {
      const value = Number(parts[i]);
      parts[i] = "X";
      return [parts.join("_"), value];
    }
  }
  return [message, undefined];
}

/**
 * An error the Telegram server answered a request with (`rpc_error`). Every known error has its
 * own generated class (e.g. `FloodWait`), under one class per error code (e.g. `Flood` for 420),
 * under this one; build them from the server's answer with `rpcErrorFromServer`.
 *
 * - `errorCode`: the numeric code, e.g. `420`;
 * - `id` (also `code`): the error's name with `X` for its number, e.g. `"FLOOD_WAIT_X"`;
 * - `value`: that number, e.g. `42` for `FLOOD_WAIT_42`;
 * - `serverMessage`: what the server sent, e.g. `"FLOOD_WAIT_42"`.
 *
 * @example
 * ```ts
 * import { RpcError } from "@x/irenogram";
 * import { FloodWait } from "@x/irenogram/errors";
 * // `send`: any call that reaches Telegram
 * async function sendPolitely(send: () => Promise<void>): Promise<void> {
 *   try {
 *     await send();
 *   } catch (e) {
 *     if (e instanceof FloodWait) await new Promise((ok) => setTimeout(ok, e.value! * 1000));
 *     else if (RpcError.is(e, "PEER_ID_INVALID")) console.warn("unknown chat");
 *     else throw e;
 *   }
 * }
 * ```
 */
export class RpcError extends IrenogramError {
  /** The error code of this class of errors (set on each code's class). */
  static readonly CODE: number | undefined = undefined;
  /** The error's id with `X` for its number (set on each error's class). */
  static readonly ID: string | undefined = undefined;
  /** What the error means, with `{value}` for its number (set on each error's class). */
  static readonly DESCRIPTION: string | undefined = undefined;

  /** The numeric error code, e.g. `420`. */
  readonly errorCode: number;
  /** The error's id with `X` standing for its number, e.g. `"FLOOD_WAIT_X"`. */
  readonly id: string;
  /** The number carried by numbered errors (`FLOOD_WAIT_42` → `42`). */
  readonly value: number | undefined;
  /** The message as the server sent it, e.g. `"FLOOD_WAIT_42"`. */
  readonly serverMessage: string;
  /** The function that failed, when known, e.g. `"messages.sendMessage"`. */
  readonly method: string | undefined;

  /**
   * An error as the server reported it (usually made by `rpcErrorFromServer`, which picks the
   * class).
   *
   * @param serverMessage what the server sent (defaults to the class's id)
   * @param value the error's number, found in `serverMessage` when not given
   * @param method the TL name of the function that failed
   * @param errorCode the code, for errors whose class does not fix one
   */
  constructor(serverMessage?: string, value?: number, method?: string, errorCode?: number) {
    const cls = new.target as typeof RpcError;
    const code = cls.CODE ?? errorCode ?? 0;
    const raw = serverMessage ?? cls.ID ?? "UNKNOWN";
    const [found, number] = splitNumbered(raw);
    const id = cls.ID ?? found;
    const v = value ?? (id.split("_").includes("X") ? number : undefined);
    const description = cls.DESCRIPTION?.replaceAll("{value}", String(v ?? "X"));
    const text = `[${code} ${id}] ${description ?? raw}` + (method ? ` (caused by ${method})` : "");
    super(id, text);
    this.errorCode = code;
    this.id = id;
    this.value = v;
    this.serverMessage = raw;
    this.method = method;
  }

  /**
   * Whether `err` is an RPC error of the given kind: an error id (`"FLOOD_WAIT_X"`, numbered
   * errors with `X`; the names of the generated classes, listed in the `./errors` entry, are
   * derived from these), the exact message the server sent (`"FLOOD_WAIT_42"`), or an error code
   * (`420`). Unknown ids are accepted too: the server may send errors newer than the schema.
   *
   * @example
   * ```ts
   * import { RpcError, rpcErrorFromServer } from "@x/irenogram";
   * const err: unknown = rpcErrorFromServer(420, "FLOOD_WAIT_42");
   * if (RpcError.is(err, "FLOOD_WAIT_X")) console.log(`wait ${err.value} s`); // wait 42 s
   * if (RpcError.is(err, 420)) console.log("flood");
   * ```
   */
  // deno-lint-ignore ban-types
  static is(err: unknown, kind: RpcErrorId | (string & {}) | number): err is RpcError {
    if (!(err instanceof RpcError)) return false;
    if (typeof kind === "number") return err.errorCode === kind;
    return err.id === kind || err.serverMessage === kind;
  }
}
