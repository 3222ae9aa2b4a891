/**
 * The encrypted MTProto 2.0 session on the server side: every message a connection receives
 * after the transport is opened (auth_key_id, msg_key, salt, msg_id window, seq_no parity,
 * duplicates), the service messages (containers, acks, pings, salts, session control,
 * gzip_packed), the unwrapping of invokeWithLayer / initConnection / invokeWithoutUpdates and
 * friends, and the hand-off of each query to the {@link World}, whose answers go back as
 * rpc_result / rpc_error, packed into containers when several leave together.
 *
 * @module
 */
import type * as Zlib from "node:zlib";
import { nodeModule } from "../../runtime/runtime.ts";
import { int32LE, uint32LE } from "../../encoding/bytes.ts";
import {
  authKeyId,
  type FrameEncoder,
  ige256Decrypt,
  mtprotoKdf,
  mtprotoKdfV1,
  openMessage,
  type RandomSource,
  sealFramed,
  sealMessage,
  sha1,
  sha256,
} from "../../core/mod.ts";
import {
  type AnyFunction,
  type AnyTlObject,
  type Api,
  deserialize,
  ids,
  serialize,
  TlError,
  TlReader,
  VECTOR_ID,
} from "../../tl/mod.ts";
import { type AuthKeyRecord, AuthKeys } from "./auth_keys.ts";
import type { HostileMode } from "./hostile.ts";
import { decodeQuery, encodeObject, encodeResultCached } from "./layers.ts";
import { type Outgoing, ServerSession, type SessionLink } from "./session.ts";
import { type CallContext, RpcFailure, type UpdateSink, type World } from "./world_contract.ts";
// Loaded when used, not when imported: the testing entry loads in a browser bundle.
const { gzipSync, unzipSync } = nodeModule<typeof Zlib>("node:zlib");

/** Sessions one auth key may hold; beyond, the least recently used is forgotten. */
export const MAX_SESSIONS_PER_KEY = 64;
/** The largest a gzip_packed from a client may inflate to. */
const MAX_INFLATED = 16 << 20;
/** Results longer than this are sent gzip_packed, as Telegram does with large answers. */
const GZIP_THRESHOLD = 1024;

/** Telegram's bad_msg_notification codes. */
export const BadMsg = {
  MSG_ID_TOO_LOW: 16,
  MSG_ID_TOO_HIGH: 17,
  MSG_ID_BAD_LOW_BITS: 18,
  CONTAINER_MSG_ID_REUSED: 19,
  MSG_ID_TOO_OLD: 20,
  SEQNO_TOO_LOW: 32,
  SEQNO_TOO_HIGH: 33,
  SEQNO_EVEN_EXPECTED: 34,
  SEQNO_ODD_EXPECTED: 35,
  BAD_SERVER_SALT: 48,
  BAD_CONTAINER: 64,
} as const;

function id(name: string): number {
  const value = ids.get(name);
  if (value === undefined) throw new Error(`no TL constructor ${name}`);
  return value >>> 0;
}

const ID = {
  msgContainer: 0x73f1f8dc,
  gzipPacked: 0x3072cfa1,
  msgsAck: id("msgs_ack"),
  ping: id("ping"),
  pingDelayDisconnect: id("ping_delay_disconnect"),
  getFutureSalts: id("get_future_salts"),
  destroySession: id("destroy_session"),
  msgsStateReq: id("msgs_state_req"),
  msgsStateInfo: id("msgs_state_info"),
  msgResendReq: id("msg_resend_req"),
  msgResendAnsReq: id("msg_resend_ans_req"),
  rpcDropAnswer: id("rpc_drop_answer"),
  httpWait: id("http_wait"),
  destroyAuthKey: id("destroy_auth_key"),
  invokeWithLayer: id("invokeWithLayer"),
  initConnection: id("initConnection"),
  invokeWithoutUpdates: id("invokeWithoutUpdates"),
  invokeAfterMsg: id("invokeAfterMsg"),
  invokeAfterMsgs: id("invokeAfterMsgs"),
  invokeWithMessagesRange: id("invokeWithMessagesRange"),
  invokeWithTakeout: id("invokeWithTakeout"),
  invokeWithBusinessConnection: id("invokeWithBusinessConnection"),
  invokeWithGooglePlayIntegrity: id("invokeWithGooglePlayIntegrity"),
  invokeWithApnsSecret: id("invokeWithApnsSecret"),
  invokeWithReCaptcha: id("invokeWithReCaptcha"),
} as const;

/** Service messages the session answers itself (never handed to the world). */
const SERVICE_IDS: ReadonlySet<number> = new Set([
  ID.msgsAck,
  ID.ping,
  ID.pingDelayDisconnect,
  ID.getFutureSalts,
  ID.destroySession,
  ID.msgsStateReq,
  ID.msgsStateInfo,
  ID.msgResendReq,
  ID.msgResendAnsReq,
  ID.rpcDropAnswer,
  ID.httpWait,
  ID.destroyAuthKey,
]);

