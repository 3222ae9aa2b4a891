/**
 * Session strings: a whole session (home DC, auth key, account) in one line of text.
 *
 * Reads every layout users bring along:
 * - Pyrogram and its forks (Irenogram, Pyrofork, kurigram): the current layout (`>BI?256sQ?`,
 *   362 characters) and both v1 layouts (`>B?256sI?`, 351 characters, and `>B?256sQ?`, 356);
 *   base64url, with or without `=` padding.
 * - Telethon `StringSession` (`"1"` + base64url of dc, packed IPv4/IPv6 address, port, key).
 * - GramJS `StringSession` (`"1"` + base64 of dc, address length + text, port, key).
 * - mtcute session strings (versions 1–3: flags, primary DC option(s), self user, key).
 *
 * Writes the current Pyrogram layout, which every Pyrogram fork reads.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import type { SessionData } from "./storage.ts";
import { SessionStringError, StorageError } from "./errors.ts";
import { dcAddress, isKnownDc, isTestDcHost } from "./dcs.ts";
import { AUTH_KEY_SIZE } from "./validate.ts";

/** The layout a session string was written in. */
export type SessionStringFormat =
  /** Pyrogram ≥ 2.0 and forks: dc, api_id, test_mode, auth_key, user_id (64-bit), is_bot. */
  | "pyrogram"
  /** Pyrogram 1.x with a 32-bit user id (351 characters). */
  | "pyrogram-v1"
  /** Pyrogram 1.x with a 64-bit user id (356 characters). */
  | "pyrogram-v1-64"
  | "telethon"
  | "gramjs"
  | "mtcute";

/** A decoded session string and the layout it was in. */
export interface ParsedSessionString {
  format: SessionStringFormat;
  session: SessionData;
}

/** The fields a session string carries (the rest of {@link SessionData} is not written). */
export type SessionStringData = Pick<
  SessionData,
  "dcId" | "apiId" | "testMode" | "authKey" | "userId" | "isBot"
>;

/** Longer than any layout can be (mtcute with two IPv6 options and a proxy secret fits). */
const MAX_LENGTH = 2048;
const MAX_USER_ID = Number.MAX_SAFE_INTEGER;

/** Byte lengths of the Pyrogram layouts. */
const PYROGRAM_LENGTH = 271;
const PYROGRAM_V1_LENGTH = 263;
const PYROGRAM_V1_64_LENGTH = 267;

const TL_BOOL_TRUE = 0x997275b5;
const TL_BOOL_FALSE = 0xbc799737;
const TL_DC_OPTION = 0x18b7a10d;

function fail(message: string): never {
  throw new SessionStringError(`invalid session string: ${message}`);
}

// ---------------------------------------------------------------------------------------------
// base64, strictly: one alphabet, canonical trailing bits, correct padding. A lenient decoder
// would silently accept a corrupted string and hand a wrong key to the network layer. The text
// is checked here; the conversion itself is the runtime's (node:buffer, in all three).

/** Per character code: 0 = not base64, 1 = both alphabets, 2 = base64url only, 3 = base64 only. */
const KIND = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") {
  KIND[c.charCodeAt(0)] = 1;
}
KIND[0x2d] = KIND[0x5f] = 2; // - _
KIND[0x2b] = KIND[0x2f] = 3; // + /
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Value of a base64 character (either alphabet) already known to be valid. */
function sextet(c: string): number {
  return c === "-" || c === "+" ? 62 : c === "_" || c === "/" ? 63 : ALPHABET.indexOf(c);
}

function decodeBase64(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d /* = */) end--;
  const padding = text.length - end;
  let seen = 0; // 1 << kind for every kind met: 4 = base64url-only characters, 8 = base64-only
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? KIND[c] : 0;
    if (kind === 0) fail("a character outside the base64 alphabet");
    seen |= 1 << kind;
  }
  if ((seen & 12) === 12) fail("it mixes the base64 and base64url alphabets");
  if (end % 4 === 1) fail("its length is not a whole number of bytes");
  if (padding > 0 && (padding > 2 || text.length % 4 !== 0)) fail("wrong base64 padding");
  // The last character of an unpadded tail carries 2 or 4 spare bits, which must be zero.
  const spare = end % 4 === 2 ? 0x0f : end % 4 === 3 ? 0x03 : 0;
  if (spare && (sextet(text[end - 1]) & spare) !== 0) fail("non-canonical base64 ending");
  // (Deno's "base64" decoder takes a slow path on "-" and "_": name the alphabet)
  const body = padding ? text.slice(0, end) : text;
  const buf = Buffer.from(body, seen & 4 ? "base64url" : "base64");
  // A view (possibly into Node's shared pool): every byte range kept from it is sliced (copied).
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

