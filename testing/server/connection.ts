/**
 * One client connection to a DC: sniffs the first bytes (an HTTP upgrade to WebSocket, else an
 * MTProto transport, which core/'s server decoder recognises), frames payloads both ways, runs
 * the auth-key exchange on plaintext messages and hands encrypted ones to the {@link Protocol}.
 * Transport errors go out as Telegram's 4-byte packets (-404, -429, -444) before closing.
 *
 * @module
 */
import type { AcceptedStream, AcceptHandlers } from "../../runtime/tcp_listen.ts";
import { acceptTransport, type FrameDecoder, type FrameEncoder } from "../../core/mod.ts";
import { deserialize, serialize } from "../../tl/mod.ts";
import { AuthKeyRecord } from "./auth_keys.ts";
import { HANDSHAKE_FUNCTIONS, type HandshakeHost, ServerHandshake } from "./handshake.ts";
import type { HostileMode } from "./hostile.ts";
import type { Protocol, ProtocolConnection } from "./protocol.ts";
import { holdFlushes, type Outgoing, releaseFlushes, type ServerSession } from "./session.ts";
import { readUpgrade, wsFrame, WsFrameReader } from "./websocket.ts";

/** What a connection needs from its DC. */
export interface DcContext {
  readonly dcId: number;
  readonly protocol: Protocol;
  readonly handshakeHost: HandshakeHost;
  hostile(): HostileMode | null;
  readonly maxFrameSize: number;
  /** -444 when an obfuscated header names another DC. */
  readonly strictDcId: boolean;
  now(): number;
  /** Whether one more connection is allowed (else -429). */
  admit(conn: Connection): boolean;
  closed(conn: Connection): void;
  /** A key the exchange produced (counted by the server). */
  keyCreated(record: AuthKeyRecord, padding: string): void;
  log(event: string, fields?: Record<string, unknown>): void;
  /** Time spent serving (synchronous work per chunk and per delivery), for the benchmark. */
  busy(ms: number): void;
}

