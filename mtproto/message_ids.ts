/**
 * Message identifiers of one session (core.telegram.org/mtproto/description#message-identifier-msg-id):
 * client msg_ids, monotonic and divisible by 4, following the server's clock once corrected;
 * seq_no; and the checks on the server's msg_ids (odd, fresh, never seen before).
 *
 * @module
 */

/** Server msg_ids remembered for the duplicate check; anything older than the oldest is refused. */
export const SEEN_CAPACITY = 4096;

/** How many recent client msg_ids a {@link MessageIds} keeps (a power of two). */
const RECENT_IDS = 256;

/** Generates client msg_ids: (server time in seconds) * 2^32 + fraction, strictly increasing. */
export class MessageIds {
  /** Server time minus local time, in seconds (may be fractional). */
  offset = 0;
  #last = 0n;
  readonly #now: () => number;
  /** The last {@link RECENT_IDS} ids given, for the floor after a correction. */
  readonly #recent = new BigInt64Array(RECENT_IDS);
  #at = 0;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** The server's time as this client believes it, in milliseconds. */
  serverNow(): number {
    return this.#now() + this.offset * 1000;
  }

  /** A fresh msg_id, greater than every one given before. */
  next(): bigint {
    const ms = this.serverNow();
    const seconds = Math.floor(ms / 1000);
    const fraction = Math.floor((ms - seconds * 1000) * 4294967.296) & ~3;
    let id = (BigInt(seconds) << 32n) | BigInt(fraction >>> 0);
    if (id <= this.#last) id = this.#last + 4n;
    this.#last = id;
    this.#recent[this.#at++ & (RECENT_IDS - 1)] = id;
    return id;
  }

  /**
   * Adopts the clock of a server message (its msg_id carries the server's time): after a
   * bad_msg_notification 16/17 the next msg_ids follow the server.
   */
  correct(serverMsgId: bigint): void {
    const serverSeconds = Number(serverMsgId >> 32n);
    this.offset = serverSeconds - Math.floor(this.#now() / 1000);
    // The next ids follow the server's clock, also backwards (the refused ones were ahead of
    // it), but never repeat or undercut an id the server may have taken: one within its
    // window of 30 s ahead of its clock. (A repeated msg_id is refused as a duplicate.)
    const limit = BigInt(serverSeconds + 30) << 32n;
    let floor = 0n;
    for (const id of this.#recent) if (id <= limit && id > floor) floor = id;
    this.#last = floor;
  }

  /** Seconds of a msg_id (either side's). */
  static seconds(msgId: bigint): number {
    return Number(msgId >> 32n);
  }
}

/** seq_no of one session: twice the content-related messages sent before, plus one if this is one. */
export class SeqNo {
  #count = 0;
  next(contentRelated: boolean): number {
    if (!contentRelated) return this.#count * 2;
    return this.#count++ * 2 + 1;
  }
  reset(): void {
    this.#count = 0;
  }
}

/** Why {@link ServerMsgIds.check} refused a msg_id. */
export type MsgIdProblem = "even" | "duplicate" | "too old" | "too new";

/**
 * The client's checks on server msg_ids: odd, not seen before (the last {@link SEEN_CAPACITY}
 * are kept; anything at or below the newest forgotten one counts as seen), and within 300 s in
 * the past and 30 s in the future of the corrected clock.
 */
export class ServerMsgIds {
  readonly #seen = new Set<bigint>();
  readonly #order: bigint[] = [];
  #head = 0;
  #floor = -1n;
  #max = -1n;

  /** `undefined` when `msgId` is acceptable (and remembers it), else the reason. */
  check(msgId: bigint, serverNowMs?: number): MsgIdProblem | undefined {
    if ((msgId & 1n) === 0n) return "even";
    if (msgId <= this.#floor || this.#seen.has(msgId)) return "duplicate";
    if (serverNowMs !== undefined) {
      const t = MessageIds.seconds(msgId), now = serverNowMs / 1000;
      if (t < now - 300) return "too old";
      if (t > now + 30) return "too new";
    }
    this.#seen.add(msgId);
    this.#order.push(msgId);
    if (msgId > this.#max) this.#max = msgId;
    if (this.#order.length - this.#head > SEEN_CAPACITY) {
      const old = this.#order[this.#head++];
      this.#seen.delete(old);
      if (old > this.#floor) this.#floor = old;
      if (this.#head > SEEN_CAPACITY) {
        this.#order.splice(0, this.#head);
        this.#head = 0;
      }
    }
    return undefined;
  }

  /** Whether `msgId` was accepted before (and is still remembered). */
  has(msgId: bigint): boolean {
    return this.#seen.has(msgId);
  }

  /**
   * The state of a server msg_id for msgs_state_info (core.telegram.org/mtproto/
   * service_messages#request-for-message-status): 4 received; 1 nothing known (not a server
   * msg_id, or below every msg_id remembered); 3 not received, above every msg_id received; 2
   * not received, within the range remembered.
   */
  state(msgId: bigint): 1 | 2 | 3 | 4 {
    if (this.#seen.has(msgId)) return 4;
    if ((msgId & 1n) === 0n || this.#max < 0n || msgId <= this.#floor) return 1;
    if (msgId > this.#max) return 3;
    let lowest = this.#max;
    for (let i = this.#head; i < this.#order.length; i++) {
      if (this.#order[i] < lowest) lowest = this.#order[i];
    }
    return msgId < lowest ? 1 : 2;
  }

  /** Entries held (bounded by {@link SEEN_CAPACITY}). */
  get size(): number {
    return this.#seen.size;
  }
}
