/**
 * The encrypted session with one DC (core.telegram.org/mtproto/description,
 * core.telegram.org/mtproto/service_messages): auth key (loaded, or created by the exchange),
 * msg_id and seq_no, server salts, acks, containers, gzip, rpc_result/rpc_error, the service
 * messages, keep-alive pings, reconnecting with backoff and re-sending what is unanswered.
 *
 * @module
 */
import { nodeBuiltin } from "../runtime/runtime.ts";
import {
  authKeyId,
  CoreError,
  openMessage,
  paddingRandom,
  type RandomSource,
  secureRandom,
  TransportError,
} from "../core/mod.ts";
import {
  type AnyFunction,
  type AnyTlObject,
  type Api,
  deserialize,
  readResult,
  RPC_RESULT_ID,
  serialize,
  TlError,
  TlReader,
} from "../tl/mod.ts";
import { exchangeAuthKey } from "./auth_key.ts";
import { bindTempAuthKeyQuery } from "./temp_key_binding.ts";
import { Connection, type ConnectionOptions, type Endpoint } from "./connection.ts";
import { MtprotoError } from "./errors.ts";
import { hasGzipPacked, inflateAhead, inflatePolicy } from "./gzip_packed.ts";
import type { Logger } from "./logger.ts";
import { MessageIds, SeqNo, ServerMsgIds } from "./message_ids.ts";
import { OutgoingBatch } from "./outgoing.ts";
import { containerEntries, isContainer } from "./incoming.ts";
import { uint32LE } from "../encoding/bytes.ts";
import type { RsaPublicKey } from "./rsa_keys.ts";

/** Where auth keys live, one per DC (storage's `Storage` satisfies it). */
export interface AuthKeyStore {
  /** The stored auth key of `dcId` (256 bytes), or null: then one is created. */
  getAuthKey(dcId: number): Promise<Uint8Array | null>;
  /** Saves a newly created key (or forgets one with null). */
  setAuthKey(dcId: number, key: Uint8Array | null): Promise<void>;
}

/** Options of a {@link Session}. */
export interface SessionOptions {
  dcId: number;
  /** Resolves the DC's address (asked again on every reconnect). */
  endpoint: () => Promise<Endpoint> | Endpoint;
  connection: Omit<ConnectionOptions, "dcId">;
  /** The servers' keys, asked for only when a key exchange needs them (parsing costs start-up). */
  rsaKeys: () => readonly RsaPublicKey[];
  keys: AuthKeyStore;
  logger: Logger;
  /**
   * Wraps the first queries of each connection (invokeWithLayer + initConnection): every user
   * query sent on a connection is wrapped until one of them is answered, so initConnection rides
   * on the first real request instead of costing a round trip of its own.
   */
  wrapInit: (query: AnyFunction) => AnyFunction;
  /** Wraps every user query (invokeWithoutUpdates when updates are off); default none. */
  wrapQuery?: (query: AnyFunction) => AnyFunction;
  onUpdate?: (updates: AnyTlObject) => void;
  /** Reconnect when the connection drops even with nothing pending (the main DC, for updates). */
  keepAlive?: boolean;
  random?: RandomSource;
  /** The local wall clock, ms (default `Date.now`); see {@link MessageIds} for steps back. */
  now?: () => number;
  /** Milliseconds between keep-alive pings (default 60 000). */
  pingInterval?: number;
  /**
   * Milliseconds a request may go unanswered before the server is asked about it with
   * msgs_state_req (default 30 000): one the server never got is sent again, an answer it made
   * and that was lost is asked for again (msg_resend_ans_req).
   */
  stateRequestAfter?: number;
  /** Milliseconds for each step of the key exchange and for the first answer (default 15 000). */
  connectTimeout?: number;
  /**
   * Perfect forward secrecy: messages go under a temporary key (valid `expiresIn` seconds)
   * bound to the stored permanent key with auth.bindTempAuthKey. A minute (or a quarter of its
   * life, if shorter) before it expires, new requests wait, those in flight are answered, and
   * the next connection makes and binds a new one; one the server refuses (-404) is replaced too.
   */
  pfs?: { expiresIn: number };
}

/** What {@link Session.stats} reports. */
export interface SessionStats {
  /** The DC of this session. */
  dcId: number;
  /** Where the connection stands. */
  state: "idle" | "connecting" | "init" | "ready" | "closed";
  /** Requests waiting to be sent. */
  queued: number;
  /** Requests sent and not answered. */
  inFlight: number;
  /** msg_ids those requests went out under (several each after resends). */
  pendingIds: number;
  /** Server messages not yet acknowledged. */
  acks: number;
  /** Server msg_ids remembered for the duplicate check. */
  serverMsgIds: number;
  /** Server salts known ahead (get_future_salts). */
  futureSalts: number;
  /** Server time minus local time, seconds. */
  timeOffset: number;
}

/** Options of one {@link Session.invoke}. */
export interface InvokeOptions {
  /** Aborting it rejects the request with `MTPROTO_ABORTED` (an answer arriving later is dropped). */
  signal?: AbortSignal;
  /** Milliseconds until the request fails with `MTPROTO_TIMEOUT`. */
  timeout?: number;
}

interface Request {
  fn: AnyFunction;
  body: Uint8Array;
  /** A body that depends on the msg_id it goes out under (auth.bindTempAuthKey). */
  bodyFor?: (msgId: bigint) => Uint8Array;
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Every msg_id this request went out under (answers to any of them settle it). */
  ids: bigint[];
  msgId: bigint;
  containerId: bigint;
  settled: boolean;
  /** Sent before the connection is ready (the init query) and dropped with its connection. */
  early: boolean;
  /** The answer is a service object (pong, future_salts), not an rpc_result. */
  service: boolean;
  /** The connection on which it last went out wrapped in initConnection. */
  initOn?: unknown;
  resends: number;
  /** Local time (ms) it last went out, and when the server was last asked about it. */
  sentAt: number;
  stateAskedAt: number;
  cleanup?: () => void;
}

type State = "idle" | "connecting" | "init" | "ready" | "closed";

/** A service message that expects no answer (msgs_ack, msgs_state_info, msg_resend_req). */
interface Note {
  body: Uint8Array;
  contentRelated: boolean;
}

const UPDATES = new Set([
  "updates",
  "updatesCombined",
  "updateShort",
  "updateShortMessage",
  "updateShortChatMessage",
  "updateShortSentMessage",
  "updatesTooLong",
]);

/** The options of an invoke given none (not an object per call). */
const NO_OPTIONS: InvokeOptions = Object.freeze({});
/** Messages per container (Telegram accepts up to 1024). */
const CONTAINER_MAX_MESSAGES = 1000;
/** Payload bytes per container (well below Telegram's 1 MiB limit). */
const CONTAINER_MAX_BYTES = 512 * 1024;
/** Bodies larger than this are offered to gzip. */
const GZIP_MIN = 512;
/**
 * node:zlib where the runtime has it (not in browsers: there requests go uncompressed), loaded
 * with the first large body (loading it costs start-up time on Deno).
 */
