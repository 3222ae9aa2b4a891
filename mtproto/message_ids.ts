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

/**
 * A wall clock that falls behind the monotonic clock by more than this (ms) between two reads
 * was set back (NTP stepping it, a user changing it) rather than slewed.
 */
export const BACKWARD_JUMP_MS = 1000;

/** The runtime's monotonic clock, ms (never set back, unlike the wall clock). */
const monotonic = (): number => performance.now();

/**
 * Generates client msg_ids: (server time in seconds) * 2^32 + fraction, strictly increasing.
 *
 * The server's time is the local wall clock plus {@link offset}. A wall clock set back while
 * connected is noticed against the monotonic clock and added to the offset, so that the
 * server's time as believed here stays continuous: the server could not report it (ids that
 * only grow stay acceptable to it for 300 s), and in the meantime every message it sends would
 * look "too new" and be dropped. A wall clock moving forward is left alone: a suspended machine
 * (whose monotonic clock may have stopped) is right to move, and a clock set ahead shows in the
 * ids, which the server refuses with bad_msg_notification 17 and {@link correct} follows.
 */
export class MessageIds {
  /** Server time minus local time, in seconds (may be fractional). */
  offset = 0;
  /** The last id given, as its two 32-bit halves (numbers, not a BigInt, on the hot path). */
  #lastHigh = 0;
  #lastLow = 0;
  readonly #now: () => number;
  readonly #elapsed: () => number;
  /**
   * The wall clock at the last read, and a wall/monotonic pair taken at most once a second of
   * wall time (the monotonic clock costs 100–300 ns a read, several times the wall clock).
   */
  #lastWall = NaN;
  #wallAt = NaN;
  #monoAt = NaN;
  /** The last {@link RECENT_IDS} ids given, for the floor after a correction. */
  readonly #recent = new BigInt64Array(RECENT_IDS);
  #at = 0;
  /** Assembles an id from its halves with one BigInt allocation. */
  readonly #view = new DataView(new ArrayBuffer(8));

  /**
   * @param now the wall clock, ms since the epoch (tests inject one).
   * @param elapsed a monotonic clock, ms from any origin (default `performance.now`).
   */
  constructor(now: () => number = Date.now, elapsed: () => number = monotonic) {
    this.#now = now;
    this.#elapsed = elapsed;
  }

  /**
   * The local wall clock, with a step back added to {@link offset}. The monotonic clock is read
   * when the wall clock went back since the last read, or moved a second past the last pair: a
   * step back shows at once, or (hidden by a long wait between reads) within a second.
   */
  #wall(): number {
    const wall = this.#now();
    const last = this.#lastWall;
    this.#lastWall = wall;
    if (wall >= last && wall - this.#wallAt < 1000) return wall;
    const mono = this.#elapsed();
    const expected = this.#wallAt + (mono - this.#monoAt);
    if (wall < expected - BACKWARD_JUMP_MS) this.offset += (expected - wall) / 1000;
    this.#wallAt = wall;
    this.#monoAt = mono;
    return wall;
  }

  /**
   * The local wall clock as {@link next} or {@link serverNow} last read it (ms; NaN before): what
   * a caller that needs the time of the msg_id it just took reads instead of the clock again.
   */
  get lastWall(): number {
    return this.#lastWall;
  }

  /** The server's time as this client believes it, in milliseconds. */
  serverNow(): number {
    return this.#wall() + this.offset * 1000;
  }

  /** A fresh msg_id, greater than every one given before. */
  next(): bigint {
    const ms = this.serverNow();
    let high = Math.floor(ms / 1000);
    // 0.xxx s as a fraction of 2^32, divisible by 4 (below 2^32, so `>>> 0` keeps it whole).
    let low = (Math.floor((ms - high * 1000) * 4294967.296) & ~3) >>> 0;
    if (high < this.#lastHigh || (high === this.#lastHigh && low <= this.#lastLow)) {
      high = this.#lastHigh;
      low = this.#lastLow + 4;
      if (low > 0xffffffff) {
        high++;
        low = 0;
      }
    }
    this.#lastHigh = high;
    this.#lastLow = low;
    const view = this.#view;
    view.setUint32(0, low, true);
    view.setUint32(4, high, true);
    const id = view.getBigInt64(0, true);
    this.#recent[this.#at++ & (RECENT_IDS - 1)] = id;
    return id;
  }

