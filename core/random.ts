/**
 * Where the core's random bytes come from: `crypto.getRandomValues` unless a function is
 * passed (tests inject a deterministic one).
 */

/** Returns `length` random bytes. */
export type RandomSource = (length: number) => Uint8Array;

/** Cryptographically secure bytes from `crypto.getRandomValues` (in 64 KiB calls, its limit). */
export const secureRandom: RandomSource = (length: number): Uint8Array => {
  const out = new Uint8Array(length);
  for (let off = 0; off < length; off += 65536) {
    crypto.getRandomValues(out.subarray(off, Math.min(length, off + 65536)));
  }
  return out;
};