let zlib: { gzipSync(b: Uint8Array): Uint8Array } | null | undefined;
/**
 * Acks held until they go out in bulk: with the next flush once this many wait (alone if no
 * request is queued). One request at a time then sends one msgs_ack per this many answers, not a
 * container of the request and one ack each time, which cost both sides a message every round.
 */
export const ACK_BATCH = 32;
/** How long (ms) fewer acks wait before the next flush takes them (alone if nothing else goes). */
export const ACK_DELAY = 500;
/** Consecutive connections without one valid message before pending requests fail. */
const MAX_FAILURES = 5;
/** How a user's query is queued: in order, answered with its result. */
const USER_REQUEST = { early: false, service: false } as const;
/** Keep-alive and salt requests: in order, not wrapped, not counted as the user's. */
const SERVICE_REQUEST = { early: false, service: true } as const;
/** Times one request is re-sent after bad_server_salt/bad_msg_notification. */
const MAX_RESENDS = 5;

/** A request's settling functions before its promise exists (replaced at once). */
function unset(): void {}

function closed(): MtprotoError {
  return new MtprotoError("MTPROTO_CLOSED", "the client was closed");
}

function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}

function readLong(b: Uint8Array, at: number): bigint {
  return new DataView(b.buffer, b.byteOffset + at, 8).getBigInt64(0, true);
}

function randomLong(random: RandomSource): bigint {
  return readLong(random(8), 0);
}

/** Errors after which reconnecting cannot help: the pending requests fail at once. */
function fatal(e: unknown): boolean {
  return e instanceof MtprotoError &&
    (e.code === "MTPROTO_SECURITY" || e.code === "MTPROTO_HANDSHAKE_FAILED" ||
      e.code === "MTPROTO_AUTH_KEY_UNKNOWN" || e.code === "MTPROTO_BAD_OPTIONS" ||
      e.code === "MTPROTO_UNSUPPORTED");
}

/**
 * The encrypted MTProto session with one DC. Requests are queued and sent in containers once
 * the connection is ready; unanswered ones are sent again (once) on every new connection.
 */
export class Session {
  readonly dcId: number;
  readonly #o: SessionOptions;
  readonly #log: Logger;
  readonly #random: RandomSource;
  /** Padding of sealed messages: the given source (tests), else core's pooled one. */
  readonly #paddingRandom: RandomSource;
  readonly #ids: MessageIds;
  readonly #seq = new SeqNo();
  readonly #serverIds = new ServerMsgIds();

  /** The key messages go under: the permanent key, or with PFS the temporary one. */
  #authKey: Uint8Array | undefined;
  #keyId: Uint8Array | undefined;
  /** The stored (permanent) key. */
  #permKey: Uint8Array | undefined;
  #tempKey: Uint8Array | undefined;
  /** Server time (s) when the temporary key expires. */
  #tempExpiresAt = 0;
  /** The temporary key is being replaced: new requests wait for the next connection. */
  #draining = false;
  #renewTimer: ReturnType<typeof setTimeout> | undefined;
  #needsBind = false;
  #salt = 0n;
  #futureSalts: { validSince: number; validUntil: number; salt: bigint }[] = [];
  #saltsAsked = false;
  #saltsBlockedUntil = 0;
  #sessionId: bigint;
  /** unique_id of the last new_session_created (a repeated one changes nothing). */
  #sessionUniqueId: bigint | undefined;
  /** The connection's initConnection is not answered yet: user queries go out wrapped. */
  #initPending = false;
  /** invokeWithLayer(initConnection(…))'s bytes before the query (see #withInit). */
  #initPrefix: Uint8Array | undefined;
  #initTimer: ReturnType<typeof setTimeout> | undefined;

  #conn: Connection | undefined;
  #state: State = "idle";
  #running: Promise<void> | undefined;
  #failures = 0;
  #validSinceConnect = false;
  /** Why the last run of connection attempts gave up (what `connect` throws). */
  #lastError: Error | undefined;

  readonly #queue: Request[] = [];
  /** The plaintext of each flush, assembled in one reused buffer. */
  readonly #batch = new OutgoingBatch();
  /** Requests of the flush under way (reused). */
  readonly #sent: Request[] = [];
  /** The msg_id and seq_no of a container, taken after those of the messages inside it. */
  readonly #nextContainer = () => ({ msgId: this.#ids.next(), seqNo: this.#seq.next(false) });
  readonly #notes: Note[] = [];
  readonly #pending = new Map<bigint, Request>();
  #acks: bigint[] = [];
  /** Acks held have waited {@link ACK_DELAY}: the next flush carries them, however few. */
  #acksDue = false;
  #flushScheduled = false;
  #ackTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #stateTimer: ReturnType<typeof setInterval> | undefined;
  #pingInFlight = false;
  #plainWaiter: { resolve(p: Uint8Array): void; reject(e: Error): void } | undefined;
  /** Payloads (and their connection) that arrived while a message waits for an inflate. */
  #held: { conn: Connection | undefined; payload: Uint8Array }[] | undefined;

  constructor(options: SessionOptions) {
    this.#o = options;
    this.dcId = options.dcId;
    this.#log = options.logger;
    this.#random = options.random ?? secureRandom;
    this.#paddingRandom = options.random ?? paddingRandom;
    this.#ids = new MessageIds(options.now);
    this.#sessionId = randomLong(this.#random);
  }

