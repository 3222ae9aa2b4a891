import {
  initCoreForStart,
  loadNativeLater,
  NATIVE_AT_START,
  type RandomSource,
} from "../core/mod.ts";
import { type AnyFunction, type AnyTlObject, type Api, LAYER, type ResultOf } from "../tl/mod.ts";
import type { WebSocketConstructor } from "../runtime/websocket.ts";
import {
  type Endpoint,
  parseProxySecret,
  type ProxyOptions,
  type TransportName,
  TRANSPORTS,
} from "./connection.ts";
import { MtprotoError } from "./errors.ts";
import { Logger } from "./logger.ts";
import { parseRsaPublicKey, type RsaPublicKey } from "./rsa_keys.ts";
import { type AuthKeyStore, type InvokeOptions, Session, type SessionStats } from "./session.ts";

/** One DC's address. `wsUrl` serves the `"websocket"` transport. */
export interface DcOption {
  /** The DC number (1–5 in production). */
  id: number;
  /** An IPv4 or IPv6 address (no brackets) or a host name. */
  host: string;
  /** The TCP port. */
  port: number;
  /** Whether `host` is an IPv6 address (picked when `MtprotoOptions.ipv6` is set). */
  ipv6?: boolean;
  /** The DC's `ws(s)://…/apiws` URL for the `"websocket"` transport. */
  wsUrl?: string;
}

/** What initConnection tells the server about the app. */
export interface InitConnectionOptions {
  /** Default `"irenogram"`. */
  deviceModel?: string;
  /** Default `"unknown"`. */
  systemVersion?: string;
  /** Default the library's version. */
  appVersion?: string;
  /** ISO 639-1 language code, default `"en"`. */
  langCode?: string;
  /** Default `langCode`. */
  systemLangCode?: string;
  /** Default `""`. */
  langPack?: string;
}

/** Options of {@link MtprotoClient}. */
export interface MtprotoOptions {
  /** The app's api_id (my.telegram.org). */
  apiId: number;
  /** Known DC addresses; DCs missing here are looked up in help.getConfig's dc_options. */
  dcOptions: DcOption[];
  /** The servers' RSA keys, PEM (PKCS#1 `RSA PUBLIC KEY` or SPKI `PUBLIC KEY`). */
  publicKeys: string[];
  /** Where the auth keys of each DC are loaded from and saved to (a Storage fits). */
  keys: AuthKeyStore;
  /** Default `"obfuscated"` (obfuscated intermediate): what DPI cannot single out. */
  transport?: TransportName;
  /** An MTProxy (forces an obfuscated transport). */
  proxy?: ProxyOptions;
  /** Prefer IPv6 addresses from dc_options (dcOptions entries are used as given). */
  ipv6?: boolean;
  /** Telegram's test DCs (the obfuscated header and p_q_inner_data_dc carry the DC + 10000). */
  testMode?: boolean;
  /** What initConnection tells the server about the app. */
  initConnection?: InitConnectionOptions;
  /** Wrap every query in invokeWithoutUpdates. */
  noUpdates?: boolean;
  /** Where log lines go; default a silent {@link Logger}. */
  logger?: Logger;
  /** Updates objects as they arrive, in order, with the DC they came from. */
  onUpdate?: (updates: AnyTlObject, dcId: number) => void;
  /** A WebSocket constructor for runtimes without a global one (e.g. the ws package on Node 20). */
  WebSocket?: WebSocketConstructor;
  /** Randomness for keys, ids and paddings (tests only). */
  random?: RandomSource;
  /**
   * The local wall clock in milliseconds, default `Date.now` (tests only: a clock that jumps).
   * A step back of it while connected is measured against the monotonic `performance.now` and
   * does not move the server time msg_ids follow.
   */
  now?: () => number;
  /** Milliseconds between keep-alive pings (default 60 000). */
  pingInterval?: number;
  /**
   * Milliseconds a request may go unanswered before the server is asked about it
   * (msgs_state_req; default 30 000): one it never got is sent again, a lost answer asked for.
   */
  stateRequestAfter?: number;
  /** Milliseconds allowed for connecting and each key-exchange step (default 15 000). */
  connectTimeout?: number;
  /**
   * Perfect forward secrecy (core.telegram.org/api/pfs): messages go under temporary keys
   * (`expiresIn` seconds, default 86 400) bound to the stored key by auth.bindTempAuthKey,
   * replaced before they expire (or when the server no longer knows them) without losing a
   * request. Off by default.
   */
  pfs?: boolean | { expiresIn?: number };
}

