import { bigintToBytes, bytesToBigint, toHex } from "../encoding/bytes.ts";
import { encodeBase64 } from "../encoding/base64.ts";
import { CoreError } from "./errors.ts";
import { bigint, bytes } from "./input.ts";
import { type RandomSource, secureRandom } from "./random.ts";
import { check, core, readBytes, scratch, wipe, writeBytes } from "./wasm.ts";
import { automaticChoice, nativeCrypto, type NativeDiffieHellman, plain } from "./native.ts";

/**
 * base^exp mod mod with JS BigInt and fixed 5-bit windows (about 1.5x plain square-and-multiply).
 * Engines multiply BigInts with 64-bit limbs, which WASM lacks: without native code this beats
 * the core's Montgomery loop (radix 2^28, SIMD: about 5.1 ms against 4.3 ms for a 2048-bit
 * modulus and exponent on Deno and Bun, bench/core_bench.ts), so the public modPow uses it there.
 * Not constant time; where it exponentiates a DH secret (Deno, browsers) that secret serves two
 * exponentiations and is discarded, which leaves a timing attack nothing to average over.
 */
export function modPowWindowed(base: bigint, exp: bigint, mod: bigint): bigint {
  const b = ((base % mod) + mod) % mod;
  if (exp === 0n) return 1n % mod;
  const table = [1n, b];
  for (let i = 2; i < 32; i++) table.push((table[i - 1] * b) % mod);
  const bits = exp.toString(2);
  const first = bits.length % 5 || 5;
  let r = table[parseInt(bits.slice(0, first), 2)];
  for (let i = first; i < bits.length; i += 5) {
    for (let k = 0; k < 5; k++) r = (r * r) % mod;
    const digit = parseInt(bits.slice(i, i + 5), 2);
    if (digit !== 0) r = (r * table[digit]) % mod;
  }
  return r;
}

/** A JWK number: base64url of the big-endian bytes without leading zeros. */
function base64url(b: Uint8Array): string {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return encodeBase64(b.subarray(i), { alphabet: "base64url", pad: false });
}

/** Whether native raw RSA accepts exponents of any size (BoringSSL, in Bun, caps them). */
let nativeLargeExponents = true;

/**
 * base^exp mod mod as raw RSA through node:crypto (`publicEncrypt` with no padding computes
 * data^e mod n), for 1024..2048-bit moduli and 1 < exp < mod (OpenSSL's rules for a public key);
 * `undefined` when native code is unavailable or refuses the input.
 */
function rsaModPow(
  b: Uint8Array,
  e: Uint8Array,
  m: Uint8Array,
  exp: bigint,
  mod: bigint,
): bigint | undefined {
  const native = nativeCrypto("modpow");
  if (native === undefined || mod >> 1023n === 0n || exp >= mod) return undefined;
  if (!nativeLargeExponents && exp >> 32n !== 0n) return undefined;
  try {
    const key = native.createPublicKey({
      key: { kty: "RSA", n: base64url(m), e: base64url(e) },
      format: "jwk",
    });
    const size = (mod.toString(16).length + 1) >> 1;
    const out = native.publicEncrypt(
      { key, padding: native.constants.RSA_NO_PADDING },
      b.subarray(256 - size),
    );
    return bytesToBigint(plain(out));
  } catch {
    if (exp >> 32n !== 0n) nativeLargeExponents = false;
    return undefined;
  }
}

/**
 * Native DiffieHellman objects by modulus: creating one tests the modulus for primality (about
 * 3 ms on Bun), so the few moduli in use (a DH prime per server) keep theirs.
 */
const dhByModulus = new Map<bigint, NativeDiffieHellman>();
const DH_CACHE_SIZE = 4;
const TWO = Uint8Array.of(2);
const ONE = Uint8Array.of(1);

/**
 * base^exp mod mod as a native DiffieHellman's `computeSecret(base)` with `exp` as the private
 * key (OpenSSL/BoringSSL: constant-time Montgomery exponentiation with 64-bit multiplies). Its
 * rules: a modulus of 512 bits or more and 1 < base < mod - 1. `undefined` when unavailable.
 */
function dhModPow(
  b: Uint8Array,
  e: Uint8Array,
  m: Uint8Array,
  base: bigint,
  mod: bigint,
): bigint | undefined {
  const native = nativeCrypto("modpow-dh");
  if (native === undefined || mod >> 511n === 0n || base >= mod - 1n) return undefined;
  let dh = dhByModulus.get(mod);
  try {
    if (dh === undefined) {
      dh = native.createDiffieHellman(m, TWO);
      if (dhByModulus.size >= DH_CACHE_SIZE) {
        dhByModulus.delete(dhByModulus.keys().next().value!);
      }
      dhByModulus.set(mod, dh);
    }
    try {
      dh.setPrivateKey(e);
      return bytesToBigint(plain(dh.computeSecret(b)));
    } finally {
      // The exponent may be a DH secret: the cached object must not keep it.
      dh.setPrivateKey(ONE);
    }
  } catch {
    return undefined;
  }
}

