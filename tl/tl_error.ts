import { IrenogramError } from "../errors.ts";

/**
 * Stable codes of {@link TlError}:
 * - `TL_TRUNCATED`: the input ends before the value being read (or a length/count points past it);
 * - `TL_UNKNOWN_CONSTRUCTOR`: a constructor id that is not in the schema (named in hex);
 * - `TL_UNEXPECTED_CONSTRUCTOR`: a known id where another was required (vector, Bool);
 * - `TL_INVALID_LENGTH`: a malformed `bytes`/`string` length prefix;
 * - `TL_TOO_DEEP`: objects nested deeper than any real Telegram object;
 * - `TL_GZIP_INVALID` / `TL_GZIP_TOO_LARGE`: a `gzip_packed` that does not inflate, or inflates
 *   beyond the limit; `TL_GZIP_UNSUPPORTED`: the runtime has no inflater (a browser);
 * - `TL_INVALID_VALUE`: a value that cannot be written (wrong type, out of range, missing field).
 */
export type TlErrorCode =
  | "TL_TRUNCATED"
  | "TL_UNKNOWN_CONSTRUCTOR"
  | "TL_UNEXPECTED_CONSTRUCTOR"
  | "TL_INVALID_LENGTH"
  | "TL_TOO_DEEP"
  | "TL_GZIP_INVALID"
  | "TL_GZIP_TOO_LARGE"
  | "TL_GZIP_UNSUPPORTED"
  | "TL_INVALID_VALUE";

/**
 * A TL value could not be read or written. Reading untrusted bytes only ever throws this.
 *
 * @example
 * ```ts
 * try {
 *   deserialize(bytes);
 * } catch (e) {
 *   if (e instanceof TlError && e.code === "TL_UNKNOWN_CONSTRUCTOR") console.warn(e.message);
 * }
 * ```
 */
export class TlError extends IrenogramError {
  declare readonly code: TlErrorCode;

  constructor(code: TlErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}

/** `0x1cb5c415` → `"0x1cb5c415"`. */
export function hexId(id: number): string {
  return "0x" + (id >>> 0).toString(16).padStart(8, "0");
}
