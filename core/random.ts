/**
 * Where the core's random bytes come from: the runtime's CSPRNG (runtime/random.ts) unless a
 * function is passed (tests inject a deterministic one).
 */
import { fillRandom } from "../runtime/random.ts";

/** Returns `length` random bytes. */
export type RandomSource = (length: number) => Uint8Array;

/**
 * Cryptographically secure bytes (`crypto.getRandomValues`; node:crypto's `randomFillSync` on
 * Node, see runtime/random.ts).
 */
export const secureRandom: RandomSource = (length: number): Uint8Array =>
  fillRandom(new Uint8Array(length));

/**
 * {@link secureRandom} drawn `poolBytes` at a time and handed out in slices: one
 * `getRandomValues` per many small draws instead of one each (each costs ~3 µs on Node, whose
 * WebCrypto goes through a job object and OpenSSL's fork check). The bytes are the same CSPRNG
 * output; the pool holds only future draws. With `views`, a draw is a view into the pool, valid
 * until the next draw (for callers that copy it at once); otherwise a copy. Draws over a quarter
 * of the pool go to {@link secureRandom} directly.
 */
export function pooledRandom(poolBytes: number, views = false): RandomSource {
  let pool: Uint8Array = new Uint8Array(0), used = 0;
  return (length: number): Uint8Array => {
    if (length > poolBytes / 4) return secureRandom(length);
    if (used + length > pool.length) {
      pool = secureRandom(poolBytes);
      used = 0;
    }
    const out = views ? pool.subarray(used, used + length) : pool.slice(used, used + length);
    used += length;
    return out;
  };
}

/**
 * Randomness for message padding (the default of sealMessage and sealFramed): a 4 KiB pool,
 * one `getRandomValues` per about thirty messages; a draw is valid until the next one.
 */
export const paddingRandom: RandomSource = pooledRandom(4096, true);
