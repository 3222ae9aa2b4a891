/**
 * The native SQLite of each runtime behind one small face, for the storage benchmark: the same
 * schema, pragmas and SQL as SqliteStorage, run by better-sqlite3 (Node), bun:sqlite (Bun) or
 * node:sqlite (Deno). Specifiers are built at run time so that no runtime resolves another's.
 */
import { runtimeName } from "./report.ts";

/** A prepared statement: run it, or get the first row as an array. */
export interface NativeStatement {
  run(...params: unknown[]): void;
  row(...params: unknown[]): unknown[] | undefined;
}

/** An open database file. */
export interface NativeDb {
  name: string;
  exec(sql: string): void;
  prepare(sql: string): NativeStatement;
  close(): void;
}

/** Opens `path` with the runtime's native SQLite. */
export async function openNative(path: string): Promise<NativeDb> {
  const runtime = runtimeName().split(" ")[0];
  const load = (name: string) => import(name);
  if (runtime === "bun") {
    const { Database } = await load(["bun", "sqlite"].join(":"));
    const db = new Database(path, { create: true, safeIntegers: true });
    return {
      name: "bun:sqlite",
      exec: (sql) => db.exec(sql),
      prepare(sql) {
        const st = db.prepare(sql);
        return { run: (...p) => st.run(...p), row: (...p) => st.values(...p)[0] };
      },
      close: () => db.close(),
    };
  }
  if (runtime === "deno") {
    const { DatabaseSync } = await load(["node", "sqlite"].join(":"));
    const db = new DatabaseSync(path);
    return {
      name: "node:sqlite",
      exec: (sql) => db.exec(sql),
      prepare(sql) {
        const st = db.prepare(sql);
        st.setReadBigInts(true);
        return {
          run: (...p) => st.run(...p),
          row: (...p) => {
            const r = st.get(...p);
            return r === undefined ? undefined : Object.values(r);
          },
        };
      },
      close: () => db.close(),
    };
  }
  const { default: Database } = await load(["better", "sqlite3"].join("-"));
  const db = new Database(path);
  return {
    name: "better-sqlite3",
    exec: (sql) => db.exec(sql),
    prepare(sql) {
      const st = db.prepare(sql);
      const reader = st.reader ? st.raw(true).safeIntegers(true) : undefined;
      return {
        run: (...p) => st.run(...p),
        row: (...p) => reader?.get(...p),
      };
    },
    close: () => db.close(),
  };
}
