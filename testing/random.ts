/**
 * A small seeded pseudo-random generator for reproducible fuzz and differential tests.
 * Not for cryptography: use `crypto.getRandomValues` for anything secret.
 *
 * @example
 * ```ts
 * const rng = new SeededRandom(42);
 * const data = rng.bytes(rng.int(1024));
 * ```
 */
export class SeededRandom {
  #state: bigint;

  /** The seed; print it when a test fails so the case can be replayed. */
  readonly seed: number;

  /** A generator from `seed` (default: the clock, printed as {@link SeededRandom.seed}). */
  constructor(seed: number = Date.now() >>> 0) {
    this.seed = seed;
    this.#state = BigInt.asUintN(64, BigInt(seed));
  }

  /** The next 32 random bits (splitmix64, upper half). */
  uint32(): number {
    this.#state = BigInt.asUintN(64, this.#state + 0x9e3779b97f4a7c15n);
    let z = this.#state;
    z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
    z = z ^ (z >> 31n);
    return Number(z >> 32n);
  }

  /** A uniform integer in `[0, max)`; `max` must be at most 2^32. */
  int(max: number): number {
    return Math.floor((this.uint32() / 0x1_0000_0000) * max);
  }

  /** `n` random bytes. */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const r = this.uint32();
      out[i] = r;
      if (i + 1 < n) out[i + 1] = r >>> 8;
      if (i + 2 < n) out[i + 2] = r >>> 16;
      if (i + 3 < n) out[i + 3] = r >>> 24;
    }
    return out;
  }
}
