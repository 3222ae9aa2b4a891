/**
 * Writes a session as a string in other libraries' layouts, so that a session can move from
 * this library to Telethon, GramJS or mtcute (and Pyrogram and its forks, through
 * {@link encodeSessionString}). The reader of all these layouts is `session_string.ts`.
 *
 * What each layout carries:
 * - Telethon `StringSession`: "1" + base64url (padded) of dc (1 byte), the packed IPv4 (4
 *   bytes) or IPv6 (16 bytes) address, port (u16 BE), auth key (256 bytes). No api_id, no user.
 * - GramJS `StringSession`: "1" + base64 (padded) of dc, address length (u16 BE), address text,
 *   port (u16 BE, read back as a signed 16-bit number by GramJS), auth key.
 * - mtcute (string version 3): version byte 3, flags (int32 LE: 1 = self user present), the main
 *   DC as mtcute's "basic DC option" (version 2: id, flags with 1 = IPv6 and 4 = test network,
 *   address, port) as TL bytes, then the self user (int53 LE, TL Bool) and the auth key as TL
 *   bytes; base64url without padding.
 *
 * The address is the session's own `serverAddress`/`port` when it has them, else the DC
 * table's address of its home DC.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { isIP } from "node:net";
import { encodeSessionString, type SessionStringData } from "./session_string.ts";
import type { SessionData } from "./storage.ts";
import { SessionStringError } from "./errors.ts";
import { dcAddress, isKnownDc, TELEGRAM_DCS } from "./dcs.ts";
import { AUTH_KEY_SIZE } from "./validate.ts";

/** The libraries whose session strings {@link encodeSessionStringAs} writes. */
export type SessionStringTarget = "pyrogram" | "telethon" | "gramjs" | "mtcute";

/** Every {@link SessionStringTarget}, in the order the CLI lists them. */
export const SESSION_STRING_TARGETS: readonly SessionStringTarget[] = [
  "pyrogram",
  "telethon",
  "gramjs",
  "mtcute",
];

/** What the writers need: the string fields plus the address, when the session knows it. */
export type SessionStringSource =
  & SessionStringData
  & Partial<Pick<SessionData, "serverAddress" | "port">>;

const TL_BOOL_TRUE = 0x997275b5;
const TL_BOOL_FALSE = 0xbc799737;
const MAX_USER_ID = Number.MAX_SAFE_INTEGER;

function fail(message: string): never {
  throw new SessionStringError(`cannot write the session string: ${message}`);
}

function checkKey(key: Uint8Array | null): Uint8Array {
  if (!(key instanceof Uint8Array) || key.length !== AUTH_KEY_SIZE) {
    fail("the session has no 256-byte auth key (it never logged in)");
  }
  return key;
}

function checkDc(dcId: number, testMode: boolean): void {
  if (typeof testMode !== "boolean") fail("testMode must be a boolean");
  if (!Number.isInteger(dcId) || !isKnownDc(dcId, testMode)) {
    fail(`DC ${dcId} is not a ${testMode ? "test" : "production"} data centre`);
  }
}

const TABLES = [
  TELEGRAM_DCS.prod,
  TELEGRAM_DCS.prodMedia,
  TELEGRAM_DCS.test,
  TELEGRAM_DCS.prodIpv6,
  TELEGRAM_DCS.testIpv6,
];

function isTableAddress(host: string): boolean {
  return TABLES.some((t) => Object.values(t).includes(host));
}

function isAddressOf(host: string, dcId: number): boolean {
  return TABLES.some((t) => t[dcId] === host);
}

/** The address to write: the session's own, else the DC table's. */
function addressOf(data: SessionStringSource): { host: string; port: number } {
  checkDc(data.dcId, data.testMode);
  const table = dcAddress(data.dcId, data.testMode)!;
  let host = data.serverAddress ?? table.host;
  let port = data.port ?? table.port;
  // An address of Telegram's table that belongs to another DC is stale (left from before the
  // home DC changed): the home DC's own address is written instead. Other addresses (a test
  // server, a proxy) are kept.
  if (isTableAddress(host) && !isAddressOf(host, data.dcId)) {
    host = table.host;
    port = table.port;
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail("port out of range");
  if (!/^[0-9A-Za-z.:-]{1,255}$/.test(host)) fail("the server address is not a host or IP");
  return { host, port };
}

/** The 4 or 16 bytes of an IP address in text form. */
function packIp(host: string): Uint8Array {
  const family = isIP(host);
  if (family === 4) return Uint8Array.from(host.split(".").map(Number));
  if (family !== 6) fail(`Telethon strings hold an IP address, not the host name "${host}"`);
  const [head, tail] = host.includes("::") ? host.split("::") : [host, ""];
  const groups = (text: string) => (text === "" ? [] : text.split(":"));
  let left = groups(head), right = groups(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const v4 = (list: string[]) => {
    const last = list[list.length - 1];
    if (!last?.includes(".")) return list;
    const b = last.split(".").map(Number);
    return [
      ...list.slice(0, -1),
      ((b[0] << 8) | b[1]).toString(16),
      ((b[2] << 8) | b[3]).toString(16),
    ];
  };
  if (right.length) right = v4(right);
  else left = v4(left);
  const zeros = 8 - left.length - right.length;
  const all = [...left, ...Array(host.includes("::") ? zeros : 0).fill("0"), ...right];
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    const v = parseInt(g, 16);
    out[2 * i] = v >> 8;
    out[2 * i + 1] = v & 0xff;
  });
  return out;
}