/** Options of {@link MtprotoClient.invoke}. */
export interface MtprotoInvokeOptions extends InvokeOptions {
  /** The DC to send to; default the main DC. */
  dcId?: number;
}

/** The options of an invoke given none (not an object per call). */
const NO_OPTIONS: MtprotoInvokeOptions = Object.freeze({});

function badOption(message: string): MtprotoError {
  return new MtprotoError("MTPROTO_BAD_OPTIONS", message);
}

/**
 * The MTProto client: one session per DC, the main one kept connected for updates, the others
 * opened on demand (the authorization exported to them once the main DC is authorized).
 * RPC errors reject with tl/'s typed `RpcError` classes, as the server sent them
 * (`FLOOD_WAIT_X`, `*_MIGRATE_X` are for the caller to handle; see {@link setMainDc}).
 *
 * @example
 * ```ts
 * import { TestServer } from "@x/irenogram/testing";
 * await using server = await TestServer.start(); // Telegram's protocol on 127.0.0.1
 * const saved = new Map<number, Uint8Array | null>();
 * await using client = new MtprotoClient({
 *   ...server.clientOptions(),
 *   keys: {
 *     getAuthKey: (dc) => Promise.resolve(saved.get(dc) ?? null),
 *     setAuthKey: (dc, key) => Promise.resolve(void saved.set(dc, key)),
 *   },
 * });
 * await client.connect(2);
 * const nearest = await client.invoke({ _: "help.getNearestDc" }, { timeout: 10_000 });
 * console.log(nearest.thisDc); // 2
 * ```
 */
export class MtprotoClient {
  readonly #o: MtprotoOptions;
  readonly #log: Logger;
  readonly #rsaKeys: RsaPublicKey[];
  readonly #sessions = new Map<number, Session>();
  readonly #imported = new Map<number, Promise<void>>();
  #mainDcId = 0;
  #userId: number | null = null;
  #configOptions: Api.DcOption[] = [];
  #closed = false;
  /** Cancels the pending load of node:crypto {@link connect} scheduled, if any. */
  #cancelNativeLoad: (() => void) | undefined;

  /** Checks the options; nothing connects before {@link connect}. */
  constructor(options: MtprotoOptions) {
    if (!Number.isInteger(options?.apiId)) throw badOption("apiId must be an integer");
    if (!Array.isArray(options.dcOptions)) throw badOption("dcOptions must be an array");
    if (!Array.isArray(options.publicKeys) || options.publicKeys.length === 0) {
      throw badOption("publicKeys must list at least one PEM key");
    }
    if (options.transport !== undefined && !TRANSPORTS.includes(options.transport)) {
      throw badOption(`unknown transport ${String(options.transport)}`);
    }
    if (options.proxy !== undefined) parseProxySecret(options.proxy.secret);
    this.#o = options;
    this.#log = options.logger ?? new Logger();
    this.#rsaKeys = [];
  }

  /** The DC that `invoke` uses by default (0 before `connect`). */
  get mainDcId(): number {
    return this.#mainDcId;
  }

  /** Server time minus local time on the main DC, in seconds. */
  get timeOffset(): number {
    return this.#sessions.get(this.#mainDcId)?.timeOffset ?? 0;
  }

