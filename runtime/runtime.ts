/**
 * Which runtime the library runs on, decided once at load: the one module that asks. Everything
 * that behaves differently per runtime reads these constants (or the socket adapters beside this
 * module) instead of probing `globalThis` itself, so a new runtime is taught here alone.
 *
 * No `node:` module is imported statically: this module loads in a browser, where
 * {@link NODE_APIS} is `false` and {@link nodeBuffer} is `undefined`.
 *
 * @module
 */
import type { Buffer } from "node:buffer";
import { IrenogramError } from "../errors.ts";

/** The runtimes the library tells apart. */
export type RuntimeName = "deno" | "bun" | "node" | "browser";

const g = globalThis as {
  Deno?: unknown;
  Bun?: unknown;
  process?: { versions?: { node?: string } };
  Buffer?: typeof Buffer;
};

/**
 * The runtime this code runs on. Deno and Bun also report a Node version, so they are asked
 * first; anything with neither a Node version nor Deno/Bun counts as a browser (web workers too).
 */
export const RUNTIME: RuntimeName = g.Deno !== undefined
  ? "deno"
  : g.Bun !== undefined
  ? "bun"
  : typeof g.process?.versions?.node === "string"
  ? "node"
  : "browser";

/** Whether `node:` modules (node:crypto, node:fs, …) can be imported here: Node, Bun and Deno. */
export const NODE_APIS: boolean = RUNTIME !== "browser";

/**
 * The `Buffer` class where the runtime provides one as a global (Node, Bun and Deno do), else
 * `undefined`. Taken from the global rather than imported, so that a browser bundle needs no
 * `node:buffer` shim.
 */
export const nodeBuffer: typeof Buffer | undefined = NODE_APIS ? g.Buffer : undefined;

/**
 * Whether {@link nodeBuffer} is native code (Node, Bun) rather than a JavaScript polyfill over
 * slower paths (Deno): decides whether Buffer's string methods are the fast way.
 */
export const NATIVE_BUFFER: boolean = nodeBuffer !== undefined && RUNTIME !== "deno";

type Builtins = { getBuiltinModule?: (name: string) => unknown };

/**
 * A Node built-in module (`"node:zlib"`, …), loaded synchronously through
 * `process.getBuiltinModule` (Node 20.16+, Deno, Bun), or `undefined` where there is none (a
 * browser). Library code that needs a built-in at one point in a synchronous call takes it from
 * here rather than importing it statically, so a browser bundle of the library needs no shims.
 */
export function nodeBuiltin<T>(name: `node:${string}`): T | undefined {
  if (!NODE_APIS) return undefined;
  return (g.process as Builtins | undefined)?.getBuiltinModule?.(name) as T | undefined;
}

/**
 * A Node built-in module for code that uses it only when it runs, not when it loads (the file
 * engines: node:fs, node:path, …): the module itself where there is one; in a browser a stand-in
 * whose every member throws {@link RuntimeUnsupportedError} when used. So
 * `const { openSync } = nodeModule<typeof Fs>("node:fs")` loads anywhere and fails clearly only
 * when a file is opened where no file system exists.
 */
export function nodeModule<T extends object>(name: `node:${string}`): T {
  return nodeBuiltin<T>(name) ?? unavailableModule(name) as T;
}

/**
 * The stand-in {@link nodeModule} returns where `name` does not exist: every member is a
 * function that throws {@link RuntimeUnsupportedError} (so destructuring it at load succeeds),
 * and `default` is the stand-in itself.
 */
export function unavailableModule(name: string): object {
  const fail = (member: string) => () => {
    throw new RuntimeUnsupportedError(`${name} (${member}) is not available in this runtime`);
  };
  const members = new Map<string | symbol, unknown>();
  const stand = new Proxy(Object.create(null), {
    get: (_, member) => {
      if (member === "default") return stand; // `import process from "node:process"` style
      if (!members.has(member)) members.set(member, fail(String(member)));
      return members.get(member);
    },
  });
  return stand;
}

/**
 * A feature this runtime lacks was used: a file engine or a TestServer in a browser, a Node
 * built-in where there is none.
 */
export class RuntimeUnsupportedError extends IrenogramError {
  /** Always `"RUNTIME_UNSUPPORTED"`. */
  declare readonly code: "RUNTIME_UNSUPPORTED";

  /**
   * `message` names the missing feature; the runtime and `remedy` (a way out; by default the
   * storages that work everywhere, as the file engines are what most often meets this) are added.
   */
  constructor(message: string, remedy = "use MemoryStorage or SessionStringStorage here") {
    super("RUNTIME_UNSUPPORTED", `${message} (${RUNTIME}): ${remedy}`);
  }
}