/** Exponents above this many bits go to a native DiffieHellman rather than raw RSA. */
const RSA_EXPONENT_BITS = 64n;

/** The native paths in order of preference for this exponent; `undefined`: none applies. */
function nativeModPow(
  b: Uint8Array,
  e: Uint8Array,
  m: Uint8Array,
  base: bigint,
  exp: bigint,
  mod: bigint,
): bigint | undefined {
  if (exp >> RSA_EXPONENT_BITS !== 0n) {
    const r = dhModPow(b, e, m, base, mod);
    if (r !== undefined) return r;
  }
  return rsaModPow(b, e, m, exp, mod);
}

/**
 * `base^exp mod mod` for an odd `mod` of up to 2048 bits (RSA moduli, DH primes) and
 * `0 <= exp < 2^2048`; `base` may be any bigint (it is reduced). Runs natively through node:crypto
 * where it can (exponents over 64 bits as a DiffieHellman secret on Node and Bun; smaller ones as
 * raw RSA on 1024..2048-bit moduli), else with windowed JS BigInt arithmetic, which measured
 * faster than the core's WASM Montgomery loop (which serves `rsaPad`, and `dhExchange` where no
 * native DiffieHellman exists, in constant time). Not constant time itself on that JS path.
 * An even or non-positive modulus throws `CORE_BAD_INPUT`.
 *
 * @example
 * ```ts
 * await initCore();
 * modPow(3n, 65537n, n);
 * ```
 */
export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  bigint(base, "base");
  bigint(exp, "exp");
  bigint(mod, "mod");
  if (mod <= 0n || (mod & 1n) === 0n || mod >> 2048n !== 0n) {
    throw new CoreError("CORE_BAD_INPUT", "mod must be odd, positive and at most 2048 bits");
  }
  if (exp < 0n || exp >> 2048n !== 0n) {
    throw new CoreError("CORE_BAD_INPUT", "exp must be in [0, 2^2048)");
  }
  if (mod === 1n) return 0n;
  if (base < 0n || base >= mod) base = ((base % mod) + mod) % mod;
  const b = bigintToBytes(base, 256)!, e = bigintToBytes(exp, 256)!, m = bigintToBytes(mod, 256)!;
  if (base > 1n && exp > 1n) {
    const r = nativeModPow(b, e, m, base, exp, mod);
    if (r !== undefined) return r;
  }
  if (automaticChoice()) return modPowWindowed(base, exp, mod);
  const p = scratch(1024);
  writeBytes(p, b);
  writeBytes(p + 256, e);
  writeBytes(p + 512, m);
  try {
    check(core().mod_pow(p, 256, p + 256, 256, p + 512, 256, p + 768), "modPow");
    return bytesToBigint(readBytes(p + 768, 256));
  } finally {
    // The exponent may be a secret; the module's memory outlives this call.
    wipe(p, 1024);
  }
}

/**
 * Telegram's 2048-bit DH prime (core.telegram.org/mtproto/samples-auth_key), known to be safe:
 * it skips the primality test. Primes that pass the full test are remembered too.
 */
const knownSafePrimes = new Set<string>([
  "c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f642477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b",
]);

/** The core's status for a DH value out of range (core/wasm.ts `check`). */
const DH_BAD_VALUE = -11;

/** The outcome of {@link dhExchange}: the own public value and the shared key, 256 bytes each. */
export interface DhResult {
  /** g^secret mod dh_prime (g_b for a client, g_a for a server). */
  publicValue: Uint8Array;
  /** peer^secret mod dh_prime: the new auth_key. */
  sharedKey: Uint8Array;
}

/**
 * One side of the auth-key Diffie-Hellman with all the checks of
 * core.telegram.org/mtproto/auth_key in one call: dh_prime a 2048-bit safe prime (Miller-Rabin
 * on p and (p-1)/2 unless already known), g in 2..7 with its condition on p, the peer's value
 * and the own value in (1, p-1) and in [2^1984, p - 2^1984]. `secret` defaults to 256 random
 * bytes. The core checks; the two exponentiations run in constant time: natively on Node and Bun,
 * in the core elsewhere. Failures throw `CORE_DH_BAD_PRIME`, `CORE_DH_BAD_G` or
 * `CORE_DH_BAD_VALUE`.
 *
 * @example
 * ```ts
 * await initCore();
 * const { publicValue: gB, sharedKey: authKey } = dhExchange(dhPrime, g, gA);
 * ```
 */
