/**
 * A byte stream over a WebSocket (binary frames, subprotocol `binary`), as Telegram's
 * `wss://…/apiws` endpoints speak it: the obfuscated MTProto stream cut into WebSocket messages.
 * Uses the global `WebSocket` (browsers, Deno, Bun, Node 22+); on runtimes without one, pass a
 * constructor (for example the `ws` package's) as `options.WebSocket`.
 *
 * @module
 */
import { type ByteStream, SocketError, type StreamHandlers } from "./tcp.ts";

/** The part of the WebSocket API this adapter uses (the global one and `ws` both fit). */
export interface WebSocketLike {
  /** Set to `"arraybuffer"` by the adapter. */
  binaryType: string;
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Sends one binary message. */
  send(data: Uint8Array): void;
  /** Starts the closing handshake. */
  close(code?: number): void;
  /** The connection opened. */
  onopen: ((ev: unknown) => void) | null;
  /** A message arrived (`data`: an ArrayBuffer or a view). */
  onmessage: ((ev: { data: unknown }) => void) | null;
  /** The connection closed. */
  onclose: ((ev: unknown) => void) | null;
  /** The connection failed. */
  onerror: ((ev: unknown) => void) | null;
}

/** A WebSocket constructor: `new WebSocket(url, protocols)`. */
export type WebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
) => WebSocketLike;

/** Options of {@link connectWebSocket}. */
export interface WebSocketOptions {
  /** The constructor to use; default the global `WebSocket`. */
  WebSocket?: WebSocketConstructor;
}

function bytesOf(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return new Uint8Array(data.buffer, data.byteOffset, data.length);
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  return undefined;
}

/** Whether this runtime has a WebSocket without help. */
export function hasWebSocket(): boolean {
  return typeof (globalThis as { WebSocket?: unknown }).WebSocket === "function";
}

/**
 * Opens a WebSocket to `url` (`ws://` or `wss://`) with the `binary` subprotocol. Every
 * {@link ByteStream.write} is one binary message. Fails with `SOCKET_CONNECT_FAILED`, or
 * `SOCKET_UNSUPPORTED` when no WebSocket is available.
 *
 * @example
 * ```ts
 * import { TestServer } from "@x/irenogram/testing";
 * await using server = await TestServer.start(); // Telegram's DCs on loopback
 * // On Telegram: "wss://venus.web.telegram.org/apiws" (DC 4)
 * const ws = await connectWebSocket(server.wsUrl(2), {
 *   onData: (chunk) => console.log(chunk.length),
 *   onClose: () => console.log("closed"),
 * });
 * ws.close();
 * ```
 */
export function connectWebSocket(
  url: string,
  handlers: StreamHandlers,
  options: WebSocketOptions = {},
): Promise<ByteStream> {
  const Ctor = options.WebSocket ??
    (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (Ctor === undefined) {
    return Promise.reject(
      new SocketError(
        "SOCKET_UNSUPPORTED",
        "no WebSocket on this runtime: pass one (e.g. the ws package's) as the WebSocket option",
      ),
    );
  }
  return new Promise((resolve, reject) => {
    let ws: WebSocketLike;
    try {
      ws = new Ctor(url, "binary");
    } catch (e) {
      reject(
        new SocketError("SOCKET_CONNECT_FAILED", `cannot open a WebSocket to ${url}`, { cause: e }),
      );
      return;
    }
    ws.binaryType = "arraybuffer";
    let open = false, closed = false;
    const finish = (error?: Error) => {
      if (closed) return;
      closed = true;
      try {
        ws.close();
      } catch { /* already closing */ }
      if (!open) {
        reject(
          new SocketError("SOCKET_CONNECT_FAILED", `cannot open a WebSocket to ${url}`, {
            cause: error,
          }),
        );
      } else handlers.onClose(error);
    };
    ws.onopen = () => {
      open = true;
      resolve({
        write(data: Uint8Array) {
          if (!closed) ws.send(data);
        },
        close() {
          finish();
        },
      });
    };
    ws.onmessage = (ev) => {
      if (closed) return;
      const bytes = bytesOf(ev.data);
      if (bytes === undefined) finish(new Error("a WebSocket text message on a binary stream"));
      else handlers.onData(bytes);
    };
    ws.onerror = (ev) =>
      finish(new Error(String((ev as { message?: string })?.message ?? "WebSocket error")));
    ws.onclose = () => finish();
  });
}
