/**
 * The SQLite engine's driver over the runtime's native SQLite (`bun:sqlite`, `node:sqlite`,
 * better-sqlite3; which one is `runtime/sqlite_native.ts`'s decision). The three modules differ
 * in names only; each is asked for integers as bigint (exact for 64-bit access hashes) and rows
 * as arrays, and values come back as the WASM driver gives them (integers as numbers below
 * 2^53, blobs as plain Uint8Array).
 *
 * Read-only connections open the file as an SQLite `immutable` URI: no lock, no `-wal`/`-shm`
 * created or read, nothing written. better-sqlite3 takes no URIs (and its plain read-only
 * connection creates a WAL file's `-wal` and `-shm`), so there a read-only connection is an
 * in-memory database made from the file's bytes ({@link SNAPSHOT_MAX_BYTES} at most; larger
 * files are judged on a copy): SQLite never opens the file itself.
 *
 * @module
 */
import {
  fileUri,
  type NativeSqlite,
  nativeSqlite,
  type NativeSqliteKind,
} from "../runtime/sqlite_native.ts";
import type * as Fs from "node:fs";
import { nodeBuffer, nodeModule } from "../runtime/runtime.ts";
import { files } from "../runtime/files.ts";
import type {
  Bindable,
  OpenMode,
  SqliteConnection,
  SqliteDriver,
  SqliteDriverName,
  SqliteStatement,
  SqlValue,
} from "./sqlite_driver.ts";

/** A prepared statement of the native module, reduced to the two calls used. */
interface Native {
  /** Runs with these parameters (no rows wanted). */
  run(args: readonly unknown[]): void;
  /** Every row, as arrays, integers as bigint. */
  all(args: readonly unknown[]): unknown[][];
  finalize(): void;
}

/** An open native database, reduced to what the driver uses. */
interface NativeDb {
  exec(sql: string): void;
  prepare(sql: string): Native;
  close(): void;
}

// The modules' own shapes, as far as they are used here.
interface BunStatement {
  safeIntegers(on: boolean): BunStatement;
  run(...args: unknown[]): unknown;
  values(...args: unknown[]): unknown[][];
  finalize(): void;
}
interface BunDatabase {
  exec(sql: string): unknown;
  prepare(sql: string): BunStatement;
  close(): void;
}
interface NodeStatement {
  setReadBigInts(on: boolean): void;
  setReturnArrays(on: boolean): void;
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[][];
}
interface NodeDatabase {
  exec(sql: string): void;
  prepare(sql: string): NodeStatement;
  close(): void;
}
interface BetterStatement {
  readonly reader: boolean;
  raw(on: boolean): BetterStatement;
  safeIntegers(on: boolean): BetterStatement;
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[][];
}
interface BetterDatabase {
  exec(sql: string): unknown;
  prepare(sql: string): BetterStatement;
  close(): void;
}

// SQLite's open flags (sqlite3.h), for bun:sqlite's numeric form.
const OPEN_READONLY = 0x1, OPEN_READWRITE = 0x2, OPEN_CREATE = 0x4, OPEN_URI = 0x40;

function openBun({ module }: NativeSqlite, path: string, mode: OpenMode): NativeDb {
  const { Database } = module as {
    Database: new (name: string, flags: number) => BunDatabase;
  };
  const db = mode === "readonly"
    ? new Database(`${fileUri(path)}?immutable=1`, OPEN_READONLY | OPEN_URI)
    : new Database(path, OPEN_READWRITE | (mode === "create" ? OPEN_CREATE : 0));
  return {
    exec: (sql) => void db.exec(sql),
    prepare(sql) {
      const s = db.prepare(sql).safeIntegers(true);
      return {
        run: (args) => void s.run(...args),
        all: (args) => s.values(...args),
        finalize: () => s.finalize(),
      };
    },
    close: () => db.close(),
  };
}