  /**
   * Connects to `mainDcId`, loading its auth key from the store or creating one. Resolves once
   * requests can flow: initConnection goes out with the first request (no round trip of its
   * own), and help.getConfig is asked only when a DC's address is missing from `dcOptions`.
   */
  async connect(mainDcId: number): Promise<void> {
    if (this.#closed) throw new MtprotoError("MTPROTO_CLOSED", "the client was closed");
    await initCoreForStart();
    // Where node:crypto is not worth waiting for at start (Deno, Bun), it comes in shortly after.
    if (!NATIVE_AT_START && this.#cancelNativeLoad === undefined) {
      this.#cancelNativeLoad = loadNativeLater();
    }
    this.#mainDcId = mainDcId;
    await this.#session(mainDcId).connect();
  }

  /** Makes `dcId` the main DC (after a `*_MIGRATE_X` error) and connects to it. */
  async setMainDc(dcId: number): Promise<void> {
    const old = this.#sessions.get(this.#mainDcId);
    this.#mainDcId = dcId;
    await this.#session(dcId).connect();
    // The old main DC no longer needs to stay connected for updates.
    if (old !== undefined && old.dcId !== dcId) old.close(), this.#sessions.delete(old.dcId);
  }

  /**
   * The user is logged in on the main DC (or out, with `null`): other DCs then get the
   * authorization through auth.exportAuthorization / auth.importAuthorization before their
   * first request.
   */
  setAuthorized(userId: number | null): void {
    this.#userId = userId;
    if (userId === null) this.#imported.clear();
  }

  /**
   * Invokes `fn` on the main DC (or `options.dcId`). Rejects with a typed `RpcError` for an
   * `rpc_error`, `MtprotoError` for protocol failures (`MTPROTO_TIMEOUT`, `MTPROTO_ABORTED`,
   * `MTPROTO_CLOSED`, …).
   */
  invoke<F extends AnyFunction>(
    fn: F,
    options: MtprotoInvokeOptions = NO_OPTIONS,
  ): Promise<ResultOf<F>> {
    if (this.#closed) {
      return Promise.reject(new MtprotoError("MTPROTO_CLOSED", "the client was closed"));
    }
    if (this.#mainDcId === 0) {
      return Promise.reject(new MtprotoError("MTPROTO_BAD_OPTIONS", "connect() before invoke()"));
    }
    const dcId = options.dcId ?? this.#mainDcId;
    if (dcId !== this.#mainDcId && this.#userId !== null) {
      return this.#importTo(dcId).then(() => this.#invokeOn(dcId, fn, options));
    }
    // The main DC's path stays free of async frames: the session's promise is the caller's.
    try {
      return this.#invokeOn(dcId, fn, options);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  #invokeOn<F extends AnyFunction>(
    dcId: number,
    fn: F,
    options: MtprotoInvokeOptions,
  ): Promise<ResultOf<F>> {
    return this.#session(dcId).invoke(fn, options) as Promise<ResultOf<F>>;
  }

  #importTo(dcId: number): Promise<void> {
    let done = this.#imported.get(dcId);
    if (done === undefined) {
      done = (async () => {
        const exported = await this.invoke({ _: "auth.exportAuthorization", dcId });
        await this.#session(dcId).invoke({
          _: "auth.importAuthorization",
          id: exported.id,
          bytes: exported.bytes,
        });
        this.#log.info("authorization imported", { dc: dcId });
      })();
      this.#imported.set(dcId, done);
      done.catch(() => this.#imported.delete(dcId));
    }
    return done;
  }

