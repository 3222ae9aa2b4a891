/**
 * A TCP byte stream on Deno (`Deno.connect`), Bun (`Bun.connect`) and Node (`node:net`), the
 * implementation chosen once when this module loads. The rest of the library sees only
 * {@link ByteStream}; nothing else asks which runtime it is on.
 *
 * @module
 */
import { IrenogramError } from "../errors.ts";
import type * as Net from "node:net";
import { nodeBuiltin, RUNTIME } from "./runtime.ts";

/** What a connected stream tells its owner. Called in arrival order, never after `onClose`. */
export interface StreamHandlers {
  /**
   * Bytes arrived. The chunk is valid only during this call (Node's adapter reads every socket
   * into one shared buffer): copy what you keep.
   */
  onData(chunk: Uint8Array): void;
  /** The stream ended (`error` undefined: the peer closed it cleanly, or `close()` was called). */
  onClose(error?: Error): void;
}

/** A connected byte stream: TCP here, a WebSocket in runtime/websocket.ts. */
export interface ByteStream {
  /** Queues bytes for sending, in order. Writes after close are dropped. */
  write(data: Uint8Array): void;
  /** Closes the stream; `onClose` follows once. Idempotent. */
  close(): void;
}

/**
 * Codes of {@link SocketError}: `SOCKET_CONNECT_FAILED` (refused, unreachable, timed out),
 * `SOCKET_UNSUPPORTED` (no such socket on this runtime).
 */
export type SocketErrorCode = "SOCKET_CONNECT_FAILED" | "SOCKET_UNSUPPORTED";

