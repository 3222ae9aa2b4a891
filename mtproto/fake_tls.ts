/**
 * The client side of MTProxy's fake TLS (`ee` secrets): the connection opens with what looks like
 * a browser's TLS 1.3 ClientHello whose random field is an HMAC-SHA256 under the proxy key, the
 * proxy proves it knows the key with the random of its ServerHello, and afterwards the obfuscated
 * MTProto stream travels in TLS application-data records.
 *
 * Byte layout as TDLib (td/mtproto/TlsInit.cpp, TcpTransport.cpp) and Telegram's MTProxy
 * (net-tcp-rpc-ext-server.c) have it:
 * - ClientHello: Chrome's hello with GREASE values, shuffled extensions, an X25519MLKEM768 and an
 *   X25519 key share (random but valid-looking points), a GREASE ECH extension, padding to 517
 *   bytes when shorter; the 32-byte random at offset 11 is HMAC-SHA256(key, hello with that
 *   field zeroed), its last 4 bytes XORed with the unix time (little-endian).
 * - The proxy answers a ServerHello record, a ChangeCipherSpec and one application-data record;
 *   the ServerHello's random (offset 11) must be HMAC-SHA256(key, client random ‖ the answer with
 *   that field zeroed). Anything else is refused with `MTPROTO_SECURITY`.
 * - Then the client sends a ChangeCipherSpec record once and its stream in application-data
 *   records (`17 03 03` + big-endian length) of at most 2,878 bytes, as TDLib does; records from
 *   the proxy may be up to 65,535 bytes.
 *
 * @module
 */
import { modPow, type RandomSource, secureRandom, sha256 } from "../core/mod.ts";
import {
  type ByteStream,
  connectTcp,
  type StreamHandlers,
  type TcpAddress,
} from "../runtime/tcp.ts";
import { MtprotoError } from "./errors.ts";

/** Largest payload of one record the client sends (TDLib's `MAX_TLS_PACKET_LENGTH`). */
export const MAX_TLS_PACKET_LENGTH = 2878;

/** How long the proxy may take to answer the ClientHello (TDLib's TransparentProxy: 10 s). */
export const FAKE_TLS_HANDSHAKE_TIMEOUT = 10_000;

/** The longest SNI domain an `ee` secret may carry (TDLib's `ProxySecret::MAX_DOMAIN_LENGTH`). */
export const MAX_FAKE_TLS_DOMAIN = 182;

/** HMAC-SHA256 (RFC 2104) over the concatenation of `parts`; `key` at most 64 bytes. */
export function hmacSha256(key: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  const inner = new Uint8Array(64), outer = new Uint8Array(64);
  inner.set(key.length > 64 ? sha256(key) : key);
  outer.set(inner);
  for (let i = 0; i < 64; i++) {
    inner[i] ^= 0x36;
    outer[i] ^= 0x5c;
  }
  return sha256(outer, sha256(inner, ...parts));
}

// --- ClientHello -------------------------------------------------------------------------------

// Curve25519: p = 2^255 - 19. The key shares are x coordinates of points on the curve (a random
// x with x^3 + 486662x^2 + x a square, doubled three times), so that they pass a sniffer's check.
const P = (1n << 255n) - 19n;

function curveY2(x: bigint): bigint {
  return (((((x + 486662n) % P) * x) % P + 1n) * x) % P;
}

function doubleX(x: bigint): bigint {
  const numerator = ((x * x - 1n) % P + P) % P;
  const denominator = (4n * curveY2(x)) % P;
  return (numerator * numerator % P) * modPow(denominator, P - 2n, P) % P;
}

function uint32(random: RandomSource): number {
  const b = random(4);
  return (b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24) >>> 0;
}

/** Writes the hello: byte strings, random runs and 16-bit length scopes. */
class HelloWriter {
  readonly buf: Uint8Array;
  pos = 0;
  readonly #scopes: number[] = [];

  constructor(
    readonly random: RandomSource,
    readonly domain: Uint8Array,
    readonly grease: Uint8Array,
    size = 4096,
  ) {
    this.buf = new Uint8Array(size);
  }