  /** The servers' keys, parsed when the first key exchange needs them (not on every start). */
  #rsa(): readonly RsaPublicKey[] {
    if (this.#rsaKeys.length === 0) {
      // All or nothing: a bad PEM throws (MTPROTO_BAD_OPTIONS) every time it is asked.
      this.#rsaKeys.push(...this.#o.publicKeys.map(parseRsaPublicKey));
    }
    return this.#rsaKeys;
  }

  #session(dcId: number): Session {
    let s = this.#sessions.get(dcId);
    if (s !== undefined) return s;
    if (!Number.isInteger(dcId) || dcId < 1 || dcId > 9999) {
      throw badOption(`invalid DC id ${dcId}`);
    }
    const o = this.#o;
    const init = o.initConnection ?? {};
    s = new Session({
      dcId,
      endpoint: () => this.#endpoint(dcId),
      connection: {
        transport: o.transport ?? "obfuscated",
        testMode: o.testMode,
        proxy: o.proxy,
        WebSocket: o.WebSocket,
      },
      rsaKeys: () => this.#rsa(),
      keys: o.keys,
      logger: this.#log,
      random: o.random,
      now: o.now,
      pingInterval: o.pingInterval,
      stateRequestAfter: o.stateRequestAfter,
      connectTimeout: o.connectTimeout,
      pfs: o.pfs
        ? { expiresIn: (typeof o.pfs === "object" ? o.pfs.expiresIn : undefined) ?? 86400 }
        : undefined,
      keepAlive: dcId === this.#mainDcId,
      wrapInit: (query) => ({
        _: "invokeWithLayer",
        layer: LAYER,
        query: {
          _: "initConnection",
          apiId: o.apiId,
          deviceModel: init.deviceModel ?? "irenogram",
          systemVersion: init.systemVersion ?? "unknown",
          appVersion: init.appVersion ?? "0.1.0",
          systemLangCode: init.systemLangCode ?? init.langCode ?? "en",
          langPack: init.langPack ?? "",
          langCode: init.langCode ?? "en",
          query,
        },
      }),
      wrapQuery: o.noUpdates ? (query) => ({ _: "invokeWithoutUpdates", query }) : undefined,
      onUpdate: o.onUpdate ? (u) => o.onUpdate!(u, dcId) : undefined,
    });
    this.#sessions.set(dcId, s);
    return s;
  }

  async #endpoint(dcId: number): Promise<Endpoint> {
    const o = this.#o;
    const given = o.dcOptions.filter((d) => d.id === dcId);
    const pick = given.find((d) => !!d.ipv6 === !!o.ipv6) ?? given[0];
    if (pick !== undefined) {
      return { host: pick.host, port: pick.port, wsUrl: pick.wsUrl ?? wsUrlOf(dcId, o.testMode) };
    }
    if (this.#configOptions.length === 0 && dcId !== this.#mainDcId && this.#mainDcId !== 0) {
      const config = await this.invoke({ _: "help.getConfig" });
      this.#configOptions = config.dcOptions;
    }
    const candidates = this.#configOptions.filter((d) =>
      d.id === dcId && !d.mediaOnly && !d.cdn && !d.tcpoOnly && d.secret === undefined
    );
    const best = candidates.find((d) => !!d.ipv6 === !!o.ipv6) ?? candidates[0];
    if (best === undefined) throw badOption(`no address known for DC ${dcId}`);
    return { host: best.ipAddress, port: best.port, wsUrl: wsUrlOf(dcId, o.testMode) };
  }

  /** What each DC's session holds (sizes only, no secrets): for tests and monitoring. */
  stats(): SessionStats[] {
    return [...this.#sessions.values()].map((s) => s.stats());
  }

  /** Closes every connection; pending requests reject with `MTPROTO_CLOSED`. */
  close(): Promise<void> {
    this.#closed = true;
    this.#cancelNativeLoad?.();
    for (const s of this.#sessions.values()) s.close();
    this.#sessions.clear();
    return Promise.resolve();
  }

  /** `await using client = new MtprotoClient(…)` closes it at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

const WS_NAMES: Record<number, string> = {
  1: "pluto",
  2: "venus",
  3: "aurora",
  4: "vesta",
  5: "flora",
};

/** Telegram's WebSocket endpoint of a production DC (web.telegram.org's). */
function wsUrlOf(dcId: number, testMode?: boolean): string | undefined {
  const name = WS_NAMES[dcId];
  if (name === undefined) return undefined;
  return `wss://${name}.web.telegram.org/apiws${testMode ? "_test" : ""}`;
}
