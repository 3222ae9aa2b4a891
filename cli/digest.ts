/**
 * An order-independent fingerprint of a set of peers, so that a copy of millions of peers is
 * compared with its source in bounded memory and without sorting either side: every field of
 * every peer is hashed (two independent 32-bit lanes), and the hashes are summed. Two tables
 * with the same count and sums hold the same peers, barring a deliberate collision.
 *
 * @module
 */
import type { PeerRecord } from "../storage/storage.ts";

/** The text every field of a peer goes into (unambiguous: `|` and `,` never occur in fields). */
export function peerText(p: PeerRecord): string {
  return `${p.id}|${p.accessHash}|${p.type}|${p.usernames.join(",")}|` +
    `${p.phoneNumber ?? "\u0000"}|${p.lastUpdateOn}`;
}

/**
 * A running fingerprint of peers.
 *
 * @example
 * ```ts
 * import { PeerDigest } from "./digest.ts";
 * const a = new PeerDigest(), b = new PeerDigest();
 * const p = { id: 1, accessHash: 2n, type: "user" as const, usernames: [], phoneNumber: null,
 *   lastUpdateOn: 0 };
 * a.add([p]);
 * b.add([p]);
 * a.equals(b); // true
 * ```
 */
export class PeerDigest {
  count = 0;
  usernames = 0;
  #sum1 = 0;
  #sum2 = 0;
  #sum3 = 0;

  add(peers: readonly PeerRecord[]): void {
    for (const p of peers) {
      const text = peerText(p);
      let h1 = 0xdeadbeef ^ text.length, h2 = 0x41c6ce57 ^ text.length, h3 = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
        h3 = Math.imul(h3 ^ c, 16777619);
      }
      h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
      this.#sum1 = (this.#sum1 + (h1 >>> 0)) >>> 0;
      this.#sum2 = (this.#sum2 + (h2 >>> 0)) >>> 0;
      this.#sum3 = (this.#sum3 + (h3 >>> 0)) >>> 0;
      this.count++;
      this.usernames += p.usernames.length;
    }
  }

  equals(other: PeerDigest): boolean {
    return this.count === other.count && this.usernames === other.usernames &&
      this.#sum1 === other.#sum1 && this.#sum2 === other.#sum2 && this.#sum3 === other.#sum3;
  }
}
