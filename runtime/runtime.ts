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
