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

const POOL = 4096;
let pool: Uint8Array = new Uint8Array(0);
let used = 0;

/**
 * {@link secureRandom} for message padding, drawn from a 4 KiB pool: one `getRandomValues` per
 * about thirty messages instead of two per message (each costs ~3 µs on Node, whose WebCrypto
 * goes through a job object and OpenSSL's fork check). The bytes are the same CSPRNG output; the
 * pool holds only future padding, which is no secret. The view returned is valid until the next
 * call (callers copy it at once).
 */
export const paddingRandom: RandomSource = (length: number): Uint8Array => {
  if (length > POOL) return secureRandom(length);
  if (used + length > pool.length) {
    pool = secureRandom(POOL);
    used = 0;
  }
  const out = pool.subarray(used, used + length);
  used += length;
  return out;
};