function openNode({ module }: NativeSqlite, path: string, mode: OpenMode): NativeDb {
  const { DatabaseSync } = module as {
    DatabaseSync: new (name: string, o: { readOnly?: boolean; open?: boolean }) => NodeDatabase;
  };
  if (mode === "readwrite" && !existsFile(path)) throw new Error(`unable to open ${path}`);
  const db = mode === "readonly"
    ? new DatabaseSync(`${fileUri(path)}?immutable=1`, { readOnly: true })
    : new DatabaseSync(path, {});
  return {
    exec: (sql) => db.exec(sql),
    prepare(sql) {
      const s = db.prepare(sql);
      s.setReadBigInts(true);
      s.setReturnArrays(true);
      // node:sqlite finalizes statements with the database; nothing to do before.
      return { run: (args) => void s.run(...args), all: (args) => s.all(...args), finalize() {} };
    },
    close: () => db.close(),
  };
}

/** The largest file better-sqlite3's read-only connection reads into memory (~300,000 peers). */
export const SNAPSHOT_MAX_BYTES = 32 << 20;

/**
 * The file's bytes as an in-memory database can open them: the file format bytes (18, 19) of a
 * WAL file (2) say rollback journal (1), which is what the pages are without a `-wal` (an
 * in-memory database refuses WAL); any other value is left for SQLite to judge.
 */
export function snapshotBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
  return bytes;
}

function openBetter(found: NativeSqlite, path: string, mode: OpenMode): NativeDb {
  const Database = found.module as new (
    name: string | Uint8Array,
    o: { readonly?: boolean; fileMustExist?: boolean; nativeBinding?: unknown },
  ) => BetterDatabase;
  const nativeBinding = found.binding; // undefined: the package finds its addon itself
  const db = mode === "readonly"
    // A Buffer (what better-sqlite3 takes to deserialize), read anew: a private copy.
    ? new Database(snapshotBytes(nodeModule<typeof Fs>("node:fs").readFileSync(path)), {
      readonly: true,
      nativeBinding,
    })
    : new Database(path, { fileMustExist: mode === "readwrite", nativeBinding });
  return {
    exec: (sql) => void db.exec(sql),
    prepare(sql) {
      const s = db.prepare(sql).safeIntegers(true);
      if (s.reader) s.raw(true);
      // better-sqlite3 takes blobs as Buffer only.
      const args = (a: readonly unknown[]) =>
        a.map((v) =>
          v instanceof Uint8Array && nodeBuffer && !nodeBuffer.isBuffer(v)
            ? nodeBuffer.from(v.buffer, v.byteOffset, v.byteLength)
            : v
        );
      return {
        run: (a) => void s.run(...args(a)),
        all: (a) => s.reader ? s.all(...args(a)) : (s.run(...args(a)), []),
        finalize() {},
      };
    },
    close: () => db.close(),
  };
}

/** node:sqlite creates a missing file even without a create flag; "readwrite" must not. */
function existsFile(path: string): boolean {
  return files.info(path) !== undefined;
}

const OPENERS: Record<
  NativeSqliteKind,
  (found: NativeSqlite, p: string, mode: OpenMode) => NativeDb
