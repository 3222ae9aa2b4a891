/**
 * A minimal MTProto client for the TestServer's own protocol tests, built from core/'s client
 * pieces (createTransport, rsaPad, dhExchange with its checks, sealMessage/openMessage): every
 * field of every message is under the test's control, so that each can be made wrong in turn.
 * Not a client library (mtproto/ is); third-party clients prove the server elsewhere.
 *
 * @module
 */
import { connect, type Socket } from "node:net";
import { createPublicKey } from "node:crypto";
import WebSocket from "ws";
import {
  bigintToBytes,
  bytesToBigint,
  createTransport,
  decryptDhInner,
  dhExchange,
  encryptDhInner,
  factorizePQ,
  type FrameDecoder,
  type FrameEncoder,
  initCore,
  modPow,
  openMessage,
  rsaPad,
  sealMessage,
  secureRandom,
  sha1,
  TransportError,
  type TransportKind,
} from "../core/mod.ts";
import { type AnyTlObject, deserialize, serialize, TlReader } from "../tl/mod.ts";

/** What a connection received: a payload, a transport error code, or the end. */
export type Received =
  | { type: "payload"; payload: Uint8Array }
  | { type: "error"; code: number }
  | { type: "quickAck"; token: number }
  | { type: "closed" };

/** Options of {@link RawConnection.open}. */
export interface RawOptions {
  kind: TransportKind;
  obfuscated?: boolean;
  /** Connect with WebSocket (`/apiws`) instead of plain TCP (obfuscated is then implied). */
  webSocket?: boolean;
  dcId?: number;
  /** Write the stream one byte per event-loop turn (the server sees 1-byte chunks). */
  chunked?: boolean;
}

/** Writes `bytes` one byte per macrotask, in order across calls. */
function byteByByte(write: (b: Uint8Array) => void): (bytes: Uint8Array) => void {
  let chain = Promise.resolve();
  return (bytes) => {
    const copy = bytes.slice();
    chain = chain.then(async () => {
      for (let i = 0; i < copy.length; i++) {
        write(copy.subarray(i, i + 1));
        await new Promise((r) => setTimeout(r, 0));
      }
    });
  };
}

/** One framed connection to a DC. */
export class RawConnection {
  readonly #queue: Received[] = [];
  #waiter: ((r: Received) => void) | undefined;
  #closed = false;

  private constructor(
    readonly encoder: FrameEncoder,
    readonly decoder: FrameDecoder,
    readonly writeBytes: (bytes: Uint8Array) => void,
    readonly end: () => void,
  ) {}

  static async open(host: string, port: number, o: RawOptions): Promise<RawConnection> {
    await initCore();
    const obfuscated = o.obfuscated || o.webSocket;
    const t = createTransport(o.kind, obfuscated ? { obfuscation: { dcId: o.dcId ?? 2 } } : {});
    let conn!: RawConnection;
    if (o.webSocket) {
      const ws = new WebSocket(`ws://${host}:${port}/apiws`, "binary");
      ws.binaryType = "nodebuffer";
      await new Promise<void>((resolve, reject) => {
        ws.once("open", () => resolve());
        ws.once("error", reject);
      });
      conn = new RawConnection(
        t.encoder,
        t.decoder,
        (b) => ws.send(b),
        () => ws.close(),
      );
      ws.on("message", (data: Buffer) => conn.#input(new Uint8Array(data)));
      ws.on("close", () => conn.#finish());
      ws.on("error", () => conn.#finish());
    } else {
      const socket: Socket = connect(port, host);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("error", reject);
      });
      const write = (b: Uint8Array) => void socket.write(b);
      conn = new RawConnection(
        t.encoder,
        t.decoder,
        o.chunked ? byteByByte(write) : write,
        () => socket.destroy(),
      );
      socket.on("data", (d: Uint8Array) => conn.#input(d));
      socket.on("close", () => conn.#finish());
      socket.on("error", () => conn.#finish());
    }
    if (t.init.length > 0) conn.writeBytes(t.init);
    return conn;
  }

  #push(r: Received): void {
    const w = this.#waiter;
    this.#waiter = undefined;
    if (w) w(r);
    else this.#queue.push(r);
  }

  #input(chunk: Uint8Array): void {
    if (this.#closed) return;
    try {
      for (const f of this.decoder.push(chunk)) {
        if (f.type === "payload") this.#push({ type: "payload", payload: f.payload });
        else this.#push({ type: "quickAck", token: f.token });
      }
    } catch (e) {
      if (e instanceof TransportError && e.serverCode !== undefined) {
        for (const f of e.frames) {
          if (f.type === "payload") this.#push({ type: "payload", payload: f.payload });
        }
        this.#push({ type: "error", code: e.serverCode });
      } else this.#push({ type: "error", code: 0 });
      this.#closed = true;
    }
  }

  #finish(): void {
    this.#push({ type: "closed" });
  }

  /** Sends one payload, framed (`quickAck`: asking the server to acknowledge it at once). */
  send(payload: Uint8Array, quickAck = false): void {
    this.writeBytes(this.encoder.encode(payload, { quickAck }));
  }

  /** The next thing received (or `closed` after `timeoutMs`). */
  next(timeoutMs = 15_000): Promise<Received> {
    const queued = this.#queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        resolve({ type: "closed" });
      }, timeoutMs);
      this.#waiter = (r) => {
        clearTimeout(timer);
        resolve(r);
      };
    });
  }

  close(): void {
    this.end();
    this.encoder.free();
    this.decoder.free();
  }
}