/** A socket could not be opened. The message names the address, never what was to be sent. */
export class SocketError extends IrenogramError {
  declare readonly code: SocketErrorCode;
  constructor(code: SocketErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}

/** Where to connect: an IPv4 or IPv6 literal (no brackets) or a host name. */
export interface TcpAddress {
  host: string;
  port: number;
}

type Connector = (address: TcpAddress, handlers: StreamHandlers) => Promise<ByteStream>;

// deno-lint-ignore no-explicit-any
const g = globalThis as any;

/** A Bun socket as its write queue uses it: `write` takes what fits and says how much. */
export interface BunWritable {
  write(data: Uint8Array): number;
}

/**
 * Bun: writes `data` at once, or queues it (whole, or the rest that did not fit) behind the
 * chunks already waiting for `drain`. Shared by the client (here) and the listener
 * (runtime/tcp_listen.ts).
 */
export function bunWrite(socket: BunWritable, pending: Uint8Array[], data: Uint8Array): void {
  if (pending.length > 0) pending.push(data);
  else {
    const n = socket.write(data);
    if (n < data.length) pending.push(data.subarray(Math.max(0, n)));
  }
}

/** Bun, on `drain`: writes queued chunks until the socket is full; whether the queue emptied. */
export function bunFlush(socket: BunWritable, pending: Uint8Array[]): boolean {
  while (pending.length > 0) {
    const head = pending[0];
    const n = socket.write(head);
    if (n !== head.length) {
      if (n > 0) pending[0] = head.subarray(n);
      return false;
    }
    pending.shift();
  }
  return true;
}

/** Bun: `Bun.connect` with socket handlers; writes that do not fit are kept until `drain`. */
const bunConnect: Connector = (address, handlers) => {
  let pending: Uint8Array[] = [];
  let closed = false;
  const finish = (error?: Error) => {
    if (closed) return;
    closed = true;
    pending = [];
    handlers.onClose(error);
  };
  return g.Bun.connect({
    hostname: address.host,
    port: address.port,
    socket: {
      binaryType: "uint8array",
      data(_s: unknown, chunk: Uint8Array) {
        if (!closed) handlers.onData(chunk);
      },
      drain: (socket: BunWritable) => bunFlush(socket, pending),
      close() {
        finish();
      },
      error(_s: unknown, e: Error) {
        finish(e);
      },
      end() {
        finish();
      },
    },
    // deno-lint-ignore no-explicit-any
  }).then((socket: any) => {
    socket.setNoDelay?.(true);
    return {
      write(data: Uint8Array) {
        if (!closed) bunWrite(socket, pending, data);
      },
      close() {
        if (closed) return;
        socket.end();
        finish();
      },
    };
  });
};

/** Deno: `Deno.connect`, a read loop, and a write loop that keeps the writes in order. */
const denoConnect: Connector = async (address, handlers) => {
  const conn = await g.Deno.connect({ hostname: address.host, port: address.port });
  conn.setNoDelay?.(true);
  let closed = false;
  const finish = (error?: Error) => {
    if (closed) return;
    closed = true;
    try {
      conn.close();
    } catch { /* already closed */ }
    handlers.onClose(error);
  };
  (async () => {
    // One buffer for every read: the chunk is lent for the onData call only (StreamHandlers).
    const buf = new Uint8Array(256 * 1024);
    try {
      for (;;) {
        const n: number | null = await conn.read(buf);
        if (n === null || closed) break;
        handlers.onData(buf.subarray(0, n));
      }
      finish();
    } catch (e) {
      finish(closed ? undefined : e as Error);
    }
  })();
  // Writes wait only behind writes still under way: an idle socket starts writing at once. A
  // write is one op and one `then` (no async function, whose own promise and resumption cost
  // more than the op on the one-request-at-a-time path); what arrives meanwhile queues.
  const waiting: Uint8Array[] = [];
  let writing: Uint8Array | undefined, off = 0;
  const failed = (e: unknown) => {
    writing = undefined;
    finish(e as Error);
  };
  const send = (bytes: Uint8Array) => {
    try {
      conn.write(bytes).then(wrote, failed);
    } catch (e) {
      failed(e);
    }
  };
  const wrote = (n: number) => {
    const data = writing!;
    off += n;
    if (closed) writing = undefined;
    else if (off < data.length) send(data.subarray(off));
    else if (waiting.length > 0) start(waiting.shift()!);
    else writing = undefined;
  };
  const start = (data: Uint8Array) => {
    writing = data;
    off = 0;
    send(data);
  };
  return {
    write(data: Uint8Array) {
      if (closed) return;
      if (writing === undefined) start(data);
      else waiting.push(data);
    },
    close() {
      finish();
    },
  };
};

/**
 * The buffer every Node socket reads into, 64 KiB (node:net's own read size). One for all:
 * libuv fills it just before calling that socket's `onread` callback, which hands the bytes on
 * synchronously, so no two reads overlap and an idle connection holds no buffer of its own.
 */
let nodeReadBuffer: Uint8Array | undefined;

/** Node (and anything else with node:net). */
const nodeConnect: Connector = (address, handlers) => {
  const net = nodeBuiltin<typeof Net>("node:net");
  if (net === undefined) {
    return Promise.reject(new SocketError("SOCKET_UNSUPPORTED", "node:net is not available here"));
  }
  return new Promise<ByteStream>((resolve, reject) => {
    let closed = false, connected = false;
    // `onread` hands each read to us straight from the socket's handle, skipping the Readable
    // stream machinery ('data' events, nextTick hops) that costs more than the read itself for
    // small frames. The buffer is shared and lent for the call only (see StreamHandlers.onData):
    // the frame decoder copies what it needs into the core, so no copy is made here.
    const socket = net.connect({
      host: address.host,
      port: address.port,
      onread: {
        buffer: nodeReadBuffer ??= new Uint8Array(64 * 1024),
        callback(n: number, buf: Uint8Array) {
          if (!closed) handlers.onData(buf.subarray(0, n));
          return true;
        },
      },
    });
    socket.setNoDelay(true);
    const finish = (error?: Error) => {
      if (closed) return;
      closed = true;
      socket.destroy();
      if (!connected) reject(error ?? new Error("connection closed"));
      else handlers.onClose(error);
    };
    socket.on("error", (e: Error) => finish(e));
    socket.on("close", () => finish());
    socket.on("connect", () => {
      connected = true;
      resolve({
        write(data: Uint8Array) {
          if (!closed) socket.write(data);
        },
        close() {
          finish();
        },
      });
    });
  });
};

/** Browsers have no TCP: the `"websocket"` transport is theirs. */
const noTcp: Connector = () =>
  Promise.reject(
    new SocketError(
      "SOCKET_UNSUPPORTED",
      "no TCP sockets in a browser: use the websocket transport",
    ),
  );

/** The runtime's own socket API, chosen once. */
const connector: Connector = RUNTIME === "bun"
  ? bunConnect
  : RUNTIME === "deno"
  ? denoConnect
  : RUNTIME === "node"
  ? nodeConnect
  : noTcp;

/** Which implementation {@link connectTcp} uses here. */
export const tcpImplementation: "bun" | "deno" | "node" | "none" = RUNTIME === "browser"
  ? "none"
  : RUNTIME;

/**
 * Opens a TCP connection. Fails with `SOCKET_CONNECT_FAILED` (the address in the message, the
 * runtime's error as `cause`).
 *
 * @example
 * ```ts
 * import { TestServer } from "@x/irenogram/testing";
 * await using server = await TestServer.start(); // Telegram's DCs on loopback
 * const { host, port } = server.dcs[1];
 * const stream = await connectTcp({ host, port }, {
 *   onData: (chunk) => console.log(chunk.length),
 *   onClose: () => console.log("closed"),
 * });
 * stream.write(new Uint8Array([0xee, 0xee, 0xee, 0xee])); // the intermediate transport's tag
 * stream.close();
 * ```
 */
export async function connectTcp(
  address: TcpAddress,
  handlers: StreamHandlers,
): Promise<ByteStream> {
  try {
    return await connector(address, handlers);
  } catch (e) {
    if (e instanceof SocketError) throw e;
    const where = address.host.includes(":") ? `[${address.host}]` : address.host;
    throw new SocketError(
      "SOCKET_CONNECT_FAILED",
      `cannot connect to ${where}:${address.port}: ${(e as Error)?.message ?? e}`,
      { cause: e },
    );
  }
}