/**
 * A Telethon `StringSession` ("1" + base64url with padding). The address must be an IP
 * address (Telethon packs it); Telethon strings carry no api_id and no user.
 *
 * @example
 * ```ts
 * import { encodeTelethonString } from "./session_string_write.ts";
 * const text = encodeTelethonString({
 *   dcId: 2, apiId: null, testMode: false, authKey: new Uint8Array(256).fill(7),
 *   userId: null, isBot: null,
 * });
 * text.startsWith("1"); // true
 * ```
 */
export function encodeTelethonString(data: SessionStringSource): string {
  const key = checkKey(data.authKey);
  const { host, port } = addressOf(data);
  const ip = packIp(host);
  const bytes = new Uint8Array(1 + ip.length + 2 + AUTH_KEY_SIZE);
  bytes[0] = data.dcId;
  bytes.set(ip, 1);
  new DataView(bytes.buffer).setUint16(1 + ip.length, port);
  bytes.set(key, 3 + ip.length);
  // Python's urlsafe_b64encode: the URL alphabet, with padding.
  return "1" + Buffer.from(bytes).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
}

/**
 * A GramJS `StringSession` ("1" + standard base64 with padding). GramJS reads the port as a
 * signed 16-bit number, so ports above 32767 are refused.
 *
 * @example
 * ```ts
 * import { encodeGramJsString } from "./session_string_write.ts";
 * const text = encodeGramJsString({
 *   dcId: 4, apiId: null, testMode: false, authKey: new Uint8Array(256).fill(1),
 *   userId: null, isBot: null,
 * });
 * ```
 */
export function encodeGramJsString(data: SessionStringSource): string {
  const key = checkKey(data.authKey);
  const { host, port } = addressOf(data);
  if (port > 0x7fff) fail("GramJS reads ports above 32767 as negative numbers");
  // GramJS reads a length above 100 as a packed IPv6 address.
  if (host.length > 100) fail("GramJS strings hold addresses of at most 100 characters");
  const bytes = new Uint8Array(1 + 2 + host.length + 2 + AUTH_KEY_SIZE);
  const view = new DataView(bytes.buffer);
  bytes[0] = data.dcId;
  view.setUint16(1, host.length);
  for (let i = 0; i < host.length; i++) bytes[3 + i] = host.charCodeAt(i);
  view.setUint16(3 + host.length, port);
  bytes.set(key, 5 + host.length);
  return "1" + Buffer.from(bytes).toString("base64");
}

/** TL `bytes`: length prefix (1 or 4 bytes), data, zero padding to 4. */
function tlBytes(data: Uint8Array): Uint8Array {
  const header = data.length < 254 ? 1 : 4;
  const out = new Uint8Array(Math.ceil((header + data.length) / 4) * 4);
  if (header === 1) out[0] = data.length;
  else out.set([254, data.length & 0xff, (data.length >> 8) & 0xff, data.length >> 16]);
  out.set(data, header);
  return out;
}

function int32le(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0, true);
  return out;
}

/**
 * An mtcute session string (version 3, base64url without padding): main DC option, self user
 * when the session knows it (`isBot` null is written as false), auth key.
 *
 * @example
 * ```ts
 * import { encodeMtcuteString } from "./session_string_write.ts";
 * const text = encodeMtcuteString({
 *   dcId: 2, apiId: 12345, testMode: false, authKey: new Uint8Array(256).fill(3),
 *   userId: 777000, isBot: false,
 * });
 * ```
 */
export function encodeMtcuteString(data: SessionStringSource): string {
  const key = checkKey(data.authKey);
  const { host, port } = addressOf(data);
  const { userId } = data;
  if (userId !== null && (!Number.isInteger(userId) || userId < 1 || userId > MAX_USER_ID)) {
    fail("user id out of range");
  }
  const hostBytes = Buffer.from(host, "latin1");
  const optionFlags = (isIP(host) === 6 ? 1 : 0) | (data.testMode ? 4 : 0);
  const option = new Uint8Array([
    2,
    data.dcId,
    optionFlags,
    ...tlBytes(hostBytes),
    ...int32le(port),
  ]);
  const parts: Uint8Array[] = [new Uint8Array([3]), int32le(userId !== null ? 1 : 0)];
  parts.push(tlBytes(option));
  if (userId !== null) {
    parts.push(int32le(userId % 0x1_0000_0000), int32le(Math.floor(userId / 0x1_0000_0000)));
    parts.push(int32le(data.isBot ? TL_BOOL_TRUE : TL_BOOL_FALSE));
  }
  parts.push(tlBytes(key));
  return Buffer.concat(parts).toString("base64url");
}

/**
 * The session as a string of `target`'s layout. `pyrogram` is Pyrogram ≥ 2.0's layout (read by
 * Pyrogram, Irenogram, Pyrofork and kurigram) and needs an api_id.
 *
 * @example
 * ```ts
 * import { encodeSessionStringAs } from "./session_string_write.ts";
 * const session = {
 *   dcId: 2, apiId: 12345, testMode: false, authKey: new Uint8Array(256).fill(9),
 *   userId: 42, isBot: true,
 * };
 * const telethon = encodeSessionStringAs("telethon", session);
 * ```
 */
export function encodeSessionStringAs(
  target: SessionStringTarget,
  data: SessionStringSource,
): string {
  switch (target) {
    case "pyrogram":
      return encodeSessionString(data);
    case "telethon":
      return encodeTelethonString(data);
    case "gramjs":
      return encodeGramJsString(data);
    case "mtcute":
      return encodeMtcuteString(data);
  }
  return fail(`unknown target "${String(target).slice(0, 40)}"`);
}