let plainMsgId = 0n;

/** A client msg_id for now (+ `offsetSeconds`), strictly growing, ≡ 0 mod 4. */
export function clientMsgId(offsetSeconds = 0): bigint {
  const now = Date.now() / 1000 + offsetSeconds;
  let id = (BigInt(Math.floor(now)) << 32n) | (BigInt(Math.floor((now % 1) * 2 ** 32)) & ~3n);
  if (id <= plainMsgId && offsetSeconds === 0) id = plainMsgId + 4n;
  if (offsetSeconds === 0) plainMsgId = id;
  return id;
}

/** A plaintext message (auth_key_id 0). */
export function plainMessage(obj: AnyTlObject): Uint8Array {
  const data = serialize(obj);
  const out = new Uint8Array(20 + data.length);
  const view = new DataView(out.buffer);
  view.setBigInt64(8, clientMsgId(), true);
  view.setInt32(16, data.length, true);
  out.set(data, 20);
  return out;
}

/** The object of a plaintext answer. */
export function readPlain(payload: Uint8Array): AnyTlObject {
  return deserialize(payload.subarray(20));
}

function rsaNumbers(pem: string): { n: bigint; e: bigint } {
  const jwk = createPublicKey(pem).export({ format: "jwk" }) as { n: string; e: string };
  const num = (s: string) => bytesToBigint(new Uint8Array(Buffer.from(s, "base64url")));
  return { n: num(jwk.n), e: num(jwk.e) };
}

/** Which handshake field a test corrupts (one at a time). */
export type HandshakeFault =
  | "reqDh.nonce"
  | "reqDh.serverNonce"
  | "reqDh.p"
  | "reqDh.fingerprint"
  | "reqDh.encryptedData"
  | "inner.pq"
  | "inner.nonce"
  | "inner.serverNonce"
  | "inner.dc"
  | "setDh.nonce"
  | "setDh.serverNonce"
  | "setDh.encryptedData"
  | "client.retryId"
  | "client.gB=1"
  | "client.gB=p-1"
  | "client.gB small";

/** The outcome of {@link runHandshake}. */
export interface HandshakeResult {
  authKey: Uint8Array;
  salt: bigint;
  /** The last answer (dh_gen_ok, or what ended the exchange). */
  answer: Received | AnyTlObject;
}

function flip(b: Uint8Array): Uint8Array {
  const c = b.slice();
  c[0] ^= 1;
  return c;
}

/**
 * The client side of the auth-key exchange (RSA_PAD, p_q_inner_data_dc or _temp_dc) over
 * `conn`, optionally with one field corrupted. Returns the key, or what the server answered
 * instead (`authKey` empty).
 */
