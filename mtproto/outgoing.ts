/**
 * The plaintext of one outgoing encrypted message, assembled in a buffer that the session reuses
 * for every flush: the messages of the flush are copied in once, in a msg_container when there
 * are several (core.telegram.org/mtproto/service_messages#containers), with the 32 bytes of the
 * message header (salt, session_id, msg_id, seq_no, length) in front. It replaces building an
 * array of message objects, then a container, then a copy with room for the header, per flush.
 *
 * @module
 */
import { type AnyTlObject, MSG_CONTAINER_ID, TlWriter } from "../tl/mod.ts";

/** Bytes of a message's header in a container: msg_id, seqno, bytes. */
const ENTRY = 16;
/** Where the first entry starts: room for the outer header (32) and the container's (8). */
const FIRST = 40;

/** Messages of one flush, written as they are added; {@link finish} gives the plaintext. */
export class OutgoingBatch {
  /**
   * tl/'s writer, kept: bodies given as objects are serialised in place, not copied. It starts
   * small (an idle connection's flushes are a few dozen bytes) and grows with the flushes.
   */
  readonly #w = new TlWriter(256);
  #count = 0;
  /** The only message's id and seq_no, until a second one makes this a container. */
  #firstMsgId = 0n;
  #firstSeqNo = 0;

  constructor() {
    this.#w.pos = FIRST;
  }

  /** Drops what was added since the last {@link finish} (a flush that failed half-way). */
  clear(): void {
    this.#w.pos = FIRST;
    this.#count = 0;
  }

  /** Messages added since the last {@link finish}. */
  get count(): number {
    return this.#count;
  }

  /** Payload bytes so far: each message's body and its 16-byte container entry header. */
  get bytes(): number {
    return this.#w.pos - FIRST;
  }

  /** Appends a message whose body is already serialised (it is copied). */
  add(msgId: bigint, seqNo: number, body: Uint8Array): void {
    const w = this.#entry(msgId, seqNo, body.length);
    w.raw(body);
  }

  /** Appends a message serialised straight into the batch (a service message built here). */
  addObject(msgId: bigint, seqNo: number, body: AnyTlObject): void {
    const w = this.#entry(msgId, seqNo, 0);
    const start = w.pos;
    w.object(body);
    w.intAt(start - 4, w.pos - start);
  }

  #entry(msgId: bigint, seqNo: number, length: number): TlWriter {
    const w = this.#w;
    w.long(msgId);
    w.int(seqNo);
    w.int(length);
    if (this.#count++ === 0) {
      this.#firstMsgId = msgId;
      this.#firstSeqNo = seqNo;
    }
    return w;
  }

  /**
   * The outgoing message's plaintext (salt, session_id, msg_id, seq_no, length, message) and the
   * msg_id and seq_no it goes out under: the only message's own, or, for several, those that
   * `container()` gives (called once, after every message's id, so that the container's id is
   * above theirs). The view is valid until the next {@link add}; the batch is empty again.
   */
  finish(
    salt: bigint,
    sessionId: bigint,
    container: () => { msgId: bigint; seqNo: number },
  ): { msgId: bigint; seqNo: number; data: Uint8Array } {
    const w = this.#w, count = this.#count, end = w.pos;
    if (count === 0) throw new RangeError("an empty batch");
    let msgId: bigint, seqNo: number, start: number;
    if (count === 1) {
      // The only message's entry header becomes the outer header's last 16 bytes.
      msgId = this.#firstMsgId;
      seqNo = this.#firstSeqNo;
      start = FIRST + ENTRY - 32;
    } else {
      ({ msgId, seqNo } = container());
      start = 0;
    }
    // The header, written through the writer's own primitives at the front.
    w.pos = start;
    w.long(salt);
    w.long(sessionId);
    w.long(msgId);
    w.int(seqNo);
    w.int(end - start - 32);
    if (count > 1) {
      w.int(MSG_CONTAINER_ID);
      w.int(count);
    }
    w.pos = FIRST;
    this.#count = 0;
    return { msgId, seqNo, data: w.buf.subarray(start, end) };
  }
}
