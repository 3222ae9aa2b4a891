/**
 * One connection to a DC: a socket from runtime/ (TCP, or a WebSocket) and the framing codecs of
 * core/ for the chosen transport, optionally through an MTProxy. Whole MTProto payloads go in and
 * come out; reconnecting is the session's business.
 *
 * @module
 */
import {
  createTransport,
  type FrameEncoder,
  type RandomSource,
  sealFramed,
  type TransportKind,
} from "../core/mod.ts";
import { type ByteStream, connectTcp, SocketError } from "../runtime/tcp.ts";
import { connectWebSocket, type WebSocketConstructor } from "../runtime/websocket.ts";
import { MtprotoError } from "./errors.ts";
import { connectFakeTls, MAX_FAKE_TLS_DOMAIN } from "./fake_tls.ts";

/**
 * The transports: the four framings of core.telegram.org/mtproto/mtproto-transports over TCP,
 * `"obfuscated"` (obfuscated intermediate, or padded intermediate with a `dd` proxy secret) and
 * `"websocket"` (obfuscated intermediate in binary WebSocket messages, as `/apiws` expects).
 */
export type TransportName =
  | "abridged"
  | "intermediate"
  | "paddedIntermediate"
  | "full"
  | "obfuscated"
  | "websocket";

export const TRANSPORTS: readonly TransportName[] = [
  "abridged",
  "intermediate",
  "paddedIntermediate",
  "full",
  "obfuscated",
  "websocket",
];

/**
 * An MTProxy: host, port and secret (hex or base64): 16 bytes, `dd` + 16 bytes (random padding),
 * or `ee` + 16 bytes + the SNI domain (fake TLS).
 */
export interface ProxyOptions {
  /** The proxy's address. */
  host: string;
  /** The proxy's port. */
  port: number;
  /** Its secret: 32 hex digits (or base64), optionally prefixed with `dd`, or `ee` + domain. */
  secret: string;
}

/** Where a DC is. */
export interface Endpoint {
  host: string;
  port: number;
  /** The WebSocket URL (`ws(s)://…/apiws`) for the `"websocket"` transport. */
  wsUrl?: string;
}

export interface ConnectionOptions {
  transport: TransportName;
  dcId: number;
  testMode?: boolean;
  media?: boolean;
  proxy?: ProxyOptions;
  WebSocket?: WebSocketConstructor;
  /** Largest frame accepted from the server. */
  maxFrameSize?: number;
  /** Unix time in seconds, corrected by the server's clock (for a fake-TLS hello). */
  now?: () => number;
}

export interface ConnectionHandlers {
  onPayload(payload: Uint8Array): void;
  onClose(error?: Error): void;
}

