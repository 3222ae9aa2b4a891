/**
 * MTProto transport framing (core.telegram.org/mtproto/mtproto-transports) over the WebAssembly
 * core: abridged, intermediate, padded intermediate and full, the first three optionally
 * obfuscated (64-byte init header, AES-256-CTR both ways).
 *
 * A connection has one encoder and one decoder. The client side comes from
 * {@link createTransport}; the server side (the in-process test DC) from {@link acceptTransport},
 * whose decoder recognises the client's transport and then hands out the answering encoder.
 * Codecs keep their state in WebAssembly memory: `free()` them (or `using`) when the connection
 * closes; a forgotten codec is freed when garbage-collected.
 *
 * Decoders give payloads exactly as sent: on `"paddedIntermediate"` the 0..15 padding bytes are
 * cut off using the MTProto envelope (plaintext: 20 bytes + message_data_length; encrypted:
 * 24 bytes + whole 16-byte blocks), so its payloads must be MTProto messages. A lone negative
 * 32-bit payload from a server (-404, -429, …) is a {@link TransportError}, not a frame.
 *
 * @module
 */
import { TransportError, type TransportErrorCode } from "./errors.ts";
import { Ctr256 } from "./ctr.ts";

export { TransportError, type TransportErrorCode };
import { nativeCrypto } from "./native.ts";
import { type RandomSource, secureRandom } from "./random.ts";
import { sha256 } from "./sha.ts";
import {
  checkGeneration,
  core,
  freeHandle,
  generation,
  handleRegistry,
  memory,
  scratch,
} from "./wasm.ts";

/** How payloads are delimited on the wire. */
export type TransportKind = "abridged" | "intermediate" | "paddedIntermediate" | "full";

const kinds: readonly TransportKind[] = ["abridged", "intermediate", "paddedIntermediate", "full"];

/** The default {@link TransportOptions.maxFrameSize}: 16 MiB (Telegram's largest are ~1 MiB). */
export const DEFAULT_MAX_FRAME_SIZE = 16 << 20;

/** The largest accepted {@link TransportOptions.maxFrameSize}: 32 MiB. */
export const MAX_FRAME_SIZE_LIMIT = 32 << 20;

/** Where an obfuscated connection goes: the header carries the DC id. */
export interface ObfuscationOptions {
  /** The DC number, 1..9999 (production DCs are 1..5). */
  dcId: number;
  /** A media DC: the header carries the id negated. */
  media?: boolean;
  /** A test DC: the header carries the id plus 10000. */
  testMode?: boolean;
  /**
   * Connecting through an MTProxy: its secret, 16 bytes, or 17 with the `0xdd` prefix (which
   * requires `"paddedIntermediate"`). Fake-TLS secrets (`0xee`) are a layer above the framing:
   * mtproto/fake_tls.ts carries the obfuscated stream in TLS records and passes `0xdd` + key here.
   */
  secret?: Uint8Array;
}

/** Options of {@link createTransport} (the client side). */
export interface TransportOptions {
  /**
   * The largest payload, in bytes, that the encoder produces and the decoder accepts; a longer
   * length on the wire fails as soon as it is read, so a decoder never buffers more than this
   * plus one chunk. Default {@link DEFAULT_MAX_FRAME_SIZE}.
   */
  maxFrameSize?: number;
  /** Obfuscate the connection (not available for `"full"`). Client side only. */
  obfuscation?: ObfuscationOptions;
  /** Random bytes for the obfuscated header and the padding; default {@link secureRandom}. */
  random?: RandomSource;
}

/** Options of {@link acceptTransport} (the server side). */
export interface AcceptOptions {
  /** As in {@link TransportOptions.maxFrameSize}. */
  maxFrameSize?: number;
  /** Random bytes for padding; default {@link secureRandom}. */
  random?: RandomSource;
  /** Play an MTProxy: obfuscated headers are keyed with this secret (16 or 0xdd + 16 bytes). */
  secret?: Uint8Array;
}

/** One item out of a decoder. */
export type Frame =
  | {
    readonly type: "payload";
    /**
     * The frame's bytes: a view into one copy shared by the payloads of one `push` (never into
     * the decoder's memory), so later pushes do not change it.
     */
    readonly payload: Uint8Array;
    /** Server side: the client asked for a quick ACK of this payload. */
    readonly quickAckRequested: boolean;
  }
  | {
    readonly type: "quickAck";
    /** The token as the server sent it (top bit set). */
    readonly token: number;
  };

