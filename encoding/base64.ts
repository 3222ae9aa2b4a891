/**
 * base64 and base64url (RFC 4648), the one implementation every part of the library uses: the
 * runtime's native codec where it has one (`Uint8Array.fromBase64`/`toBase64` on Deno, Bun and
 * new browsers; `Buffer` on Node), a plain loop elsewhere. Never a `Buffer` in a result.
 *
 * @example
 * ```ts
 * import { decodeBase64, encodeBase64 } from "./base64.ts";
 * const bytes = decodeBase64("AQID");
 * encodeBase64(bytes, { alphabet: "base64url", pad: false }); // "AQID"
 * ```
 *
 * @module
 */
import { nodeBuffer } from "../runtime/runtime.ts";

/** The two alphabets of RFC 4648: `+/` (section 4) or `-_` (section 5, URL- and file-safe). */
export type Base64Alphabet = "base64" | "base64url";

/** Options of {@link encodeBase64}. */
export interface EncodeBase64Options {
  /** Default `"base64"`. */
  alphabet?: Base64Alphabet;
  /** Whether to end with `=` padding to a multiple of four characters; default `true`. */
  pad?: boolean;
}

type FromBase64 = (s: string, o: { alphabet: Base64Alphabet }) => Uint8Array<ArrayBuffer>;
type ToBase64 = (o: { alphabet: Base64Alphabet; omitPadding: boolean }) => string;

const fromBase64 = (Uint8Array as { fromBase64?: FromBase64 }).fromBase64;
const toBase64 = (Uint8Array.prototype as { toBase64?: ToBase64 }).toBase64;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Per character code: 0 = not base64, 1 = both alphabets, 2 = base64url only, 3 = base64 only. */
const KIND = new Uint8Array(128);
/** Per character code: the 6-bit value of a base64 character of either alphabet. */
const SEXTET = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) {
  KIND[ALPHABET.charCodeAt(i)] = 1;
  SEXTET[ALPHABET.charCodeAt(i)] = i;
}
KIND[0x2d] = KIND[0x5f] = 2; // - _
KIND[0x2b] = KIND[0x2f] = 3; // + /
SEXTET[0x2d] = SEXTET[0x2b] = 62;
SEXTET[0x5f] = SEXTET[0x2f] = 63;

/**
 * Bytes from base64 text of `alphabet` (padding optional). The text must be valid: a lenient
 * decoder's handling of anything else differs per runtime; check untrusted text first with
 * {@link checkBase64}.
 */
export function decodeBase64(
  text: string,
  alphabet: Base64Alphabet = "base64",
): Uint8Array<ArrayBuffer> {
  if (fromBase64 !== undefined) return fromBase64(text, { alphabet });
  if (nodeBuffer !== undefined) {
    const buf = nodeBuffer.from(text, alphabet);
    // A view (possibly into Node's shared pool): callers that keep a range slice (copy) it.
    return new Uint8Array(buf.buffer as ArrayBuffer, buf.byteOffset, buf.byteLength);
  }
  return decodeBase64Portable(text);
}

/**
 * The portable path of {@link decodeBase64} (either alphabet): what runs where the runtime has
 * neither `Uint8Array.fromBase64` nor `Buffer`. Exported so tests run it everywhere.
 */
export function decodeBase64Portable(text: string): Uint8Array<ArrayBuffer> {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d /* = */) end--;
  const out = new Uint8Array((end * 3) >> 2);
  let acc = 0, bits = 0, o = 0;
  for (let i = 0; i < end; i++) {
    acc = ((acc << 6) | SEXTET[text.charCodeAt(i) & 127]) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** base64 text of `bytes`. */
export function encodeBase64(bytes: Uint8Array, options: EncodeBase64Options = {}): string {
  const alphabet = options.alphabet ?? "base64";
  const pad = options.pad ?? true;
  if (toBase64 !== undefined) return toBase64.call(bytes, { alphabet, omitPadding: !pad });
  if (nodeBuffer !== undefined) {
    let text = nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(alphabet);
    // Node's base64url never pads, its base64 always does.
    if (alphabet === "base64url" && pad) text += "=".repeat((4 - (text.length % 4)) % 4);
    else if (alphabet === "base64" && !pad) text = text.replace(/=+$/, "");
    return text;
  }
  return encodeBase64Portable(bytes, alphabet, pad);
}

/** The portable path of {@link encodeBase64} (`btoa`); exported so tests run it everywhere. */
export function encodeBase64Portable(
  bytes: Uint8Array,
  alphabet: Base64Alphabet,
  pad: boolean,
): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  let text = btoa(s);
  if (alphabet === "base64url") text = text.replace(/\+/g, "-").replace(/\//g, "_");
  return pad ? text : text.replace(/=+$/, "");
}

/**
 * Checks text strictly as base64: one alphabet (not a mix), a whole number of bytes, correct
 * padding and zero spare bits in the last character, so that exactly one text stands for each
 * byte string. Returns the alphabet the text uses (`"base64"` when it uses neither alphabet's
 * own characters) or, when the text is not valid, a sentence saying why (for an error message;
 * it never quotes the text, which may be a secret).
 */
export function checkBase64(text: string): { alphabet: Base64Alphabet } | { problem: string } {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d /* = */) end--;
  const padding = text.length - end;
  let seen = 0; // 1 << kind for every kind met: 4 = base64url-only characters, 8 = base64-only
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? KIND[c] : 0;
    if (kind === 0) return { problem: "a character outside the base64 alphabet" };
    seen |= 1 << kind;
  }
  if ((seen & 12) === 12) return { problem: "it mixes the base64 and base64url alphabets" };
  if (end % 4 === 1) return { problem: "its length is not a whole number of bytes" };
  if (padding > 0 && (padding > 2 || text.length % 4 !== 0)) {
    return { problem: "wrong base64 padding" };
  }
  // The last character of an unpadded tail carries 2 or 4 spare bits, which must be zero.
  const spare = end % 4 === 2 ? 0x0f : end % 4 === 3 ? 0x03 : 0;
  if (spare && (SEXTET[text.charCodeAt(end - 1)] & spare) !== 0) {
    return { problem: "non-canonical base64 ending" };
  }
  return { alphabet: seen & 4 ? "base64url" : "base64" };
}