/** What the protocol needs from the connection a message came on. */
export interface ProtocolConnection extends SessionLink {
  readonly dcId: number;
  /** Sends one transport payload (an encrypted message). */
  sendPayload(payload: Uint8Array): void;
  /** Sends a transport error (-404, -429, -444) and closes. */
  fail(code: number, reason: string): void;
  /** Sends a quick ACK (the client asked for one in the transport). */
  quickAck(token: number): void;
  /** Closes now (answers not yet sent are lost). */
  close(reason: string): void;
  /** Sessions that used this connection (unlinked when it closes). */
  readonly sessions: Set<ServerSession>;
  /** ping_delay_disconnect's timer, reset by each such ping. */
  disconnectTimer: ReturnType<typeof setTimeout> | undefined;
}

/** Counters for tests and benchmarks. */
export interface ProtocolStats {
  messages: number;
  queries: number;
  dropped: Record<string, number>;
}

/** What the protocol needs from its server. */
export interface ProtocolHost {
  now(): number;
  hostile(): HostileMode | null;
  readonly random: RandomSource;
  /**
   * Random bytes for message padding (sealMessage copies them at once, so this source may hand
   * out views of a pool it never writes again).
   */
  readonly paddingRandom: RandomSource;
  readonly gzip: boolean;
  /** Logs a protocol event (never secrets). */
  log(event: string, fields?: Record<string, unknown>): void;
}

/** The plaintext of the message being sealed: sealMessage copies it, so one buffer serves all. */
let plainBuffer = new Uint8Array(4096);
let plainView = new DataView(plainBuffer.buffer);

/**
 * `length` bytes of the shared plaintext buffer (a fresh one above 64 KiB, so that one large
 * answer does not pin its size), with a DataView from its start.
 */
function plaintext(length: number): { data: Uint8Array; view: DataView } {
  if (length > 65536) {
    const data = new Uint8Array(length);
    return { data, view: new DataView(data.buffer) };
  }
  if (length > plainBuffer.length) {
    plainBuffer = new Uint8Array(65536);
    plainView = new DataView(plainBuffer.buffer);
  }
  return { data: plainBuffer.subarray(0, length), view: plainView };
}

/** Eight bytes to read a `long` from: no DataView made per read (several per message). */
const LONG_VIEW = new DataView(new ArrayBuffer(8));
const LONG_BYTES = new Uint8Array(LONG_VIEW.buffer);

/** The little-endian signed 64-bit integer at `offset` (which the caller knows is in range). */
function long(bytes: Uint8Array, offset: number): bigint {
  for (let i = 0; i < 8; i++) LONG_BYTES[i] = bytes[offset + i];
  return LONG_VIEW.getBigInt64(0, true);
}

/** The wrappers {@link unwrap} takes apart: a query starting with anything else is bare. */
const WRAPPER_IDS: ReadonlySet<number> = new Set([
  ID.invokeWithLayer,
  ID.initConnection,
  ID.invokeWithoutUpdates,
  ID.invokeAfterMsg,
  ID.invokeAfterMsgs,
  ID.invokeWithMessagesRange,
  ID.invokeWithTakeout,
  ID.invokeWithBusinessConnection,
  ID.invokeWithGooglePlayIntegrity,
  ID.invokeWithApnsSecret,
  ID.invokeWithReCaptcha,
]);

/**
 * A well-formed msgs_ack (its vector's id, a count that fits): the protocol has nothing to do
 * for one, so it is not deserialised. Anything else goes the general way (and may be refused).
 */
function plainAck(body: Uint8Array): boolean {
  if (body.length < 12 || uint32LE(body, 4) !== VECTOR_ID) return false;
  const n = int32LE(body, 8);
  return n >= 0 && 12 + 8 * n <= body.length;
}

/** What a query's handler sees of its call ({@link CallContext}), one object per query. */
class Call implements CallContext {
  constructor(
    readonly dcId: number,
    readonly authKeyId: bigint,
    readonly sessionId: bigint,
    readonly layer: number,
    readonly record: AuthKeyRecord,
    readonly keys: AuthKeys,
  ) {}

  get userId(): number | null {
    return this.record.effectiveUser;
  }

  bindUser(userId: number | null): void {
    this.keys.bindUser(this.record, userId);
  }
}

/** The query inside invokeWithLayer / initConnection / … and what the wrappers said. */
interface Unwrapped {
  query: Uint8Array;
  layer: number | undefined;
  noUpdates: boolean;
  init: {
    apiId: number;
    deviceModel: string;
    systemVersion: string;
    appVersion: string;
    langCode: string;
  } | undefined;
}