// ---------------------------------------------------------------------------------------------
// Field readers shared by the layouts.

function readBool(byte: number, field: string): boolean {
  if (byte === 0) return false;
  if (byte === 1) return true;
  return fail(`${field} is neither 0 nor 1`);
}

/**
 * A user id from the high and low 32 bits of a 64-bit field; 0 means "not logged in" (null).
 * Ids beyond 2^53 - 1 (the high half above 21 bits) cannot be a JavaScript number.
 */
function userIdOf(high: number, low: number): number | null {
  if (high < 0 || high > 0x1fffff) fail("user id out of range");
  return high * 0x1_0000_0000 + low || null;
}

function authKeyOrNull(key: Uint8Array): Uint8Array | null {
  return key.some((b) => b !== 0) ? key : null;
}

function checkDc(dcId: number, testMode: boolean): void {
  if (!isKnownDc(dcId, testMode)) {
    fail(`DC ${dcId} is not a ${testMode ? "test" : "production"} data centre`);
  }
}

function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail("port out of range");
  return port;
}

function session(
  fields: Omit<SessionData, "date" | "serverAddress" | "port">,
  address?: { host: string; port: number },
): SessionData {
  const where = address ?? dcAddress(fields.dcId, fields.testMode);
  // spelled out: an object spread here costs more than the whole base64 decode on Node 20
  return {
    dcId: fields.dcId,
    apiId: fields.apiId,
    testMode: fields.testMode,
    authKey: fields.authKey,
    userId: fields.userId,
    isBot: fields.isBot,
    date: 0,
    serverAddress: where?.host ?? null,
    port: where?.port ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Pyrogram: big-endian struct layouts.

function readPyrogram(bytes: Uint8Array): ParsedSessionString {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: SessionStringFormat;
  let apiId: number | null = null;
  let testMode: boolean;
  let keyAt: number;
  let userId: number | null;
  if (bytes.length === PYROGRAM_LENGTH) {
    format = "pyrogram";
    apiId = view.getUint32(1) || null; // 0: written without one (Pyrogram itself cannot)
    testMode = readBool(bytes[5], "test_mode");
    keyAt = 6;
    userId = userIdOf(view.getUint32(262), view.getUint32(266));
  } else {
    format = bytes.length === PYROGRAM_V1_LENGTH ? "pyrogram-v1" : "pyrogram-v1-64";
    testMode = readBool(bytes[1], "test_mode");
    keyAt = 2;
    userId = format === "pyrogram-v1"
      ? userIdOf(0, view.getUint32(258))
      : userIdOf(view.getUint32(258), view.getUint32(262));
    // Pyrogram 1.x exported strings only once logged in, and its 32-bit layout dates from when
    // user ids were signed 32-bit numbers: anything else here is another layout cut short (a
    // current string cut to 351 characters puts auth-key bytes where the user id goes).
    if (userId === null) fail("a Pyrogram 1.x string without a user id");
    if (format === "pyrogram-v1" && userId > 0x7fffffff) {
      fail("user id out of range for the Pyrogram 1.x layout (a damaged or cut string?)");
    }
  }
  const dcId = bytes[0];
  checkDc(dcId, testMode);
  const isBot = readBool(bytes[bytes.length - 1], "is_bot");
  const authKey = authKeyOrNull(bytes.slice(keyAt, keyAt + AUTH_KEY_SIZE));
  return { format, session: session({ dcId, apiId, testMode, authKey, userId, isBot }) };
}

// ---------------------------------------------------------------------------------------------
// Telethon and GramJS: "1" + base64 of dc, address, port, key.

// At most 255 characters: the longest host name, and what every engine stores.
const HOST_CHARS = /^[0-9A-Za-z.:-]{1,255}$/;

function readTelethonOrGramJs(bytes: Uint8Array): ParsedSessionString {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dcId = bytes[0];
  let format: SessionStringFormat;
  let host: string;
  let at: number;
  // GramJS writes a u16 length and the address as text; Telethon packs 4 or 16 address bytes.
  // A packed Telegram address never starts with bytes that match the length as a text length
  // (that would be 0.x.x.x or 00xx:…), so a match is GramJS, and bad host text is an error
  // rather than a reason to try Telethon's IPv6 layout (a 14-character GramJS address gives
  // the same length, 275 bytes).
  const textLength = bytes.length >= 3 ? view.getUint16(1) : 0;
  if (textLength > 0 && bytes.length === 1 + 2 + textLength + 2 + AUTH_KEY_SIZE) {
    format = "gramjs";
    host = Buffer.from(bytes.buffer, bytes.byteOffset + 3, textLength).toString("latin1");
    if (!HOST_CHARS.test(host)) fail("the server address is not a host name or IP address");
    at = 3 + textLength;
  } else if (bytes.length === 1 + 4 + 2 + AUTH_KEY_SIZE) {
    format = "telethon";
    host = bytes.subarray(1, 5).join(".");
    at = 5;
  } else if (bytes.length === 1 + 16 + 2 + AUTH_KEY_SIZE) {
    // A GramJS string of a 14-character address has this length too; with a damaged length
    // field it would read as an IPv6 address made of the address text. Real IPv6 addresses
    // are never 14 bytes of host-name characters.
    if (HOST_CHARS.test(String.fromCharCode(...bytes.subarray(3, 17)))) {
      fail("a GramJS string whose address length is damaged");
    }
    format = "telethon";
    host = formatIpv6(bytes.subarray(1, 17));
    at = 17;
  } else {
    return fail("a Telethon/GramJS string of unknown length");
  }
  const port = checkPort(view.getUint16(at));
  const testMode = isTestDcHost(host);
  checkDc(dcId, testMode);
  const authKey = authKeyOrNull(bytes.slice(at + 2));
  return {
    format,
    session: session({ dcId, apiId: null, testMode, authKey, userId: null, isBot: null }, {
      host,
      port,
    }),
  };
}

/** RFC 5952 text of an IPv6 address, as Python's `ipaddress` prints it. */
function formatIpv6(raw: Uint8Array): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((raw[i] << 8) | raw[i + 1]).toString(16));
  let bestAt = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > bestLength) [bestAt, bestLength] = [i, j - i];
    i = j;
  }
  if (bestAt < 0) return groups.join(":");
  const head = groups.slice(0, bestAt).join(":");
  const tail = groups.slice(bestAt + bestLength).join(":");
  return `${head}::${tail}`;
}