export async function runHandshake(
  conn: RawConnection,
  o: {
    pem: string;
    dcId: number;
    fault?: HandshakeFault;
    expiresIn?: number;
    sha1Padding?: boolean;
    /** How long to wait for each answer (default 30 s: a first exchange builds native DH state). */
    timeoutMs?: number;
  },
): Promise<HandshakeResult> {
  const fail = (answer: Received | AnyTlObject) => ({
    authKey: new Uint8Array(0),
    salt: 0n,
    answer,
  });
  const f = o.fault;
  const nonce = secureRandom(16);
  conn.send(plainMessage({ _: "req_pq_multi", nonce }));
  const wait = o.timeoutMs ?? 30_000;
  let r = await conn.next(wait);
  if (r.type !== "payload") return fail(r);
  const resPq = readPlain(r.payload);
  if (resPq._ !== "resPQ") return fail(resPq);
  const pq = bytesToBigint(resPq.pq);
  const [p, q] = factorizePQ(pq);
  const be = (v: bigint) => {
    const hex = v.toString(16);
    return new Uint8Array(Buffer.from(hex.length % 2 ? "0" + hex : hex, "hex"));
  };
  const newNonce = secureRandom(32);
  const base = {
    pq: f === "inner.pq" ? flip(resPq.pq) : resPq.pq,
    p: be(p),
    q: be(q),
    nonce: f === "inner.nonce" ? flip(nonce) : nonce,
    serverNonce: f === "inner.serverNonce" ? flip(resPq.serverNonce) : resPq.serverNonce,
    newNonce,
    dc: f === "inner.dc" ? o.dcId + 1 : o.dcId,
  };
  const inner: AnyTlObject = o.expiresIn === undefined
    ? { _: "p_q_inner_data_dc", ...base }
    : { _: "p_q_inner_data_temp_dc", ...base, expiresIn: o.expiresIn };
  const { n, e } = rsaNumbers(o.pem);
  let encryptedData: Uint8Array;
  if (o.sha1Padding) {
    // The older form: RSA(SHA1(data) + data + random padding to 255 bytes).
    const data = serialize(inner);
    const plain = new Uint8Array(255);
    plain.set(sha1(data));
    plain.set(data, 20);
    plain.set(secureRandom(255 - 20 - data.length), 20 + data.length);
    encryptedData = bigintToBytes(modPow(bytesToBigint(plain), e, n), 256)!;
  } else encryptedData = rsaPad(serialize(inner), n, e);
  conn.send(plainMessage({
    _: "req_DH_params",
    nonce: f === "reqDh.nonce" ? flip(nonce) : nonce,
    serverNonce: f === "reqDh.serverNonce" ? flip(resPq.serverNonce) : resPq.serverNonce,
    p: f === "reqDh.p" ? be(p + 2n) : be(p),
    q: be(q),
    publicKeyFingerprint: f === "reqDh.fingerprint"
      ? resPq.serverPublicKeyFingerprints[0] ^ 1n
      : resPq.serverPublicKeyFingerprints[0],
    encryptedData: f === "reqDh.encryptedData" ? flip(encryptedData) : encryptedData,
  }));
  r = await conn.next(wait);
  if (r.type !== "payload") return fail(r);
  const dhParams = readPlain(r.payload);
  if (dhParams._ !== "server_DH_params_ok") return fail(dhParams);
  const answer = decryptDhInner(dhParams.encryptedAnswer, newNonce, resPq.serverNonce);
  const dhInner = new TlReader(answer).object<AnyTlObject>();
  if (dhInner._ !== "server_DH_inner_data") return fail(dhInner);
  const dh = dhExchange(dhInner.dhPrime, dhInner.g, dhInner.gA);
  const prime = bytesToBigint(dhInner.dhPrime);
  let gB = dh.publicValue;
  if (f === "client.gB=1") gB = new Uint8Array([1]);
  if (f === "client.gB=p-1") gB = be(prime - 1n);
  if (f === "client.gB small") gB = be(1n << 1000n);
  const clientInner = serialize({
    _: "client_DH_inner_data",
    nonce,
    serverNonce: resPq.serverNonce,
    retryId: f === "client.retryId" ? 5n : 0n,
    gB,
  });
  const encrypted = encryptDhInner(clientInner, newNonce, resPq.serverNonce);
  conn.send(plainMessage({
    _: "set_client_DH_params",
    nonce: f === "setDh.nonce" ? flip(nonce) : nonce,
    serverNonce: f === "setDh.serverNonce" ? flip(resPq.serverNonce) : resPq.serverNonce,
    encryptedData: f === "setDh.encryptedData" ? flip(encrypted) : encrypted,
  }));
  r = await conn.next(wait);
  if (r.type !== "payload") return fail(r);
  const gen = readPlain(r.payload);
  if (gen._ !== "dh_gen_ok") return fail(gen);
  const aux = sha1(dh.sharedKey).subarray(0, 8);
  const expected = sha1(newNonce, new Uint8Array([1]), aux).subarray(4, 20);
  if (Buffer.compare(Buffer.from(expected), Buffer.from(gen.newNonceHash1)) !== 0) {
    return fail({ ...gen, _: "dh_gen_ok" });
  }
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0, true);
  return { authKey: dh.sharedKey, salt: view(newNonce) ^ view(resPq.serverNonce), answer: gen };
}

/** One message the server sent (containers flattened). */
export interface ServerMessage {
  msgId: bigint;
  seqno: number;
  body: AnyTlObject;
  raw: Uint8Array;
}