function unwrap(body: Uint8Array): Unwrapped {
  const r = new TlReader(body);
  const out: Unwrapped = { query: body, layer: undefined, noUpdates: false, init: undefined };
  for (let depth = 0; depth < 16; depth++) {
    const start = r.pos;
    const id = r.uint();
    switch (id) {
      case ID.invokeWithLayer:
        out.layer = r.int();
        continue;
      case ID.initConnection: {
        const flags = r.int();
        const apiId = r.int();
        const deviceModel = r.string(), systemVersion = r.string(), appVersion = r.string();
        r.string(); // system_lang_code
        r.string(); // lang_pack
        const langCode = r.string();
        if (flags & 1) r.object(); // proxy
        if (flags & 2) r.object(); // params
        out.init = { apiId, deviceModel, systemVersion, appVersion, langCode };
        continue;
      }
      case ID.invokeWithoutUpdates:
        out.noUpdates = true;
        continue;
      case ID.invokeAfterMsg:
      case ID.invokeWithTakeout:
        r.long();
        continue;
      case ID.invokeAfterMsgs:
        r.vectorLong();
        continue;
      case ID.invokeWithMessagesRange:
        r.object();
        continue;
      case ID.invokeWithBusinessConnection:
      case ID.invokeWithReCaptcha:
        r.string();
        continue;
      case ID.invokeWithGooglePlayIntegrity:
      case ID.invokeWithApnsSecret:
        r.string();
        r.string();
        continue;
      default:
        out.query = body.subarray(start);
        return out;
    }
  }
  throw new TlError("TL_TOO_DEEP", "wrappers nested too deep");
}

/** The encrypted-session half of the server, shared by every connection of every DC. */
export class Protocol implements UpdateSink {
  readonly keys: AuthKeys;
  readonly stats: ProtocolStats = { messages: 0, queries: 0, dropped: {} };
  /**
   * first_msg_id of new_session_created: `"lowest"` (default) the lowest msg_id of the first
   * message or of the messages of the first container; `"message"` the msg_id of the first
   * message itself (a container's own id), the literal reading of the docs. Clients must work
   * with both.
   */
  firstMsgIdRule: "lowest" | "message" = "lowest";
  /**
   * bad_msg_notification 16/17 for a container is followed by one for each message in it, in a
   * second container sent after the first (a server repeating itself; a client must still send
   * each message again only once).
   */
  repeatBadMsg = false;
  /**
   * Messages sent in the same container as each bad_msg_notification 16/17 (Telegram may put the
   * notification first in a container with other messages).
   */
  badMsgCompanions: () => AnyTlObject[] = () => [];
  /** The next this many answers are kept (for msg_resend_ans_req) but never sent: lost. */
  loseAnswers = 0;
  /** The next this many queries are dropped unread, as if they never arrived. */
  ignoreQueries = 0;
  /** msgs_state_req received from clients. */
  stateRequests = 0;
  /** msgs_state_info answers received from clients, oldest first (the last 64). */
  readonly stateInfos: { reqMsgId: bigint; info: number[] }[] = [];
  readonly #host: ProtocolHost;
  #world: World;
  /** Messages received so far: each session's last use, for eviction. */
  #uses = 0;

  constructor(host: ProtocolHost, world: World, maxKeys: number) {
    this.#host = host;
    this.keys = new AuthKeys(host.random, maxKeys);
    this.#world = world;
  }

  get world(): World {
    return this.#world;
  }

