/**
 * The options of {@link Client}: Irenogram's keyword arguments in camelCase, plus the DC
 * addresses and server keys to use (how tests point a client at `TestServer`), and their
 * validation.
 *
 * @module
 */
import { ClientError } from "./errors.ts";
import { type DcOption, type LogLevel, type TransportName, TRANSPORTS } from "../mtproto/mod.ts";

/**
 * A WebSocket class with the browser's API, such as the `ws` package's `WebSocket` (typed
 * loosely so that `ws`'s own typings fit without a cast).
 */
export type WebSocketClass = new (url: string, protocols?: string | string[]) => object;

/** A value given up front, or asked for when needed (an async callback). */
export type Input<T = string> = T | (() => T | Promise<T>);

// Where a DC listens: mtproto's type (one shape for the client, mtproto and the TestServer).
export type { DcOption } from "../mtproto/mod.ts";

// How much the client logs: the levels of mtproto's Logger (one type, so that the level of a
// Logger and the client's `logLevel` are documented as the same thing).
export type { LogLevel } from "../mtproto/mod.ts";

/** Anything with the four logging methods (mtproto's `Logger` is one). */
export interface LoggerLike {
  /** Logs detail for debugging (`fields` never hold secrets). */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Logs a normal event. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Logs something unexpected that the client recovered from. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Logs a failure. */
  error(message: string, fields?: Record<string, unknown>): void;
}

export type { TransportName } from "../mtproto/mod.ts";

/** Options of {@link Client}, named after Irenogram's keyword arguments in camelCase. */
export interface ClientOptions {
  /** Telegram API id (my.telegram.org). Taken from the session when it already holds one. */
  apiId?: number;
  /** Telegram API hash. Never logged. */
  apiHash?: string;
  /** Log in as a bot with this token instead of a phone number. Never logged. */
  botToken?: string;
  /** The phone number to log in with (international form), or a callback asking for it. */
  phoneNumber?: Input;
  /** The login code Telegram sent, or a callback asking for it (called again after a wrong one). */
  phoneCode?: Input;
  /** The two-step verification password, or a callback asking for it. Never logged. */
  password?: Input;
  /** First name for signing up a new account, when Telegram asks for one. */
  firstName?: Input;
  /** Last name for signing up a new account (may be empty). */
  lastName?: Input;
  /** Folder of the `NAME.session` file; default: the current directory. */
  workdir?: string;
  /** Keep the session in memory only, whatever the name. */
  inMemory?: boolean;
  /** A session string from `exportSessionString()` (Pyrogram, Telethon, GramJS or mtcute form). */
  sessionString?: string;
  /**
   * Where to keep the session instead of a SQLite file: a `mongodb://` / `mongodb+srv://` URL,
   * a connected `MongoClient`, or any object implementing the storage interface.
   */
  storageEngine?: unknown;
  /** Use Telegram's test servers. */
  testMode?: boolean;
  /** Connect over IPv6. */
  ipv6?: boolean;
  /** The MTProto transport. */
  transport?: TransportName;
  /**
   * The WebSocket class for `transport: "websocket"` where the runtime has none (Node before
   * 22): the `ws` package's. Browsers, Deno, Bun and Node 22+ need nothing here. Without one
   * there, `start()` fails with `CLIENT_WEBSOCKET_MISSING`.
   *
   * @example
   * ```ts
   * import { Client } from "@x/irenogram";
   * import { WebSocket } from "ws"; // npm i ws
   * const app = new Client("my_account", { transport: "websocket", webSocket: WebSocket });
   * ```
   */
  webSocket?: WebSocketClass;
  /** An MTProxy: host, port and secret (hex or base64; `dd`/`ee` prefixes understood). */
  proxy?: { host: string; port: number; secret: string };
  /** Reported to Telegram in initConnection (shown in the account's sessions list). */
  deviceModel?: string;
  /** Reported to Telegram in initConnection. */
  appVersion?: string;
  /** Reported to Telegram in initConnection. */
  systemVersion?: string;
  /** Language code of the client (initConnection), e.g. `"en"`. */
  langCode?: string;
  /** Language code of the system (initConnection). */
  systemLangCode?: string;
  /** Do not receive updates (every request wrapped in invokeWithoutUpdates). */
  noUpdates?: boolean;
  /**
   * FLOOD_WAIT errors asking for at most this many seconds are waited out and the request is
   * sent again (logged); longer ones are thrown. Default 10, as in Pyrogram.
   */
  sleepThreshold?: number;
  /** Where log lines go; default: the console, at `logLevel`. */
  logger?: LoggerLike;
  /** Level of the default logger; default `"warn"`. */
  logLevel?: LogLevel;
  /** The DCs to connect to instead of Telegram's (for TestServer: `server.clientOptions()`). */
  dcOptions?: DcOption[];
  /** The servers' RSA public keys (PEM) instead of Telegram's. */
  publicKeys?: string[];
}

const LEVELS: readonly LogLevel[] = ["silent", "error", "warn", "info", "debug"];

