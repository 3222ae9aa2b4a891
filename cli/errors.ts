/**
 * The session tool's errors and the exit codes scripts can rely on. Every failure of a command
 * ends as one {@link CliError}: one line on stderr (no secret in it) and its exit code.
 *
 * @module
 */
import { IrenogramError } from "../errors.ts";

/** Stable codes of {@link CliError}, one per exit status. */
export type CliErrorCode =
  | "CLI_FAILED"
  | "CLI_USAGE"
  | "CLI_BAD_INPUT"
  | "CLI_LOCKED"
  | "CLI_EXISTS"
  | "CLI_UNAVAILABLE"
  | "CLI_MISMATCH";

/** Exit status of each outcome (documented in `irenogram --help`). */
export const EXIT_CODES: Readonly<Record<"CLI_OK" | CliErrorCode, number>> = Object.freeze({
  CLI_OK: 0,
  /** Anything unexpected (an I/O error, a bug). */
  CLI_FAILED: 1,
  /** Wrong command line: unknown command or option, missing argument. */
  CLI_USAGE: 2,
  /** The input is not a usable session: foreign, corrupt, unknown format, missing fields. */
  CLI_BAD_INPUT: 3,
  /** The session file is in use by another process. */
  CLI_LOCKED: 4,
  /** The destination exists and `--force` was not given. */
  CLI_EXISTS: 5,
  /** MongoDB could not be reached. */
  CLI_UNAVAILABLE: 6,
  /** The copy read back differs from its source (the destination was not kept). */
  CLI_MISMATCH: 7,
});

/**
 * A command failed in a way the user can act on.
 *
 * @example
 * ```ts
 * import { CliError, EXIT_CODES } from "./errors.ts";
 * const e = new CliError("CLI_USAGE", "missing SOURCE");
 * EXIT_CODES[e.code]; // 2
 * ```
 */
export class CliError extends IrenogramError {
  declare readonly code: CliErrorCode;
  constructor(code: CliErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }

  /** The process exit status for this error. */
  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

/** Storage error codes → the CLI's. */
const FROM_STORAGE: Record<string, CliErrorCode> = {
  SESSION_FILE_INVALID: "CLI_BAD_INPUT",
  SESSION_STRING_INVALID: "CLI_BAD_INPUT",
  STORAGE_VERSION_UNSUPPORTED: "CLI_BAD_INPUT",
  STORAGE_MIGRATION_FAILED: "CLI_BAD_INPUT",
  STORAGE_INVALID_ARGUMENT: "CLI_BAD_INPUT",
  SESSION_LOCKED: "CLI_LOCKED",
  STORAGE_UNAVAILABLE: "CLI_UNAVAILABLE",
};

/** Any thrown value as a {@link CliError} (typed library errors keep their message). */
export function toCliError(e: unknown): CliError {
  if (e instanceof CliError) return e;
  if (e instanceof IrenogramError) {
    return new CliError(FROM_STORAGE[e.code] ?? "CLI_FAILED", e.message, { cause: e });
  }
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new CliError("CLI_FAILED", `unexpected failure: ${message.slice(0, 300)}`, { cause: e });
}
