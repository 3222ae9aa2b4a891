/**
 * Order-independent fingerprints of a set of peers, so that a copy of millions of peers is
 * compared with its source in bounded memory and without sorting either side: every field of
 * every peer ({@link PeerDigest}), or every byte of every stored document
 * ({@link DocumentDigest}), is hashed (three 32-bit lanes), and the hashes are summed. Two sets
 * with the same count and sums hold the same items, barring a deliberate collision.
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
 * A running fingerprint of byte strings (BSON documents as written, and as read back), in any
 * order; equal sets of documents give equal fingerprints, and one changed byte changes it.
 *
 * @example
 * ```ts
 * import { DocumentDigest } from "./digest.ts";
 * const a = new DocumentDigest(), b = new DocumentDigest();
 * a.add(Uint8Array.of(1, 2));
 * a.add(Uint8Array.of(3));
 * b.add(Uint8Array.of(3));
 * b.add(Uint8Array.of(1, 2));
 * a.equals(b); // true
 * ```
 */
export class DocumentDigest {
  count = 0;
  #sum1 = 0;
  #sum2 = 0;
  #sum3 = 0;

  add(document: Uint8Array): void {
    const n = document.length;
    let h1 = 0xdeadbeef ^ n, h2 = 0x41c6ce57 ^ n, h3 = 0x811c9dc5;
    for (let i = 0; i < n; i++) {
      const c = document[i];
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
  }

  equals(other: DocumentDigest): boolean {
    return this.count === other.count && this.#sum1 === other.#sum1 &&
      this.#sum2 === other.#sum2 && this.#sum3 === other.#sum3;
  }
}

const utf8 = new TextEncoder();

/**
 * A running fingerprint of peers, field by field (the UTF-8 of {@link peerText} of each).
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
  usernames = 0;
  readonly #texts = new DocumentDigest();

  get count(): number {
    return this.#texts.count;
  }

  add(peers: readonly PeerRecord[]): void {
    for (const p of peers) {
      this.#texts.add(utf8.encode(peerText(p)));
      this.usernames += p.usernames.length;
    }
  }

  equals(other: PeerDigest): boolean {
    return this.usernames === other.usernames && this.#texts.equals(other.#texts);
  }
}
