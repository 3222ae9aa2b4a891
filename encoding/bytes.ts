/**
 * Small conversions of bytes every layer needs: hexadecimal, concatenation, big-endian
 * unsigned numbers as bigint, and TL's little-endian 32-bit integers read in place (no DataView:
 * on Bun one over a small array's `.buffer` makes it build that array's ArrayBuffer). No
 * runtime-specific code.
 *
 * @module
 */

/** Lower-case hexadecimal of `bytes`, two digits a byte. */
export function toHex(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
  return s;
}

/** Bytes of hexadecimal text (either case; whitespace is ignored). */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, "");
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.substr(i * 2, 2), 16);
  return out;
}

/** The parts one after another, in a new array. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** `value` (>= 0) as exactly `length` big-endian bytes; `undefined` when it does not fit. */
export function bigintToBytes(value: bigint, length: number): Uint8Array | undefined {
  if (value < 0n) return undefined;
  const hex = value.toString(16);
  if (hex.length > length * 2) return undefined;
  const padded = hex.padStart(length * 2, "0");
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = parseInt(padded.substr(i * 2, 2), 16);
  return out;
}

/** A big-endian unsigned number. */
export function bytesToBigint(bytes: Uint8Array): bigint {
  return BigInt("0x0" + toHex(bytes));
}

/** The little-endian signed 32-bit integer at `at` of `bytes` (the caller checks the range). */
export function int32LE(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);
}

/** The little-endian unsigned 32-bit integer at `at` of `bytes` (a TL constructor id). */
export function uint32LE(bytes: Uint8Array, at: number): number {
  return int32LE(bytes, at) >>> 0;
}