  bytes(b: ArrayLike<number>): void {
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  randomBytes(n: number): void {
    this.bytes(this.random(n));
  }

  zero(n: number): void {
    this.pos += n;
  }

  greaseValue(seed: number): void {
    this.bytes([this.grease[seed], this.grease[seed]]);
  }

  /** An X25519 public key that is a point of the curve. */
  x25519Key(): void {
    for (;;) {
      const k = this.random(32);
      k[31] &= 0x7f;
      let x = 0n;
      for (const byte of k) x = (x << 8n) | BigInt(byte);
      if (modPow(curveY2(x), (P - 1n) / 2n, P) !== 1n) continue;
      for (let i = 0; i < 3; i++) x = doubleX(x);
      for (let i = 0; i < 32; i++, x >>= 8n) this.buf[this.pos + i] = Number(x & 0xffn);
      this.pos += 32;
      return;
    }
  }

  /** ML-KEM-768's public key shape: 256·3 coefficients below 3329, 12 bits each, then 32 bytes. */
  mlKem768Key(): void {
    for (let i = 0; i < 384; i++) {
      const a = uint32(this.random) % 3329, b = uint32(this.random) % 3329;
      this.bytes([a & 0xff, (a >> 8) | ((b & 15) << 4), b >> 4]);
    }
    this.randomBytes(32);
  }

  open(): void {
    this.#scopes.push(this.pos);
    this.pos += 2;
  }

  close(): void {
    const start = this.#scopes.pop()!;
    const length = this.pos - start - 2;
    this.buf[start] = length >> 8;
    this.buf[start + 1] = length & 0xff;
  }

  /** Renders each part on its own, then writes them in a random order (Chrome shuffles). */
  shuffled(parts: ((w: HelloWriter) => void)[]): void {
    const rendered = parts.map((part) => {
      const w = new HelloWriter(this.random, this.domain, this.grease, 2048);
      part(w);
      return w.buf.subarray(0, w.pos);
    });
    for (let i = rendered.length - 1; i > 0; i--) {
      const j = uint32(this.random) % (i + 1);
      [rendered[i], rendered[j]] = [rendered[j], rendered[i]];
    }
    for (const r of rendered) this.bytes(r);
  }

  /** The padding extension, up to 517 bytes in all, when the hello is shorter than 513. */
  padding(): void {
    if (this.pos >= 513) return;
    const n = 513 - this.pos;
    this.bytes([0x00, 0x15]);
    this.open();
    this.zero(n);
    this.close();
  }
}

/** The 7 GREASE values of a hello: 0x?A, and no two neighbours alike. */
function greaseValues(random: RandomSource): Uint8Array {
  const g = random(7).slice();
  for (let i = 0; i < g.length; i++) g[i] = (g[i] & 0xf0) + 0x0a;
  for (let i = 1; i < g.length; i += 2) if (g[i] === g[i - 1]) g[i] ^= 0x10;
  return g;
}

/** Chrome's ClientHello (TDLib's non-Apple template), the random field left zero. */
function writeHello(w: HelloWriter): void {
  w.bytes([0x16, 0x03, 0x01]); // handshake record, TLS 1.0 on the record layer
  w.open();
  w.bytes([0x01, 0x00]); // client_hello, 24-bit length whose top byte is 0
  w.open();
  w.bytes([0x03, 0x03]);
  w.zero(32); // random: the HMAC goes here
  w.bytes([0x20]);
  w.randomBytes(32); // legacy session id
  w.bytes([0x00, 0x20]);
  w.greaseValue(0);
  // TLS_AES_128_GCM_SHA256 … TLS_RSA_WITH_AES_256_CBC_SHA, then null compression
  w.bytes([
    0x13,
    0x01,
    0x13,
    0x02,
    0x13,
    0x03,
    0xc0,
    0x2b,
    0xc0,
    0x2f,
    0xc0,
    0x2c,
    0xc0,
    0x30,
    0xcc,
    0xa9,
    0xcc,
    0xa8,
    0xc0,
    0x13,
    0xc0,
    0x14,
    0x00,
    0x9c,
    0x00,
    0x9d,
    0x00,
    0x2f,
    0x00,
    0x35,
    0x01,
    0x00,
  ]);
  w.open(); // extensions
  w.greaseValue(2);
  w.bytes([0x00, 0x00]);
  w.shuffled([
    (e) => { // server_name
      e.bytes([0x00, 0x00]);
      e.open();
      e.open();
      e.bytes([0x00]);
      e.open();
      e.bytes(e.domain);
      e.close();
      e.close();
      e.close();
    },
    (e) => e.bytes([0x00, 0x05, 0x00, 0x05, 0x01, 0x00, 0x00, 0x00, 0x00]), // status_request
    (e) => { // supported_groups
      e.bytes([0x00, 0x0a, 0x00, 0x0c, 0x00, 0x0a]);
      e.greaseValue(4);
      e.bytes([0x11, 0xec, 0x00, 0x1d, 0x00, 0x17, 0x00, 0x18]);
    },
    (e) => e.bytes([0x00, 0x0b, 0x00, 0x02, 0x01, 0x00]), // ec_point_formats
    (e) =>
      // signature_algorithms
      e.bytes([
        0x00,
        0x0d,
        0x00,
        0x12,
        0x00,
        0x10,
        0x04,
        0x03,
        0x08,
        0x04,
        0x04,
        0x01,
        0x05,
        0x03,
        0x08,
        0x05,
        0x05,
        0x01,
        0x08,
        0x06,
        0x06,
        0x01,
      ]),
    (e) =>
      // ALPN: h2, http/1.1
      e.bytes([
        0x00,
        0x10,
        0x00,
        0x0e,
        0x00,
        0x0c,
        0x02,
        0x68,
        0x32,
        0x08,
        0x68,
        0x74,
        0x74,
        0x70,
        0x2f,
        0x31,
        0x2e,
        0x31,
      ]),
    (e) => e.bytes([0x00, 0x12, 0x00, 0x00]), // signed_certificate_timestamp
    (e) => e.bytes([0x00, 0x17, 0x00, 0x00]), // extended_master_secret
    (e) => e.bytes([0x00, 0x1b, 0x00, 0x03, 0x02, 0x00, 0x02]), // compress_certificate
    (e) => e.bytes([0x00, 0x23, 0x00, 0x00]), // session_ticket
    (e) => { // supported_versions: GREASE, TLS 1.3, TLS 1.2
      e.bytes([0x00, 0x2b, 0x00, 0x07, 0x06]);
      e.greaseValue(6);
      e.bytes([0x03, 0x04, 0x03, 0x03]);
    },
    (e) => e.bytes([0x00, 0x2d, 0x00, 0x02, 0x01, 0x01]), // psk_key_exchange_modes
    (e) => { // key_share: GREASE, X25519MLKEM768, X25519
      e.bytes([0x00, 0x33, 0x04, 0xef, 0x04, 0xed]);
      e.greaseValue(4);
      e.bytes([0x00, 0x01, 0x00, 0x11, 0xec, 0x04, 0xc0]);
      e.mlKem768Key();
      e.x25519Key();
      e.bytes([0x00, 0x1d, 0x00, 0x20]);
      e.x25519Key();
    },
    (e) => e.bytes([0x44, 0xcd, 0x00, 0x05, 0x00, 0x03, 0x02, 0x68, 0x32]), // application_settings
    (e) => { // encrypted_client_hello (GREASE)
      e.bytes([0xfe, 0x0d]);
      e.open();
      e.bytes([0x00, 0x00, 0x01, 0x00, 0x01]);
      e.randomBytes(1);
      e.bytes([0x00, 0x20]);
      e.randomBytes(32);
      e.open();
      e.randomBytes(144 + 32 * (uint32(e.random) % 4));
      e.close();
      e.close();
    },
    (e) => e.bytes([0xff, 0x01, 0x00, 0x01, 0x00]), // renegotiation_info
  ]);
  w.greaseValue(3);
  w.bytes([0x00, 0x01, 0x00]);
  w.padding();
  w.close();
  w.close();
  w.close();
}

/** Options of {@link buildClientHello}. */
export interface ClientHelloOptions {
  /** Unix time in seconds folded into the random; default now. */
  unixTime?: number;
  /** Random bytes for GREASE, session id, key shares and the extension order. */
  random?: RandomSource;
}

/**
 * The ClientHello record for an `ee` proxy: `key` is the secret's 16 key bytes, `domain` its
 * SNI. Returns the bytes to send; `hello.subarray(11, 43)` is the client random the proxy's
 * answer is checked against.
 */
export function buildClientHello(
  key: Uint8Array,
  domain: Uint8Array,
  options: ClientHelloOptions = {},
): Uint8Array {
  const random = options.random ?? secureRandom;
  const w = new HelloWriter(random, domain.subarray(0, MAX_FAKE_TLS_DOMAIN), greaseValues(random));
  writeHello(w);
  const hello = w.buf.slice(0, w.pos);
  const digest = hmacSha256(key, hello);
  const time = Math.floor(options.unixTime ?? Date.now() / 1000) | 0;
  const view = new DataView(digest.buffer, digest.byteOffset, 32);
  view.setInt32(28, view.getInt32(28, true) ^ time, true);
  hello.set(digest, 11);
  return hello;
}

// --- The proxy's answer ------------------------------------------------------------------------

const SERVER_HELLO = [0x16, 0x03, 0x03];
const CCS_AND_DATA = [0x14, 0x03, 0x03, 0x00, 0x01, 0x01, 0x17, 0x03, 0x03];
/** The client's ChangeCipherSpec record, sent once before its first application-data record. */
const CLIENT_CCS = Uint8Array.of(0x14, 0x03, 0x03, 0x00, 0x01, 0x01);

function securityError(message: string): MtprotoError {
  return new MtprotoError("MTPROTO_SECURITY", `fake-TLS proxy: ${message}`);
}

/**
 * How many bytes of `data` the proxy's answer takes (ServerHello, then ChangeCipherSpec +
 * application data), or `undefined` while incomplete. Throws `MTPROTO_SECURITY` on bytes that
 * cannot start such an answer.
 */
export function serverHelloLength(data: Uint8Array): number | undefined {
  let at = 0;
  for (const prefix of [SERVER_HELLO, CCS_AND_DATA]) {
    const known = Math.min(prefix.length, data.length - at);
    for (let i = 0; i < known; i++) {
      if (data[at + i] !== prefix[i]) {
        throw securityError("the answer is not a fake-TLS ServerHello");
      }
    }
    if (data.length < at + prefix.length + 2) return undefined;
    at += prefix.length + 2 + (data[at + prefix.length] << 8 | data[at + prefix.length + 1]);
  }
  return data.length >= at ? at : undefined;
}

/**
 * Checks the proxy's answer (exactly the bytes {@link serverHelloLength} counted) against the
 * client random; throws `MTPROTO_SECURITY` when its HMAC is wrong (not the proxy, or another key).
 */
export function verifyServerHello(key: Uint8Array, clientRandom: Uint8Array, answer: Uint8Array) {
  if (answer.length < 43) throw securityError("the ServerHello is too short");
  const zeroed = answer.slice();
  zeroed.fill(0, 11, 43);
  const expected = hmacSha256(key, clientRandom, zeroed);
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= expected[i] ^ answer[11 + i];
  if (diff !== 0) {
    throw securityError("the ServerHello's HMAC is wrong (wrong secret, or not the proxy)");
  }
}

// --- Records -----------------------------------------------------------------------------------

/** Wraps outgoing bytes in application-data records; the first call adds the ChangeCipherSpec. */
export class TlsRecordWriter {
  #first = true;

