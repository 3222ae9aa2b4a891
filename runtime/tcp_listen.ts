/**
 * A TCP listener (the server side of runtime/tcp.ts) for servers that run in this library's
 * processes, the TestServer first: `Bun.listen` on Bun, `node:net` elsewhere, chosen once when
 * this module loads. Bun's node:net is a layer of JavaScript streams over its native sockets
 * (Duplex, Readable pushes, write callbacks): for a server answering one small request at a time
 * that layer cost about as much CPU as the socket itself, so Bun gets its own sockets here.
 * (Deno's `Deno.listen` was tried too: its asynchronous reads and writes made a round trip
 * ~10 µs longer than Deno's node:net, for no less CPU.)
 *
 * @example
 * ```ts
 * import { listenTcp } from "./tcp_listen.ts";
 * const listener = await listenTcp({ host: "127.0.0.1", port: 0 }, (stream) => ({
 *   onData: (chunk) => stream.write(chunk), // an echo server
 *   onEnd: () => stream.end(),
 *   onError: () => {},
 *   onClose: () => {},
 * }));
 * console.log(listener.port);
 * await listener.close();
 * ```
 *
 * @module
 */
import type * as Net from "node:net";
import { nodeBuiltin, RUNTIME, RuntimeUnsupportedError } from "./runtime.ts";
import { bunFlush, bunWrite, type TcpAddress } from "./tcp.ts";

/** One accepted connection, as its server writes to it and closes it. */
export interface AcceptedStream {
  /** Queues bytes for sending, in order (kept while the socket is full). Dropped once closed. */
  write(data: Uint8Array): void;
  /** Closes once every queued byte is written (the peer sees the end of the stream). */
  end(): void;
  /** Closes now; queued bytes are dropped. */
  destroy(): void;
}

/**
 * What the server does with an accepted connection's events. Each chunk is the handler's to
 * keep (no buffer is lent and reused). `onClose` comes once, last, however the stream ended.
 */
export interface AcceptHandlers {
  onData(chunk: Uint8Array): void;
  /** The peer ended its side (a clean close from the client). */
  onEnd(): void;
  /** A socket error (reset, …); `onClose` follows. */
  onError(error: unknown): void;
  onClose(): void;
}

/** A listening socket. */
export interface TcpListener {
  /** The port listened on (the one chosen when 0 was asked for). */
  readonly port: number;
  /** Stops accepting; connections already open stay open (their owner closes them). */
  close(): Promise<void>;
}

/** Called for each accepted connection; returns its handlers. */
export type Accept = (stream: AcceptedStream) => AcceptHandlers;

type Listen = (
  address: TcpAddress,
  accept: Accept,
  onListenerError?: (error: unknown) => void,
) => Promise<TcpListener>;

// deno-lint-ignore no-explicit-any
const g = globalThis as any;

/** Per-socket state of a Bun connection: its handlers and the writes that did not fit yet. */
interface BunState {
  handlers: AcceptHandlers | undefined;
  pending: Uint8Array[];
  ending: boolean;
  closed: boolean;
}

/** Bun: `Bun.listen` with socket handlers; writes that do not fit wait for `drain`. */
const bunListen: Listen = (address, accept) => {
  // deno-lint-ignore no-explicit-any
  type BunSocket = { data: BunState; write(d: Uint8Array): number; end(): void } & any;
  const flush = (socket: BunSocket): void => {
    if (bunFlush(socket, socket.data.pending) && socket.data.ending) socket.end();
  };
  const finish = (socket: BunSocket): void => {
    const state = socket.data;
    if (state === undefined || state.closed) return;
    state.closed = true;
    state.pending = [];
    state.handlers?.onClose();
  };
  let listener;
  try {
    listener = g.Bun.listen({
      hostname: address.host,
      port: address.port,
      socket: {
        binaryType: "uint8array",
        open(socket: BunSocket) {
          const state: BunState = {
            handlers: undefined,
            pending: [],
            ending: false,
            closed: false,
          };
          socket.data = state;
          socket.setNoDelay?.(true);
          const stream: AcceptedStream = {
            write(data) {
              if (!state.closed && !state.ending) bunWrite(socket, state.pending, data);
            },
            end() {
              if (state.closed || state.ending) return;
              state.ending = true;
              if (state.pending.length === 0) socket.end();
            },
            destroy() {
              if (state.closed) return;
              // end(), not terminate(): with the queue dropped it closes at once, with a FIN as
              // node:net's destroy() does (terminate() resets the connection).
              state.pending = [];
              socket.end();
              finish(socket);
            },
          };
          state.handlers = accept(stream);
        },
        data(socket: BunSocket, chunk: Uint8Array) {
          const state = socket.data;
          if (!state.closed) state.handlers?.onData(chunk);
        },
        drain: flush,
        end(socket: BunSocket) {
          const state = socket.data;
          if (!state.closed) state.handlers?.onEnd();
        },
        error(socket: BunSocket, error: unknown) {
          const state = socket.data;
          if (state !== undefined && !state.closed) state.handlers?.onError(error);
        },
        close: finish,
      },
    });
  } catch (e) {
    return Promise.reject(e);
  }
  return Promise.resolve({
    port: listener.port,
    close() {
      // false: stop accepting, leave the connections open (their owner closes them).
      listener.stop(false);
      return Promise.resolve();
    },
  });
};

/** Node and Deno: `node:net`'s server and sockets. */
const nodeListen: Listen = (address, accept, onListenerError) => {
  const net = nodeBuiltin<typeof Net>("node:net");
  if (net === undefined) {
    return Promise.reject(new RuntimeUnsupportedError("TCP listening", "run on Node, Deno or Bun"));
  }
  const server = net.createServer((socket) => {
    socket.setNoDelay?.(true);
    const handlers = accept({
      write: (data) => {
        if (!socket.destroyed) socket.write(data);
      },
      end: () => socket.end(),
      destroy: () => socket.destroy(),
    });
    socket.on("data", (chunk: Uint8Array) => handlers.onData(chunk));
    socket.on("end", () => handlers.onEnd());
    socket.on("error", (e) => handlers.onError(e));
    socket.on("close", () => handlers.onClose());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(address.port, address.host, () => {
      server.off("error", reject);
      // Errors after listening (EMFILE on accept, …) must not end the process.
      server.on("error", (e) => onListenerError?.(e));
      const bound = server.address();
      resolve({
        port: typeof bound === "object" && bound !== null ? bound.port : address.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
};

/**
 * Listens on `address` (port 0: any free port) and hands each accepted connection to `accept`;
 * `onListenerError` hears errors of the listening socket after it listens (they do not stop it).
 *
 * @throws {RuntimeUnsupportedError} (rejects) where nothing can listen (a browser).
 */
export const listenTcp: Listen = RUNTIME === "bun" ? bunListen : nodeListen;