  /**
   * Adopts the clock of a server message (its msg_id carries the server's time): after a
   * bad_msg_notification 16/17 the next msg_ids follow the server.
   */
  correct(serverMsgId: bigint): void {
    const serverSeconds = Number(serverMsgId >> 32n);
    this.offset = serverSeconds - Math.floor(this.#wall() / 1000);
    // The next ids follow the server's clock, also backwards (the refused ones were ahead of
    // it), but never repeat or undercut an id the server may have taken: one within its
    // window of 30 s ahead of its clock. (A repeated msg_id is refused as a duplicate.)
    const limit = BigInt(serverSeconds + 30) << 32n;
    let floor = 0n;
    for (const id of this.#recent) if (id <= limit && id > floor) floor = id;
    this.#lastHigh = Number(floor >> 32n);
    this.#lastLow = Number(floor & 0xffffffffn);
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
 * Flags of msgs_state_info's status byte for a message received (4), from
 * core.telegram.org/mtproto/service_messages_about_messages: +8 "message already
 * acknowledged", +16 "message not requiring acknowledgment". (+32 and +64 are about RPC
 * queries and their answers, which a server does not send to a client; +128, "the other party
 * knows for a fact that message is already received", is never known here: an ack sent may be
 * lost.)
 */
export const STATE_ACKNOWLEDGED = 8, STATE_NO_ACK_NEEDED = 16;

/**
 * The client's checks on server msg_ids: odd, not seen before (the last {@link SEEN_CAPACITY}
 * are kept; anything at or below the newest forgotten one counts as seen), and within 300 s in
 * the past and 30 s in the future of the corrected clock. Each id kept carries what
 * msgs_state_info reports of it beyond "received".
 */
export class ServerMsgIds {
  /** Ids remembered, with {@link STATE_NO_ACK_NEEDED} for those that need no ack, else 0. */
  readonly #seen = new Map<bigint, number>();
  readonly #order: bigint[] = [];
  #head = 0;
  #floor = -1n;
  #max = -1n;
  /**
   * The last {@link SEEN_CAPACITY} ids whose acks went out, in a ring: written on every ack and
   * read only for msgs_state_req, so an append beats updating the map. It starts small and
   * doubles up to its capacity, so that an idle connection does not hold 32 KiB for it.
   */
  #acked = new BigInt64Array(16);
  #ackedAt = 0;

  /**
   * `undefined` when `msgId` is acceptable (and remembers it), else the reason. `contentRelated`
   * (an odd seq_no) says whether the message needs an acknowledgment.
   */
  check(
    msgId: bigint,
    serverNowMs?: number,
    contentRelated = true,
  ): MsgIdProblem | undefined {
    if ((msgId & 1n) === 0n) return "even";
    // Above every id seen (the usual case): no lookup needed to know it is new.
    if (msgId <= this.#max && (msgId <= this.#floor || this.#seen.has(msgId))) return "duplicate";
    if (serverNowMs !== undefined) {
      const t = MessageIds.seconds(msgId), now = serverNowMs / 1000;
      if (t < now - 300) return "too old";
      if (t > now + 30) return "too new";
    }
    this.#seen.set(msgId, contentRelated ? 0 : STATE_NO_ACK_NEEDED);
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

  /** The acks of `msgIds` went out (msgs_ack): their state gains {@link STATE_ACKNOWLEDGED}. */
  acknowledged(msgIds: readonly bigint[]): void {
    for (let i = 0; i < msgIds.length; i++) {
      let ring = this.#acked;
      if (this.#ackedAt === ring.length && ring.length < SEEN_CAPACITY) {
        // Still filling from 0 (no wrap yet): growing keeps every entry where it is.
        ring = new BigInt64Array(ring.length * 2);
        ring.set(this.#acked);
        this.#acked = ring;
      }
      ring[this.#ackedAt++ & (ring.length - 1)] = msgIds[i];
    }
  }

  /**
   * The states of server msg_ids for msgs_state_info (core.telegram.org/mtproto/
   * service_messages_about_messages): 4 received, plus 8 when its ack went out or 16 when it
   * needs none; 1 nothing known (not a server msg_id, or below every msg_id remembered); 3 not
   * received, above every msg_id received; 2 not received, within the range remembered.
   */
  states(msgIds: readonly bigint[]): Uint8Array {
    const acked = new Set(this.#acked);
    let lowest = this.#max;
    for (let i = this.#head; i < this.#order.length; i++) {
      if (this.#order[i] < lowest) lowest = this.#order[i];
    }
    return Uint8Array.from(msgIds, (msgId) => {
      const flags = this.#seen.get(msgId);
      if (flags !== undefined) {
        return 4 | (flags !== 0 ? flags : acked.has(msgId) ? STATE_ACKNOWLEDGED : 0);
      }
      if ((msgId & 1n) === 0n || this.#max < 0n || msgId <= this.#floor) return 1;
      if (msgId > this.#max) return 3;
      return msgId < lowest ? 1 : 2;
    });
  }

  /** Entries held (bounded by {@link SEEN_CAPACITY}). */
  get size(): number {
    return this.#seen.size;
  }
}