  wrap(data: Uint8Array): Uint8Array {
    const records = Math.max(1, Math.ceil(data.length / MAX_TLS_PACKET_LENGTH));
    const prefix = this.#first ? CLIENT_CCS.length : 0;
    const out = new Uint8Array(prefix + records * 5 + data.length);
    if (this.#first) out.set(CLIENT_CCS);
    this.#first = false;
    let at = prefix;
    for (let off = 0; off < data.length || off === 0; off += MAX_TLS_PACKET_LENGTH) {
      const chunk = data.subarray(off, off + MAX_TLS_PACKET_LENGTH);
      out[at] = 0x17;
      out[at + 1] = 0x03;
      out[at + 2] = 0x03;
      out[at + 3] = chunk.length >> 8;
      out[at + 4] = chunk.length & 0xff;
      out.set(chunk, at + 5);
      at += 5 + chunk.length;
      if (data.length === 0) break;
    }
    return out.subarray(0, at);
  }
}

/**
 * Takes the proxy's records apart: `push` returns the payload bytes that complete records hold
 * (in order), and keeps at most one partial record. Anything but application data fails with
 * `MTPROTO_SECURITY`.
 */
export class TlsRecordReader {
  #pending: Uint8Array = new Uint8Array(0);

  push(chunk: Uint8Array): Uint8Array[] {
    let data = chunk;
    if (this.#pending.length > 0) {
      data = new Uint8Array(this.#pending.length + chunk.length);
      data.set(this.#pending);
      data.set(chunk, this.#pending.length);
    }
    const out: Uint8Array[] = [];
    let at = 0;
    while (data.length - at >= 5) {
      if (data[at] !== 0x17 || data[at + 1] !== 0x03 || data[at + 2] !== 0x03) {
        throw securityError("a record that is not TLS application data");
      }
      const length = data[at + 3] << 8 | data[at + 4];
      if (data.length - at - 5 < length) break;
      if (length > 0) out.push(data.subarray(at + 5, at + 5 + length));
      at += 5 + length;
    }
    this.#pending = at === data.length ? new Uint8Array(0) : data.slice(at);
    return out;
  }
}

// --- The connection ----------------------------------------------------------------------------

/** Options of {@link connectFakeTls}. */
export interface FakeTlsOptions {
  /** The secret's 16 key bytes. */
  key: Uint8Array;
  /** The SNI domain (the secret's bytes after the key). */
  domain: Uint8Array;
  /** Milliseconds for the proxy's answer; default {@link FAKE_TLS_HANDSHAKE_TIMEOUT}. */
  timeout?: number;
  /** Unix time for the hello, seconds (a client that knows its clock is off corrects it). */
  now?: () => number;
  random?: RandomSource;
}

/**
 * Opens a TCP connection to an `ee` MTProxy, does the fake-TLS handshake and returns a stream
 * that carries bytes in TLS records: `write` wraps, `handlers.onData` gets record payloads.
 * Fails with `MTPROTO_SECURITY` (a wrong answer) or `MTPROTO_CONNECTION_FAILED` (no answer
 * within the timeout, or the proxy closed).
 */
export async function connectFakeTls(
  address: TcpAddress,
  options: FakeTlsOptions,
  handlers: StreamHandlers,
): Promise<ByteStream> {
  const hello = buildClientHello(options.key, options.domain, {
    unixTime: options.now?.(),
    random: options.random,
  });
  const clientRandom = hello.slice(11, 43);
  const reader = new TlsRecordReader();
  let state: "handshake" | "open" | "closed" = "handshake";
  let answer: Uint8Array = new Uint8Array(0);
  let settle: { ok(): void; fail(e: Error): void } | undefined;
  const settled = new Promise<void>((ok, fail) => (settle = { ok, fail }));
  const fail = (e: Error) => {
    if (state !== "handshake") return;
    state = "closed";
    settle!.fail(e);
  };
  const opened: { stream?: ByteStream } = {};
  const deliver = (bytes: Uint8Array) => {
    let payloads;
    try {
      payloads = reader.push(bytes);
    } catch (e) {
      state = "closed";
      opened.stream?.close();
      handlers.onClose(e as Error);
      return;
    }
    for (const p of payloads) if (state === "open") handlers.onData(p);
  };
  const stream = opened.stream = await connectTcp(address, {
    onData(chunk) {
      if (state === "open") return deliver(chunk);
      if (state !== "handshake") return;
      const all = new Uint8Array(answer.length + chunk.length);
      all.set(answer);
      all.set(chunk, answer.length);
      answer = all;
      try {
        const length = serverHelloLength(answer);
        if (length === undefined) return;
        verifyServerHello(options.key, clientRandom, answer.subarray(0, length));
        state = "open";
        settle!.ok();
        // The proxy speaks only after the client's first record; keep whatever came anyway.
        if (answer.length > length) queueMicrotask(() => deliver(answer.subarray(length)));
      } catch (e) {
        fail(e as Error);
      }
    },
    onClose(error) {
      if (state === "handshake") {
        fail(
          new MtprotoError(
            "MTPROTO_CONNECTION_FAILED",
            "fake-TLS proxy closed the connection during the handshake",
            { cause: error },
          ),
        );
      } else if (state === "open") {
        state = "closed";
        handlers.onClose(error);
      }
    },
  });
  stream.write(hello);
  const timeout = options.timeout ?? FAKE_TLS_HANDSHAKE_TIMEOUT;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      settled,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new MtprotoError(
                "MTPROTO_CONNECTION_FAILED",
                `fake-TLS proxy did not answer the ClientHello within ${timeout} ms`,
              ),
            ),
          timeout,
        );
      }),
    ]);
  } catch (e) {
    state = "closed";
    stream.close();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  const writer = new TlsRecordWriter();
  const socket = stream;
  return {
    write(data: Uint8Array) {
      if (state === "open") socket.write(writer.wrap(data));
    },
    close() {
      if (state === "closed") return;
      state = "closed";
      socket.close();
      handlers.onClose();
    },
  };
}
