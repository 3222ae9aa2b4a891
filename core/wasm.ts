/**
 * Loads the WebAssembly core (embedded as base64: no file read, no fetch) and moves bytes in and
 * out of its memory. See core-rs/README.md for the calling convention; in short:
 *
 * - `await loadCore()` once (idempotent); then {@link core} returns the exports synchronously.
 * - Exports take `(pointer, length)` pairs into the module's memory and return a status
 *   (`0` ok, negative: see {@link check}) or a value. Bytes go in with {@link writeBytes} and
 *   come out (copied) with {@link readBytes}.
 * - {@link scratch} lends one reusable buffer for the duration of one synchronous operation; a
 *   longer-lived buffer comes from {@link alloc} and must be given back with {@link free}.
 * - Any export may grow the memory, which detaches earlier views: always go through
 *   {@link memory} (it re-creates the view when needed), never keep a `Uint8Array` of it.
 * - A trap (a bug in the core, or memory that cannot grow where Rust does not check) leaves the
 *   instance in an unknown state: the export throws `CORE_INTERNAL` and the module is
 *   instantiated afresh, so later calls work. State that lived in the old memory (streams,
 *   codecs) is gone: their owners compare {@link generation} and refuse to go on.
 *
 * @module
 */
import { CoreError, type CoreErrorCode } from "./errors.ts";
import { WASM_BASE64 } from "./wasm_bytes.ts";
import { decodeBase64 } from "../encoding/base64.ts";

/** The exports of the module (only the ones every part needs are typed by name). */
export interface CoreExports {
  memory: WebAssembly.Memory;
  core_alloc(len: number): number;
  core_free(ptr: number, len: number): void;
  // deno-lint-ignore no-explicit-any
  [name: string]: any;
}

let exportsOf: CoreExports | undefined;
let loading: Promise<void> | undefined;
let compiled: WebAssembly.Module | undefined;
let view: Uint8Array = new Uint8Array(0);
let instances = 0;

/** The raw bytes of the module this runtime loads (decoded anew on every call). */
export function wasmBytes(): Uint8Array<ArrayBuffer> {
  return decodeBase64(WASM_BASE64);
}

/**
 * Compiles and instantiates the module once; later calls return the same promise.
 *
 * Synchronously where the engine allows it (Deno, Bun, Node, workers): the module is small
 * (~120 KB, a few ms of baseline compilation), and an asynchronous compile waits for a
 * background thread and a task back to this one, which a loaded machine delays by up to
 * hundreds of ms at start-up. A browser's main thread refuses synchronous compiles of this size
 * (`RangeError`): the asynchronous path then runs.
 */
export function loadCore(): Promise<void> {
  if (loading) return loading;
  const bytes = wasmBytes();
  const failed = (e: unknown) => {
    loading = undefined;
    return new CoreError("CORE_INTERNAL", "the WebAssembly core failed to load", { cause: e });
  };
  let module: WebAssembly.Module | undefined;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (e) {
    if (!(e instanceof RangeError)) return Promise.reject(failed(e));
  }
  if (module !== undefined) {
    try {
      use(new WebAssembly.Instance(module, {}));
      compiled = module;
      loading = Promise.resolve();
    } catch (e) {
      return Promise.reject(failed(e));
    }
    return loading;
  }
  loading = WebAssembly.instantiate(bytes, {}).then((result) => {
    compiled = result.module;
    use(result.instance);
  }, (e) => {
    throw failed(e);
  });
  return loading;
}

/**
 * Which instance of the module is live: it changes when a trap made the core start afresh.
 * Pointers into memory are only valid with the generation they were made in.
 */
export function generation(): number {
  return instances;
}

// deno-lint-ignore no-explicit-any
type Export = (...args: any[]) => any;

function use(instance: WebAssembly.Instance): void {
  const raw = instance.exports as Record<string, unknown>;
  const guarded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    guarded[name] = typeof value === "function" ? guard(name, value as Export) : value;
  }
  exportsOf = guarded as CoreExports;
  view = new Uint8Array(0);
  scratchPtr = scratchLen = 0;
  instances++;
}

/** `fn`, turning a trap into `CORE_INTERNAL` after replacing the instance. */
function guard(name: string, fn: Export): Export {
  return (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      // RangeError: the engine's stack ran out inside WASM, leaving Rust's stack pointer behind.
      if (!(e instanceof WebAssembly.RuntimeError || e instanceof RangeError)) throw e;
      restart();
      throw new CoreError(
        "CORE_INTERNAL",
        `the WebAssembly core failed in ${name}; it was restarted`,
        {
          cause: e,
        },
      );
    }
  };
}

/**
 * A registry that frees handles of garbage-collected owners with the export `freeName`, unless
 * the instance they lived in is gone.
 */
export function handleRegistry(freeName: string): FinalizationRegistry<[number, number]> {
  return new FinalizationRegistry(([handle, made]) => freeHandle(freeName, handle, made));
}

/**
 * Frees `handle` (made in generation `made`) with the export `freeName`; a handle of an
 * instance that is gone is left alone (its memory went with it).
 */
export function freeHandle(freeName: string, handle: number, made: number): void {
  if (made === instances && exportsOf !== undefined) exportsOf[freeName](handle);
}