  /** The state, read through a call so that awaits do not leave it narrowed. */
  #now(): State {
    return this.#state;
  }

  /** Whether the connection is up and initialised. */
  get ready(): boolean {
    return this.#state === "ready";
  }

  /** Server time minus local time, in seconds, as corrected so far. */
  get timeOffset(): number {
    return this.#ids.offset;
  }

  /** Sizes of everything this session holds (all bounded by counts; for tests and monitoring). */
  stats(): SessionStats {
    return {
      dcId: this.dcId,
      state: this.#state,
      queued: this.#queue.length,
      inFlight: new Set(this.#pending.values()).size,
      pendingIds: this.#pending.size,
      acks: this.#acks.length,
      serverMsgIds: this.#serverIds.size,
      futureSalts: this.#futureSalts.length,
      timeOffset: this.#ids.offset,
    };
  }

  /** Connects (creating the auth key if the store has none) and waits until ready. */
  async connect(): Promise<void> {
    if (this.#state === "closed") throw closed();
    if (this.#state === "ready") return;
    await this.#start();
    if (this.#now() !== "ready") {
      throw this.#lastError ??
        new MtprotoError("MTPROTO_CONNECTION_FAILED", `cannot connect to DC ${this.dcId}`);
    }
  }

  /**
   * Sends `fn` and resolves with its result; an `rpc_error` rejects with tl/'s typed RpcError.
   */
  invoke(fn: AnyFunction, options: InvokeOptions = NO_OPTIONS): Promise<unknown> {
    if (this.#state === "closed") return Promise.reject(closed());
    const wrapped = this.#o.wrapQuery ? this.#o.wrapQuery(fn) : fn;
    return this.#request(wrapped, options, USER_REQUEST);
  }

  #request(
    fn: AnyFunction,
    options: InvokeOptions,
    kind: {
      service: boolean;
      early: boolean;
      bodyFor?: (msgId: bigint) => Uint8Array;
    },
  ): Promise<unknown> {
    let body: Uint8Array;
    try {
      body = kind.bodyFor ? new Uint8Array(512) : this.#encodeBody(fn);
    } catch (e) {
      return Promise.reject(e);
    }
    if (options.signal?.aborted) {
      return Promise.reject(new MtprotoError("MTPROTO_ABORTED", "the request was aborted"));
    }
    const req: Request = {
      fn,
      body,
      bodyFor: kind.bodyFor,
      resolve: unset,
      reject: unset,
      ids: [],
      msgId: 0n,
      containerId: 0n,
      settled: false,
      early: kind.early,
      service: kind.service,
      resends: 0,
      sentAt: 0,
      stateAskedAt: 0,
    };
    // The executor only takes the settling functions: a closure over this whole call, made per
    // request, would keep all of it alive until the answer.
    const answer = new Promise<unknown>((resolve, reject) => {
      req.resolve = resolve;
      req.reject = reject;
    });
    const { signal, timeout } = options;
    if (signal !== undefined || timeout !== undefined) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () =>
        this.#fail(req, new MtprotoError("MTPROTO_ABORTED", "the request was aborted"));
      if (timeout !== undefined) {
        timer = setTimeout(() =>
          this.#fail(
            req,
            new MtprotoError("MTPROTO_TIMEOUT", `no answer to ${fn._} within ${timeout} ms`),
          ), timeout);
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      req.cleanup = () => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      };
    }
    if (req.early) this.#queue.unshift(req);
    else this.#queue.push(req);
    this.#scheduleFlush();
    if (this.#state === "idle") this.#start().catch(() => {});
    return answer;
  }

  /** The body of a query: its TL bytes, gzip_packed when that is smaller. */
  #encodeBody(fn: AnyFunction): Uint8Array {
    const body = serialize(fn);
    if (body.length < GZIP_MIN) return body;
    zlib ??= nodeBuiltin<{ gzipSync(b: Uint8Array): Uint8Array }>("node:zlib") ?? null;
    if (zlib === null) return body;
    const packed = zlib.gzipSync(body);
    if (packed.length + 8 >= body.length) return body;
    return serialize({ _: "gzip_packed", packedData: packed });
  }

  #settle(req: Request): boolean {
    if (req.settled) return false;
    req.settled = true;
    for (const id of req.ids) this.#pending.delete(id);
    req.cleanup?.();
    return true;
  }

  #fail(req: Request, error: Error): void {
    if (!this.#settle(req)) return;
    const i = this.#queue.indexOf(req);
    if (i >= 0) this.#queue.splice(i, 1);
    req.reject(error);
  }

  #succeed(req: Request, value: unknown): void {
    if (this.#settle(req)) req.resolve(value);
  }

  /** Every unsettled request, once each: queued, then sent. */
  #allRequests(): Request[] {
    return [...new Set([...this.#queue, ...this.#pending.values()])].filter((r) => !r.settled);
  }

  #failAll(error: Error): void {
    for (const req of this.#allRequests()) this.#fail(req, error);
    this.#queue.length = 0;
  }

  // ---- connecting ----

  #start(): Promise<void> {
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #run(): Promise<void> {
    while (this.#state !== "closed") {
      try {
        await this.#connectOnce();
        return;
      } catch (e) {
        if (this.#now() === "closed") return;
        this.#dropConnection();
        this.#state = "idle";
        this.#failures++;
        this.#log.warn("connection attempt failed", {
          dc: this.dcId,
          error: e,
          attempt: this.#failures,
        });
        // With PFS every message goes under the temporary key: the server not knowing it
        // (expired, or forgotten) calls for a new temporary key, not for giving up.
        const tempKeyGone = this.#o.pfs !== undefined && e instanceof MtprotoError &&
          e.code === "MTPROTO_AUTH_KEY_UNKNOWN";
        if (tempKeyGone) this.#tempKey = undefined;
        const giveUp = fatal(e) && !tempKeyGone;
        if (giveUp || this.#failures >= MAX_FAILURES) {
          this.#lastError = giveUp ? e as Error : new MtprotoError(
            "MTPROTO_CONNECTION_FAILED",
            `no working connection to DC ${this.dcId} after ${this.#failures} attempts`,
            { cause: e },
          );
          this.#failAll(this.#lastError);
          this.#failures = 0;
          return;
        }
        await sleep(this.#backoff());
      }
    }
  }

  #backoff(): number {
    if (this.#failures === 0) return 0;
    const base = Math.min(100 * 2 ** (this.#failures - 1), 5000);
    return base / 2 + (this.#random(1)[0] / 255) * (base / 2);
  }

  async #connectOnce(): Promise<void> {
    this.#state = "connecting";
    this.#lastError = undefined;
    this.#validSinceConnect = false;
    if (this.#permKey === undefined) {
      const stored = await this.#o.keys.getAuthKey(this.dcId);
      if (stored !== null && stored !== undefined) this.#permKey = stored;
    }
    const endpoint = await this.#o.endpoint();
    const conn = await Connection.open(endpoint, {
      ...this.#o.connection,
      dcId: this.dcId,
      now: () => this.#ids.serverNow() / 1000, // a fake-TLS hello carries the corrected time
    }, {
      onPayload: (p) => {
        if (this.#conn === conn) this.#onPayload(p);
      },
      onClose: (e) => {
        if (this.#conn === conn) this.#onClose(e);
      },
    });
    if (this.#now() === "closed") {
      conn.close();
      throw closed();
    }
    this.#conn = conn;
    this.#log.info("connected", {
      dc: this.dcId,
      transport: this.#o.connection.transport,
      host: endpoint.host,
    });
    if (this.#permKey === undefined) {
      this.#permKey = await this.#createKey();
      await this.#o.keys.setAuthKey(this.dcId, this.#permKey);
    }
    const pfs = this.#o.pfs;
    if (pfs === undefined) this.#useKey(this.#permKey);
    else {
      if (!this.#tempKeyFresh()) {
        // The server counts expires_in from the exchange: so does the client, from its start.
        const clock = this.#o.now ?? Date.now, started = clock();
        this.#tempKey = await this.#createKey(pfs.expiresIn);
        const startedServer = this.#ids.serverNow() - (clock() - started);
        this.#tempExpiresAt = Math.floor(startedServer / 1000) + pfs.expiresIn;
        this.#needsBind = true;
      }
      this.#useKey(this.#tempKey!);
    }
    if (this.#conn !== conn) {
      throw new MtprotoError("MTPROTO_CONNECTION_FAILED", "the connection closed while starting");
    }
    this.#state = "init";
    if (this.#needsBind) await this.#bind();
    // initConnection goes out with the first requests of this connection (see #flush). A
    // connection on which the server then says nothing valid within connectTimeout is dropped
    // as a failed attempt, as a failed init round trip was.
    this.#initPending = true;
    const limit = this.#o.connectTimeout ?? 15000;
    this.#initTimer = setTimeout(() => {
      if (this.#conn !== conn || this.#validSinceConnect || this.#pending.size === 0) return;
      this.#onClose(
        new MtprotoError("MTPROTO_CONNECTION_FAILED", `no valid answer within ${limit} ms`),
      );
      conn.close();
    }, limit);
    if (this.#conn !== conn || this.#now() !== "init") {
      throw new MtprotoError("MTPROTO_CONNECTION_FAILED", "the connection closed while starting");
    }
    this.#state = "ready";
    this.#draining = false;
    this.#log.debug("ready", { dc: this.dcId, queued: this.#queue.length });
    this.#startPing();
    this.#scheduleRenewal();
    this.#scheduleFlush();
  }

  /**
   * Seconds before its expiry that a temporary key is replaced: a minute, or a quarter of its
   * life when that is shorter.
   */
  #renewMargin(): number {
    return Math.min(60, (this.#o.pfs?.expiresIn ?? 0) / 4);
  }

  /** Whether the temporary key has life enough left to (re)connect under it. */
  #tempKeyFresh(): boolean {
    return this.#tempKey !== undefined &&
      this.#tempExpiresAt - this.#ids.serverNow() / 1000 > this.#renewMargin();
  }

  /** With PFS, a timer that replaces the temporary key {@link #renewMargin} before it expires. */
  #scheduleRenewal(): void {
    this.#stopRenewal();
    if (this.#o.pfs === undefined) return;
    const ms = (this.#tempExpiresAt - this.#renewMargin()) * 1000 - this.#ids.serverNow();
    // setTimeout takes at most 2^31 - 1 ms (24.8 days); a longer key is looked at again then.
    this.#renewTimer = setTimeout(
      () => this.#renewTempKey(),
      Math.min(Math.max(0, ms), 2 ** 31 - 1),
    );
  }

  #stopRenewal(): void {
    if (this.#renewTimer !== undefined) clearTimeout(this.#renewTimer);
    this.#renewTimer = undefined;
  }

  /**
   * Replaces the temporary key before it expires: new requests wait, the ones in flight get
   * their answers under the old key (until a second before it expires), then the connection is
   * closed and the next one makes and binds a new key; what waited goes out under it.
   */
  #renewTempKey(): void {
    if (this.#state !== "ready") return;
    const left = this.#tempExpiresAt - this.#ids.serverNow() / 1000;
    if (left > this.#renewMargin() + 1) return this.#scheduleRenewal(); // woken early
    this.#draining = true;
    this.#log.info("temporary auth key expiring; replacing it", { dc: this.dcId });
    const conn = this.#conn;
    const check = () => {
      this.#renewTimer = undefined;
      if (this.#state !== "ready" || this.#conn !== conn) return;
      const left = this.#tempExpiresAt - this.#ids.serverNow() / 1000;
      const busy = [...this.#pending.values()].some((r) => !r.settled && !r.service);
      if (!busy || left < 1) {
        conn?.close();
        return;
      }
      this.#renewTimer = setTimeout(check, 50);
    };
    check();
  }

  #useKey(key: Uint8Array): void {
    if (this.#authKey !== undefined && this.#authKey !== key) {
      // A session belongs to one key: a new key starts a new session.
      this.#sessionId = randomLong(this.#random);
      this.#seq.reset();
    }
    this.#authKey = key;
    this.#keyId = authKeyId(key);
  }

  /** Runs the key exchange on the current connection (a temporary key with `expiresIn`). */
  async #createKey(expiresIn?: number): Promise<Uint8Array> {
    const conn = this.#conn!;
    const timeout = this.#o.connectTimeout ?? 15000;
    const dc = (this.#o.connection.testMode ? 10000 : 0) + this.dcId;
    const result = await exchangeAuthKey((body) => this.#plainRoundTrip(conn, body, timeout), {
      keys: this.#o.rsaKeys(),
      dc: this.#o.connection.media ? -dc : dc,
      expiresIn,
      random: this.#random,
      now: this.#o.now,
    });
    this.#ids.offset = result.timeOffset;
    this.#salt = result.serverSalt;
    this.#futureSalts = [];
    this.#log.info(expiresIn === undefined ? "auth key created" : "temporary auth key created", {
      dc: this.dcId,
      clockOffsetSeconds: result.timeOffset,
    });
    return result.authKey;
  }

  /** auth.bindTempAuthKey, the first query under a new temporary key. */
  async #bind(): Promise<void> {
    const binding = {
      permKey: this.#permKey!,
      tempKey: this.#tempKey!,
      tempSessionId: this.#sessionId,
      expiresAt: this.#tempExpiresAt,
      random: this.#random,
    };
    const ok = await this.#request(
      { _: "auth.bindTempAuthKey" } as AnyFunction,
      { timeout: this.#o.connectTimeout ?? 15000 },
      {
        early: true,
        service: false,
        bodyFor: (msgId) => serialize(bindTempAuthKeyQuery(binding, msgId)),
      },
    );
    if (ok !== true) {
      throw new MtprotoError("MTPROTO_HANDSHAKE_FAILED", "auth.bindTempAuthKey did not succeed");
    }
    this.#needsBind = false;
    this.#log.info("temporary auth key bound", { dc: this.dcId });
  }

  /** One unencrypted message and its answer (auth_key_id 0). */
  #plainRoundTrip(conn: Connection, body: Uint8Array, timeout: number): Promise<Uint8Array> {
    const msg = new Uint8Array(20 + body.length);
    const view = new DataView(msg.buffer);
    view.setBigInt64(8, this.#ids.next(), true);
    view.setInt32(16, body.length, true);
    msg.set(body, 20);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#plainWaiter = undefined;
        reject(new MtprotoError("MTPROTO_CONNECTION_FAILED", "no answer during the key exchange"));
      }, timeout);
      this.#plainWaiter = {
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      conn.send(msg);
    });
  }

  #onPlain(payload: Uint8Array): void {
    const waiter = this.#plainWaiter;
    if (waiter === undefined) return;
    this.#plainWaiter = undefined;
    const view = new DataView(payload.buffer, payload.byteOffset, payload.length);
    if (payload.length < 20 || view.getBigInt64(0, true) !== 0n) {
      waiter.reject(
        new MtprotoError(
          "MTPROTO_HANDSHAKE_FAILED",
          "an encrypted or short message during the key exchange",
        ),
      );
      return;
    }
    const msgId = view.getBigInt64(8, true);
    const len = view.getInt32(16, true);
    if ((msgId & 1n) === 0n || len < 4 || len > payload.length - 20) {
      waiter.reject(
        new MtprotoError("MTPROTO_HANDSHAKE_FAILED", "a malformed unencrypted message"),
      );
      return;
    }
    waiter.resolve(payload.subarray(20, 20 + len));
  }

  #onClose(error?: Error): void {
    const conn = this.#conn;
    this.#conn = undefined;
    this.#stopPing();
    this.#stopInitTimer();
    this.#stopRenewal();
    this.#draining = false;
    const wasState = this.#state;
    if (wasState === "closed") return;
    const problem = error instanceof TransportError && error.serverCode === -404
      ? new MtprotoError("MTPROTO_AUTH_KEY_UNKNOWN", `DC ${this.dcId} does not know the auth key`, {
        cause: error,
      })
      : error;
    this.#log.info("disconnected", { dc: this.dcId, error: problem ?? null });
    const dropped = new MtprotoError("MTPROTO_CONNECTION_FAILED", "the connection closed", {
      cause: problem,
    });
    this.#plainWaiter?.reject(problem instanceof MtprotoError ? problem : dropped);
    this.#plainWaiter = undefined;
    // Early (per-connection) requests go with the connection; the rest go out again, once.
    for (const req of this.#allRequests()) {
      if (req.early || (req.service && req.ids.length > 0)) {
        this.#fail(req, problem instanceof MtprotoError ? problem : dropped);
      } else if (req.ids.length > 0 && !this.#queue.includes(req)) this.#queue.push(req);
    }
    this.#queue.sort((a, b) => (a.ids[0] ?? 0n) < (b.ids[0] ?? 0n) ? -1 : 1);
    this.#acks = [];
    this.#acksDue = false;
    this.#notes.length = 0;
    if (wasState !== "ready") return; // #run handles failures while connecting
    this.#state = "idle";
    if (!this.#validSinceConnect) this.#failures++;
    if (this.#failures >= MAX_FAILURES) {
      // As #run gives up on connections that fail while starting.
      this.#failAll(
        new MtprotoError(
          "MTPROTO_CONNECTION_FAILED",
          `no working connection to DC ${this.dcId} after ${this.#failures} attempts`,
          { cause: problem },
        ),
      );
      this.#failures = 0;
      return;
    }
    if (
      problem instanceof MtprotoError && problem.code === "MTPROTO_AUTH_KEY_UNKNOWN" &&
      this.#o.pfs !== undefined
    ) {
      this.#tempKey = undefined; // expired or forgotten: the next connection makes a new one
    } else if (problem instanceof MtprotoError && fatal(problem)) {
      this.#failAll(problem);
      return;
    }
    if (this.#queue.length > 0 || this.#o.keepAlive) {
      const delay = this.#backoff();
      setTimeout(() => {
        if (this.#state === "idle" && (this.#queue.length > 0 || this.#o.keepAlive)) {
          this.#start().catch(() => {});
        }
      }, delay);
    }
    void conn;
  }

  #dropConnection(): void {
    const conn = this.#conn;
    this.#conn = undefined;
    this.#stopPing();
    this.#stopInitTimer();
    this.#stopRenewal();
    this.#draining = false;
    conn?.close();
  }

  // ---- receiving ----

  #onPayload(payload: Uint8Array): void {
    if (this.#held !== undefined) {
      this.#held.push({ conn: this.#conn, payload });
      return;
    }
    if (this.#state === "connecting") {
      this.#onPlain(payload);
      return;
    }
    const key = this.#authKey;
    if (key === undefined || payload.length < 8) return;
    let data: Uint8Array;
    try {
      data = openMessage(key, payload, "server");
    } catch (e) {
      // A message that fails the checks is discarded, and the connection with it.
      this.#log.warn("undecryptable message; dropping the connection", {
        dc: this.dcId,
        error: e instanceof CoreError ? e.code : e,
      });
      this.#conn?.close();
      return;
    }
    const view = new DataView(data.buffer, data.byteOffset, data.length);
    const msgId = view.getBigInt64(16, true);
    const seqNo = view.getInt32(24, true);
    const len = view.getInt32(28, true);
    const body = data.subarray(32, 32 + len);
    if (view.getBigInt64(8, true) !== this.#sessionId) {
      this.#log.warn("message of another session ignored", { dc: this.dcId });
      return;
    }
    const problem = this.#serverIds.check(msgId, undefined, (seqNo & 1) === 1);
    if (problem !== undefined) {
      this.#log.warn("server message refused", { dc: this.dcId, reason: problem });
      return;
    }
    if (inflatePolicy.ahead && hasGzipPacked(body)) {
      return this.#inflateThenRead(msgId, seqNo, body);
    }
    // The msg_id's seconds (MessageIds.seconds) are its signed high 32 bits: read as a number.
    this.#read(msgId, seqNo, body, view.getInt32(20, true), this.#ids.serverNow() / 1000);
  }

  /**
   * No synchronous inflater here (a browser): inflate the message's gzip_packed first, holding
   * later payloads back so that messages are still handled in arrival order.
   */
  #inflateThenRead(msgId: bigint, seqNo: number, body: Uint8Array): void {
    const conn = this.#conn;
    this.#held = [];
    inflateAhead(body).catch(() => body).then((inflated) => {
      const held = this.#held ?? [];
      this.#held = undefined;
      if (this.#conn === conn) {
        const seconds = MessageIds.seconds(msgId), now = this.#ids.serverNow() / 1000;
        this.#read(msgId, seqNo, inflated, seconds, now);
      }
      for (const [i, h] of held.entries()) {
        // Another held message went to inflate: the rest waits behind it again.
        const again = this.#held as typeof held | undefined;
        if (again !== undefined) {
          again.push(...held.slice(i));
          break;
        }
        if (h.conn === this.#conn) this.#onPayload(h.payload);
      }
    });
  }

  /** Parses and handles one decrypted server message whose msg_id passed the checks. */
  #read(msgId: bigint, seqNo: number, body: Uint8Array, seconds: number, now: number): void {
    const outOfWindow = seconds < now - 300 || seconds > now + 30;
    if (!outOfWindow && body.length >= 12 && uint32LE(body, 0) === RPC_RESULT_ID) {
      // The usual answer, taken without building its object: the result's bytes go straight
      // to readResult (what deserialize, then #handle, would do with it).
      const first = this.#proved();
      if ((seqNo & 1) === 1) this.#acks.push(msgId);
      this.#onResult(readLong(body, 4), body.subarray(12));
      this.#afterRead(first);
      return;
    }
    if (!outOfWindow && isContainer(body) && this.#readContainer(msgId, seqNo, body)) return;
    let obj: AnyTlObject;
    try {
      obj = deserialize(body);
    } catch (e) {
      this.#unreadable(e);
      return;
    }
    if (outOfWindow) {
      // A msg_id outside -300 s..+30 s of our clock: only the notifications that correct the
      // clock or the salt are believed (they carry the server's time, which is what is off),
      // alone or in a container.
      const items = obj._ === "msg_container"
        ? (obj as unknown as { messages: { msgId: bigint; seqno: number; body: AnyTlObject }[] })
          .messages
        : [{ msgId, seqno: seqNo, body: obj }];
      const kept = items.filter((m) =>
        (m.body as { _?: string })?._ === "bad_msg_notification" ||
        (m.body as { _?: string })?._ === "bad_server_salt"
      );
      if (kept.length === 0) {
        this.#log.warn("server message refused", {
          dc: this.dcId,
          reason: seconds < now ? "too old" : "too new",
        });
        return;
      }
      const offset = this.#ids.offset;
      for (const m of kept) {
        if (
          m.msgId === msgId ||
          this.#serverIds.check(m.msgId, undefined, (m.seqno & 1) === 1) === undefined
        ) {
          this.#handle(m.msgId, m.seqno, m.body);
        }
      }
      // The clock synchronised, the other messages of the container are checked against it
      // and taken if they pass (core.telegram.org/mtproto/description#time-synchronization:
      // the notification "could be the first one in a container that includes other messages").
      const synced = this.#ids.serverNow() / 1000;
      if (
        items.length > kept.length && this.#ids.offset !== offset &&
        seconds >= synced - 300 && seconds <= synced + 30
      ) {
        for (const m of items) {
          if (kept.includes(m) || (m.body as { _?: string })?._ === "msg_container") continue;
          if (this.#serverIds.check(m.msgId, undefined, (m.seqno & 1) === 1) === undefined) {
            this.#handle(m.msgId, m.seqno, m.body);
          }
        }
        this.#scheduleFlush();
      }
      return;
    }
    const first = this.#proved();
    this.#handle(msgId, seqNo, obj);
    this.#afterRead(first);
  }

  #unreadable(e: unknown): void {
    this.#log.warn("unreadable server message ignored", {
      dc: this.#o.dcId,
      error: e instanceof TlError ? e.code : e,
    });
  }

  /**
   * A msg_container within the time window, its rpc_results taken in place (mtproto/incoming.ts)
   * and its other messages read as objects first, so that an unreadable one drops the whole
   * container as deserialize would. False when the container is irregular: the caller reads it
   * with deserialize, which says why.
   */
  #readContainer(msgId: bigint, seqNo: number, body: Uint8Array): boolean {
    const entries = containerEntries(body);
    if (entries === undefined) return false;
    const objects: unknown[] = [];
    try {
      for (const e of entries) {
        objects.push(e.reqMsgId === undefined ? new TlReader(e.body).object() : undefined);
      }
    } catch (e) {
      this.#unreadable(e);
      return true;
    }
    const first = this.#proved();
    if ((seqNo & 1) === 1) this.#acks.push(msgId);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const problem = this.#serverIds.check(e.msgId, undefined, (e.seqno & 1) === 1);
      if (problem !== undefined) {
        this.#log.warn("server message refused", { dc: this.dcId, reason: problem });
        continue;
      }
      if (e.reqMsgId !== undefined) {
        if ((e.seqno & 1) === 1) this.#acks.push(e.msgId);
        this.#onResult(e.reqMsgId, e.result!);
        continue;
      }
      const o = objects[i] as { _?: string } | null;
      if (o?._ === "msg_container") continue; // no nesting
      this.#handle(e.msgId, e.seqno, o as AnyTlObject);
    }
    this.#afterRead(first);
    return true;
  }

  /**
   * A message passed every check: the connection works. True for its first such message.
   */
  #proved(): boolean {
    const first = !this.#validSinceConnect;
    this.#validSinceConnect = true;
    this.#failures = 0;
    return first;
  }

  /**
   * After a message was handled. Future salts are asked once the connection proved itself (the
   * first request of a new connection is the user's own, carrying initConnection, alone with
   * the first salt). Acks held go out when {@link ACK_BATCH} wait, else once their timer fired
   * ({@link ACK_DELAY}), with whatever the flush then carries.
   */
  #afterRead(first: boolean): void {
    if (first) this.#askSalts();
    if (this.#acks.length >= ACK_BATCH) this.#scheduleFlush();
    else if (this.#acks.length > 0 && this.#ackTimer === undefined) {
      // One timer for a batch, not cleared when the batch leaves early (no timer churn): acks
      // still held when it fires are due, and the next flush (scheduled here) takes them.
      this.#ackTimer = setTimeout(() => {
        this.#ackTimer = undefined;
        if (this.#acks.length > 0) {
          this.#acksDue = true;
          this.#scheduleFlush();
        }
      }, ACK_DELAY);
    }
  }

  #handle(msgId: bigint, seqNo: number, obj: AnyTlObject | boolean | unknown[]): void {
    if ((seqNo & 1) === 1) this.#acks.push(msgId);
    if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return;
    const o = obj as AnyTlObject;
    switch (o._) {
      case "msg_container": {
        for (
          const m
            of (o as unknown as { messages: { msgId: bigint; seqno: number; body: AnyTlObject }[] })
              .messages
        ) {
          const problem = this.#serverIds.check(m.msgId, undefined, (m.seqno & 1) === 1);
          if (problem !== undefined) {
            this.#log.warn("server message refused", { dc: this.dcId, reason: problem });
            continue;
          }
          if ((m.body as { _?: string })?._ === "msg_container") continue; // no nesting
          this.#handle(m.msgId, m.seqno, m.body);
        }
        return;
      }
      case "rpc_result": {
        const r = o as unknown as { reqMsgId: bigint; result: Uint8Array };
        this.#onResult(r.reqMsgId, r.result);
        return;
      }
      case "pong": {
        const req = this.#pending.get((o as Api.Pong).msgId);
        if (req !== undefined) this.#succeed(req, o);
        return;
      }
      case "future_salts": {
        const req = this.#pending.get((o as Api.FutureSalts).reqMsgId);
        if (req !== undefined) this.#succeed(req, o);
        return;
      }
      case "msgs_state_info": {
        const req = this.#pending.get((o as Api.MsgsStateInfo).reqMsgId);
        if (req?.service) this.#succeed(req, o);
        return;
      }
      case "new_session_created": {
        const n = o as Api.NewSessionCreated;
        if (n.uniqueId === this.#sessionUniqueId) return; // the same session, announced again
        const gap = this.#sessionUniqueId !== undefined;
        this.#sessionUniqueId = n.uniqueId;
        this.#salt = n.serverSalt;
        if (!this.#futureSalts.some((s) => s.salt === n.serverSalt)) this.#futureSalts = [];
        this.#log.debug("new session created", { dc: this.dcId });
        // What was sent before first_msg_id never reached this session: send it again. A
        // message in a container counts by the container's msg_id (above those inside it), so
        // that the requests of the container that opened the session are not sent twice
        // whichever of the two the server names.
        for (const req of new Set(this.#pending.values())) {
          const sentAs = req.containerId !== 0n ? req.containerId : req.msgId;
          if (req.msgId !== 0n && sentAs < n.firstMsgId) this.#resend(req);
        }
        // Updates sent to the old session are lost: the client fetches the difference. The
        // first new session of this object is its start, not a gap.
        if (gap) this.#deliver({ _: "updatesTooLong" });
        this.#scheduleFlush();
        return;
      }
      case "bad_server_salt": {
        const b = o as Api.BadServerSalt;
        this.#salt = b.newServerSalt;
        this.#futureSalts = [];
        this.#log.debug("server salt replaced", { dc: this.dcId });
        this.#resendFor(b.badMsgId);
        this.#askSalts();
        return;
      }
      case "bad_msg_notification": {
        this.#onBadMsg(msgId, o as Api.BadMsgNotification);
        return;
      }
      case "msgs_ack":
      case "msg_resend_req":
      case "msgs_all_info":
      case "destroy_session_ok":
      case "destroy_session_none":
        return;
      case "msgs_state_req": {
        const ids = (o as Api.MsgsStateReq).msgIds.slice(0, 8192);
        const info = this.#serverIds.states(ids);
        this.#note({ _: "msgs_state_info", reqMsgId: msgId, info }, true);
        return;
      }
      case "msg_detailed_info":
      case "msg_new_detailed_info": {
        const answer = (o as Api.MsgNewDetailedInfo).answerMsgId;
        if (this.#serverIds.has(answer)) this.#acks.push(answer);
        else this.#note({ _: "msg_resend_req", msgIds: [answer] }, true);
        return;
      }
      default:
        if (UPDATES.has(o._)) this.#deliver(o);
        else this.#log.debug("unhandled server message", { dc: this.dcId, type: o._ });
    }
  }

  /** An rpc_result: the request it answers (any msg_id it went out under) settles with it. */
  #onResult(reqMsgId: bigint, result: Uint8Array): void {
    const req = this.#pending.get(reqMsgId);
    if (req === undefined) return;
    // Any answer to a wrapped query means the server took this connection's initConnection.
    if (req.initOn === this.#conn) this.#initPending = false;
    let value: unknown;
    try {
      value = readResult(req.fn, result);
    } catch (e) {
      this.#fail(req, e as Error);
      return;
    }
    this.#succeed(req, value);
  }

  #deliver(updates: AnyTlObject): void {
    try {
      this.#o.onUpdate?.(updates);
    } catch (e) {
      this.#log.error("onUpdate threw", { dc: this.dcId, error: e });
    }
  }

  #onBadMsg(msgId: bigint, b: Api.BadMsgNotification): void {
    const code = b.errorCode;
    this.#log.debug("bad_msg_notification", { dc: this.dcId, errorCode: code });
    switch (code) {
      case 16:
      case 17: {
        // Only a notification about a message still waiting for its answer moves the clock
        // (not one repeated about a msg_id already sent again).
        const refused = this.#requestsFor(b.badMsgId);
        if (refused.length === 0) return;
        this.#ids.correct(msgId);
        for (const req of refused) this.#resend(req);
        this.#scheduleFlush();
        return;
      }
      case 32:
      case 33: {
        // The seq_no went wrong: start a new session and send everything pending again.
        this.#sessionId = randomLong(this.#random);
        this.#seq.reset();
        for (const req of new Set(this.#pending.values())) this.#resend(req);
        this.#scheduleFlush();
        return;
      }
      case 19:
      case 20:
      case 64:
        this.#resendFor(b.badMsgId);
        return;
      default: {
        const error = new MtprotoError(
          "MTPROTO_BAD_MESSAGE",
          `the server refused the message (bad_msg_notification ${code})`,
        );
        for (const req of this.#requestsFor(b.badMsgId)) this.#fail(req, error);
      }
    }
  }

  /**
   * The unanswered requests last sent as `badMsgId` or inside the container `badMsgId` (a
   * notification about a msg_id a request was sent under before is stale).
   */
  #requestsFor(badMsgId: bigint): Request[] {
    const direct = this.#pending.get(badMsgId);
    if (direct !== undefined) return direct.msgId === badMsgId ? [direct] : [];
    const out: Request[] = [];
    for (const req of new Set(this.#pending.values())) {
      if (req.containerId === badMsgId && req.msgId !== 0n) out.push(req);
    }
    return out;
  }

  #resendFor(badMsgId: bigint): void {
    for (const req of this.#requestsFor(badMsgId)) this.#resend(req);
    this.#scheduleFlush();
  }

  /** Queues `req` to go out again under a new msg_id (answers to the old ids still count). */
  #resend(req: Request): void {
    if (req.settled || this.#queue.includes(req)) return;
    if (++req.resends > MAX_RESENDS) {
      this.#fail(
        req,
        new MtprotoError("MTPROTO_BAD_MESSAGE", `${req.fn._} was refused ${MAX_RESENDS} times`),
      );
      return;
    }
    req.msgId = 0n;
    this.#queue.push(req);
  }

  // ---- sending ----

  #note(obj: AnyTlObject, contentRelated: boolean): void {
    this.#notes.push({ body: serialize(obj), contentRelated });
    this.#scheduleFlush();
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    queueMicrotask(this.#flushTask);
  }

  /** The microtask of {@link #scheduleFlush}, made once rather than a closure per request. */
  readonly #flushTask = () => {
    this.#flushScheduled = false;
    try {
      this.#flush();
    } catch (e) {
      this.#log.error("sending failed", { dc: this.dcId, error: e });
      this.#batch.clear();
      this.#sent.length = 0;
      this.#conn?.close();
    }
  };

  #currentSalt(): bigint {
    if (this.#futureSalts.length > 0) {
      const now = this.#ids.serverNow() / 1000;
      while (this.#futureSalts.length > 0 && this.#futureSalts[0].validUntil <= now) {
        this.#futureSalts.shift();
      }
      const s = this.#futureSalts[0];
      if (s !== undefined && s.validSince <= now) this.#salt = s.salt;
    }
    return this.#salt;
  }

  /**
   * `body` inside invokeWithLayer(initConnection(…)): the wrapper's bytes (the same for every
   * query, made once) followed by the query's.
   */
  #withInit(req: Request, body: Uint8Array, conn: unknown): Uint8Array {
    if (this.#initPrefix === undefined) {
      const probe = serialize(this.#o.wrapInit({ _: "help.getConfig" }));
      this.#initPrefix = probe.subarray(
        0,
        probe.length - serialize({ _: "help.getConfig" }).length,
      );
    }
    const wrapped = new Uint8Array(this.#initPrefix.length + body.length);
    wrapped.set(this.#initPrefix);
    wrapped.set(body, this.#initPrefix.length);
    req.initOn = conn;
    return wrapped;
  }

  #flush(): void {
    const conn = this.#conn;
    if (conn === undefined || this.#authKey === undefined) return;
    if (this.#state !== "ready" && this.#state !== "init") return;
    const holdBack = this.#state === "init" || this.#draining; // only early requests go now
    const batch = this.#batch;
    for (;;) {
      const acksGo = this.#acksDue || this.#acks.length >= ACK_BATCH;
      while (acksGo && this.#acks.length > 0 && batch.count < CONTAINER_MAX_MESSAGES - 1) {
        this.#acksDue = false;
        const ids = this.#acks.splice(0, 8192);
        this.#serverIds.acknowledged(ids);
        batch.addObject(this.#ids.next(), this.#seq.next(false), { _: "msgs_ack", msgIds: ids });
      }
      while (this.#notes.length > 0 && batch.count < CONTAINER_MAX_MESSAGES) {
        const n = this.#notes.shift()!;
        batch.add(this.#ids.next(), this.#seq.next(n.contentRelated), n.body);
      }
      // Requests in order; those held back stay queued, in order, ahead of the rest.
      const queue = this.#queue, sent = this.#sent;
      let i = 0, held = 0;
      for (; i < queue.length && batch.count < CONTAINER_MAX_MESSAGES; i++) {
        const req = queue[i];
        if (holdBack && !req.early) {
          queue[held++] = req;
          continue;
        }
        if (req.settled) continue;
        if (batch.count > 0 && batch.bytes + req.body.length + 16 > CONTAINER_MAX_BYTES) break;
        const msgId = this.#ids.next();
        req.msgId = msgId;
        req.containerId = 0n;
        req.sentAt = this.#ids.lastWall; // the clock next() just read (the same as #clock)
        req.ids.push(msgId);
        this.#pending.set(msgId, req);
        let body = req.bodyFor ? req.bodyFor(msgId) : req.body;
        if (this.#initPending && !req.service && !req.early) body = this.#withInit(req, body, conn);
        batch.add(msgId, this.#seq.next(true), body);
        sent.push(req);
      }
      queue.splice(held, i - held);
      if (batch.count === 0) return;
      const messages = batch.count;
      const { msgId, data } = batch.finish(
        this.#currentSalt(),
        this.#sessionId,
        this.#nextContainer,
      );
      if (messages > 1) { for (const req of sent) req.containerId = msgId; }
      sent.length = 0;
      conn.sendSealed(this.#authKey, data, this.#paddingRandom);
      if (this.#log.enabled("debug")) {
        this.#log.debug("sent", { dc: this.dcId, messages, bytes: data.length - 32 });
      }
      const more = (acksGo && this.#acks.length > 0) || this.#notes.length > 0 ||
        (holdBack ? queue.some((r) => r.early) : queue.length > 0);
      if (!more) return;
    }
  }

  // ---- salts and keep-alive ----

  #askSalts(): void {
    if (this.#state !== "ready" || this.#saltsAsked) return;
    const nowMs = this.#ids.serverNow();
    if (nowMs < this.#saltsBlockedUntil) return;
    const last = this.#futureSalts[this.#futureSalts.length - 1];
    if (last !== undefined && last.validUntil - nowMs / 1000 > 1800) return;
    this.#saltsAsked = true;
    this.#request({ _: "get_future_salts", num: 32 }, { timeout: 30000 }, SERVICE_REQUEST).then(
      (r) => {
        const salts = (r as Api.FutureSalts).salts
          .map((s) => ({ validSince: s.validSince, validUntil: s.validUntil, salt: s.salt }))
          .sort((a, b) => a.validSince - b.validSince);
        this.#futureSalts = salts.slice(0, 64);
      },
      (e) => {
        this.#log.debug("get_future_salts failed", { dc: this.dcId, error: e });
        this.#saltsBlockedUntil = this.#ids.serverNow() + 600_000;
      },
    ).finally(() => {
      this.#saltsAsked = false;
    });
  }

  #startPing(): void {
    this.#stopPing();
    const every = this.#o.pingInterval ?? 60000;
    this.#pingTimer = setInterval(() => this.#ping(), every);
    const after = this.#stateAfter();
    this.#stateTimer = setInterval(() => this.#askStates(), Math.max(10, after / 2));
  }

  #stopInitTimer(): void {
    if (this.#initTimer !== undefined) clearTimeout(this.#initTimer);
    this.#initTimer = undefined;
  }

  #stopPing(): void {
    if (this.#pingTimer !== undefined) clearInterval(this.#pingTimer);
    this.#pingTimer = undefined;
    if (this.#stateTimer !== undefined) clearInterval(this.#stateTimer);
    this.#stateTimer = undefined;
  }

  #clock(): number {
    return (this.#o.now ?? Date.now)();
  }

  #stateAfter(): number {
    return this.#o.stateRequestAfter ?? 30000;
  }

  /**
   * msgs_state_req for the requests unanswered for {@link SessionOptions.stateRequestAfter}
   * (each asked about at most once per that period).
   */
  #askStates(): void {
    if (this.#state !== "ready" || this.#draining) return;
    const now = this.#clock(), after = this.#stateAfter();
    const asked: Request[] = [];
    for (const req of new Set(this.#pending.values())) {
      if (req.settled || req.service || req.early || req.msgId === 0n) continue;
      if (now - req.sentAt < after || now - req.stateAskedAt < after) continue;
      req.stateAskedAt = now;
      asked.push(req);
      if (asked.length === 8192) break;
    }
    if (asked.length === 0) return;
    const ids = asked.map((r) => r.msgId);
    this.#request(
      { _: "msgs_state_req", msgIds: ids } as unknown as AnyFunction,
      { timeout: after },
      SERVICE_REQUEST,
    ).then(
      (info) => this.#onStates(asked, ids, (info as Api.MsgsStateInfo).info),
      (e) => this.#log.debug("msgs_state_req unanswered", { dc: this.dcId, error: e }),
    );
  }

  /**
   * The server's msgs_state_info about `asked` (sent as `ids`): 1, 2, 3 (not received) → sent
   * again; 4 with +64 (its answer exists, we never got it) → msg_resend_ans_req; 4 otherwise
   * (received, being processed) → keep waiting.
   */
  #onStates(asked: Request[], ids: bigint[], info: Uint8Array): void {
    if (info.length !== asked.length) {
      this.#log.warn("msgs_state_info of the wrong length ignored", { dc: this.dcId });
      return;
    }
    const lostAnswers: bigint[] = [];
    for (let i = 0; i < asked.length; i++) {
      const req = asked[i];
      if (req.settled || req.msgId !== ids[i]) continue; // answered or sent again meanwhile
      const state = info[i];
      if ((state & 7) !== 4) this.#resend(req);
      else if ((state & 64) !== 0) lostAnswers.push(ids[i]);
    }
    if (lostAnswers.length > 0) this.#note({ _: "msg_resend_ans_req", msgIds: lostAnswers }, true);
    this.#log.debug("message states", {
      dc: this.dcId,
      asked: asked.length,
      lostAnswers: lostAnswers.length,
    });
    this.#scheduleFlush();
  }

  #ping(): void {
    if (this.#state !== "ready" || this.#pingInFlight) return;
    this.#pingInFlight = true;
    const conn = this.#conn;
    const every = this.#o.pingInterval ?? 60000;
    this.#request(
      {
        _: "ping_delay_disconnect",
        pingId: randomLong(this.#random),
        disconnectDelay: Math.ceil(every / 1000) + 15,
      },
      { timeout: Math.max(5000, Math.min(every, 30000)) },
      SERVICE_REQUEST,
    ).catch((e) => {
      if (e instanceof MtprotoError && e.code === "MTPROTO_TIMEOUT" && this.#conn === conn) {
        this.#log.warn("ping unanswered; reconnecting", { dc: this.dcId });
        conn?.close();
      }
    }).finally(() => {
      this.#pingInFlight = false;
    });
    this.#askSalts();
  }

  /** Closes the connection; everything pending rejects with `MTPROTO_CLOSED`. Idempotent. */
  close(): void {
    if (this.#state === "closed") return;
    this.#state = "closed";
    this.#stopPing();
    this.#stopInitTimer();
    this.#stopRenewal();
    if (this.#ackTimer !== undefined) clearTimeout(this.#ackTimer);
    this.#plainWaiter?.reject(closed());
    this.#plainWaiter = undefined;
    this.#failAll(closed());
    const conn = this.#conn;
    this.#conn = undefined;
    conn?.close();
  }
}