/** "GET " as the first four bytes: an HTTP request (the WebSocket upgrade). */
function isHttp(b: Uint8Array): boolean {
  return b[0] === 0x47 && b[1] === 0x45 && b[2] === 0x54 && b[3] === 0x20;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** One client connection. */
export class Connection implements ProtocolConnection, AcceptHandlers {
  readonly sessions = new Set<ServerSession>();
  disconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #open = true;
  #mode: "sniff" | "upgrade" | "ws" | "tcp" = "sniff";
  #pending: Uint8Array = new Uint8Array(0);
  #decoder: FrameDecoder | undefined;
  #encoder: FrameEncoder | undefined;
  #ws: WsFrameReader | undefined;
  #handshake: ServerHandshake | undefined;
  #plainMsgId = 0n;
  #admitted = false;
  /** The hostile giant-frame mode wrote a header: nothing more may follow on this stream. */
  #poisoned = false;

  /** `socket`'s events come to {@link onData}, {@link onEnd}, {@link onError}, {@link onClose}. */
  constructor(readonly dc: DcContext, readonly socket: AcceptedStream) {}

  onData(chunk: Uint8Array): void {
    this.#onData(chunk);
  }

  onEnd(): void {
    this.close("client closed");
  }

  onError(): void {
    this.close("socket error");
  }

  onClose(): void {
    this.#onClose();
  }

  get dcId(): number {
    return this.dc.dcId;
  }

  get open(): boolean {
    return this.#open;
  }

  /** The transport the client chose, once known (for tests). */
  get transport() {
    return this.#decoder?.transport;
  }

  get webSocket(): boolean {
    return this.#ws !== undefined;
  }

  #onData(chunk: Uint8Array): void {
    if (!this.#open) return;
    const t0 = performance.now();
    // The answers go out at the end of this chunk, from this task (one write per session).
    const previous = holdFlushes();
    Connection.#reading++;
    try {
      this.#consume(chunk);
    } catch (e) {
      this.dc.log("connection failed", { error: String((e as Error)?.message ?? e) });
      this.close("internal error");
    } finally {
      releaseFlushes(previous);
      Connection.#reading--;
      this.dc.busy(performance.now() - t0);
    }
  }

  /** Connections handling input now (their deliveries count in that time, not on their own). */
  static #reading = 0;

  #consume(chunk: Uint8Array): void {
    if (this.#mode === "sniff" || this.#mode === "upgrade") {
      this.#pending = concat(this.#pending, chunk);
      if (this.#mode === "sniff") {
        if (this.#pending.length < 4) return;
        this.#mode = isHttp(this.#pending) ? "upgrade" : "tcp";
        if (this.#mode === "tcp") {
          const first = this.#pending;
          this.#pending = new Uint8Array(0);
          return this.#stream(first);
        }
      }
      const result = readUpgrade(this.#pending);
      if (result.state === "partial") return;
      this.#pending = new Uint8Array(0);
      if (result.state === "refused") {
        this.socket.write(result.response);
        this.socket.end();
        return this.close("bad WebSocket upgrade", false);
      }
      this.socket.write(result.response);
      this.#mode = "ws";
      this.#ws = new WsFrameReader(this.dc.maxFrameSize + 4096);
      if (result.rest.length === 0) return;
      chunk = result.rest;
    }
    if (this.#mode === "ws") {
      const read = this.#ws!.push(chunk);
      for (const reply of read.replies) this.socket.write(reply);
      for (const data of read.data) {
        this.#stream(data);
        if (!this.#open) return;
      }
      if (read.closed) this.close("WebSocket closed");
      return;
    }
    this.#stream(chunk);
  }

  /** Bytes of the MTProto stream (after WebSocket unwrapping). */
  #stream(bytes: Uint8Array): void {
    this.#decoder ??= acceptTransport({ maxFrameSize: this.dc.maxFrameSize });
    let frames;
    try {
      frames = this.#decoder.push(bytes);
    } catch (e) {
      // Garbage, a giant declared length, a bad CRC: Telegram closes without a word.
      this.dc.log("transport error", { code: (e as { code?: string }).code });
      for (const f of (e as { frames?: { type: string; payload?: Uint8Array }[] }).frames ?? []) {
        if (f.type === "payload") this.#frame(f.payload!);
      }
      return this.close("transport error");
    }
    if (this.#encoder === undefined && this.#decoder.transport !== undefined) {
      const info = this.#decoder.transport;
      this.#encoder = this.#decoder.replyEncoder();
      if (this.#ws !== undefined && !info.obfuscated) {
        return this.close("WebSocket needs obfuscation");
      }
      if (!this.#admitted) {
        this.#admitted = true;
        if (!this.dc.admit(this)) return this.fail(-429, "too many connections");
      }
      if (this.dc.strictDcId && info.dcId !== undefined && info.dcId !== this.dcId) {
        return this.fail(-444, `obfuscated header names DC ${info.dcId}`);
      }
    }
    for (const f of frames) {
      if (!this.#open) return;
      if (f.type === "payload") this.#frame(f.payload, f.quickAckRequested);
    }
  }

  #frame(payload: Uint8Array, quickAck = false): void {
    if (payload.length < 8) return this.fail(-404, "frame too short");
    let zero = true;
    for (let i = 0; i < 8; i++) if (payload[i] !== 0) zero = false;
    if (zero) this.#plain(payload);
    else this.dc.protocol.receive(this, payload, quickAck);
  }

  /** A plaintext message: only the auth-key exchange may use them. */
  #plain(payload: Uint8Array): void {
    if (payload.length < 24) return this.fail(-404, "plaintext message too short");
    const view = new DataView(payload.buffer, payload.byteOffset, payload.length);
    const length = view.getInt32(16, true);
    if (length < 4 || 20 + length > payload.length) return this.fail(-404, "bad plaintext length");
    let query;
    try {
      query = deserialize(payload.subarray(20, 20 + length));
    } catch {
      return this.fail(-404, "plaintext message is not TL");
    }
    if (!HANDSHAKE_FUNCTIONS.has(query._)) return this.fail(-404, `plaintext ${query._}`);
    this.#handshake ??= new ServerHandshake(this.dc.handshakeHost);
    const step = this.#handshake.handle(query);
    if ("drop" in step) {
      this.dc.log("handshake refused", { reason: step.drop });
      return this.fail(-404, step.drop);
    }
    if (step.key !== undefined) {
      const k = step.key;
      const record = new AuthKeyRecord(k.key, k.id, this.dcId, this.dc.now(), null, k.expiresAt);
      record.initialSalt = k.salt;
      this.dc.protocol.keys.add(record);
      this.dc.keyCreated(record, k.padding);
    }
    const data = serialize(step.reply);
    const out = new Uint8Array(20 + data.length);
    const w = new DataView(out.buffer);
    const now = this.dc.now();
    let msgId = (BigInt(Math.floor(now)) << 32n) | BigInt(((now % 1) * 2 ** 32) >>> 0) & ~3n | 1n;
    if (msgId <= this.#plainMsgId) msgId = this.#plainMsgId + 4n;
    this.#plainMsgId = msgId;
    w.setBigInt64(8, msgId, true);
    w.setInt32(16, data.length, true);
    out.set(data, 20);
    this.sendPayload(out);
  }

  #write(bytes: Uint8Array): void {
    if (!this.#open || this.#poisoned) return;
    this.socket.write(this.#ws !== undefined ? wsFrame(0x2, bytes) : bytes);
  }

  quickAck(token: number): void {
    if (this.#encoder === undefined || !this.#open) return;
    this.#write(this.#encoder.quickAck(token));
  }

  sendPayload(payload: Uint8Array): void {
    if (this.#encoder === undefined || !this.#open) return;
    this.#write(this.#encoder.encode(payload));
  }

  /** SessionLink: seals a session's messages and sends them (hostile modes applied here). */
  deliver(session: ServerSession, messages: Outgoing[]): void {
    const timed = Connection.#reading === 0;
    const t0 = timed ? performance.now() : 0;
    try {
      this.#deliver(session, messages);
    } catch (e) {
      // May run from a microtask: an exception here would end the process, not one connection.
      this.dc.log("delivery failed", { error: String((e as Error)?.message ?? e) });
      this.close("internal error");
    } finally {
      if (timed) this.dc.busy(performance.now() - t0);
    }
  }

  #deliver(session: ServerSession, messages: Outgoing[]): void {
    if (this.#encoder === undefined || !this.#open) return;
    const hostile = this.dc.hostile();
    if (hostile === null) {
      for (const frame of this.dc.protocol.seal(session, messages, this.dc.now(), this.#encoder)) {
        this.#write(frame);
      }
      return;
    }
    for (const payload of this.dc.protocol.seal(session, messages, this.dc.now())) {
      if (hostile === "truncatedFrame") {
        const frame = this.#encoder.encode(payload);
        this.#write(frame.subarray(0, frame.length >> 1));
        return this.close("hostile: truncated frame", false);
      }
      if (hostile === "giantFrame") {
        const header = this.#giantHeader();
        if (header === undefined) return this.close("hostile: giant frame (obfuscated)");
        this.#write(header);
        this.#poisoned = true;
        return;
      }
      this.sendPayload(payload);
    }
  }

  /** A frame header declaring 1 GiB, for unobfuscated transports. */
  #giantHeader(): Uint8Array | undefined {
    const info = this.#decoder?.transport;
    if (info === undefined || info.obfuscated) return undefined;
    const length = 1 << 30;
    if (info.kind === "abridged") return new Uint8Array([0x7f, 0, 0, 0x10]);
    const out = new Uint8Array(info.kind === "full" ? 8 : 4);
    new DataView(out.buffer).setUint32(0, info.kind === "full" ? length + 12 : length, true);
    return out;
  }

  fail(code: number, reason: string): void {
    if (!this.#open) return;
    if (this.#encoder !== undefined) {
      const packet = new Uint8Array(4);
      new DataView(packet.buffer).setInt32(0, code, true);
      this.#write(this.#encoder.encode(packet));
    }
    this.close(`${code}: ${reason}`, false);
  }

  /** Closes the connection; `now` drops unsent bytes, else they are flushed first. */
  close(reason: string, now = true): void {
    if (!this.#open) return;
    this.#open = false;
    this.dc.log("connection closed", { reason });
    if (now) this.socket.destroy();
    else {
      this.socket.end();
      const timer = setTimeout(() => this.socket.destroy(), 1000);
      (timer as { unref?: () => void }).unref?.();
    }
    this.#release();
  }

  #onClose(): void {
    if (this.#open) {
      this.#open = false;
      this.#release();
    } else this.#release();
  }

  #released = false;

  #release(): void {
    if (this.#released) return;
    this.#released = true;
    if (this.disconnectTimer !== undefined) clearTimeout(this.disconnectTimer);
    for (const s of this.sessions) if (s.link === this) s.link = undefined;
    this.sessions.clear();
    this.#decoder?.free();
    this.#encoder?.free();
    this.#decoder = this.#encoder = undefined;
    this.dc.closed(this);
  }
}