/** Default of {@link ClientOptions.sleepThreshold}, in seconds. */
export const DEFAULT_SLEEP_THRESHOLD = 10;

function bad(message: string): never {
  throw new ClientError("CLIENT_INVALID_OPTION", message);
}

const isInput = (v: unknown) => typeof v === "string" || typeof v === "function";

/**
 * Checks the types and ranges of `options`; throws {@link ClientError} `CLIENT_INVALID_OPTION`
 * naming the first bad option. Messages name options, never their (possibly secret) values.
 */
export function validateOptions(options: ClientOptions): void {
  if (typeof options !== "object" || options === null) bad("options must be an object");
  const o = options;
  if (
    o.apiId !== undefined && (!Number.isInteger(o.apiId) || o.apiId <= 0 || o.apiId > 0x7fffffff)
  ) {
    bad("apiId must be a positive 32-bit integer");
  }
  if (o.apiHash !== undefined && (typeof o.apiHash !== "string" || o.apiHash.length === 0)) {
    bad("apiHash must be a non-empty string");
  }
  if (
    o.botToken !== undefined && (typeof o.botToken !== "string" || !/^\d+:[\w-]+$/.test(o.botToken))
  ) {
    bad("botToken must look like 123456:ABC-DEF… (the token @BotFather gave)");
  }
  for (const key of ["phoneNumber", "phoneCode", "password", "firstName", "lastName"] as const) {
    if (o[key] !== undefined && !isInput(o[key])) bad(`${key} must be a string or a function`);
  }
  if (o.botToken !== undefined && o.phoneNumber !== undefined) {
    bad("give botToken or phoneNumber, not both");
  }
  // workdir is the storage's to check (STORAGE_INVALID_ARGUMENT, as for session names).
  for (const key of ["sessionString", "deviceModel", "appVersion", "systemVersion"] as const) {
    if (o[key] !== undefined && typeof o[key] !== "string") bad(`${key} must be a string`);
  }
  for (const key of ["langCode", "systemLangCode"] as const) {
    if (
      o[key] !== undefined && (typeof o[key] !== "string" || !/^[a-zA-Z-]{0,16}$/.test(o[key]!))
    ) {
      bad(`${key} must be a language code such as "en"`);
    }
  }
  for (const key of ["inMemory", "testMode", "ipv6", "noUpdates"] as const) {
    if (o[key] !== undefined && typeof o[key] !== "boolean") bad(`${key} must be a boolean`);
  }
  if (o.transport !== undefined && !TRANSPORTS.includes(o.transport)) {
    bad(`transport must be one of ${TRANSPORTS.join(", ")}`);
  }
  if (o.webSocket !== undefined && typeof o.webSocket !== "function") {
    bad("webSocket must be a WebSocket class (e.g. the ws package's WebSocket)");
  }
  if (o.proxy !== undefined) {
    const p = o.proxy;
    if (
      typeof p !== "object" || p === null || typeof p.host !== "string" || p.host.length === 0 ||
      !isPort(p.port) || typeof p.secret !== "string" || p.secret.length === 0
    ) bad("proxy must be { host, port, secret } (an MTProxy)");
  }
  if (
    o.sleepThreshold !== undefined &&
    (typeof o.sleepThreshold !== "number" || !(o.sleepThreshold >= 0) ||
      !Number.isFinite(o.sleepThreshold))
  ) bad("sleepThreshold must be a number of seconds >= 0");
  if (o.logLevel !== undefined && !LEVELS.includes(o.logLevel)) {
    bad(`logLevel must be one of ${LEVELS.join(", ")}`);
  }
  if (o.logger !== undefined) {
    const l = o.logger as unknown as Record<string, unknown>;
    if (
      typeof l !== "object" || l === null ||
      !["debug", "info", "warn", "error"].every((m) => typeof l[m] === "function")
    ) {
      bad("logger must have debug, info, warn and error methods");
    }
  }
  if (o.dcOptions !== undefined) {
    if (!Array.isArray(o.dcOptions) || o.dcOptions.length === 0) {
      bad("dcOptions must be a non-empty array");
    }
    for (const dc of o.dcOptions) {
      if (
        typeof dc !== "object" || dc === null || !Number.isInteger(dc.id) || dc.id <= 0 ||
        typeof dc.host !== "string" || dc.host.length === 0 || !isPort(dc.port) ||
        (dc.wsUrl !== undefined && typeof dc.wsUrl !== "string")
      ) bad("each of dcOptions must be { id, host, port, wsUrl? }");
    }
  }
  if (o.publicKeys !== undefined) {
    if (
      !Array.isArray(o.publicKeys) || o.publicKeys.length === 0 ||
      !o.publicKeys.every((k) =>
        typeof k === "string" && /-----BEGIN (RSA )?PUBLIC KEY-----/.test(k)
      )
    ) bad("publicKeys must be a non-empty array of PEM public keys");
  }
}

function isPort(v: unknown): boolean {
  return Number.isInteger(v) && (v as number) > 0 && (v as number) < 65536;
}