function fromHex(s: string): Uint8Array | undefined {
  if (!/^([0-9a-f]{2})+$/i.test(s)) return undefined;
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function fromBase64(s: string): Uint8Array | undefined {
  try {
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, ""));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/**
 * The bytes of an MTProxy secret: 16 (plain obfuscation), 17 with `0xdd` (padded), or `0xee` +
 * 16 key bytes + a domain of 1..182 bytes without zeros (fake TLS). Anything else is refused
 * with `MTPROTO_BAD_OPTIONS`; the secret itself never appears in the message.
 */
export function parseProxySecret(secret: string): Uint8Array {
  if (typeof secret !== "string") {
    throw new MtprotoError("MTPROTO_BAD_OPTIONS", "proxy.secret must be a string");
  }
  const s = secret.trim();
  const bytes = fromHex(s) ?? fromBase64(s);
  if (bytes !== undefined && bytes.length >= 17 && bytes[0] === 0xee) {
    const domain = bytes.subarray(17);
    if (domain.length === 0 || domain.length > MAX_FAKE_TLS_DOMAIN || domain.includes(0)) {
      throw new MtprotoError(
        "MTPROTO_BAD_OPTIONS",
        `a fake-TLS (ee) proxy secret needs a domain of 1..${MAX_FAKE_TLS_DOMAIN} bytes after the key`,
      );
    }
    return bytes;
  }
  if (
    bytes === undefined || !(bytes.length === 16 || (bytes.length === 17 && bytes[0] === 0xdd))
  ) {
    throw new MtprotoError(
      "MTPROTO_BAD_OPTIONS",
      "proxy.secret must be 16 bytes, dd + 16 bytes, or ee + 16 bytes + domain, in hex or base64",
    );
  }
  return bytes;
}

/** An open connection carrying MTProto payloads. */
export class Connection {
  readonly #stream: ByteStream;
  readonly #encoder: FrameEncoder;
  readonly #free: () => void;
  #closed = false;

  private constructor(stream: ByteStream, encoder: FrameEncoder, free: () => void) {
    this.#stream = stream;
    this.#encoder = encoder;
    this.#free = free;
  }

  /**
   * Connects and sends the transport's init bytes. `handlers.onClose` is called once when the
   * stream ends or a framing error occurs (the decoder's error, then the connection is closed).
   */
  static async open(
    endpoint: Endpoint,
    options: ConnectionOptions,
    handlers: ConnectionHandlers,
  ): Promise<Connection> {
    let secret = options.proxy ? parseProxySecret(options.proxy.secret) : undefined;
    // Fake TLS: padded intermediate, obfuscated with the 16 key bytes, inside TLS records.
    const fakeTls = secret !== undefined && secret[0] === 0xee && secret.length > 17
      ? { key: secret.slice(1, 17), domain: secret.slice(17) }
      : undefined;
    if (fakeTls !== undefined) {
      if (options.transport === "websocket") {
        throw new MtprotoError(
          "MTPROTO_BAD_OPTIONS",
          "a fake-TLS (ee) MTProxy is reached over TCP, not the websocket transport",
        );
      }
      secret = Uint8Array.of(0xdd, ...fakeTls.key);
    }
    let kind: TransportKind;
    let obfuscated = false;
    switch (options.transport) {
      case "obfuscated":
      case "websocket":
        kind = secret !== undefined && secret.length === 17 ? "paddedIntermediate" : "intermediate";
        obfuscated = true;
        break;
      case "abridged":
      case "intermediate":
      case "paddedIntermediate":
      case "full":
        kind = options.transport;
        // An MTProxy only speaks the obfuscated protocol.
        if (secret !== undefined) {
          if (kind === "full") {
            throw new MtprotoError(
              "MTPROTO_BAD_OPTIONS",
              "an MTProxy cannot carry the full transport",
            );
          }
          if (secret.length === 17) kind = "paddedIntermediate";
          obfuscated = true;
        }
        break;
      default:
        throw new MtprotoError(
          "MTPROTO_BAD_OPTIONS",
          `unknown transport ${String(options.transport)}`,
        );
    }
    const transport = createTransport(kind, {
      maxFrameSize: options.maxFrameSize,
      obfuscation: obfuscated
        ? {
          dcId: options.dcId,
          testMode: options.testMode,
          media: options.media,
          secret,
        }
        : undefined,
    });
    const holder: { connection?: Connection } = {};
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      transport.free();
      handlers.onClose(error);
    };
    const streamHandlers = {
      onData(chunk: Uint8Array) {
        if (finished) return;
        let frames;
        try {
          frames = transport.decoder.push(chunk);
        } catch (e) {
          // Frames decoded before the failure still count, then the connection goes.
          for (
            const f of (e as { frames?: { type: string; payload?: Uint8Array }[] }).frames ?? []
          ) {
            if (f.type === "payload" && !finished) handlers.onPayload(f.payload!);
          }
          finish(e as Error);
          holder.connection?.close();
          return;
        }
        for (let i = 0; i < frames.length && !finished; i++) {
          const f = frames[i];
          if (f.type === "payload") handlers.onPayload(f.payload);
        }
      },
      onClose(error?: Error) {
        finish(error);
      },
    };
    let stream: ByteStream;
    try {
      if (options.transport === "websocket") {
        if (endpoint.wsUrl === undefined) {
          throw new MtprotoError("MTPROTO_BAD_OPTIONS", `DC ${options.dcId} has no WebSocket URL`);
        }
        stream = await connectWebSocket(endpoint.wsUrl, streamHandlers, {
          WebSocket: options.WebSocket,
        });
      } else {
        const to = options.proxy ?? endpoint;
        stream = fakeTls !== undefined
          ? await connectFakeTls(
            { host: to.host, port: to.port },
            { ...fakeTls, now: options.now },
            streamHandlers,
          )
          : await connectTcp({ host: to.host, port: to.port }, streamHandlers);
      }
    } catch (e) {
      finished = true;
      transport.free();
      if (e instanceof SocketError && e.code === "SOCKET_UNSUPPORTED") {
        throw new MtprotoError("MTPROTO_UNSUPPORTED", e.message, { cause: e });
      }
      throw e;
    }
    if (finished) throw new MtprotoError("MTPROTO_CONNECTION_FAILED", "closed while connecting");
    const connection = new Connection(stream, transport.encoder, () => finish());
    holder.connection = connection;
    if (transport.init.length > 0) stream.write(transport.init);
    return connection;
  }

  /** Frames and sends one payload. */
  send(payload: Uint8Array): void {
    if (this.#closed) return;
    this.#stream.write(this.#encoder.encode(payload));
  }

  /**
   * Seals the client message `data` (core's sealMessage) and sends it, sealed where its frame is
   * built (core's sealFramed: the same bytes as `send(sealMessage(...))`, fewer copies).
   */
  sendSealed(authKey: Uint8Array, data: Uint8Array, random: RandomSource): void {
    if (this.#closed) return;
    this.#stream.write(sealFramed(this.#encoder, authKey, data, "client", random));
  }

  /** Closes the socket; the close handler runs (once). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stream.close();
    this.#free();
  }

  get closed(): boolean {
    return this.#closed;
  }
}