export function dhExchange(
  dhPrime: Uint8Array,
  g: number,
  peerValue: Uint8Array,
  secret?: Uint8Array,
  random: RandomSource = secureRandom,
): DhResult {
  bytes(dhPrime, "dhPrime", 256);
  bytes(peerValue, "peerValue", 256);
  if (!Number.isInteger(g) || g < 0 || g > 0xffff_ffff) {
    throw new CoreError("CORE_DH_BAD_G", "g must be an integer");
  }
  const s = secret === undefined ? random(256) : bytes(secret, "secret");
  if (s.length > 256) throw new CoreError("CORE_BAD_INPUT", "secret must be at most 256 bytes");
  const primeHex = toHex(dhPrime);
  const known = knownSafePrimes.has(primeHex);
  const p = scratch(256 * 5 + 32);
  writeBytes(p, dhPrime);
  writeBytes(p + 256, peerValue);
  writeBytes(p + 512, s);
  writeBytes(p + 768, known ? new Uint8Array(32) : random(32));
  // Where node:crypto has a DiffieHellman (Node, Bun: constant-time OpenSSL/BoringSSL code,
  // 2-3x faster than the core) the core only checks (flag 2) and modPow exponentiates. Elsewhere
  // (Deno, browsers) the core's constant-time exponentiation keeps the secret's bits out of the
  // timing, which costs about a millisecond against windowed JS BigInt, once per key exchange.
  const routed = nativeCrypto("modpow-dh") !== undefined;
  try {
    const status = core().dh_exchange(
      p,
      g,
      p + 256,
      p + 512,
      s.length,
      p + 768,
      (known ? 1 : 0) | (routed ? 2 : 0),
      p + 800,
      p + 1056,
    );
    check(status, "dhExchange");
    const result = routed
      ? exponentiateNatively(g, s, dhPrime, peerValue)
      : { publicValue: readBytes(p + 800, 256), sharedKey: readBytes(p + 1056, 256) };
    if (!known) knownSafePrimes.add(primeHex);
    return result;
  } finally {
    wipe(p, 256 * 5 + 32);
  }
}

/** The two exponentiations of {@link dhExchange} through {@link modPow}, and the own value's range. */
function exponentiateNatively(
  g: number,
  secret: Uint8Array,
  dhPrime: Uint8Array,
  peerValue: Uint8Array,
): DhResult {
  const prime = bytesToBigint(dhPrime), exp = bytesToBigint(secret);
  const own = modPow(BigInt(g), exp, prime);
  const low = 1n << 1984n;
  if (own < low || own > prime - low) check(DH_BAD_VALUE, "dhExchange");
  const key = modPow(bytesToBigint(peerValue), exp, prime);
  return { publicValue: bigintToBytes(own, 256)!, sharedKey: bigintToBytes(key, 256)! };
}

/**
 * Checks a DH group alone (dh_prime a 2048-bit safe prime, g in 2..7 with its condition).
 * `fullCheck` runs the primality test even for a prime already known to be safe.
 */
export function checkDhGroup(
  dhPrime: Uint8Array,
  g: number,
  options: { fullCheck?: boolean; random?: RandomSource } = {},
): void {
  bytes(dhPrime, "dhPrime", 256);
  if (!Number.isInteger(g) || g < 0 || g > 0xffff_ffff) {
    throw new CoreError("CORE_DH_BAD_G", "g must be an integer");
  }
  const primeHex = toHex(dhPrime);
  const known = knownSafePrimes.has(primeHex) && !options.fullCheck;
  const p = scratch(288);
  writeBytes(p, dhPrime);
  writeBytes(p + 256, (options.random ?? secureRandom)(32));
  check(core().dh_check_group(p, g, p + 256, known ? 1 : 0), "checkDhGroup");
  knownSafePrimes.add(primeHex);
}

/**
 * Splits the 64-bit pq of the auth-key exchange into `[p, q]` with `p < q` (Pollard-Brent in
 * WebAssembly). A prime or a value outside (3, 2^64) throws.
 *
 * @example
 * ```ts
 * await initCore();
 * factorizePQ(0x17ed48941a08f981n); // [0x494c553bn, 0x53911073n]
 * ```
 */
export function factorizePQ(pq: bigint): [bigint, bigint] {
  bigint(pq, "pq");
  if (pq < 4n || pq >> 64n !== 0n) {
    throw new CoreError("CORE_BAD_INPUT", "pq must be in [4, 2^64)");
  }
  const p = scratch(16);
  check(core().factorize_pq(BigInt.asIntN(64, pq), p), "factorizePQ");
  const r = readBytes(p, 16);
  const view = new DataView(r.buffer);
  return [view.getBigUint64(0, true), view.getBigUint64(8, true)];
}
