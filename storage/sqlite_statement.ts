/**
 * A prepared statement driven through SQLite's raw WASM exports, for the engine's hot paths
 * (peer upserts and lookups). The package's oo1 `Stmt` checks and converts every argument in
 * JavaScript; calling the exports directly, with text encoded into one reusable scratch buffer,
 * made peer upserts about three times faster (bench/storage_bench.ts measures the result).
 *
 * @module
 */
import type { Database, Sqlite3Static } from "@sqlite.org/sqlite-wasm";
import type { Bindable, SqliteStatement } from "./sqlite_driver.ts";

type Ptr = number;

/** The raw C functions used here, as the WASM module exports them. */
interface Exports {
  sqlite3_bind_int(p: Ptr, i: number, v: number): number;
  sqlite3_bind_int64(p: Ptr, i: number, v: bigint): number;
  sqlite3_bind_double(p: Ptr, i: number, v: number): number;
  sqlite3_bind_text(p: Ptr, i: number, text: Ptr, n: number, destructor: number): number;
  sqlite3_bind_null(p: Ptr, i: number): number;
  sqlite3_step(p: Ptr): number;
  sqlite3_reset(p: Ptr): number;
  sqlite3_column_type(p: Ptr, i: number): number;
  sqlite3_column_int64(p: Ptr, i: number): bigint;
  sqlite3_column_double(p: Ptr, i: number): number;
  sqlite3_column_text(p: Ptr, i: number): Ptr;
  sqlite3_column_bytes(p: Ptr, i: number): number;
  sqlite3_errmsg(db: Ptr): Ptr;
  sqlite3_finalize(p: Ptr): number;
}

interface Wasm {
  exports: Exports;
  heap8u(): Uint8Array;
  alloc(n: number): Ptr;
  dealloc(p: Ptr): void;
  cstrToJs(p: Ptr): string;
}

const SQLITE_ROW = 100, SQLITE_DONE = 101, SQLITE_NULL = 5;
/** Tells SQLite to copy bound text at once, so the scratch buffer can be reused. */
const SQLITE_TRANSIENT = -1;
const SCRATCH = 4096;
const encoder = new TextEncoder(), decoder = new TextDecoder();
const INT32_MIN = -0x80000000, INT32_MAX = 0x7fffffff;

/** Thrown when SQLite reports an error; the engine turns it into a StorageError. */
export class SqliteCallError extends Error {
  readonly rc: number;
  constructor(rc: number, message: string) {
    super(`${message} (SQLite code ${rc})`);
    this.rc = rc;
  }
}

/** Prepared statements of one connection that share a scratch buffer for text. */
export class StatementSet {
  readonly #x: Exports;
  readonly #wasm: Wasm;
  readonly #db: Database;
  #scratch: Ptr;
  readonly #statements: FastStatement[] = [];

  constructor(sqlite3: Sqlite3Static, db: Database) {
    this.#wasm = sqlite3.wasm as unknown as Wasm;
    this.#x = this.#wasm.exports;
    this.#db = db;
    this.#scratch = this.#wasm.alloc(SCRATCH);
  }

  /** Prepares `sql` once; the statement lives until {@link StatementSet.finalize}. */
  prepare(sql: string): FastStatement {
    const stmt = this.#db.prepare(sql);
    // Ownership of the C statement moves here: oo1 would otherwise finalize it with the DB.
    const s = new FastStatement(this, (stmt as unknown as { pointer: Ptr }).pointer, stmt);
    this.#statements.push(s);
    return s;
  }

