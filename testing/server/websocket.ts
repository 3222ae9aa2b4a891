/**
 * The server half of WebSocket (RFC 6455) as Telegram's `/apiws` uses it: an HTTP/1.1 upgrade
 * on the DC's own port (the obfuscated header can never start with "GET ", so a DC tells the two
 * apart from the first bytes, as Telegram's port 80 does), then binary frames whose payloads,
 * concatenated, are the obfuscated MTProto stream. Written here rather than taken from a
 * package so that the same code runs on Deno, Bun and Node over node:net.
 *
 * @module
 */
import type * as Crypto from "node:crypto";
import { nodeModule } from "../../runtime/runtime.ts";
// Loaded when used, not when imported: the testing entry loads in a browser bundle.
const { createHash } = nodeModule<typeof Crypto>("node:crypto");

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
/** The longest HTTP upgrade request accepted. */
const MAX_REQUEST = 8192;
const encoder = new TextEncoder();

/** The outcome of reading the upgrade request. */
export type UpgradeResult =
  | { state: "partial" }
  | { state: "refused"; response: Uint8Array }
  | { state: "upgraded"; response: Uint8Array; rest: Uint8Array };

function httpError(status: string): Uint8Array {
  return encoder.encode(
    `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}

/** Reads the client's upgrade request from the bytes received so far. */
export function readUpgrade(buffer: Uint8Array): UpgradeResult {
  let end = -1;
  for (let i = 3; i < buffer.length; i++) {
    if (buffer[i] === 10 && buffer[i - 1] === 13 && buffer[i - 2] === 10 && buffer[i - 3] === 13) {
      end = i + 1;
      break;
    }
  }
  if (end < 0) {
    if (buffer.length > MAX_REQUEST) {
      return { state: "refused", response: httpError("431 Request Header Fields Too Large") };
    }
    return { state: "partial" };
  }
  const text = new TextDecoder("latin1").decode(buffer.subarray(0, end));
  const [requestLine, ...lines] = text.split("\r\n");
  const [method, path] = requestLine.split(" ");
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) {
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
  }
  if (method !== "GET") return { state: "refused", response: httpError("405 Method Not Allowed") };
  if (!/^\/apiws(_test|_premium)?$/.test(path?.split("?")[0] ?? "")) {
    return { state: "refused", response: httpError("404 Not Found") };
  }
  const key = headers.get("sec-websocket-key");
  if (headers.get("upgrade")?.toLowerCase() !== "websocket" || key === undefined) {
    return { state: "refused", response: httpError("400 Bad Request") };
  }
  const accept = createHash("sha1").update(key + GUID).digest("base64");
  const protocols = (headers.get("sec-websocket-protocol") ?? "").split(",").map((p) => p.trim());
  const response =
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
    `Sec-WebSocket-Accept: ${accept}\r\n` +
    (protocols.includes("binary") ? "Sec-WebSocket-Protocol: binary\r\n" : "") + "\r\n";
  return { state: "upgraded", response: encoder.encode(response), rest: buffer.subarray(end) };
}

/** What a chunk of client frames held. */
export interface WsRead {
  /** Payloads of data frames (binary or continuation), in order: parts of the byte stream. */
  data: Uint8Array[];
  /** Frames to send back at once (pongs, the close echo). */
  replies: Uint8Array[];
  /** The client closed, or broke the protocol: close the connection after the replies. */
  closed: boolean;
}

/** A server frame (never masked): FIN set, `opcode`, `payload`. */
export function wsFrame(opcode: number, payload: Uint8Array): Uint8Array {
  const n = payload.length;
  const header = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const out = new Uint8Array(header + n);
  out[0] = 0x80 | opcode;
  if (n < 126) out[1] = n;
  else if (n < 65536) {
    out[1] = 126;
    out[2] = n >> 8;
    out[3] = n & 0xff;
  } else {
    out[1] = 127;
    new DataView(out.buffer).setBigUint64(2, BigInt(n));
  }
  out.set(payload, header);
  return out;
}

/** Reads client frames (masked, as RFC 6455 requires) from a byte stream in any chunks. */
export class WsFrameReader {
  #buffer = new Uint8Array(0);
  #closed = false;

  constructor(readonly maxFrame: number) {}

  push(chunk: Uint8Array): WsRead {
    const out: WsRead = { data: [], replies: [], closed: this.#closed };
    if (this.#closed) return out;
    let buf = this.#buffer.length === 0 ? chunk : concat(this.#buffer, chunk);
    for (;;) {
      if (buf.length < 2) break;
      const opcode = buf[0] & 0x0f, masked = (buf[1] & 0x80) !== 0;
      let len = buf[1] & 0x7f, at = 2;
      if (len === 126) {
        if (buf.length < 4) break;
        len = (buf[2] << 8) | buf[3];
        at = 4;
      } else if (len === 127) {
        if (buf.length < 10) break;
        const big = new DataView(buf.buffer, buf.byteOffset + 2, 8).getBigUint64(0);
        len = big > BigInt(this.maxFrame) ? this.maxFrame + 1 : Number(big);
        at = 10;
      }
      if (!masked || len > this.maxFrame || (buf[0] & 0x70) !== 0) {
        // Unmasked client frames, reserved bits and giant frames end the connection (1002/1009).
        this.#closed = out.closed = true;
        out.replies.push(wsFrame(0x8, new Uint8Array([0x03, len > this.maxFrame ? 0xf1 : 0xea])));
        break;
      }
      if (buf.length < at + 4 + len) break;
      const mask = buf.subarray(at, at + 4);
      const payload = buf.slice(at + 4, at + 4 + len);
      for (let i = 0; i < len; i++) payload[i] ^= mask[i & 3];
      buf = buf.subarray(at + 4 + len);
      if (opcode === 0x0 || opcode === 0x2 || opcode === 0x1) out.data.push(payload);
      else if (opcode === 0x9) out.replies.push(wsFrame(0xa, payload.subarray(0, 125)));
      else if (opcode === 0x8) {
        this.#closed = out.closed = true;
        out.replies.push(wsFrame(0x8, payload.subarray(0, 2)));
        break;
      } else if (opcode !== 0xa) {
        this.#closed = out.closed = true;
        break;
      }
    }
    this.#buffer = buf.length === 0 ? new Uint8Array(0) : buf.slice();
    return out;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
