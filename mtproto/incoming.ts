/**
 * The messages of a server msg_container read as offsets into its bytes, with each rpc_result's
 * request id and result found in place: the answers to a burst of requests arrive as containers
 * of rpc_results, and reading them as TL objects built a reader, a sub-reader and two objects
 * per answer only for the session to take the result's bytes back out. Anything else in the
 * container is left to tl/'s deserialize; anything irregular makes the reader give up, and the
 * session reads the whole container with deserialize instead (same checks, same errors).
 *
 * @module
 */
import { MSG_CONTAINER_ID, RPC_RESULT_ID } from "../tl/mod.ts";
import { uint32LE as uint32 } from "../encoding/bytes.ts";

/** One message of a container: where its body is, and for an rpc_result what it answers. */
export interface IncomingEntry {
  msgId: bigint;
  seqno: number;
  /** The body's bytes (a view into the container's). */
  body: Uint8Array;
  /** For an rpc_result: the msg_id of the request it answers; else undefined. */
  reqMsgId: bigint | undefined;
  /** For an rpc_result: the result's bytes (a view), as tl/ reads it (the rest of the body). */
  result: Uint8Array | undefined;
}

/** Whether `body` (a message's TL bytes) is a msg_container. */
export function isContainer(body: Uint8Array): boolean {
  return body.length >= 8 && uint32(body, 0) === MSG_CONTAINER_ID;
}

/**
 * The messages of the msg_container `body`, or undefined when it is anything but regular (too
 * short, a length out of bounds, an rpc_result too short for its request id): the caller then
 * reads it with deserialize, which reports what is wrong.
 */
export function containerEntries(body: Uint8Array): IncomingEntry[] | undefined {
  if (!isContainer(body)) return undefined;
  const view = new DataView(body.buffer, body.byteOffset, body.length);
  const n = view.getUint32(4, true);
  if (n * 20 > body.length - 8) return undefined;
  const out: IncomingEntry[] = [];
  let at = 8;
  for (let i = 0; i < n; i++) {
    if (at + 16 > body.length) return undefined;
    const msgId = view.getBigInt64(at, true);
    const seqno = view.getInt32(at + 8, true);
    const len = view.getInt32(at + 12, true);
    at += 16;
    if (len < 4 || len > body.length - at) return undefined;
    const message = body.subarray(at, at + len);
    at += len;
    if (uint32(message, 0) !== RPC_RESULT_ID) {
      out.push({ msgId, seqno, body: message, reqMsgId: undefined, result: undefined });
    } else {
      if (len < 12) return undefined;
      const reqMsgId = view.getBigInt64(at - len + 4, true);
      out.push({ msgId, seqno, body: message, reqMsgId, result: message.subarray(12) });
    }
  }
  return out;
}