  /** Finalizes every statement and frees the scratch buffer. Idempotent. */
  finalize(): void {
    for (const s of this.#statements.splice(0)) s.finalize();
    if (this.#scratch !== 0) this.#wasm.dealloc(this.#scratch);
    this.#scratch = 0;
  }

  /** @internal */ get x(): Exports {
    return this.#x;
  }

  /** @internal Binds `text` to parameter `i` of `p` (copied by SQLite). */
  bindText(p: Ptr, i: number, text: string): number {
    const wasm = this.#wasm;
    const n = text.length;
    if (n <= SCRATCH) {
      // Usernames, types and phones are ASCII: copy them without an encoder or a new view.
      const heap = wasm.heap8u(), at = this.#scratch;
      let k = 0;
      for (; k < n; k++) {
        const c = text.charCodeAt(k);
        if (c > 0x7f) break;
        heap[at + k] = c;
      }
      if (k === n) return this.#x.sqlite3_bind_text(p, i, at, n, SQLITE_TRANSIENT);
    }
    if (n * 3 <= SCRATCH) {
      const { written } = encoder.encodeInto(
        text,
        wasm.heap8u().subarray(this.#scratch, this.#scratch + SCRATCH),
      );
      return this.#x.sqlite3_bind_text(p, i, this.#scratch, written, SQLITE_TRANSIENT);
    }
    const bytes = encoder.encode(text);
    const ptr = wasm.alloc(bytes.length || 1);
    try {
      wasm.heap8u().set(bytes, ptr);
      return this.#x.sqlite3_bind_text(p, i, ptr, bytes.length, SQLITE_TRANSIENT);
    } finally {
      wasm.dealloc(ptr);
    }
  }

  /** @internal */ text(p: Ptr, i: number): string {
    const ptr = this.#x.sqlite3_column_text(p, i);
    const n = this.#x.sqlite3_column_bytes(p, i);
    const heap = this.#wasm.heap8u();
    if (n <= 64) {
      // Short ASCII (types, usernames, phones) is faster by hand than through TextDecoder.
      let s = "", k = 0;
      for (; k < n; k++) {
        const b = heap[ptr + k];
        if (b > 0x7f) break;
        s += String.fromCharCode(b);
      }
      if (k === n) return s;
    }
    return decoder.decode(heap.subarray(ptr, ptr + n));
  }

  /** @internal */ error(rc: number): SqliteCallError {
    const db = (this.#db as unknown as { pointer: Ptr }).pointer;
    return new SqliteCallError(rc, this.#wasm.cstrToJs(this.#x.sqlite3_errmsg(db)));
  }
}

/** One prepared statement; bind all parameters, then `run()` or `row()`-then-read columns. */
export class FastStatement implements SqliteStatement {
  readonly #set: StatementSet;
  readonly #x: Exports;
  #p: Ptr;
  readonly #owner: { finalize(): void };

  constructor(set: StatementSet, pointer: Ptr, owner: { finalize(): void }) {
    this.#set = set;
    this.#x = set.x;
    this.#p = pointer;
    this.#owner = owner;
  }

  /** Binds parameters 1…n. */
  bind(...values: Bindable[]): this {
    const x = this.#x, p = this.#p;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      let rc: number;
      if (v === null) rc = x.sqlite3_bind_null(p, i + 1);
      else if (typeof v === "number") {
        // Integers beyond 32 bits go as doubles (exact below 2^53): the INTEGER columns' affinity
        // stores them as integers, and no BigInt is allocated per call.
        rc = v >= INT32_MIN && v <= INT32_MAX && Number.isInteger(v)
          ? x.sqlite3_bind_int(p, i + 1, v)
          : x.sqlite3_bind_double(p, i + 1, v);
      } else if (typeof v === "bigint") rc = x.sqlite3_bind_int64(p, i + 1, v);
      else if (typeof v === "string") rc = this.#set.bindText(p, i + 1, v);
      else throw new SqliteCallError(20, "blobs are not bound by prepared statements"); // MISMATCH
      if (rc !== 0) throw this.#set.error(rc);
    }
    return this;
  }

  /** Executes a statement that returns no rows, then resets it. */
  run(): void {
    const rc = this.#x.sqlite3_step(this.#p);
    if (rc !== SQLITE_DONE && rc !== SQLITE_ROW) {
      const err = this.#set.error(rc);
      this.#x.sqlite3_reset(this.#p);
      throw err;
    }
    this.#x.sqlite3_reset(this.#p);
  }

  /**
   * Steps to the first row: true when there is one (read it with the column getters, then
   * call {@link FastStatement.reset}), false when there is none (already reset).
   */
  row(): boolean {
    const rc = this.#x.sqlite3_step(this.#p);
    if (rc === SQLITE_ROW) return true;
    if (rc === SQLITE_DONE) {
      this.#x.sqlite3_reset(this.#p);
      return false;
    }
    const err = this.#set.error(rc);
    this.#x.sqlite3_reset(this.#p);
    throw err;
  }

  reset(): void {
    this.#x.sqlite3_reset(this.#p);
  }

  isNull(i: number): boolean {
    return this.#x.sqlite3_column_type(this.#p, i) === SQLITE_NULL;
  }

  /** The column's storage class: 1 integer, 2 float, 3 text, 4 blob, 5 null. */
  type(i: number): number {
    return this.#x.sqlite3_column_type(this.#p, i);
  }

  /** An integer column as bigint (a TL long). */
  int64(i: number): bigint {
    return this.#x.sqlite3_column_int64(this.#p, i);
  }

  /** A numeric column as number (exact for integers below 2^53, like peer ids and dates). */
  number(i: number): number {
    return this.#x.sqlite3_column_double(this.#p, i);
  }

  /** A column as text, or null. */
  text(i: number): string | null {
    if (this.isNull(i)) return null;
    return this.#set.text(this.#p, i);
  }

  finalize(): void {
    if (this.#p) {
      this.#p = 0;
      this.#owner.finalize();
    }
  }
}