// ---------------------------------------------------------------------------------------------
// mtcute: a version byte, then TL-serialised (little-endian) fields.

const UTF8 = new TextDecoder("utf-8", { fatal: true });

class TlReader {
  #view: DataView;
  #bytes: Uint8Array;
  pos: number;

  constructor(bytes: Uint8Array, pos = 0) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = pos;
  }

  get remaining(): number {
    return this.#bytes.length - this.pos;
  }

  #need(n: number): void {
    if (n > this.remaining) fail("it ends too early");
  }

  raw(n: number): Uint8Array {
    this.#need(n);
    return this.#bytes.subarray(this.pos, this.pos += n);
  }

  uint(): number {
    this.#need(4);
    const value = this.#view.getUint32(this.pos, true);
    this.pos += 4;
    return value;
  }

  int(): number {
    return this.uint() | 0;
  }

  /** A TL long as its [high (signed), low] 32-bit halves. */
  long(): [number, number] {
    this.#need(8);
    const low = this.#view.getUint32(this.pos, true);
    const high = this.#view.getInt32(this.pos + 4, true);
    this.pos += 8;
    return [high, low];
  }

  bool(): boolean {
    const value = this.uint();
    if (value === TL_BOOL_TRUE) return true;
    if (value === TL_BOOL_FALSE) return false;
    return fail("a boolean field holds neither true nor false");
  }

  bytes(): Uint8Array {
    this.#need(1);
    let length = this.#bytes[this.pos++];
    let header = 1;
    if (length === 254) {
      const size = this.raw(3);
      length = size[0] | (size[1] << 8) | (size[2] << 16);
      header = 4;
    } else if (length === 255) {
      fail("a byte string has an invalid length prefix");
    }
    const data = this.raw(length);
    this.raw((4 - ((header + length) % 4)) % 4);
    return data;
  }

  string(): string {
    const data = this.bytes();
    try {
      return UTF8.decode(data);
    } catch {
      return fail("a text field is not UTF-8");
    }
  }
}

