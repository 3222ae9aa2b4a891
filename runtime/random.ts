/**
 * Cryptographically secure random bytes, the cheapest way each runtime offers: node:crypto's
 * `randomFillSync` on Node (part of its start-up snapshot, while the first use of the WebCrypto
 * global there costs ~2 ms of a cold start, and each `getRandomValues` call ~3 µs), and
 * `crypto.getRandomValues` everywhere else (native on Deno, Bun and browsers). Both draw from the
 * operating system's CSPRNG through OpenSSL or the runtime.
 *
 * @module
 */
import type * as Crypto from "node:crypto";
import { nodeBuiltin, RUNTIME } from "./runtime.ts";

const nodeFill = RUNTIME === "node"
  ? nodeBuiltin<typeof Crypto>("node:crypto")?.randomFillSync
  : undefined;

/** Fills `bytes` with random bytes and returns it. */
export function fillRandom<T extends Uint8Array<ArrayBuffer>>(bytes: T): T {
  if (nodeFill !== undefined) {
    nodeFill(bytes);
    return bytes;
  }
  // getRandomValues takes at most 64 KiB a call.
  for (let off = 0; off < bytes.length; off += 65536) {
    crypto.getRandomValues(bytes.subarray(off, Math.min(bytes.length, off + 65536)));
  }
  return bytes;
}