/** What a decoder knows about its connection. */
export interface TransportInfo {
  /** The framing the client chose. */
  readonly kind: TransportKind;
  /** Whether the connection is obfuscated (started with a 64-byte obfuscated header). */
  readonly obfuscated: boolean;
  /** Obfuscated connections seen by a server: the DC the client asked for, else undefined. */
  readonly dcId?: number;
  /** Obfuscated connections: whether the client asked for the DC's media servers. */
  readonly media?: boolean;
  /** Obfuscated connections: whether the client asked for a test DC. */
  readonly testMode?: boolean;
}

const serverCodes: Record<number, string> = {
  [-404]: "auth key not found, or a malformed request",
  [-429]: "too many connections or requests (flood)",
  [-444]: "invalid DC id",
};

const failures: Record<number, [TransportErrorCode, string]> = {
  [-1]: ["TRANSPORT_FRAME_TOO_LARGE", "frame longer than maxFrameSize"],
  [-2]: ["TRANSPORT_BAD_LENGTH", "invalid frame length"],
  [-3]: ["TRANSPORT_BAD_CRC", "CRC32 mismatch"],
  [-4]: ["TRANSPORT_BAD_SEQNO", "unexpected sequence number"],
  [-5]: ["TRANSPORT_TRUNCATED", "stream ended inside a frame"],
  [-6]: ["TRANSPORT_SERVER_ERROR", "server transport error"],
  [-7]: ["TRANSPORT_BAD_HEADER", "invalid transport init header"],
  [-8]: ["TRANSPORT_INVALID_ARGUMENT", "not allowed in this state"],
};

function failure(status: number, what: string, serverCode?: number, frames?: Frame[]) {
  const [code, message] = failures[status] ?? ["TRANSPORT_INVALID_ARGUMENT", `status ${status}`];
  if (code === "TRANSPORT_SERVER_ERROR") {
    const meaning = serverCodes[serverCode!] ?? "unknown code";
    return new TransportError(code, `${what}: server sent ${serverCode} (${meaning})`, {
      serverCode,
      frames,
    });
  }
  return new TransportError(code, `${what}: ${message}`, { frames });
}

function invalid(message: string): TransportError {
  return new TransportError("TRANSPORT_INVALID_ARGUMENT", message);
}

function checkBytes(value: unknown, name: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw invalid(`${name} must be a Uint8Array`);
  return value;
}

function maxFrameSize(options: { maxFrameSize?: number }): number {
  const max = options.maxFrameSize ?? DEFAULT_MAX_FRAME_SIZE;
  if (!Number.isInteger(max) || max < 1 || max > MAX_FRAME_SIZE_LIMIT) {
    throw invalid(`maxFrameSize must be an integer in 1..${MAX_FRAME_SIZE_LIMIT}`);
  }
  return max;
}

function randomSource(options: { random?: RandomSource }): RandomSource {
  return options.random ?? secureRandom;
}

/** `length` bytes from `random`, checked: a source returning fewer would leave zeros. */
function draw(random: RandomSource, length: number): Uint8Array {
  const bytes = random(length);
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
    throw invalid(`the random source must return ${length} bytes`);
  }
  return bytes;
}

/** The signed DC id of the header: negative for media, +10000 for test DCs. */
function headerDcId(o: ObfuscationOptions): number {
  if (!Number.isInteger(o.dcId) || o.dcId < 1 || o.dcId > 9999) {
    throw invalid("obfuscation.dcId must be an integer in 1..9999");
  }
  const id = o.dcId + (o.testMode ? 10000 : 0);
  return o.media ? -id : id;
}

/**
 * The 16 key bytes of an MTProxy secret; a `0xdd`-prefixed one demands the padded transport
 * (`kind` undefined: a server, which accepts whatever the client picked).
 */
function proxySecret(secret: unknown, kind: TransportKind | undefined): Uint8Array | undefined {
  if (secret === undefined) return undefined;
  if (secret instanceof Uint8Array && secret.length === 16) return secret;
  if (secret instanceof Uint8Array && secret.length === 17 && secret[0] === 0xdd) {
    if (kind !== undefined && kind !== "paddedIntermediate") {
      throw invalid("a 0xdd MTProxy secret requires the paddedIntermediate transport");
    }
    return secret.subarray(1);
  }
  throw invalid(
    "an MTProxy secret is 16 bytes, or 17 starting with 0xdd (a fake-TLS key goes in as 0xdd + key)",
  );
}

