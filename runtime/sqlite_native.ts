/**
 * The native SQLite this runtime offers, if any: `bun:sqlite` on Bun, `node:sqlite` on Deno, the
 * optional `better-sqlite3` package on Node (`node:sqlite` there still prints an experimental
 * warning on load). The one place that decides it; the storage engine adapts the module it gets
 * (`storage/sqlite_native_driver.ts`). Loaded synchronously and only when asked (the first SQLite
 * session that opens), so importing the library costs nothing here.
 *
 * @module
 */
import type * as Module from "node:module";
import type * as Url from "node:url";
import { nodeBuiltin, RUNTIME } from "./runtime.ts";

/** Which native SQLite module {@link nativeSqlite} found. */
export type NativeSqliteKind = "bun:sqlite" | "node:sqlite" | "better-sqlite3";

/** A native SQLite module as loaded: the kind tells how to drive `module`. */
export interface NativeSqlite {
  kind: NativeSqliteKind;
  /** The module's export (`bun:sqlite`, `node:sqlite`, or better-sqlite3's `Database` class). */
  module: unknown;
  /**
   * better-sqlite3's compiled addon where it sits in the package's own build folder (its
   * `nativeBinding` option), else `undefined` (the package then finds it through `bindings`,
   * which probes a dozen paths and walks a stack trace: 1–3 ms of a cold start).
   */
  binding?: unknown;
}

let found: NativeSqlite | null | undefined;

/** Loads the runtime's native SQLite once; `undefined` where there is none (a browser, plain Node). */
export function nativeSqlite(): NativeSqlite | undefined {
  if (found === undefined) found = load() ?? null;
  return found ?? undefined;
}

/**
 * {@link nativeSqlite}, loaded asynchronously where that is cheaper: on Deno a dynamic import of
 * node:sqlite costs ~1 ms, while reaching it synchronously (through `process`) starts Deno's Node
 * compatibility layer, ~15 ms of a cold start. Elsewhere the same as {@link nativeSqlite}.
 */
export async function loadNativeSqlite(): Promise<NativeSqlite | undefined> {
  if (found === undefined && RUNTIME === "deno") {
    try {
      // By a computed name: bundlers for browsers leave it alone (never reached there).
      const module = await importByName(["node", "sqlite"].join(":"));
      found ??= { kind: "node:sqlite", module };
    } catch {
      // a Deno without node:sqlite: the synchronous way decides
    }
  }
  return nativeSqlite();
}

const importByName = (name: string): Promise<unknown> => import(name);

function load(): NativeSqlite | undefined {
  try {
    if (RUNTIME === "bun") {
      const module = nodeBuiltin<object>("bun:sqlite" as `node:${string}`);
      return module ? { kind: "bun:sqlite", module } : undefined;
    }
    if (RUNTIME === "deno") {
      const module = nodeBuiltin<object>("node:sqlite");
      return module ? { kind: "node:sqlite", module } : undefined;
    }
    if (RUNTIME === "node") {
      // An optional peer dependency, resolved from the library's own location like any import.
      const { createRequire } = nodeBuiltin<typeof Module>("node:module") ?? {};
      if (!createRequire) return undefined;
      const require = createRequire(import.meta.url);
      const module = require("better-sqlite3");
      if (typeof module !== "function") return undefined;
      let binding: unknown;
      try {
        binding = require("better-sqlite3/build/Release/better_sqlite3.node");
      } catch {
        // built elsewhere (a Debug build, a prebuilt path): the package's own search finds it
      }
      return { kind: "better-sqlite3", module, binding };
    }
  } catch {
    // not installed, or a build that does not load here: SQLite WASM serves instead
  }
  return undefined;
}

/** Whether the file system is POSIX-style on Deno (asked once; not Windows). */
const DENO_POSIX = RUNTIME === "deno" &&
  (globalThis as { Deno?: { build?: { os?: string } } }).Deno?.build?.os !== "windows";

/** Characters node:url's `pathToFileURL` percent-encodes before a URL's pathname setter would. */
const PRE_ENCODED: Record<string, string> = {
  "%": "%25",
  "\\": "%5C",
  "\n": "%0A",
  "\r": "%0D",
  "\t": "%09",
};

/**
 * The `file:` URI of a path (SQLite's URI syntax, for `?immutable=1` and the like), as node:url's
 * `pathToFileURL` makes it. On Deno an absolute, normalised POSIX path is converted here, as
 * node:url's first load there costs about 2 ms of a cold start; the result may leave a character
 * unescaped that node:url escapes (`[`, `|`, …), never one that SQLite or a URL parser would
 * read differently (`%`, `?`, `#`, `\\`, whitespace): tests decode it back with node:url.
 */
export function fileUri(path: string): string {
  if (DENO_POSIX && path.startsWith("/") && !/\/\/|\/\.\.?(\/|$)/.test(path)) {
    const url = new URL("file:///");
    url.pathname = path.replace(/[%\\\n\r\t]/g, (c) => PRE_ENCODED[c]);
    return url.href;
  }
  const url = nodeBuiltin<typeof Url>("node:url");
  if (!url) throw new Error("file URIs need node:url");
  return url.pathToFileURL(path).href;
}
