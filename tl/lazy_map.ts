/**
 * A read-only map built from its entries the first time it is read: a large generated table
 * (constructor ids by TL name) costs nothing at import and is built once when first needed.
 *
 * @module
 */

/**
 * A {@link ReadonlyMap} of the entries `build` returns, called on first use (once).
 *
 * @example
 * ```ts
 * import { lazyMap } from "./lazy_map.ts";
 * const squares = lazyMap(() => [[2, 4], [3, 9]]);
 * squares.get(3); // 9 (the entries were built just now)
 * ```
 */
export function lazyMap<K, V>(build: () => Iterable<readonly [K, V]>): ReadonlyMap<K, V> {
  return new LazyMap(build);
}

class LazyMap<K, V> implements ReadonlyMap<K, V> {
  #build: (() => Iterable<readonly [K, V]>) | undefined;
  #map: Map<K, V> | undefined;

  constructor(build: () => Iterable<readonly [K, V]>) {
    this.#build = build;
  }

  get #entries(): Map<K, V> {
    if (this.#map === undefined) {
      this.#map = new Map(this.#build!());
      this.#build = undefined;
    }
    return this.#map;
  }

  get(key: K): V | undefined {
    return this.#entries.get(key);
  }
  has(key: K): boolean {
    return this.#entries.has(key);
  }
  get size(): number {
    return this.#entries.size;
  }
  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.#entries) fn.call(thisArg, v, k, this);
  }
  entries(): MapIterator<[K, V]> {
    return this.#entries.entries();
  }
  keys(): MapIterator<K> {
    return this.#entries.keys();
  }
  values(): MapIterator<V> {
    return this.#entries.values();
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.#entries[Symbol.iterator]();
  }
  get [Symbol.toStringTag](): string {
    return "Map";
  }
}
