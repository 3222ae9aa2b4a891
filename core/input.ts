/** Checks on arguments shared by the wrappers: wrong input gives `CORE_BAD_INPUT`, never a trap. */
import { CoreError } from "./errors.ts";

/** Throws unless `value` is a `Uint8Array` (of `length` bytes when given). */
export function bytes(value: unknown, name: string, length?: number): Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new CoreError("CORE_BAD_INPUT", `${name} must be a Uint8Array`);
  }
  if (length !== undefined && value.length !== length) {
    throw new CoreError("CORE_BAD_INPUT", `${name} must be ${length} bytes, got ${value.length}`);
  }
  return value;
}

/** Throws unless `value` is a bigint. */
export function bigint(value: unknown, name: string): bigint {
  if (typeof value !== "bigint") throw new CoreError("CORE_BAD_INPUT", `${name} must be a bigint`);
  return value;
}