/** Random draws rejected before giving up: a real source needs more than one about once in 2^7. */
const HEADER_ATTEMPTS = 64;

/** Chunks are split into pieces of at most this size, bounding the decoder's buffer. */
const PIECE = 1 << 20;

const encoders = handleRegistry("framing_encoder_free");
const decoders = handleRegistry("framing_decoder_free");

/**
 * Frames payloads for one direction of a connection. Every `encode` builds the whole frame
 * (header, padding, CRC, obfuscation) in one call into WebAssembly memory.
 */
export class FrameEncoder {
  #handle: number;
  readonly #generation = generation();
  readonly #kind: TransportKind;
  readonly #random: RandomSource;
  readonly #padded: boolean;
  /** Obfuscation applied outside WebAssembly (native AES-CTR), when the codec has none inside. */
  readonly #stream: Ctr256 | undefined;

  /** @internal Use {@link createTransport} or {@link FrameDecoder.replyEncoder}. */
  constructor(handle: number, kind: TransportKind, random: RandomSource, stream?: Ctr256) {
    this.#handle = handle;
    this.#kind = kind;
    this.#random = random;
    this.#padded = kind === "paddedIntermediate";
    this.#stream = stream;
    encoders.register(this, [handle, this.#generation], this);
  }

  /** The bytes at `ptr..ptr + length` of memory, obfuscated by the outer stream if any. */
  #out(ptr: number, length: number): Uint8Array {
    if (this.#stream === undefined) return memory().slice(ptr, ptr + length);
    return this.#stream.process(memory().subarray(ptr, ptr + length));
  }

  /** The transport this encoder frames for. */
  get kind(): TransportKind {
    return this.#kind;
  }

  #live(): number {
    if (this.#handle === 0) throw new TransportError("TRANSPORT_CLOSED", "this encoder was freed");
    checkGeneration(this.#generation, "encoder");
    return this.#handle;
  }

  /**
   * The frame carrying `payload`, ready for the socket. `quickAck` (client side, not on
   * `"full"`) asks the server to acknowledge receipt at once.
   */
  encode(payload: Uint8Array, options: { quickAck?: boolean } = {}): Uint8Array {
    checkBytes(payload, "payload");
    const at = this.#prepare(payload.length);
    memory().set(payload, at);
    return this.#finish(at, payload.length, options.quickAck === true);
  }

  /**
   * @internal The frame of a `length`-byte payload that `fill(at)` writes into WebAssembly
   * memory at `at` (core/mtproto.ts seals a message there) instead of one copied in: the bytes
   * of `encode(payload)`. `fill` may allocate (scratch) but must not call into this encoder.
   */
  encodeInPlace(length: number, fill: (at: number) => void): Uint8Array {
    const at = this.#prepare(length);
    fill(at);
    return this.#finish(at, length, false);
  }

  /** Padding of the frame being encoded (padded intermediate), drawn by {@link #prepare}. */
  #padding: Uint8Array | undefined;
  #pad = 0;

  /** Room for a `length`-byte payload in the frame buffer: where to write it. */
  #prepare(length: number): number {
    const h = this.#live();
    // Padded: byte 15 of a 16-byte draw picks the length, bytes 0..length are the padding.
    this.#padding = this.#padded ? draw(this.#random, 16) : undefined;
    this.#pad = this.#padding === undefined ? 0 : this.#padding[15] & 15;
    const at = core().framing_encoder_prepare(h, length, this.#pad);
    if (at < 0) throw failure(at, "encode");
    return at;
  }

  /** The frame around the payload written at `at`: header, padding, CRC, obfuscation. */
  #finish(at: number, payloadLength: number, quickAck: boolean): Uint8Array {
    const pad = this.#pad;
    if (pad > 0) memory().set(this.#padding!.subarray(0, pad), at + payloadLength);
    this.#padding = undefined;
    const length = core().framing_encoder_finish(this.#handle, quickAck ? 1 : 0);
    if (length < 0) throw failure(length, "encode");
    // The frame starts at the buffer, `header` bytes before the payload; only the full
    // transport has bytes (the CRC) after the padding.
    const tail = payloadLength + pad + (this.#kind === "full" ? 4 : 0);
    return this.#out(at - (length - tail), length);
  }

  /** Server side: the quick ACK answering a client's request (`token`: its 32-bit value). */
  quickAck(token: number): Uint8Array {
    if (!Number.isInteger(token) || token < 0 || token > 0xffffffff) {
      throw invalid("token must be a 32-bit unsigned integer");
    }
    const h = this.#live();
    const c = core();
    const length = c.framing_encoder_quick_ack(h, token >>> 0);
    if (length < 0) throw failure(length, "quickAck");
    return this.#out(c.framing_encoder_frame(h), length);
  }

  /** @internal The init bytes right after construction. */
  initBytes(): Uint8Array {
    const h = this.#live();
    const c = core();
    const ptr = c.framing_encoder_frame(h);
    return memory().slice(ptr, ptr + c.framing_encoder_frame_len(h));
  }

  /** Frees the state in WebAssembly memory; idempotent. */
  free(): void {
    if (this.#handle === 0) return;
    encoders.unregister(this);
    freeHandle("framing_encoder_free", this.#handle, this.#generation);
    this.#handle = 0;
    this.#stream?.free();
  }

  /** `free()`, for `using`. */
  [Symbol.dispose](): void {
    this.free();
  }
}

/**
 * Turns the bytes of one connection, in whatever chunks they arrive, into whole frames. It
 * holds at most one unfinished frame (bounded by `maxFrameSize`) between calls. After it threw,
 * it stays failed.
 */
export class FrameDecoder {
  #handle: number;
  readonly #generation = generation();
  #failure: TransportError | undefined;
  readonly #random: RandomSource;
  /** De-obfuscation applied before WebAssembly (native AES-CTR), when the codec has none inside. */
  readonly #stream: Ctr256 | undefined;

  /** @internal Use {@link createTransport} or {@link acceptTransport}. */
  constructor(handle: number, random: RandomSource, stream?: Ctr256) {
    this.#handle = handle;
    this.#random = random;
    this.#stream = stream;
    decoders.register(this, [handle, this.#generation], this);
  }

  #live(): number {
    if (this.#failure !== undefined) {
      throw new TransportError("TRANSPORT_CLOSED", `decoder failed before: ${this.#failure.code}`);
    }
    if (this.#handle === 0) throw new TransportError("TRANSPORT_CLOSED", "this decoder was freed");
    checkGeneration(this.#generation, "decoder");
    return this.#handle;
  }

  #fail(e: TransportError): TransportError {
    this.#failure = e;
    return e;
  }

  /**
   * Decodes `chunk` (any length, any split of the stream) and returns the frames it completed,
   * in order. Throws a {@link TransportError} on a framing failure or a server transport error;
   * frames completed earlier in the same chunk are on the error's `frames`.
   */
  push(chunk: Uint8Array): Frame[] {
    checkBytes(chunk, "chunk");
    const h = this.#live();
    const c = core();
    if (this.#stream !== undefined) chunk = this.#stream.process(chunk);
    const frames: Frame[] = [];
    let offset = 0;
    do {
      const piece = chunk.subarray(offset, offset + PIECE);
      offset += piece.length;
      const at = c.framing_decoder_reserve(h, piece.length);
      if (at < 0) throw this.#fail(failure(at, "push"));
      memory().set(piece, at);
      const status = c.framing_decoder_push(h, piece.length);
      const count = status >= 0 ? status : c.framing_decoder_record_count(h);
      if (count > 0) collect(c, h, count, frames);
      if (status < 0) {
        const serverCode = c.framing_decoder_server_code(h);
        throw this.#fail(failure(status, "decode", serverCode, frames));
      }
    } while (offset < chunk.length);
    return frames;
  }

  /** The stream closed: throws `TRANSPORT_TRUNCATED` if it stopped inside a frame or header. */
  end(): void {
    const status = core().framing_decoder_end(this.#live());
    if (status < 0) throw this.#fail(failure(status, "end"));
  }

  /**
   * The connection's transport; on a server decoder, undefined until the client's init has
   * been read.
   */
  get transport(): TransportInfo | undefined {
    const c = core();
    const h = this.#handle;
    if (h === 0 || this.#generation !== generation()) return undefined;
    const code = c.framing_decoder_kind(h);
    if (code < 0) return undefined;
    const kind = kinds[code & 0xff];
    const obfuscated = (code & 0x100) !== 0 || this.#stream !== undefined;
    const raw = c.framing_decoder_dc_id(h);
    if (raw === 0) return { kind, obfuscated };
    const id = Math.abs(raw);
    return {
      kind,
      obfuscated,
      dcId: id > 10000 ? id - 10000 : id,
      media: raw < 0,
      testMode: id > 10000,
    };
  }

  /**
   * Server side: the encoder answering this client (same transport, the reverse obfuscation
   * stream). Available once {@link transport} is known; only once.
   */
  replyEncoder(): FrameEncoder {
    const h = this.#live();
    const info = this.transport;
    const e = info === undefined ? 0 : core().framing_decoder_reply_encoder(h);
    if (e === 0) throw invalid("replyEncoder: no client init read yet, not a server, or taken");
    return new FrameEncoder(e, info!.kind, this.#random);
  }

  /** Frees the state in WebAssembly memory; idempotent. */
  free(): void {
    if (this.#handle === 0) return;
    decoders.unregister(this);
    freeHandle("framing_decoder_free", this.#handle, this.#generation);
    this.#handle = 0;
    this.#stream?.free();
  }

  /** `free()`, for `using`. */
  [Symbol.dispose](): void {
    this.free();
  }
}

// deno-lint-ignore no-explicit-any
function collect(c: any, h: number, count: number, frames: Frame[]): void {
  const records = c.framing_decoder_records(h);
  const buffer = c.framing_decoder_buffer(h);
  const mem = memory();
  const view = new DataView(mem.buffer, records, count * 12);
  // One copy for all payloads of this push, handed out as views: an ArrayBuffer per frame
  // costs engines more than the copy itself (about 1.5 µs each on V8 for 1 KiB frames).
  let lo = Infinity, hi = 0;
  for (let i = 0; i < count * 12; i += 12) {
    if (view.getUint32(i, true) === 2) continue;
    const start = view.getUint32(i + 4, true);
    lo = Math.min(lo, start);
    hi = Math.max(hi, start + view.getUint32(i + 8, true));
  }
  const copy = hi > lo ? mem.slice(buffer + lo, buffer + hi) : new Uint8Array(0);
  for (let i = 0; i < count * 12; i += 12) {
    const type = view.getUint32(i, true);
    const value = view.getUint32(i + 4, true);
    if (type === 2) {
      frames.push({ type: "quickAck", token: value });
    } else {
      const start = value - lo;
      const payload = copy.subarray(start, start + view.getUint32(i + 8, true));
      frames.push({ type: "payload", payload, quickAckRequested: type === 1 });
    }
  }
}

/** The client side of a connection from {@link createTransport}. */
export interface ClientTransport {
  /** Bytes to send before the first frame (tag or obfuscated header; empty for `"full"`). */
  readonly init: Uint8Array;
  /** Frames what the client sends. */
  readonly encoder: FrameEncoder;
  /** Unframes what the server sends. */
  readonly decoder: FrameDecoder;
  /** Frees both codecs. */
  free(): void;
  /** `free()`, for `using`. */
  [Symbol.dispose](): void;
}

/**
 * The client side of a connection: the init bytes to send first, the encoder for what the
 * client sends and the decoder for what the server sends.
 *
 * @example
 * ```ts
 * import { createTransport, initCore } from "@x/irenogram/core";
 * interface Socket {
 *   write(bytes: Uint8Array): void;
 *   on(event: "data", listener: (chunk: Uint8Array) => void): void;
 * }
 * function connect(socket: Socket, message: Uint8Array, receive: (m: Uint8Array) => void) {
 *   const t = createTransport("intermediate", { obfuscation: { dcId: 2 } });
 *   socket.write(t.init);
 *   socket.write(t.encoder.encode(message));
 *   socket.on("data", (chunk) => {
 *     for (const frame of t.decoder.push(chunk)) if (frame.type === "payload") receive(frame.payload);
 *   });
 *   return t; // free() it (or `using`) when the connection ends
 * }
 * await initCore();
 * ```
 */
export function createTransport(
  kind: TransportKind,
  options: TransportOptions = {},
): ClientTransport {
  const code = kinds.indexOf(kind);
  if (code < 0) throw invalid(`unknown transport ${String(kind)}`);
  const max = maxFrameSize(options);
  const random = randomSource(options);
  const c = core();
  let header = 0, secret = 0;
  let key: Uint8Array | undefined;
  if (options.obfuscation !== undefined) {
    if (kind === "full") throw invalid("the full transport cannot be obfuscated");
    const dcId = headerDcId(options.obfuscation);
    key = proxySecret(options.obfuscation.secret, kind);
    header = scratch(80);
    if (key !== undefined) {
      secret = header + 64;
      memory().set(key, secret);
    }
    for (let attempt = 0;; attempt++) {
      if (attempt === HEADER_ATTEMPTS) {
        throw new TransportError(
          "TRANSPORT_BAD_HEADER",
          "the random source keeps giving forbidden headers",
        );
      }
      memory().set(draw(random, 64), header);
      const status = c.framing_header_fill(header, code, dcId);
      if (status === 0) break;
      if (status !== -7) throw failure(status, "createTransport");
    }
  }
  // Where node:crypto exists its AES-CTR is many times faster than WebAssembly's: the codecs
  // then frame in WebAssembly and the streams run natively around them.
  // The same choice Ctr256 makes, so that a WASM-path cipher is never fed a view of WASM memory.
  const outside = header !== 0 && nativeCrypto("ctr") !== undefined;
  const plainHeader = outside ? memory().slice(header, header + 64) : undefined;
  const e = c.framing_encoder_client(code, max, outside ? 0 : header, outside ? 0 : secret);
  const d = c.framing_decoder_client(code, max, outside ? 0 : header, outside ? 0 : secret);
  if (header !== 0) memory().fill(0, header, header + 80);
  if (e === 0 || d === 0) {
    c.framing_encoder_free(e);
    c.framing_decoder_free(d);
    throw invalid("cannot create the codecs");
  }
  const streams = plainHeader && nativeStreams(plainHeader, key);
  const encoder = new FrameEncoder(e, kind, random, streams?.send);
  const decoder = new FrameDecoder(d, random, streams?.receive);
  const init = streams?.init ?? encoder.initBytes();
  const free = () => {
    encoder.free();
    decoder.free();
  };
  return { init, encoder, decoder, free, [Symbol.dispose]: free };
}

/**
 * The client's two streams and its wire header from its plain header, outside WebAssembly:
 * the same derivation as core-rs/src/framing/obfuscation.rs (tests hold both to node:crypto).
 */
function nativeStreams(header: Uint8Array, secret: Uint8Array | undefined) {
  const key = (bytes: Uint8Array) => (secret === undefined ? bytes : sha256(bytes, secret));
  const reversed = header.slice(8, 56).reverse();
  const send = new Ctr256(key(header.subarray(8, 40)), header.subarray(40, 56));
  const receive = new Ctr256(key(reversed.subarray(0, 32)), reversed.subarray(32, 48));
  const init = header.slice();
  init.set(send.process(header).subarray(56), 56);
  header.fill(0);
  return { send, receive, init };
}

/**
 * The server side of a connection: a decoder that recognises the client's transport from its
 * first bytes (tags, the full transport's first frame, or an obfuscated header). Once its
 * `transport` is known, `replyEncoder()` gives the encoder for the answers.
 *
 * @example
 * ```ts
 * import { acceptTransport, type FrameEncoder } from "@x/irenogram/core";
 * interface Socket {
 *   write(bytes: Uint8Array): void;
 *   on(event: "data", listener: (chunk: Uint8Array) => void): void;
 * }
 * function serve(socket: Socket, answer: (query: Uint8Array) => Uint8Array) {
 *   const decoder = acceptTransport();
 *   let reply: FrameEncoder | undefined;
 *   socket.on("data", (chunk) => {
 *     const frames = decoder.push(chunk);
 *     reply ??= decoder.transport && decoder.replyEncoder();
 *     for (const f of frames) if (f.type === "payload") socket.write(reply!.encode(answer(f.payload)));
 *   });
 *   return decoder;
 * }
 * ```
 */
export function acceptTransport(options: AcceptOptions = {}): FrameDecoder {
  const max = maxFrameSize(options);
  const key = proxySecret(options.secret, undefined);
  let secret = 0;
  if (key !== undefined) {
    secret = scratch(16);
    memory().set(key, secret);
  }
  const d = core().framing_decoder_server(max, secret);
  if (secret !== 0) memory().fill(0, secret, secret + 16);
  if (d === 0) throw invalid("cannot create the decoder");
  return new FrameDecoder(d, randomSource(options));
}
