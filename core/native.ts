/**
 * Native crypto where it beats the WebAssembly core (measured by bench/core_bench.ts): node:crypto's
 * AES-CTR, AES-CBC (IGE encryption is one CBC pass, see ige.ts) and SHA run on OpenSSL/BoringSSL
 * with AES-NI and SHA extensions on Node and Bun, and on Deno's Rust implementation, all faster
 * than WASM; raw RSA (`publicEncrypt` without padding) is a native modular exponentiation with
 * 64-bit multiplies, which WASM lacks (Node; Bun and Deno only for small exponents), and so is a
 * DiffieHellman's `computeSecret` (any exponent; Node and Bun). Browsers have
 * no node:crypto: there the core does everything. Results are identical either way (tests run
 * both paths on the same inputs).
 */
import { nodeBuiltin, RUNTIME } from "../runtime/runtime.ts";

/** The part of node:crypto the core uses. */
export interface NativeCrypto {
  createCipheriv(
    algorithm: "aes-256-ctr" | "aes-256-cbc",
    key: Uint8Array,
    iv: Uint8Array,
  ): {
    update(data: Uint8Array): Uint8Array;
    final(): Uint8Array;
    setAutoPadding(on: boolean): unknown;
  };
  createHash(algorithm: "sha1" | "sha256"): {
    update(data: Uint8Array): unknown;
    digest(): Uint8Array;
  };
  createPublicKey(options: { key: { kty: "RSA"; n: string; e: string }; format: "jwk" }): unknown;
  publicEncrypt(options: { key: unknown; padding: number }, data: Uint8Array): Uint8Array;
  constants: { RSA_NO_PADDING: number };
  createDiffieHellman(prime: Uint8Array, generator: Uint8Array): NativeDiffieHellman;
}

/** node:crypto's DiffieHellman as the core uses it: `computeSecret(x)` is x^privateKey mod prime. */
export interface NativeDiffieHellman {
  setPrivateKey(key: Uint8Array): void;
  computeSecret(other: Uint8Array): Uint8Array;
}

let native: NativeCrypto | undefined;
let loading: Promise<void> | undefined;
let forced: NativeCrypto | undefined | "auto" = "auto";

/** Operations that may run natively. */
export type NativeOp =
  | "ctr"
  | "sha"
  | "ige"
  | "ige-small"
  | "seal"
  | "seal-small"
  | "open"
  | "open-small"
  | "modpow"
  | "modpow-dh";

/**
 * Where node:crypto beats the core, per runtime (bench/core_bench.ts, same-run ratios): on Node
 * and Bun everything listed. Deno's node:crypto (a Rust implementation) costs more per call, so
 * IGE encryption below 16 KiB ("ige-small") and sealing of typical (1 KiB) messages are faster in
 * the core there; CTR, SHA, long IGE and small-exponent modPow still go native (its raw RSA
 * refuses exponents above 32 bits). Large exponents go through a native DiffieHellman on Node
 * and Bun ("modpow-dh"); Deno's is barely faster than JS BigInt.
 */
let fastOps: ReadonlySet<NativeOp> = new Set();

/**
 * Messages shorter than this many bytes are sealed and opened in the core ("seal-small",
 * "open-small"), longer ones natively, where "seal"/"open" are native at all. A small message is
 * bound by per-call overhead, not by AES: node:crypto's path creates three hash objects and a
 * cipher and several Buffers per message, the core one crossing and one copy out. Crossovers
 * measured with bench/core_bench.ts's "seal + open" rows by size (same-run, interleaved): Node 20
 * about 2 KiB (WASM 1.6–3× faster below, up to 2.3× slower above), Bun about 512 bytes.
 */
export let smallMessageBytes = 0;

/**
 * node:crypto when it is the faster path for `op` on this runtime (without `op`: whenever it is
 * loaded), else `undefined`.
 */
export function nativeCrypto(op?: NativeOp): NativeCrypto | undefined {
  if (forced !== "auto") return forced;
  return op === undefined || fastOps.has(op) ? native : undefined;
}

/** Loads node:crypto on Node, Bun and Deno (idempotent); elsewhere (browsers) does nothing. */
export function loadNative(): Promise<void> {
  loading ??= Promise.resolve().then(() => {
    const m = nodeBuiltin<NativeCrypto>("node:crypto");
    if (m === undefined) return;
    native = m;
    fastOps = new Set<NativeOp>(
      RUNTIME === "deno"
        ? ["ctr", "sha", "ige", "modpow"]
        : ["ctr", "sha", "ige", "ige-small", "seal", "open", "modpow", "modpow-dh"],
    );
    smallMessageBytes = RUNTIME === "node" ? 2048 : RUNTIME === "bun" ? 512 : 0;
  });
  return loading;
}

/**
 * Whether a client waits for node:crypto when it starts ({@link loadNative}) rather than loading
 * it shortly after ({@link loadNativeLater}). Only on Node, where node:crypto is part of the
 * start-up snapshot (under 1 ms). On Deno it is often the first `node:` module with real work a
 * program loads (15–20 ms of Node-compatibility start-up, 2–7 ms after another); on Bun it loads
 * Bun's Node stream modules with it (~5 ms of CPU at a cold start). Its gains there (CTR, SHA, IGE,
 * modPow) show on long payloads only, which the WebAssembly core serves correctly meanwhile.
 */
export const NATIVE_AT_START: boolean = RUNTIME === "node";

/** How long after a start {@link loadNativeLater} loads node:crypto: past a typical first request. */
export const NATIVE_LATER_MS = 300;

/**
 * Loads node:crypto {@link NATIVE_LATER_MS} from now, unless it is loaded or loading already;
 * returns a function that cancels the pending load (a closed client calls it, so that no timer
 * keeps the process alive). Until the load, every operation runs in the WebAssembly core.
 */
export function loadNativeLater(): () => void {
  if (loading !== undefined) return () => {};
  const timer = setTimeout(() => void loadNative(), NATIVE_LATER_MS);
  return () => clearTimeout(timer);
}

/** Whether the per-runtime choice is in force (no path pinned by {@link setNativeCrypto}). */
export function automaticChoice(): boolean {
  return forced === "auto";
}

/**
 * Chooses the path explicitly (tests compare both on every runtime): a module to use native
 * code for every operation, `undefined` for the WebAssembly core, `"auto"` for the per-runtime
 * choice. Returns the previous choice, to restore it.
 */
export function setNativeCrypto(
  choice: NativeCrypto | undefined | "auto",
): NativeCrypto | undefined | "auto" {
  const previous = forced;
  forced = choice;
  return previous;
}

/** A `Uint8Array` view of a Buffer-like result (no copy; never hands out a Buffer). */
export function plain(b: Uint8Array): Uint8Array {
  return b.constructor === Uint8Array ? b : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** SHA-1/SHA-256 of the concatenated parts through node:crypto. */
export function nativeHash(
  native: NativeCrypto,
  alg: "sha1" | "sha256",
  parts: Uint8Array[],
): Uint8Array {
  const h = native.createHash(alg);
  for (const part of parts) h.update(part);
  return plain(h.digest());
}
