/**
 * Reference implementations for differential tests of the core (`core/*_test.ts`, `bench/`):
 * AES-IGE, AES-CTR and SHA from node:crypto, modular exponentiation in plain BigInt, all
 * independent of the WebAssembly core, plus a byte comparison that names the first difference and
 * a way to pin the core to its WebAssembly path. Node, Deno and Bun (they need node:crypto).
 *
 * @example
 * ```ts
 * import { refModPow } from "./crypto_reference.ts";
 * refModPow(4n, 13n, 497n); // 445n
 * ```
 *
 * @module
 */
import { createCipheriv, createDecipheriv, createHash } from "node:crypto";
import { initCore } from "../core/mod.ts";
import { setNativeCrypto } from "../core/native.ts";

/** SHA-1/SHA-256 of the concatenated parts, from node:crypto. */
export function nodeHash(alg: "sha1" | "sha256", ...parts: Uint8Array[]): Uint8Array {
  const h = createHash(alg);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

/**
 * AES-IGE built from node:crypto ECB blocks, independent of the WASM core: AES-256 (32-byte key),
 * or AES-128 for OpenSSL's published IGE vectors (16-byte key).
 */
export function refIge(
  data: Uint8Array,
  key: Uint8Array,
  iv: Uint8Array,
  enc: boolean,
): Uint8Array {
  const cipher = key.length === 16 ? "aes-128-ecb" : "aes-256-ecb";
  const ecb = enc ? createCipheriv(cipher, key, null) : createDecipheriv(cipher, key, null);
  ecb.setAutoPadding(false);
  const out = new Uint8Array(data.length);
  let cPrev = iv.slice(0, 16), pPrev = iv.slice(16, 32);
  for (let off = 0; off < data.length; off += 16) {
    const block = data.slice(off, off + 16);
    const x = new Uint8Array(16);
    const [before, after] = enc ? [cPrev, pPrev] : [pPrev, cPrev];
    for (let i = 0; i < 16; i++) x[i] = block[i] ^ before[i];
    const y = new Uint8Array(ecb.update(x));
    for (let i = 0; i < 16; i++) y[i] ^= after[i];
    out.set(y, off);
    if (enc) [cPrev, pPrev] = [y, block];
    else [pPrev, cPrev] = [y, block];
  }
  return out;
}

/** AES-256-CTR (128-bit big-endian counter) from node:crypto. */
export function refCtr(key: Uint8Array, iv: Uint8Array): (data: Uint8Array) => Uint8Array {
  const c = createCipheriv("aes-256-ctr", key, iv);
  return (data) => new Uint8Array(c.update(data));
}

/** Plain JS BigInt square-and-multiply. */
export function refModPow(base: bigint, exp: bigint, mod: bigint): bigint {
  if (mod === 1n) return 0n;
  let r = 1n, b = ((base % mod) + mod) % mod, e = exp;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return r;
}

/** Byte equality that names the first difference (fast for large arrays, unlike hex). */
export function sameBytes(actual: Uint8Array, expected: Uint8Array): string | undefined {
  if (actual.length !== expected.length) return `length ${actual.length} != ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] !== expected[i]) return `byte ${i}: ${actual[i]} != ${expected[i]}`;
  }
  return undefined;
}

/** Runs `fn` on the WebAssembly path of the core (node:crypto pinned off). */
export async function wasmOnly(fn: () => void): Promise<void> {
  await initCore();
  const previous = setNativeCrypto(undefined);
  try {
    fn();
  } finally {
    setNativeCrypto(previous);
  }
}

/** Telegram's 2048-bit DH prime (core.telegram.org/mtproto/samples-auth_key). */
export const TELEGRAM_DH_PRIME = BigInt(
  "0xc71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f642477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b",
);
