/**
 * The SQLite engine's driver over @sqlite.org/sqlite-wasm with the `node:fs` VFS
 * (`sqlite_vfs.ts`): runs wherever WebAssembly does, and is what the engine uses where the
 * runtime has no native SQLite. Read-only connections use the read-only VFS, which reads a `-wal`
 * beside the file without changing it.
 *
 * @module
 */
import type * as Fs from "node:fs";
import type { Database, Sqlite3Static } from "@sqlite.org/sqlite-wasm";
import { NODE_APIS, nodeModule } from "../runtime/runtime.ts";
import { installNodeFsVfs, NODE_FS_VFS, NODE_FS_VFS_READONLY } from "./sqlite_vfs.ts";
import { StatementSet } from "./sqlite_statement.ts";
import type {
  Bindable,
  OpenMode,
  SqliteConnection,
  SqliteDriver,
  SqliteStatement,
  SqlValue,
} from "./sqlite_driver.ts";

const { readFileSync } = nodeModule<typeof Fs>("node:fs");

let loading: Promise<{ sqlite3: Sqlite3Static; vfs: string }> | undefined;

/**
 * sqlite3.wasm compiled synchronously where files can be read (Deno, Bun, Node). Emscripten's
 * default reads the file on the thread pool and compiles on a background thread: two waits for
 * other threads that a loaded machine stretches at start-up, while the baseline compile costs
 * the same either way. Elsewhere (a browser, a package layout where the file is not found, an
 * engine that refuses) `undefined`: SQLite WASM then loads itself as it would.
 */
function compileSynchronously(): WebAssembly.Module | undefined {
  if (!NODE_APIS) return undefined;
  try {
    const url = new URL(import.meta.resolve("@sqlite.org/sqlite-wasm/sqlite3.wasm"));
    if (url.protocol !== "file:") return undefined;
    return new WebAssembly.Module(readFileSync(url));
  } catch {
    return undefined;
  }
}

/** Emscripten's option that instantiates the module itself: `done(instance, module)`. */
interface InitOptions {
  instantiateWasm?(
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ): object;
}

/** Imports and starts SQLite WASM once per process (lazily: only when a file is opened). */
export function loadSqlite(): Promise<{ sqlite3: Sqlite3Static; vfs: string }> {
  loading ??= (async () => {
    const { default: init } = await import("@sqlite.org/sqlite-wasm");
    const module = compileSynchronously();
    const sqlite3 = await (init as (o?: InitOptions) => ReturnType<typeof init>)(
      module && {
        instantiateWasm(imports, done) {
          done(new WebAssembly.Instance(module, imports), module);
          return {};
        },
      },
    );
    // Failures reach the caller as typed errors; the library's own console warnings would
    // only repeat them (with SQL text) in the user's logs.
    const config = (sqlite3 as unknown as { config?: Record<string, unknown> }).config;
    if (config && Object.isExtensible(config)) config.warn = () => {};
    return { sqlite3, vfs: installNodeFsVfs(sqlite3) };
  })().catch((e) => {
    loading = undefined; // a failed start is tried again by the next open
    throw e;
  });
  return loading;
}

const FLAGS: Record<OpenMode, string> = { create: "c", readwrite: "w", readonly: "r" };

class WasmConnection implements SqliteConnection {
  readonly #sqlite3: Sqlite3Static;
  readonly #db: Database;
  #set: StatementSet | undefined;

  constructor(sqlite3: Sqlite3Static, db: Database) {
    this.#sqlite3 = sqlite3;
    this.#db = db;
  }

  exec(sql: string, bind?: readonly Bindable[]): void {
    if (bind === undefined) this.#db.exec(sql);
    else this.#db.exec({ sql, bind: bind as Bindable[] });
  }

  value(sql: string, bind?: readonly Bindable[]): SqlValue | undefined {
    return this.#db.selectValue(sql, bind as Bindable[]) as SqlValue | undefined;
  }

  column(sql: string, bind?: readonly Bindable[]): SqlValue[] {
    return this.#db.selectValues(sql, bind as Bindable[]) as SqlValue[];
  }

  row(sql: string, bind?: readonly Bindable[]): SqlValue[] | undefined {
    return this.#db.selectArray(sql, bind as Bindable[]) as SqlValue[] | undefined;
  }

  rows(sql: string, bind?: readonly Bindable[]): SqlValue[][] {
    return this.#db.selectArrays(sql, bind as Bindable[]) as SqlValue[][];
  }

  prepare(sql: string): SqliteStatement {
    this.#set ??= new StatementSet(this.#sqlite3, this.#db);
    return this.#set.prepare(sql);
  }

  close(): void {
    try {
      this.#set?.finalize(); // its statements and scratch buffer live in the WASM heap
    } finally {
      this.#set = undefined;
      this.#db.close();
    }
  }
}

/** Starts SQLite WASM (once) and returns it as a driver. */
export async function loadWasmDriver(): Promise<SqliteDriver> {
  const { sqlite3 } = await loadSqlite();
  return {
    name: "sqlite-wasm",
    readOnly: "with-wal",
    open(path, mode) {
      const vfs = mode === "readonly" ? NODE_FS_VFS_READONLY : NODE_FS_VFS;
      return new WasmConnection(
        sqlite3,
        new sqlite3.oo1.DB({ filename: path, flags: FLAGS[mode], vfs }),
      );
    },
  };
}