  #drop(reason: string): void {
    this.stats.dropped[reason] = (this.stats.dropped[reason] ?? 0) + 1;
  }

  /** An encrypted message (auth_key_id ≠ 0) arrived on `conn`. */
  receive(conn: ProtocolConnection, payload: Uint8Array, quickAck = false): void {
    const now = this.#host.now();
    if (payload.length < 24 + 32 + 16) {
      this.#drop("short message");
      return conn.fail(-404, "message too short");
    }
    const record = this.keys.get(long(payload, 0));
    if (record === undefined || record.dcId !== conn.dcId) {
      this.#drop("unknown auth key");
      return conn.fail(-404, "unknown auth_key_id");
    }
    if (record.expiresAt !== undefined && now > record.expiresAt) {
      this.keys.delete(record);
      this.#drop("expired temporary key");
      return conn.fail(-404, "temporary auth key expired");
    }
    let inner: Uint8Array;
    try {
      inner = openMessage(record.key, payload, "client");
    } catch {
      this.#drop("msg_key mismatch");
      return conn.fail(-404, "message does not decrypt (msg_key, length or padding)");
    }
    this.stats.messages++;
    record.lastUsed = now;
    if (quickAck) conn.quickAck(quickAckToken(record.key, payload));
    const view = new DataView(inner.buffer, inner.byteOffset, inner.length);
    const salt = view.getBigInt64(0, true), sessionId = view.getBigInt64(8, true);
    const msgId = view.getBigInt64(16, true);
    const seqno = view.getInt32(24, true);
    const body = inner.subarray(32);
    const session = this.#session(record, sessionId, conn);
    session.salts.push(salt);
    if (session.salts.length > 16) session.salts.shift();
    // The msg_id's upper half (its seconds) and low bits, without bigint arithmetic.
    const time = view.getInt32(20, true);
    if ((inner[16] & 3) !== 0) {
      return this.#badMsg(session, msgId, seqno, BadMsg.MSG_ID_BAD_LOW_BITS);
    }
    if (time < now - 300 || time > now + 30) {
      const code = time < now - 300 ? BadMsg.MSG_ID_TOO_LOW : BadMsg.MSG_ID_TOO_HIGH;
      this.#badMsg(session, msgId, seqno, code);
      for (const companion of this.badMsgCompanions()) this.#reply(session, companion, true, false);
      if (this.repeatBadMsg) this.#repeatBadMsg(session, msgId, body, code);
      return;
    }
    if (!this.keys.validSalt(record, salt, now)) {
      this.#drop("bad server salt");
      return this.#reply(session, {
        _: "bad_server_salt",
        badMsgId: msgId,
        badMsgSeqno: seqno,
        errorCode: BadMsg.BAD_SERVER_SALT,
        newServerSalt: this.keys.currentSalt(record, now),
      }, false);
    }
    if (!session.announced) {
      session.announced = true;
      this.#reply(
        session,
        {
          _: "new_session_created",
          firstMsgId: this.#firstMsgId(msgId, body),
          uniqueId: long(this.#host.random(8), 0),
          serverSalt: this.keys.currentSalt(record, now),
        },
        true,
        false,
      );
    }
    this.#message(session, conn, msgId, seqno, body, false);
  }

  /**
   * Forgets every session of every key (as Telegram does when it runs short of memory): queries
   * being answered lose their answers, and the next message of each client opens a new session
   * (new_session_created).
   */
  forgetSessions(): number {
    let n = 0;
    for (const record of this.keys.all()) {
      for (const session of record.sessions.values()) {
        session.close();
        n++;
      }
      record.sessions.clear();
    }
    return n;
  }

  /** Forgets every temporary key (as after its expiry): its next message gets -404. */
  forgetTempKeys(): number {
    const temp = [...this.keys.all()].filter((r) => r.expiresAt !== undefined);
    for (const record of temp) {
      for (const s of record.sessions.values()) s.close();
      this.keys.delete(record);
    }
    return temp.length;
  }

  /**
   * Sends msgs_state_req for `msgIds` to every session with a live connection (the answers land
   * in {@link stateInfos}); returns the sessions asked with the msg_ids each has sent so far.
   */
  askStates(msgIds: (sent: readonly bigint[]) => bigint[]): number {
    let n = 0;
    for (const record of this.keys.all()) {
      for (const session of record.sessions.values()) {
        if (!session.link?.open) continue;
        this.#reply(session, { _: "msgs_state_req", msgIds: msgIds(session.sentIds) }, true, false);
        n++;
      }
    }
    return n;
  }

  /** The lowest msg_id of a message or of the messages of a container. */
  #firstMsgId(msgId: bigint, body: Uint8Array): bigint {
    if (this.firstMsgIdRule === "message") return msgId;
    if (body.length < 8 || uint32LE(body, 0) !== ID.msgContainer) return msgId;
    let first = msgId;
    try {
      const n = int32LE(body, 4);
      for (let i = 0, at = 8; i < n && at + 16 <= body.length; i++) {
        const inner = long(body, at);
        if (inner < first) first = inner;
        at += 16 + int32LE(body, at + 12);
      }
    } catch { /* a malformed container is refused later */ }
    return first;
  }

  /**
   * {@link repeatBadMsg}: an ack of the container in the same container as its notification,
   * then the same notification for each message inside it, in a container of its own.
   */
  #repeatBadMsg(session: ServerSession, msgId: bigint, body: Uint8Array, code: number): void {
    if (body.length < 8 || uint32LE(body, 0) !== ID.msgContainer) return;
    this.#reply(session, { _: "msgs_ack", msgIds: [msgId] }, false);
    const repeats: AnyTlObject[] = [];
    const n = int32LE(body, 4);
    for (let i = 0, at = 8; i < n && at + 16 <= body.length; i++) {
      repeats.push({
        _: "bad_msg_notification",
        badMsgId: long(body, at),
        badMsgSeqno: int32LE(body, at + 8),
        errorCode: code,
      });
      at += 16 + int32LE(body, at + 12);
    }
    // Later, on its own: after the client has acted on the first notification.
    const timer = setTimeout(() => {
      for (const r of repeats) this.#reply(session, r, false);
      this.#reply(session, { _: "msgs_ack", msgIds: [msgId] }, false);
    }, 50);
    (timer as { unref?: () => void }).unref?.();
  }

  #session(record: AuthKeyRecord, sessionId: bigint, conn: ProtocolConnection): ServerSession {
    let session = record.sessions.get(sessionId);
    if (session === undefined) {
      if (record.sessions.size >= MAX_SESSIONS_PER_KEY) {
        // The least recently used goes (a scan of at most MAX_SESSIONS_PER_KEY, only here).
        let oldest: ServerSession | undefined;
        for (const s of record.sessions.values()) {
          if (oldest === undefined || s.lastUse < oldest.lastUse) oldest = s;
        }
        oldest!.close();
        record.sessions.delete(oldest!.id);
      }
      session = new ServerSession(sessionId, record);
      record.sessions.set(sessionId, session);
    }
    session.lastUse = ++this.#uses;
    if (session.link !== conn) {
      if (session.link !== undefined) {
        (session.link as ProtocolConnection).sessions?.delete(session);
      }
      session.link = conn;
      conn.sessions.add(session);
    }
    return session;
  }

  #badMsg(session: ServerSession, msgId: bigint, seqno: number, code: number): void {
    this.#drop(`bad_msg_notification ${code}`);
    this.#reply(session, {
      _: "bad_msg_notification",
      badMsgId: msgId,
      badMsgSeqno: seqno,
      errorCode: code,
    }, false);
  }

  /** Queues a service answer (`content`: content-related, odd seq_no). */
  #reply(session: ServerSession, obj: AnyTlObject, content: boolean, reply = true): void {
    session.send({ body: serialize(obj), content, reply });
  }

  /** One message (top level or in a container) that passed the envelope checks. */
  #message(
    session: ServerSession,
    conn: ProtocolConnection,
    msgId: bigint,
    seqno: number,
    body: Uint8Array,
    inContainer: boolean,
  ): void {
    if (inContainer && (msgId & 3n) !== 0n) {
      return this.#badMsg(session, msgId, seqno, BadMsg.MSG_ID_BAD_LOW_BITS);
    }
    const seen = session.check(msgId);
    if (seen === "seen") {
      // A message sent again: its answer again if there is one, else nothing (Telegram's way).
      this.#drop("duplicate msg_id");
      const answer = session.answers.get(msgId);
      if (answer !== undefined) session.send({ body: answer, content: true, reply: true });
      return;
    }
    if (seen === "old") return this.#badMsg(session, msgId, seqno, BadMsg.MSG_ID_TOO_OLD);
    if (body.length < 4) return this.#badMsg(session, msgId, seqno, BadMsg.BAD_CONTAINER);
    const ctor = uint32LE(body, 0);
    const content = ctor !== ID.msgContainer && ctor !== ID.msgsAck && ctor !== ID.httpWait;
    // 35 for an API query with an even seq_no. Service messages are let through either way:
    // Pyrogram counts its pings as not content-related, mtcute its acks as content-related, and
    // Telegram accepts both.
    if (content && (seqno & 1) === 0 && !SERVICE_IDS.has(ctor) && ctor !== ID.gzipPacked) {
      return this.#badMsg(session, msgId, seqno, BadMsg.SEQNO_ODD_EXPECTED);
    }
    // The converse (34, an odd seq_no on msgs_ack or a container) is not refused: mtcute numbers
    // its acks as content-related and Telegram accepts them.
    if (this.ignoreQueries > 0 && content && !SERVICE_IDS.has(ctor)) {
      this.ignoreQueries--;
      return this.#drop("query ignored (ignoreQueries)");
    }
    session.remember(msgId);
    if (ctor === ID.msgContainer) {
      if (inContainer) return this.#badMsg(session, msgId, seqno, BadMsg.BAD_CONTAINER);
      return this.#container(session, conn, msgId, seqno, body);
    }
    this.#content(session, conn, msgId, body, 0);
  }

  #container(
    session: ServerSession,
    conn: ProtocolConnection,
    msgId: bigint,
    seqno: number,
    body: Uint8Array,
  ): void {
    // First the whole layout is checked (a malformed container is refused as a whole), then
    // its messages are handled in order.
    const n = body.length < 8 ? -1 : uint32LE(body, 4);
    if (n < 0 || n > 1024 || n * 16 > body.length - 8) {
      return this.#badMsg(session, msgId, seqno, BadMsg.BAD_CONTAINER);
    }
    for (let i = 0, at = 8; i < n; i++) {
      const len = at + 16 <= body.length ? int32LE(body, at + 12) : -1;
      if (len < 0 || len > body.length - at - 16 || len % 4 !== 0) {
        return this.#badMsg(session, msgId, seqno, BadMsg.BAD_CONTAINER);
      }
      at += 16 + len;
    }
    for (let i = 0, at = 8; i < n; i++) {
      const innerId = long(body, at), innerSeqno = int32LE(body, at + 8);
      const len = int32LE(body, at + 12);
      const inner = body.subarray(at + 16, at + 16 + len);
      at += 16 + len;
      if (innerId === msgId) {
        this.#badMsg(session, innerId, innerSeqno, BadMsg.CONTAINER_MSG_ID_REUSED);
        continue;
      }
      this.#message(session, conn, innerId, innerSeqno, inner, true);
    }
  }

  /** A content message's body: service message, gzip_packed or query. */
  #content(
    session: ServerSession,
    conn: ProtocolConnection,
    msgId: bigint,
    body: Uint8Array,
    depth: number,
  ): void {
    const ctor = uint32LE(body, 0);
    if (ctor === ID.gzipPacked && depth === 0) {
      let inflated: Uint8Array;
      try {
        const packed = new TlReader(body, 4).bytes();
        // unzip, not gunzip: mtcute packs with zlib's header (deflateSync) and Telegram takes it.
        inflated = new Uint8Array(unzipSync(packed, { maxOutputLength: MAX_INFLATED }));
      } catch {
        return this.#rpcError(session, msgId, 400, "INPUT_FETCH_ERROR");
      }
      if (inflated.length < 4) return this.#rpcError(session, msgId, 400, "INPUT_FETCH_ERROR");
      return this.#content(session, conn, msgId, inflated, 1);
    }
    if (ctor === ID.msgsAck && plainAck(body)) return;
    if (SERVICE_IDS.has(ctor)) {
      let obj: AnyTlObject;
      try {
        obj = deserialize(body);
      } catch {
        return this.#rpcError(session, msgId, 400, "INPUT_FETCH_ERROR");
      }
      return this.#service(session, conn, msgId, obj);
    }
    this.#query(session, conn, msgId, body);
  }

  #service(
    session: ServerSession,
    conn: ProtocolConnection,
    msgId: bigint,
    obj: AnyTlObject,
    wrapped = false,
  ): void {
    const now = this.#host.now();
    // Bare, as Telegram answers them; inside invokeWithoutUpdates & co. (Telethon wraps its
    // pings so) the answer is the query's rpc_result.
    const answer = (obj: AnyTlObject) =>
      wrapped ? this.#result(session, msgId, serialize(obj)) : this.#reply(session, obj, true);
    switch (obj._) {
      case "msgs_ack":
      case "http_wait":
        return;
      case "ping":
        return answer({ _: "pong", msgId, pingId: obj.pingId });
      case "ping_delay_disconnect": {
        if (conn.disconnectTimer !== undefined) clearTimeout(conn.disconnectTimer);
        const delay = Math.max(0, Math.min(obj.disconnectDelay, 3600));
        const timer = setTimeout(() => conn.close("ping_delay_disconnect expired"), delay * 1000);
        (timer as { unref?: () => void }).unref?.();
        conn.disconnectTimer = timer;
        return answer({ _: "pong", msgId, pingId: obj.pingId });
      }
      case "get_future_salts": {
        const count = Math.max(1, Math.min(64, obj.num));
        const salts = this.keys.futureSalts(session.key, now, count);
        return answer({
          _: "future_salts",
          reqMsgId: msgId,
          now: Math.floor(now),
          salts: salts.map((s) => ({ _: "future_salt", ...s })),
        });
      }
      case "destroy_session": {
        const target = session.key.sessions.get(obj.sessionId);
        const found = target !== undefined && target !== session;
        if (found) {
          target.close();
          session.key.sessions.delete(obj.sessionId);
        }
        const name = found ? "destroy_session_ok" : "destroy_session_none";
        return answer({ _: name, sessionId: obj.sessionId });
      }
      case "msgs_state_req": {
        this.stateRequests++;
        const info = obj.msgIds.slice(0, 8192).map((m) => {
          const state = session.check(m);
          // 4: received; +32: the query is being processed; +64: its answer exists.
          if (state === "seen") {
            return session.inFlight.has(m) ? 4 | 32 : session.answers.has(m) ? 4 | 64 : 4;
          }
          return state === "old" ? 2 : 1;
        });
        return answer({
          _: "msgs_state_info",
          reqMsgId: msgId,
          info: Uint8Array.from(info),
        });
      }
      case "msgs_state_info":
        this.stateInfos.push({
          reqMsgId: obj.reqMsgId,
          info: Array.from(obj.info),
        });
        if (this.stateInfos.length > 64) this.stateInfos.shift();
        return;
      case "msg_resend_req":
      case "msg_resend_ans_req":
        for (const m of obj.msgIds.slice(0, 1024)) {
          const answer = session.answers.get(m);
          if (answer !== undefined) session.send({ body: answer, content: true, reply: true });
        }
        return;
      case "rpc_drop_answer": {
        const running = session.inFlight.has(obj.reqMsgId);
        const result: AnyTlObject = running
          ? { _: "rpc_answer_dropped_running" }
          : { _: "rpc_answer_unknown" };
        return this.#result(session, msgId, serialize(result));
      }
      case "destroy_auth_key": {
        this.#result(session, msgId, serialize({ _: "destroy_auth_key_ok" }));
        session.flush();
        for (const s of session.key.sessions.values()) s.close();
        this.keys.delete(session.key);
        return;
      }
      default:
        return this.#rpcError(session, msgId, 400, "INPUT_METHOD_INVALID");
    }
  }

  #query(session: ServerSession, conn: ProtocolConnection, msgId: bigint, body: Uint8Array): void {
    this.stats.queries++;
    const record = session.key;
    let fn: AnyFunction;
    let layer = record.layer;
    try {
      let inner = body;
      // Most queries come bare (the wrappers ride on a client's first ones).
      if (WRAPPER_IDS.has(uint32LE(body, 0))) {
        const unwrapped = unwrap(body);
        if (unwrapped.layer !== undefined) layer = record.layer = unwrapped.layer;
        if (unwrapped.init !== undefined) record.client = unwrapped.init;
        if (unwrapped.noUpdates) session.noUpdates = true;
        inner = unwrapped.query;
        if (inner !== body && inner.length >= 4 && SERVICE_IDS.has(uint32LE(inner, 0))) {
          return this.#service(session, conn, msgId, deserialize(inner), true);
        }
      }
      fn = decodeQuery(inner, layer);
    } catch (e) {
      const unknown = e instanceof TlError && e.code === "TL_UNKNOWN_CONSTRUCTOR";
      return this.#rpcError(
        session,
        msgId,
        400,
        unknown ? "INPUT_METHOD_INVALID" : "INPUT_FETCH_ERROR",
      );
    }
    if (session.inFlight.size >= 4096) return this.#rpcError(session, msgId, 420, "FLOOD_WAIT_1");
    if (fn._ === "auth.bindTempAuthKey") return this.#bindTempAuthKey(session, msgId, fn);
    const ctx = new Call(record.dcId, record.id, session.id, layer, record, this.keys);
    let result: unknown;
    try {
      result = this.#world.handle(ctx, fn);
    } catch (e) {
      return this.#failed(session, msgId, fn, e);
    }
    if (result instanceof Promise) {
      // Being processed (msgs_state_req, rpc_drop_answer) only while its answer is awaited: one
      // answered at once is never seen in between.
      session.inFlight.add(msgId);
      result.then(
        (value) => this.#answer(session, msgId, fn, value, layer),
        (e) => this.#failed(session, msgId, fn, e),
      );
    } else this.#answer(session, msgId, fn, result, layer);
  }

  #answer(session: ServerSession, msgId: bigint, fn: AnyFunction, value: unknown, layer: number) {
    let body: Uint8Array;
    try {
      if (value === undefined) throw new TypeError("the world answered nothing");
      // rpc_result and the answer in one pass (the answer starts at byte 12); a flat answer
      // equal to the last of its kind is copied from that one's bytes.
      body = encodeResultCached(msgId, value, layer);
    } catch (e) {
      return this.#failed(session, msgId, fn, e);
    }
    if (this.#host.gzip && body.length - 12 > GZIP_THRESHOLD) {
      const packed = gzipSync(body.subarray(12));
      if (packed.length + 8 < body.length - 12) {
        const zipped = serialize({ _: "gzip_packed", packedData: new Uint8Array(packed) });
        return this.#result(session, msgId, zipped);
      }
    }
    this.#resultBody(session, msgId, body);
  }

  #failed(session: ServerSession, msgId: bigint, fn: AnyFunction, e: unknown): void {
    if (e instanceof RpcFailure) return this.#rpcError(session, msgId, e.code, e.errorMessage);
    this.#host.log("world failed", { method: fn._, error: String((e as Error)?.message ?? e) });
    this.#rpcError(session, msgId, 500, "INTERNAL_SERVER_ERROR");
  }

  #rpcError(session: ServerSession, msgId: bigint, code: number, message: string): void {
    this.#result(
      session,
      msgId,
      serialize({ _: "rpc_error", errorCode: code, errorMessage: message }),
    );
  }

  /** Sends rpc_result{msgId, result} and keeps it for a resent query. */
  #result(session: ServerSession, msgId: bigint, result: Uint8Array): void {
    this.#resultBody(session, msgId, serialize({ _: "rpc_result", reqMsgId: msgId, result }));
  }

  /** Sends an rpc_result already serialised (`body`) and keeps it for a resent query. */
  #resultBody(session: ServerSession, msgId: bigint, body: Uint8Array): void {
    session.inFlight.delete(msgId);
    session.keepAnswer(msgId, body);
    if (this.loseAnswers > 0) {
      this.loseAnswers--;
      return this.#drop("answer lost (loseAnswers)");
    }
    session.send({ body, content: true, reply: true });
  }

  /**
   * auth.bindTempAuthKey: the permanent key signs, in an MTProto 1.0 message, that the
   * temporary key this query came on acts for it (core.telegram.org/method/auth.bindTempAuthKey).
   */
  #bindTempAuthKey(session: ServerSession, msgId: bigint, fn: Api.AuthBindTempAuthKey): void {
    const temp = session.key;
    const perm = this.keys.get(fn.permAuthKeyId);
    const fail = (message: string) => this.#rpcError(session, msgId, 400, message);
    if (temp.expiresAt === undefined) return fail("TEMP_AUTH_KEY_EMPTY");
    if (perm === undefined || perm.expiresAt !== undefined || perm.dcId !== temp.dcId) {
      return fail("PERM_AUTH_KEY_INVALID");
    }
    const inner = openMessageV1(perm.key, fn.encryptedMessage);
    if (inner === undefined || long(inner, 16) !== msgId || inner.length < 32 + 40) {
      return fail("ENCRYPTED_MESSAGE_INVALID");
    }
    let bind: AnyTlObject;
    try {
      bind = deserialize(inner.subarray(32));
    } catch {
      return fail("ENCRYPTED_MESSAGE_INVALID");
    }
    if (
      bind._ !== "bind_auth_key_inner" || bind.nonce !== fn.nonce ||
      bind.tempAuthKeyId !== temp.id || bind.permAuthKeyId !== perm.id ||
      bind.tempSessionId !== session.id || bind.expiresAt !== fn.expiresAt
    ) return fail("ENCRYPTED_MESSAGE_INVALID");
    this.keys.bindTemp(temp, perm);
    this.#result(session, msgId, encodeObject(true, session.key.layer));
  }

  /** UpdateSink: an Updates object to every live session of `userId`, on every DC. */
  push(userId: number, updates: AnyTlObject): number {
    let reached = 0;
    // Encoded once per layer: a user's keys (devices, DCs) mostly share one.
    let encodedLayer = -1, encoded: Uint8Array | undefined;
    for (const record of this.keys.forUser(userId)) {
      let bytes: Uint8Array | undefined;
      for (const session of record.sessions.values()) {
        if (session.noUpdates || !session.link?.open) continue;
        try {
          if (bytes === undefined) {
            if (encodedLayer !== record.layer) {
              encoded = encodeObject(updates, record.layer);
              encodedLayer = record.layer;
            }
            bytes = encoded!;
          }
        } catch (e) {
          this.#host.log("update not encodable", {
            update: updates._,
            layer: record.layer,
            error: String((e as Error)?.message ?? e),
          });
          break;
        }
        session.send({ body: bytes, content: true, reply: false });
        reached++;
      }
    }
    return reached;
  }

  /** Replaces the world (tests and the world's owner). */
  setWorld(world: World): void {
    this.#world = world;
    world.attach(this);
  }

  /**
   * Seals a session's pending messages into one encrypted payload (a msg_container when there
   * are several), applying the hostile mode if one is set. With `encoder` and no hostile mode,
   * each payload is sealed straight into its transport frame (sealFramed: the same bytes as
   * `encoder.encode(payload)`, with one copy and one call into the core fewer) and the frames
   * are returned instead.
   */
  seal(
    session: ServerSession,
    messages: Outgoing[],
    now: number,
    encoder?: FrameEncoder,
  ): Uint8Array[] {
    const hostile = this.#host.hostile();
    const framed = encoder !== undefined && hostile === null;
    const record = session.key;
    const out: Uint8Array[] = [];
    // Containers hold at most 1020 messages and about 1 MiB.
    for (let start = 0; start < messages.length;) {
      let end = start, size = 0;
      while (end < messages.length && end - start < 1020 && (end === start || size < 1 << 20)) {
        size += messages[end++].body.length + 16;
      }
      let msgId: bigint, seqno: number, body: Uint8Array;
      if (end - start === 1) {
        const m = messages[start];
        msgId = session.nextMsgId(now, m.reply);
        seqno = session.nextSeqno(m.content);
        body = m.body;
      } else {
        const items = [];
        for (let i = start; i < end; i++) {
          const m = messages[i];
          const id = session.nextMsgId(now, m.reply);
          items.push({ msgId: id, seqno: session.nextSeqno(m.content), body: m.body });
        }
        msgId = session.nextMsgId(now, false);
        seqno = session.nextSeqno(false);
        body = serialize({ _: "msg_container", messages: items } as unknown as AnyTlObject);
      }
      start = end;
      if (hostile === "staleMsgId") {
        msgId = (BigInt(Math.floor(now - 600)) << 32n) | (msgId & 0xffff_ffffn);
      }
      const extra = hostile === "badPadding" ? 1040 : 0;
      const { data, view } = plaintext(32 + body.length + extra);
      view.setBigInt64(0, this.keys.currentSalt(record, now), true);
      view.setBigInt64(8, session.id, true);
      view.setBigInt64(16, msgId, true);
      view.setInt32(24, seqno, true);
      view.setInt32(28, body.length, true);
      data.set(body, 32);
      if (extra > 0) data.fill(0, 32 + body.length);
      if (framed) {
        out.push(sealFramed(encoder, record.key, data, "server", this.#host.paddingRandom));
        continue;
      }
      const sealed = sealMessage(record.key, data, "server", this.#host.paddingRandom);
      if (hostile === "wrongMsgKey") sealed[8] ^= 0x01;
      if (hostile === "unknownAuthKeyId") sealed[0] ^= 0x01;
      if (hostile === "garbageAfterHandshake") sealed.set(this.#host.random(sealed.length));
      out.push(sealed);
      if (hostile === "replayedMsgId") out.push(sealed);
    }
    return out;
  }
}

/**
 * The quick ACK of a client message: the first 32 bits (little-endian) of the SHA-256 that gave
 * its msg_key (auth_key[88..120] + the whole plaintext with padding), top bit set. openMessage
 * drops the padding, so the message is decrypted once more here (only for messages that ask for
 * a quick ACK).
 */
export function quickAckToken(authKey: Uint8Array, payload: Uint8Array): number {
  const msgKey = payload.subarray(8, 24);
  const { key, iv } = mtprotoKdf(authKey, msgKey, "client");
  const plain = ige256Decrypt(payload.subarray(24), key, iv);
  const h = sha256(authKey.subarray(88, 120), plain);
  return ((h[0] | (h[1] << 8) | (h[2] << 16) | (h[3] << 24)) | 0x8000_0000) >>> 0;
}

/**
 * Opens an MTProto 1.0 (SHA-1) message sealed by the client (x = 0): only auth.bindTempAuthKey's
 * encrypted_message. `undefined` when the length, message_data_length or msg_key is wrong.
 */
export function openMessageV1(authKey: Uint8Array, message: Uint8Array): Uint8Array | undefined {
  if (message.length < 24 + 32 || (message.length - 24) % 16 !== 0) return undefined;
  const id = authKeyId(authKey);
  for (let i = 0; i < 8; i++) if (message[i] !== id[i]) return undefined;
  const msgKey = message.subarray(8, 24);
  const { key, iv } = mtprotoKdfV1(authKey, msgKey, "client");
  const plain = ige256Decrypt(message.subarray(24), key, iv);
  const len = int32LE(plain, 28);
  if (len < 0 || len % 4 !== 0 || 32 + len > plain.length) return undefined;
  const data = plain.subarray(0, 32 + len);
  const expected = sha1(data).subarray(4, 20);
  for (let i = 0; i < 16; i++) if (expected[i] !== msgKey[i]) return undefined;
  return data;
}
