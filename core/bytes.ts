/** Conversions between bigint and big-endian bytes. */

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
  let hex = "0x0";
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
  return BigInt(hex);
}