/** Throws `CORE_INTERNAL` when a handle made in generation `made` outlived its instance. */
export function checkGeneration(made: number, what: string): void {
  if (made !== instances) {
    throw new CoreError(
      "CORE_INTERNAL",
      `this ${what} lived in a WebAssembly core that failed and was restarted; create a new one`,
    );
  }
}

function restart(): void {
  try {
    use(new WebAssembly.Instance(compiled!, {}));
  } catch {
    // Synchronous instantiation refused (a browser's main thread): `initCore()` starts it again.
    exportsOf = undefined;
    view = new Uint8Array(0);
    loading = undefined;
    instances++;
  }
}

/** The exports; throws `CORE_NOT_INITIALIZED` before {@link loadCore} resolved. */
export function core(): CoreExports {
  if (exportsOf === undefined) {
    throw new CoreError("CORE_NOT_INITIALIZED", "call `await initCore()` first");
  }
  return exportsOf;
}

/** A view of the whole memory, valid until the next call into the module. */
export function memory(): Uint8Array {
  // Growing the memory detaches its old buffer (length 0), and a new instance starts from an
  // empty view: either way the view is made again. Checking that is cheaper than asking the
  // memory for its buffer on every call (several per message).
  if (view.byteLength === 0) view = new Uint8Array(core().memory.buffer);
  return view;
}

/** Allocates `len` bytes in the module's memory; throws `CORE_OUT_OF_MEMORY` on failure. */
export function alloc(len: number): number {
  const ptr = core().core_alloc(len);
  if (ptr === 0) throw new CoreError("CORE_OUT_OF_MEMORY", `cannot allocate ${len} bytes`);
  return ptr;
}

/** Frees what {@link alloc} returned (same length). */
export function free(ptr: number, len: number): void {
  core().core_free(ptr, len);
}

/** Scratch buffers above this size are given back after use instead of kept. */
const SCRATCH_KEEP = 2 << 20;
let scratchPtr = 0, scratchLen = 0;

/**
 * A pointer to at least `len` bytes, reused across calls: valid until the next `scratch` call.
 * Use it for the inputs and outputs of one export call; never across an `await`.
 */
export function scratch(len: number): number {
  if (len <= scratchLen && (scratchLen <= SCRATCH_KEEP || len > SCRATCH_KEEP)) return scratchPtr;
  if (scratchPtr !== 0) free(scratchPtr, scratchLen);
  scratchPtr = scratchLen = 0;
  const size = len <= SCRATCH_KEEP ? Math.max(4096, 2 ** Math.ceil(Math.log2(len || 1))) : len;
  scratchPtr = alloc(size);
  scratchLen = size;
  return scratchPtr;
}

/**
 * Zeroes `len` bytes at `ptr`: keys, nonces and exponents do not stay in the scratch buffer
 * after the operation that needed them.
 */
export function wipe(ptr: number, len: number): void {
  memory().fill(0, ptr, ptr + len);
}

/** Copies `data` into memory at `ptr`. */
export function writeBytes(ptr: number, data: Uint8Array): void {
  memory().set(data, ptr);
}

/** Copies `len` bytes at `ptr` out of memory into a new `Uint8Array`. */
export function readBytes(ptr: number, len: number): Uint8Array {
  return memory().slice(ptr, ptr + len);
}

const statusCodes: Record<number, [CoreErrorCode, string]> = {
  [-1]: ["CORE_BAD_INPUT", "bad length"],
  [-2]: ["CORE_OUT_OF_MEMORY", "the WebAssembly memory cannot grow"],
  [-3]: ["CORE_AUTH_KEY_ID_MISMATCH", "auth_key_id does not match the auth key"],
  [-4]: ["CORE_MSG_KEY_MISMATCH", "msg_key does not match the decrypted message"],
  [-5]: ["CORE_BAD_PADDING", "padding is outside 12..1024 bytes"],
  [-6]: ["CORE_BAD_DATA_LENGTH", "message_data_length is out of range"],
  [-7]: ["CORE_BAD_INPUT", "value out of range"],
  [-8]: ["CORE_NOT_FOUND", "no factor found"],
  [-9]: ["CORE_DH_BAD_PRIME", "dh_prime is not a 2048-bit safe prime"],
  [-10]: ["CORE_DH_BAD_G", "g does not generate the expected subgroup"],
  [-11]: ["CORE_DH_BAD_VALUE", "g_a/g_b is out of the safe range"],
  [-12]: ["CORE_BAD_MESSAGE_LENGTH", "the message length is invalid"],
  [-13]: ["CORE_HASH_MISMATCH", "the SHA-1 of the decrypted data does not match"],
};

/**
 * Throws the `CoreError` for a negative status returned by an export; returns non-negative
 * statuses (often a length) unchanged. `what` prefixes the message.
 */
export function check(status: number, what: string): number {
  if (status >= 0) return status;
  const [code, message] = statusCodes[status] ?? ["CORE_INTERNAL", `status ${status}`];
  throw new CoreError(code, `${what}: ${message}`);
}

/** Which AES implementation the module uses (the benchmark reports it). */
export function aesKind(): string {
  const kinds: Record<number, string> = {
    1: "RustCrypto aes (fixsliced, no table lookups, constant time)",
    2: "vector-permute AES in SIMD128 (no table lookups, constant time)",
    3: "T-table AES (secret-indexed table lookups)",
  };
  return kinds[core().aes_kind()] ?? "unknown";
}
