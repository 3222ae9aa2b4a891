/**
 * Queries in and results out at a client's layer. This first version speaks layer 224 (tl/'s
 * schema) to every client whatever it declared; the world's owner extends it with the few
 * constructors that differ at the layers of foreign clients.
 *
 * @module
 */
import { type AnyFunction, deserialize, TlError, TlWriter } from "../../tl/mod.ts";

/**
 * Decodes one query (an API function, wrappers already removed) sent by a client at `layer`.
 *
 * @throws {TlError} when the bytes are not a known function at that layer.
 */
export function decodeQuery(bytes: Uint8Array, _layer: number): AnyFunction {
  const fn = deserialize(bytes) as AnyFunction;
  if (typeof fn._ !== "string") {
    throw new TlError("TL_UNEXPECTED_CONSTRUCTOR", "a query must be a TL function");
  }
  return fn;
}

const writer = new TlWriter(4096);

/** One value in TL: an object, a Bool, or a vector of objects, longs (bigint) or ints. */
function writeValue(w: TlWriter, value: unknown): void {
  if (typeof value === "boolean") w.bool(value);
  else if (Array.isArray(value)) {
    if (value.length > 0 && typeof value[0] === "bigint") w.vectorLong(value as bigint[]);
    else if (value.length > 0 && typeof value[0] === "number") w.vectorInt(value as number[]);
    else w.vectorObject(value as { _: string }[]);
  } else w.object(value as { _: string });
}

/**
 * Encodes a result (or an update) for a client at `layer`: a TL object, `true`/`false` (Bool) or
 * an array (Vector).
 *
 * @throws {TlError} when the value cannot be written.
 */
export function encodeObject(obj: unknown, _layer: number): Uint8Array {
  writer.reset(1 << 20);
  writeValue(writer, obj);
  return writer.result();
}
