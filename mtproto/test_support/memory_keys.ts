/**
 * An {@link AuthKeyStore} in memory, for tests that need a client and nothing stored.
 *
 * @module
 */
import type { AuthKeyStore } from "../mod.ts";

/** Keys by DC number, kept in a Map. */
export function memoryKeys(): AuthKeyStore {
  const map = new Map<number, Uint8Array>();
  return {
    getAuthKey: (dc) => Promise.resolve(map.get(dc) ?? null),
    setAuthKey: (dc, key) => {
      if (key === null) map.delete(dc);
      else map.set(dc, key);
      return Promise.resolve();
    },
  };
}