> = {
  "bun:sqlite": openBun,
  "node:sqlite": openNode,
  "better-sqlite3": openBetter,
};

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER), MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A native value as the engine reads values (the WASM driver's conventions). */
function value(v: unknown): SqlValue {
  if (typeof v === "bigint") return v >= MIN_SAFE && v <= MAX_SAFE ? Number(v) : v;
  if (v instanceof Uint8Array && v.constructor !== Uint8Array) {
    return new Uint8Array(v.buffer, v.byteOffset, v.byteLength); // a Buffer, as plain bytes
  }
  return v as SqlValue;
}

const rowValues = (row: unknown[]): SqlValue[] => row.map(value);

class NativeStatement implements SqliteStatement {
  readonly #s: Native;
  #finalized = false;
  #args: readonly Bindable[] = [];
  #rows: unknown[][] | undefined;
  #at = 0;
  #row: unknown[] = [];

  constructor(s: Native) {
    this.#s = s;
  }

  bind(...values: Bindable[]): this {
    this.#args = values;
    this.#rows = undefined;
    return this;
  }

  run(): void {
    this.#rows = undefined;
    this.#s.run(this.#args);
  }

  row(): boolean {
    if (this.#rows === undefined) {
      this.#rows = this.#s.all(this.#args);
      this.#at = 0;
    }
    if (this.#at < this.#rows.length) {
      this.#row = this.#rows[this.#at++];
      return true;
    }
    this.reset();
    return false;
  }

  reset(): void {
    this.#rows = undefined;
    this.#row = [];
  }

  isNull(i: number): boolean {
    return this.#row[i] === null || this.#row[i] === undefined;
  }

  type(i: number): number {
    const v = this.#row[i];
    return typeof v === "bigint"
      ? 1
      : typeof v === "number"
      ? 2
      : typeof v === "string"
      ? 3
      : v instanceof Uint8Array
      ? 4
      : 5;
  }

  int64(i: number): bigint {
    // As sqlite3_column_int64: what is not a number reads as 0 (the row is refused anyway).
    const v = this.#row[i];
    if (typeof v === "bigint") return v;
    return typeof v === "number" && Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  }

  number(i: number): number {
    const v = this.#row[i];
    return typeof v === "bigint" || typeof v === "number" ? Number(v) : 0;
  }

  text(i: number): string | null {
    const v = this.#row[i];
    if (v === null || v === undefined) return null;
    return typeof v === "string" ? v : String(v);
  }

  finalize(): void {
    if (this.#finalized) return;
    this.#finalized = true;
    this.#s.finalize();
  }
}

class NativeConnection implements SqliteConnection {
  readonly #db: NativeDb;
  /** Statements of the one-off queries, by SQL text (the engine runs a handful, repeatedly). */
  readonly #cache = new Map<string, Native>();
  readonly #prepared = new Set<NativeStatement>();

  constructor(db: NativeDb) {
    this.#db = db;
  }

  #stmt(sql: string): Native {
    let s = this.#cache.get(sql);
    if (!s) {
      s = this.#db.prepare(sql);
      this.#cache.set(sql, s);
    }
    return s;
  }

  exec(sql: string, bind?: readonly Bindable[]): void {
    if (bind === undefined) this.#db.exec(sql);
    else this.#stmt(sql).run(bind);
  }

  value(sql: string, bind: readonly Bindable[] = []): SqlValue | undefined {
    const row = this.#stmt(sql).all(bind)[0];
    return row === undefined ? undefined : value(row[0]);
  }

  column(sql: string, bind: readonly Bindable[] = []): SqlValue[] {
    return this.#stmt(sql).all(bind).map((r) => value(r[0]));
  }

  row(sql: string, bind: readonly Bindable[] = []): SqlValue[] | undefined {
    const row = this.#stmt(sql).all(bind)[0];
    return row === undefined ? undefined : rowValues(row);
  }

  rows(sql: string, bind: readonly Bindable[] = []): SqlValue[][] {
    return this.#stmt(sql).all(bind).map(rowValues);
  }

  prepare(sql: string): SqliteStatement {
    const s = new NativeStatement(this.#db.prepare(sql));
    this.#prepared.add(s);
    return s;
  }

  close(): void {
    for (const s of this.#cache.values()) s.finalize();
    this.#cache.clear();
    for (const s of this.#prepared) s.finalize();
    this.#prepared.clear();
    this.#db.close();
  }
}

/** The runtime's native SQLite as a driver, or `undefined` where it has none. */
export function loadNativeDriver(): SqliteDriver | undefined {
  const found = nativeSqlite();
  if (!found) return undefined;
  const open = OPENERS[found.kind];
  return {
    name: found.kind satisfies SqliteDriverName,
    readOnly: "file-only",
    readOnlyMaxBytes: found.kind === "better-sqlite3" ? SNAPSHOT_MAX_BYTES : undefined,
    open: (path, mode) => new NativeConnection(open(found, path, mode)),
  };
}
