/** How much a {@link Logger} writes: each level includes the ones before it. */
export type LogLevel = "silent" | "error" | "warn" | "info" | "debug";

const ranks: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** Field names whose values are never written, whatever the caller passes. */
const SECRET = /key|hash|token|secret|password|nonce|session_?string|salt/i;

function show(value: unknown): string {
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Error) {
    return `${value.name}${
      (value as { code?: string }).code ? `(${(value as { code?: string }).code})` : ""
    }: ${value.message}`;
  }
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" && value !== null) {
    return `<${(value as { _?: string })._ ?? "object"}>`;
  }
  return String(value);
}

/**
 * A small levelled logger, silent by default. Lines look like
 * `2026-12-05T06:00:00.000Z info connected dc=2 transport="obfuscated"`. Byte arrays are
 * written as their length only, objects as their TL name, and fields whose names suggest a
 * secret (`authKey`, `apiHash`, `token`, …) as `<hidden>`, so no secret reaches a log line.
 *
 * @example
 * ```ts
 * const logger = new Logger("debug", (line) => console.error(line));
 * logger.info("connected", { dc: 2 });
 * ```
 */
export class Logger {
  /** The level this logger writes at and above. */
  readonly level: LogLevel;
  readonly #rank: number;
  readonly #sink: (line: string) => void;

  /** `sink` receives each line (default `console.error`). */
  constructor(level: LogLevel = "silent", sink: (line: string) => void = (l) => console.error(l)) {
    if (!(level in ranks)) throw new TypeError(`unknown log level ${String(level)}`);
    this.level = level;
    this.#rank = ranks[level];
    this.#sink = sink;
  }

  /** Whether lines of `level` are written (to skip building costly fields). */
  enabled(level: Exclude<LogLevel, "silent">): boolean {
    return ranks[level] <= this.#rank;
  }

  #write(level: Exclude<LogLevel, "silent">, msg: string, fields?: Record<string, unknown>) {
    if (ranks[level] > this.#rank) return;
    let line = `${new Date().toISOString()} ${level} ${msg}`;
    if (fields !== undefined) {
      for (const [k, v] of Object.entries(fields)) {
        line += ` ${k}=${SECRET.test(k) ? "<hidden>" : show(v)}`;
      }
    }
    try {
      this.#sink(line);
    } catch { /* a failing sink must not break the connection */ }
  }

  /** A line for developers (sent, received, state changes). */
  debug(msg: string, fields?: Record<string, unknown>): void {
    this.#write("debug", msg, fields);
  }
  /** A line about normal events (connected, key created). */
  info(msg: string, fields?: Record<string, unknown>): void {
    this.#write("info", msg, fields);
  }
  /** A line about trouble the layer recovers from (a refused message, a reconnect). */
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.#write("warn", msg, fields);
  }
  /** A line about a failure. */
  error(msg: string, fields?: Record<string, unknown>): void {
    this.#write("error", msg, fields);
  }
}
