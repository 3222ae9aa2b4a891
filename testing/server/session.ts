/**
 * One MTProto session on the server (an auth key + the client's session_id): the msg_ids it has
 * seen (duplicates and stale ids), answers kept for resent queries, the server's own msg_ids
 * and seq_nos, and the messages waiting to go out (sent together in a msg_container).
 *
 * @module
 */
import type { AuthKeyRecord } from "./auth_keys.ts";
import { trimOldest } from "../../collections/bounded.ts";

/** A message waiting to go out. */
export interface Outgoing {
  body: Uint8Array;
  /** Content-related (odd seq_no, the client acknowledges it). */
  content: boolean;
  /** Answers a client message (msg_id ≡ 1 mod 4) rather than initiated by the server (≡ 3). */
  reply: boolean;
}

/** Where a session's messages go: the connection that last carried one of its messages. */
export interface SessionLink {
  readonly open: boolean;
  /** Sends a session's pending messages now (sealed by the protocol). */
  deliver(session: ServerSession, messages: Outgoing[]): void;
}

/** How many msg_ids of the client a session remembers (duplicates; older ones are refused). */
export const SEEN_MSG_IDS = 1024;
/** How many answers a session keeps for queries the client may send again. */
export const KEPT_ANSWERS = 128;
/** How many of its own msg_ids a session remembers (for msgs_state_req in tests). */
export const KEPT_SENT_IDS = 256;
/** Queries of one session being answered at once; beyond, the server answers FLOOD errors. */
export const MAX_IN_FLIGHT = 4096;

/**
 * Sessions that queued messages while a connection's input was being handled: they are flushed
 * when that input is done ({@link holdFlushes}), not from a microtask each.
 */
let held: ServerSession[] | undefined;

/**
 * From now until {@link releaseFlushes}, queued messages wait for that call instead of a
 * microtask: the answers to one chunk of input leave together at its end, written from the
 * same task that read it. Returns what to pass to {@link releaseFlushes}.
 */
export function holdFlushes(): ServerSession[] | undefined {
  const previous = held;
  held = [];
  return previous;
}

/** Flushes every session that queued messages since {@link holdFlushes}. */
export function releaseFlushes(previous: ServerSession[] | undefined): void {
  const sessions = held ?? [];
  held = previous;
  for (const session of sessions) session.flush();
}