/** An encrypted session over a {@link RawConnection}. */
export class RawSession {
  sessionId: bigint = new DataView(secureRandom(8).buffer).getBigInt64(0, true);
  seqno = 0;
  readonly received: ServerMessage[] = [];
  /** The last message sent, as it went on the wire (before framing). */
  lastSealed: Uint8Array = new Uint8Array(0);

  constructor(readonly conn: RawConnection, readonly authKey: Uint8Array, public salt: bigint) {}

  /** Seals and sends one message; returns its msg_id. */
  send(
    body: Uint8Array | AnyTlObject,
    o: {
      msgId?: bigint;
      seqno?: number;
      content?: boolean;
      salt?: bigint;
      sessionId?: bigint;
      quickAck?: boolean;
    } = {},
  ): bigint {
    const bytes = body instanceof Uint8Array ? body : serialize(body);
    const msgId = o.msgId ?? clientMsgId();
    const content = o.content ?? true;
    const seqno = o.seqno ?? (content ? this.seqno++ * 2 + 1 : this.seqno * 2);
    const data = new Uint8Array(32 + bytes.length);
    const view = new DataView(data.buffer);
    view.setBigInt64(0, o.salt ?? this.salt, true);
    view.setBigInt64(8, o.sessionId ?? this.sessionId, true);
    view.setBigInt64(16, msgId, true);
    view.setInt32(24, seqno, true);
    view.setInt32(28, bytes.length, true);
    data.set(bytes, 32);
    this.lastSealed = sealMessage(this.authKey, data, "client");
    this.conn.send(this.lastSealed, o.quickAck);
    return msgId;
  }

  /** The next server message (containers flattened), or what ended the connection. */
  async next(timeoutMs = 15_000): Promise<ServerMessage | Received> {
    const queued = this.received.shift();
    if (queued) return queued;
    const r = await this.conn.next(timeoutMs);
    if (r.type !== "payload") return r;
    const inner = openMessage(this.authKey, r.payload, "server");
    const view = new DataView(inner.buffer, inner.byteOffset, inner.length);
    const msgId = view.getBigInt64(16, true), seqno = view.getInt32(24, true);
    const raw = inner.subarray(32);
    const body = deserialize(raw);
    const container = body as unknown as {
      _: string;
      messages: { msgId: bigint; seqno: number; body: AnyTlObject }[];
    };
    if (container._ === "msg_container") {
      for (const m of container.messages) {
        const item: ServerMessage = { msgId: m.msgId, seqno: m.seqno, body: m.body, raw };
        this.received.push(item);
      }
      return this.received.shift()!;
    }
    return { msgId, seqno, body, raw };
  }

  /** Messages until one satisfies `match` (others are returned too, in order). */
  async until(
    match: (m: ServerMessage) => boolean,
    timeoutMs = 15_000,
  ): Promise<{ found: ServerMessage | undefined; seen: ServerMessage[]; end?: Received }> {
    const seen: ServerMessage[] = [];
    for (let i = 0; i < 10_000; i++) {
      const m = await this.next(timeoutMs);
      if (!("body" in m)) return { found: undefined, seen, end: m };
      seen.push(m);
      if (match(m)) return { found: m, seen };
    }
    return { found: undefined, seen };
  }
}

/** What {@link openRaw} and {@link rawSession} need of a TestServer: its DCs and keys. */
export interface RawTarget {
  readonly dcs: readonly { id: number; host: string; port: number }[];
  readonly publicKeys: readonly { pem: string }[];
}

/** A raw connection to DC `dcId` of `server` (intermediate unless `o` says otherwise). */
export async function openRaw(
  server: RawTarget,
  dcId: number,
  o: Partial<RawOptions> = {},
): Promise<RawConnection> {
  const dc = server.dcs.find((d) => d.id === dcId)!;
  return await RawConnection.open(dc.host, dc.port, { kind: "intermediate", dcId, ...o });
}

/** A raw connection to DC `dcId` with a fresh auth key and an encrypted session on it. */
export async function rawSession(
  server: RawTarget,
  dcId = 2,
  o: Partial<RawOptions> = {},
): Promise<RawSession> {
  const conn = await openRaw(server, dcId, o);
  const hs = await runHandshake(conn, { pem: server.publicKeys[0].pem, dcId });
  if (hs.authKey.length !== 256) {
    conn.close();
    throw new Error(`handshake failed: ${JSON.stringify(hs.answer, readable)}`);
  }
  return new RawSession(conn, hs.authKey, hs.salt);
}

/** A JSON replacer for answers: bigints as decimal, byte arrays as their length. */
function readable(_k: string, v: unknown) {
  return typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? `[${v.length} bytes]` : v;
}
