/**
 * The MTProto service objects whose layout the schema cannot express, read and written by hand:
 * `msg_container` (a bare vector of bare `message`s, each with its body's length), `rpc_result`
 * (whose result's type depends on the request) and `gzip_packed` (inflated transparently when
 * reading, see {@link TlReader.object}).
 *
 * @module
 */
import type { TlReader } from "./reader.ts";
import type { TlWriter } from "./writer.ts";
import type { AnyTlObject } from "./gen/types.ts";
import { TlError } from "./tl_error.ts";

import { GZIP_PACKED_ID, MSG_CONTAINER_ID, RPC_RESULT_ID } from "./ids.ts";

export { MSG_CONTAINER_ID, RPC_RESULT_ID };

/** One message of a container: `message msg_id:long seqno:int bytes:int body:Object`. */
export interface ContainerMessage {
  msgId: bigint;
  seqno: number;
  /** The body: read as an object; written from an object or from bytes already serialised. */
  body: AnyTlObject | boolean | unknown[] | Uint8Array;
}

/** `msg_container#73f1f8dc messages:vector<message> = MessageContainer`. */
export interface MsgContainer {
  _: "msg_container";
  messages: ContainerMessage[];
}

/**
 * `rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult`. The result stays as bytes
 * because its type depends on the request: decode it with `readResult(request, result)`.
 */
export interface RpcResult {
  _: "rpc_result";
  reqMsgId: bigint;
  /** The serialised result (read: the rest of the message; write: bytes or an object). */
  result: Uint8Array | AnyTlObject;
}

/** `gzip_packed#3072cfa1 packed_data:bytes = Object`: written on request, never read back as such. */
export interface GzipPacked {
  _: "gzip_packed";
  /** A gzip stream whose content is one boxed object. */
  packedData: Uint8Array;
}

/** Least size of one container message: msg_id, seqno, bytes, a constructor id. */
const MESSAGE_MIN = 20;

/** Reads the body of a `msg_container` (its id already read). */
export function readMsgContainer(r: TlReader): MsgContainer {
  const n = r.uint();
  if (n * MESSAGE_MIN > r.remaining) {
    throw new TlError("TL_TRUNCATED", `msg_container of ${n} messages in ${r.remaining} bytes`);
  }
  const messages: ContainerMessage[] = [];
  for (let i = 0; i < n; i++) {
    const msgId = r.long();
    const seqno = r.int();
    const len = r.int();
    if (len < 0 || len > r.remaining) {
      throw new TlError("TL_TRUNCATED", `container message of ${len} bytes, ${r.remaining} left`);
    }
    const body = r.sub(len).object() as ContainerMessage["body"];
    r.pos += len;
    messages.push({ msgId, seqno, body });
  }
  return { _: "msg_container", messages };
}

/** Reads the body of an `rpc_result` (its id already read): the result is the rest of the input. */
export function readRpcResult(r: TlReader): RpcResult {
  const reqMsgId = r.long();
  return { _: "rpc_result", reqMsgId, result: r.raw(r.remaining) };
}

function writeBody(w: TlWriter, body: unknown): void {
  if (body instanceof Uint8Array) w.raw(body);
  else if (typeof body === "boolean") w.bool(body);
  else w.object(body as { _: string });
}

/** Writes a `msg_container`, computing each message's length. */
export function writeMsgContainer(w: TlWriter, o: MsgContainer): void {
  w.int(MSG_CONTAINER_ID);
  w.int(o.messages.length);
  for (const m of o.messages) {
    w.long(m.msgId);
    w.int(m.seqno);
    w.int(0);
    const start = w.pos;
    writeBody(w, m.body);
    const len = w.pos - start;
    w.intAt(start - 4, len);
  }
}

/** Writes an `rpc_result`. */
export function writeRpcResult(w: TlWriter, o: RpcResult): void {
  w.int(RPC_RESULT_ID);
  w.long(o.reqMsgId);
  writeBody(w, o.result);
}

/** Writes a `gzip_packed`. */
export function writeGzipPacked(w: TlWriter, o: GzipPacked): void {
  w.int(GZIP_PACKED_ID);
  w.bytes(o.packedData);
}
