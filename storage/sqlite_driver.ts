/**
 * What the SQLite engine needs from an SQLite library, so that one engine (its checks,
 * migrations, durability rules and statements) runs on either driver: SQLite WASM (everywhere,
 * browsers included) or the runtime's native SQLite (`bun:sqlite`, Deno's `node:sqlite`,
 * better-sqlite3 on Node when installed), which opens a session in a fraction of the time.
 * Which one runs is decided here, once per process ({@link sqliteDriver}).
 *
 * @module
 */
import { StorageError } from "./errors.ts";
import { loadNativeDriver } from "./sqlite_native_driver.ts";
import { loadNativeSqlite } from "../runtime/sqlite_native.ts";

/** A value read from SQLite: integers as numbers (bigint beyond 2^53), blobs as Uint8Array. */
export type SqlValue = null | number | bigint | string | Uint8Array;

/** A value bound to a statement parameter. */
export type Bindable = null | number | bigint | string | Uint8Array;

/** The drivers by name: `"sqlite-wasm"` or the native module used. */
export type SqliteDriverName = "sqlite-wasm" | "bun:sqlite" | "node:sqlite" | "better-sqlite3";

/**
 * Which driver a {@link SqliteStorage} uses: `"auto"` (the default: native where the runtime
 * has it, else WASM), `"native"` (fails with `STORAGE_DRIVER_MISSING` where there is none) or
 * `"wasm"`.
 */
export type SqliteDriverChoice = "auto" | "native" | "wasm";

/**
 * How a connection opens its file:
 * - `"create"`: created when missing;
 * - `"readwrite"`: an existing file;
 * - `"readonly"`: nothing is ever written, locked or created, beside the file included (see
 *   {@link SqliteDriver.readOnly}).
 */
export type OpenMode = "create" | "readwrite" | "readonly";

/**
 * One prepared statement, reused across calls: bind every parameter, then `run()`, or `row()`
 * and read the columns, then `reset()` (or step with `row()` until it returns false).
 */
export interface SqliteStatement {
  /** Binds parameters 1…n. */
  bind(...values: Bindable[]): this;
  /** Executes a statement that returns no rows, then resets it. */
  run(): void;
  /** Steps to the next row: true when there is one, false (and reset) when there is none. */
  row(): boolean;
  reset(): void;
  isNull(i: number): boolean;
  /** The column's storage class: 1 integer, 2 float, 3 text, 4 blob, 5 null. */
  type(i: number): number;
  /** An integer column as bigint (a TL long). */
  int64(i: number): bigint;
  /** A numeric column as number (exact for integers below 2^53). */
  number(i: number): number;
  /** A column as text, or null. */
  text(i: number): string | null;
  finalize(): void;
}

/** One open database file. Failures are thrown as the driver's own errors. */
export interface SqliteConnection {
  /** Runs `sql`: several statements without `bind`, one statement with it. */
  exec(sql: string, bind?: readonly Bindable[]): void;
  /** The first column of the first row, or `undefined` when there is no row. */
  value(sql: string, bind?: readonly Bindable[]): SqlValue | undefined;
  /** The first column of every row. */
  column(sql: string, bind?: readonly Bindable[]): SqlValue[];
  /** The first row, or `undefined`. */
  row(sql: string, bind?: readonly Bindable[]): SqlValue[] | undefined;
  /** Every row. */
  rows(sql: string, bind?: readonly Bindable[]): SqlValue[][];
  /** A statement for repeated use; finalized by itself or by {@link SqliteConnection.close}. */
  prepare(sql: string): SqliteStatement;
  /** Finalizes the statements still prepared and closes the file. */
  close(): void;
}

/** An SQLite library, as the engine drives it. */
export interface SqliteDriver {
  readonly name: SqliteDriverName;
  /**
   * What `"readonly"` connections see: `"with-wal"` (the file and its `-wal`, read without
   * changing either), `"file-only"` (the main file as it is on disk; a `-wal` beside it is not
   * read) or `"none"` (no such connection: files are judged on a copy).
   */
  readonly readOnly: "with-wal" | "file-only" | "none";
  /**
   * The largest file a `"readonly"` connection takes (it holds the file in memory); larger files
   * are judged on a copy. Unset: no limit.
   */
  readonly readOnlyMaxBytes?: number;
  open(path: string, mode: OpenMode): SqliteConnection;
}

/** The WASM driver, started once per process. */
let wasm: Promise<SqliteDriver> | undefined;
/** The native driver, or null where the runtime has none. */
let native: SqliteDriver | null | undefined;

async function wasmDriver(): Promise<SqliteDriver> {
  wasm ??= import("./sqlite_wasm_driver.ts").then((m) => m.loadWasmDriver()).catch((e) => {
    wasm = undefined; // a failed start is tried again by the next open
    throw e;
  });
  return await wasm;
}

function nativeDriver(): SqliteDriver | null {
  native ??= loadNativeDriver() ?? null;
  return native;
}

/**
 * The driver a storage of `choice` runs on (loaded on first use): the runtime's native SQLite
 * for `"auto"` where there is one, SQLite WASM otherwise.
 */
export async function sqliteDriver(choice: SqliteDriverChoice = "auto"): Promise<SqliteDriver> {
  if (choice === "wasm") return await wasmDriver();
  await loadNativeSqlite(); // the cheaper way where there is one (Deno), before the sync one
  const found = nativeDriver();
  if (found) return found;
  if (choice === "native") {
    throw new StorageError(
      "no native SQLite here (bun:sqlite on Bun, node:sqlite on Deno, the better-sqlite3 " +
        'package on Node): install better-sqlite3 or use driver: "wasm"',
      { code: "STORAGE_DRIVER_MISSING" },
    );
  }
  return await wasmDriver();
}

/** The drivers this runtime can run, native first (what tests and benchmarks iterate over). */
export function availableSqliteDrivers(): SqliteDriverChoice[] {
  return nativeDriver() ? ["native", "wasm"] : ["wasm"];
}