/** The server's state of one client session. */
export class ServerSession {
  link: SessionLink | undefined;
  /** new_session_created sent. */
  announced = false;
  /** invokeWithoutUpdates was used: no updates are pushed to this session. */
  noUpdates = false;
  /** Closed (destroyed, evicted, or its key deleted): a connection's cached session is stale. */
  closed = false;
  /** When a message last used this session (a counter of the protocol's), for eviction. */
  lastUse = 0;
  /** The client's msg_ids seen: a ring of the last {@link SEEN_MSG_IDS}, and the same as a set. */
  readonly #seenRing: bigint[] = [];
  #seenCount = 0;
  readonly #seen = new Set<bigint>();
  /** The smallest msg_id still remembered once the window is full. */
  #floor = 0n;
  /** rpc_result bodies by the query's msg_id, oldest first. */
  readonly answers = new Map<bigint, Uint8Array>();
  /** The server salts of the client's last messages, oldest first (the last 16). */
  readonly salts: bigint[] = [];
  readonly inFlight = new Set<bigint>();
  /** The last msg_id this session sent, as its two 32-bit halves (no bigint arithmetic). */
  #lastHigh = 0;
  #lastLow = 0;
  #contentSent = 0;
  /** The server's msg_ids sent in this session: a ring of the last {@link KEPT_SENT_IDS}. */
  readonly #sentRing: bigint[] = [];
  #sentCount = 0;
  #outbox: Outgoing[] = [];
  #flushScheduled = false;
  readonly #flush = () => this.flush();
  /** ping_delay_disconnect's timer. */
  disconnectTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly id: bigint, readonly key: AuthKeyRecord) {}

  /** Whether `msgId` was seen; else `"new"`, or `"old"` when it is below the remembered window. */
  check(msgId: bigint): "seen" | "new" | "old" {
    if (this.#seen.has(msgId)) return "seen";
    if (this.#seenCount >= SEEN_MSG_IDS && msgId < this.#floor) return "old";
    return "new";
  }

  /** Remembers a client msg_id. */
  remember(msgId: bigint): void {
    this.#seen.add(msgId);
    // The ring grows to its size, then each new id takes the place of the oldest.
    if (this.#seenCount < SEEN_MSG_IDS) this.#seenRing.push(msgId);
    else {
      const at = this.#seenCount % SEEN_MSG_IDS;
      const dropped = this.#seenRing[at];
      this.#seen.delete(dropped);
      if (dropped > this.#floor) this.#floor = dropped;
      this.#seenRing[at] = msgId;
    }
    this.#seenCount++;
  }

  /** Keeps an answer for a query that may be sent again (bounded). */
  keepAnswer(msgId: bigint, body: Uint8Array): void {
    this.answers.set(msgId, body);
    trimOldest(this.answers, KEPT_ANSWERS);
  }

  /** The server's msg_ids sent in this session, oldest first (the last {@link KEPT_SENT_IDS}). */
  get sentIds(): bigint[] {
    const n = Math.min(this.#sentCount, KEPT_SENT_IDS);
    const out: bigint[] = [];
    for (let i = this.#sentCount - n; i < this.#sentCount; i++) {
      out.push(this.#sentRing[i % KEPT_SENT_IDS]);
    }
    return out;
  }

  /**
   * The next msg_id and seq_no of a server message: msg_ids grow strictly, ≡ 1 mod 4 for
   * answers and ≡ 3 for messages the server initiates; seq_no = 2 × content messages sent
   * before (+1 when this one is content-related).
   */
  next(nowSeconds: number, content: boolean, reply: boolean): { msgId: bigint; seqno: number } {
    const msgId = this.nextMsgId(nowSeconds, reply);
    return { msgId, seqno: this.nextSeqno(content) };
  }

  /** The msg_id part of {@link next}. */
  nextMsgId(nowSeconds: number, reply: boolean): bigint {
    const kind = reply ? 1 : 3;
    let high = Math.floor(nowSeconds);
    let low = ((Math.floor((nowSeconds - high) * 4294967296) & ~3) | kind) >>> 0;
    const lastHigh = this.#lastHigh, lastLow = this.#lastLow;
    if (high < lastHigh || (high === lastHigh && low <= lastLow)) {
      // (last & ~3) + 4 + kind, carrying into the high half.
      high = lastHigh;
      low = ((lastLow & ~3) >>> 0) + 4 + kind;
      if (low >= 4294967296) {
        low -= 4294967296;
        high++;
      }
    }
    this.#lastHigh = high;
    this.#lastLow = low;
    const msgId = (BigInt(high) << 32n) | BigInt(low);
    if (this.#sentCount < KEPT_SENT_IDS) this.#sentRing.push(msgId);
    else this.#sentRing[this.#sentCount % KEPT_SENT_IDS] = msgId;
    this.#sentCount++;
    return msgId;
  }

  /** The seq_no part of {@link next}. */
  nextSeqno(content: boolean): number {
    return content ? this.#contentSent++ * 2 + 1 : this.#contentSent * 2;
  }

  /** Queues a message; everything queued in the same tick leaves together. */
  send(message: Outgoing): void {
    this.#outbox.push(message);
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    if (held !== undefined) held.push(this);
    else queueMicrotask(this.#flush);
  }

  /** Sends what is queued to the session's connection (dropped when it has none). */
  flush(): void {
    this.#flushScheduled = false;
    if (this.#outbox.length === 0) return;
    const messages = this.#outbox;
    this.#outbox = [];
    if (this.link?.open) this.link.deliver(this, messages);
  }

  /** Forgets timers (the session is destroyed or its key deleted). */
  close(): void {
    this.closed = true;
    if (this.disconnectTimer !== undefined) clearTimeout(this.disconnectTimer);
    this.disconnectTimer = undefined;
    this.link = undefined;
    this.#outbox = [];
  }
}