interface DcOption {
  id: number;
  host: string;
  port: number;
  testMode: boolean;
}

/** mtcute ≥ 0.17 (string version 3): its own "basic DC option" record, itself TL bytes. */
function readBasicDcOption(data: Uint8Array): DcOption {
  const reader = new TlReader(data);
  const [version, id, flags] = reader.raw(3);
  if (version !== 1 && version !== 2) fail("unknown DC option version");
  const host = reader.string();
  const port = reader.int();
  if (reader.remaining !== 0) fail("trailing bytes in a DC option");
  return { id, host, port, testMode: version === 2 && (flags & 4) !== 0 };
}

/** mtcute string versions 1 and 2: a TL `dcOption` object. */
function readTlDcOption(reader: TlReader): DcOption {
  if (reader.uint() !== TL_DC_OPTION) fail("a DC option has the wrong constructor");
  const flags = reader.uint();
  const id = reader.int();
  const host = reader.string();
  const port = reader.int();
  if (flags & 1024) reader.bytes(); // MTProxy secret: not ours to keep
  return { id, host, port, testMode: false };
}

function readMtcute(bytes: Uint8Array): ParsedSessionString {
  const version = bytes[0];
  const reader = new TlReader(bytes, 1);
  const flags = reader.int();
  const hasMedia = version >= 2 && (flags & 4) !== 0;
  const readOption = version === 3
    ? () => readBasicDcOption(reader.bytes())
    : () => readTlDcOption(reader);
  const main = readOption();
  const media = hasMedia ? readOption() : main;
  const testMode = (flags & 2) !== 0 || main.testMode;
  if (!(flags & 2) && main.testMode !== media.testMode) {
    fail("the main and media DC options disagree on test mode");
  }
  let userId: number | null = null;
  let isBot: boolean | null = null;
  if (flags & 1) {
    userId = userIdOf(...reader.long());
    isBot = reader.bool();
  }
  const key = reader.bytes();
  if (key.length !== AUTH_KEY_SIZE) fail(`the auth key has ${key.length} bytes, not 256`);
  if (reader.remaining !== 0) fail("trailing bytes after the auth key");
  checkDc(main.id, testMode);
  if (!HOST_CHARS.test(main.host)) fail("the server address is not a host name or IP address");
  const port = checkPort(main.port);
  return {
    format: "mtcute",
    session: session(
      { dcId: main.id, apiId: null, testMode, authKey: authKeyOrNull(key.slice()), userId, isBot },
      { host: main.host, port },
    ),
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Decodes a session string of any supported layout and tells which layout it was.
 * Surrounding whitespace is ignored. Throws {@link SessionStringError} (whose message never
 * contains the string) when the text is not a valid session string.
 */
export function parseSessionString(text: string): ParsedSessionString {
  if (typeof text !== "string") fail("not a string");
  // checked before trim(), which would copy whatever size it is given
  if (text.length > MAX_LENGTH) fail(`it has ${text.length} characters, far more than any layout`);
  text = text.trim();
  if (text.length === 0) fail("it is empty");
  // Telethon and GramJS prefix their version, "1". Pyrogram strings start with a dc id byte and
  // mtcute strings with a version byte: in base64 those begin "A", "B" or "y" (DC 203), never "1"
  // (that would take a first byte of 212 to 215).
  if (text[0] === "1") return readTelethonOrGramJs(decodeBase64(text.slice(1)));
  const bytes = decodeBase64(text);
  switch (bytes.length) {
    case PYROGRAM_LENGTH:
    case PYROGRAM_V1_LENGTH:
    case PYROGRAM_V1_64_LENGTH:
      return readPyrogram(bytes);
  }
  // The shortest mtcute string (no self, shortest IPv4 option) is 281 bytes.
  if (bytes.length > PYROGRAM_LENGTH && bytes[0] >= 1 && bytes[0] <= 3) return readMtcute(bytes);
  return fail(`${text.length} characters match no known layout`);
}

/**
 * Decodes a session string written by Pyrogram (any version), Irenogram, Pyrofork, kurigram,
 * Telethon, GramJS or mtcute. What a layout does not carry is filled from the DC table
 * (Pyrogram strings have no address) or left null (Telethon strings have no api_id: the client
 * options supply it). `date` is 0, as Pyrogram sets it.
 *
 * Stricter than the libraries' own readers, so that a damaged string is refused instead of
 * yielding a wrong key: one base64 alphabet, correct padding, zero spare bits, flag bytes 0 or
 * 1, a known DC, an auth key of exactly 256 bytes, no trailing bytes; where two layouts share a
 * length, every field must be plausible for the one chosen (a Pyrogram 1.x string has a user
 * id, below 2^31 in the 32-bit layout; a Telethon IPv6 address is not GramJS address text).
 *
 * What cannot be told apart: none of these layouts carries a checksum, so a damaged string
 * whose fields all stay plausible decodes to a wrong session. Known cases: a current Pyrogram
 * string cut to 351 characters reads as a Pyrogram 1.x string when the last four bytes of its
 * auth key happen to form a number below 2^31 (about half of them; the key it yields is
 * shifted, and the server will refuse it); a changed character inside the auth key goes
 * unnoticed in every layout.
 *
 * @example
 * ```ts
 * const session = decodeSessionString(process.env.SESSION!);
 * session.dcId; // 2
 * ```
 */
export function decodeSessionString(text: string): SessionData {
  return parseSessionString(text).session;
}

/**
 * Writes a session in the current Pyrogram layout (base64url without padding, 362 characters),
 * which Pyrogram ≥ 2.0 and every fork read. Requires an api_id and a 256-byte auth key (a session
 * without a key gets a {@link StorageError} with code `STORAGE_NO_AUTH_KEY`); a null user id is
 * written as 0 and a null `isBot` as false.
 *
 * @example
 * ```ts
 * const text = encodeSessionString(await storage.getSession());
 * ```
 */
export function encodeSessionString(data: SessionStringData): string {
  const { dcId, apiId, testMode, authKey, userId, isBot } = data;
  // Nothing is being parsed here: say what is missing, not "invalid session string".
  if (authKey === null || authKey === undefined) {
    throw new StorageError(
      "this session has no auth key yet (it never logged in): there is no session string to export",
      { code: "STORAGE_NO_AUTH_KEY" },
    );
  }
  const fail = (why: string): never => {
    throw new SessionStringError(`cannot write a session string: ${why}`);
  };
  if (typeof testMode !== "boolean") fail("testMode must be a boolean");
  if (!Number.isInteger(dcId) || !isKnownDc(dcId, testMode)) fail("unknown DC id");
  if (!Number.isInteger(apiId) || apiId! < 1 || apiId! > 0xffffffff) {
    fail("an api_id (1 to 2^32-1) is required");
  }
  if (!(authKey instanceof Uint8Array) || authKey.length !== AUTH_KEY_SIZE) {
    fail("the auth key must be 256 bytes");
  }
  if (userId !== null && (!Number.isInteger(userId) || userId < 1 || userId > MAX_USER_ID)) {
    fail("user id out of range");
  }
  if (isBot !== null && typeof isBot !== "boolean") fail("isBot must be a boolean or null");
  const bytes = new Uint8Array(PYROGRAM_LENGTH);
  const view = new DataView(bytes.buffer);
  bytes[0] = dcId;
  view.setUint32(1, apiId!);
  bytes[5] = testMode ? 1 : 0;
  bytes.set(authKey, 6);
  view.setUint32(262, Math.floor((userId ?? 0) / 0x1_0000_0000));
  view.setUint32(266, (userId ?? 0) >>> 0);
  bytes[270] = isBot ? 1 : 0;
  return encodeBase64Url(bytes);
}
