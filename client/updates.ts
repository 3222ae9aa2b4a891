/**
 * The update state machine: orders what the server pushes by pts (common and per channel), qts
 * and seq, drops duplicates, notices gaps and fills them with `updates.getDifference` /
 * `updates.getChannelDifference`, and keeps the state in the storage so that a restarted client
 * receives what it missed once, in order (core.telegram.org/api/updates).
 *
 * @module
 */
import { type Api, type ResultOf, RpcError } from "../tl/mod.ts";
import type { Storage, UpdateState } from "../storage/storage.ts";
import type { LoggerLike } from "./options.ts";
import { markChannel } from "./peers.ts";

/** One update handed to the handlers, with the users and chats that came with it. */
export interface DeliveredUpdate {
  update: Api.TypeUpdate;
  users: Api.TypeUser[];
  chats: Api.TypeChat[];
}

/** What {@link UpdateManager} needs from the client. */
export interface UpdateManagerDeps {
  /** Sends a request (getState, getDifference, getChannelDifference). */
  invoke<
    F extends Api.UpdatesGetState | Api.UpdatesGetDifference | Api.UpdatesGetChannelDifference,
  >(
    fn: F,
  ): Promise<ResultOf<F>>;
  storage: Pick<
    Storage,
    | "getUpdateState"
    | "setUpdateState"
    | "getChannelPts"
    | "setChannelPts"
    | "listChannelPts"
    | "getPeerById"
  >;
  /**
   * Stores the peers a batch carries (called before its updates are delivered). Returns nothing
   * when there was nothing to write (then the batch is applied without waiting).
   */
  savePeers(carrier: { users: Api.TypeUser[]; chats: Api.TypeChat[] }): void | Promise<void>;
  /** Hands updates to the handlers, in order. */
  deliver(updates: DeliveredUpdate[]): void;
  /** The logged-in user (for `updateShortMessage`, which leaves out one side). */
  selfId(): number;
  logger: LoggerLike;
  /** How long (ms) a gap may stay open for the missing updates to arrive by themselves. */
  gapTimeout?: number;
  /** How long (ms) an advanced common state may wait before it is written (see SAVE_DELAY_MS). */
  saveDelay?: number;
  /** Whether the account is a bot (bots may fetch channel differences in larger slices). */
  isBot?(): boolean;
  /**
   * Whether an `Updates` object that arrives while nothing is queued is applied at once, inside
   * {@link UpdateManager.handle} (default), or queued like any other (the plain path, which
   * tests compare it with).
   */
  applyAtOnce?: boolean;
}

/**
 * The common update state (pts, qts, date, seq) advances with every update but is written at
 * most this often (ms), and at once by {@link UpdateManager.close} (the client's stop()) and
 * after every getDifference, and so are the channels' pts. A write per update would cost a
 * durable commit (an fsync in a session file) per incoming message. What a crash can cost: states
 * up to this old, so a restarted client receives the updates of that last moment again (at least
 * once, never lost).
 */
export const SAVE_DELAY_MS = 1000;

/** Bounds of difference loops: a misbehaving server cannot keep the client fetching forever. */
const MAX_DIFFERENCE_ROUNDS = 1000;
/** Updates asked per getChannelDifference: users are to pass 10–100, bots up to 100,000. */
const CHANNEL_DIFFERENCE_LIMIT = 100;
const CHANNEL_DIFFERENCE_LIMIT_BOT = 1000;
/** Channels caught up at once after a start (each a chain of getChannelDifference calls). */
const CHANNEL_CONCURRENCY = 4;
/** Longest `timeout` (s) of a channel difference honoured before polling that channel again. */
const MAX_CHANNEL_POLL_SECONDS = 24 * 60 * 60;
/** The errors after which a channel cannot be caught up (left, banned, deleted). */
const CHANNEL_GONE = new Set(["CHANNEL_PRIVATE", "CHANNEL_INVALID", "CHANNEL_PUBLIC_GROUP_NA"]);

type Ptsed = { pts: number; ptsCount: number };

/** The channel a pts-carrying update belongs to, or undefined for the common pts. */
function channelOf(u: Api.TypeUpdate): number | undefined {
  const r = u as { channelId?: bigint; message?: { peerId?: Api.TypePeer } };
  if (typeof r.channelId === "bigint") return markChannel(r.channelId);
  if (u._ === "updateNewChannelMessage" || u._ === "updateEditChannelMessage") {
    const peer = r.message?.peerId;
    if (peer?._ === "peerChannel") return markChannel(peer.channelId);
  }
  return undefined;
}

const hasPts = (u: object): u is Ptsed =>
  typeof (u as Ptsed).pts === "number" && typeof (u as Ptsed).ptsCount === "number";
const hasQts = (u: object): u is { qts: number } =>
  typeof (u as { qts?: unknown }).qts === "number";

/** The updates an `Updates` object carries itself (not ones it lets through after a gap). */
function ownUpdates(updates: Api.TypeUpdates): Set<unknown> {
  if (updates._ === "updates" || updates._ === "updatesCombined") return new Set(updates.updates);
  if (updates._ === "updateShort") return new Set([updates.update]);
  return new Set();
}

interface Pending {
  item: DeliveredUpdate;
  pts: number;
  count: number;
}

/** The users/chats of short updates, which carry none (shared: handlers only read them). */
const NONE = Object.freeze([]) as unknown as never[];
/** What {@link UpdateManager.handle} returns for work done at once. */
const DONE = Promise.resolve();
/** The key of the common pts sequence in the maps keyed by sequence (channels: marked ids, < 0). */
const COMMON = 0;

/** Runs `next` after `work`: at once when `work` finished synchronously (returned nothing). */
function then(work: void | Promise<void>, next: () => void | Promise<void>): void | Promise<void> {
  return work === undefined ? next() : work.then(next);
}

/**
 * Applies `Updates` objects in arrival order (one at a time), delivering each update once.
 *
 * @example
 * ```ts
 * import { UpdateManager } from "./updates.ts";
 * import { MemoryStorage } from "../storage/memory.ts";
 * const storage = new MemoryStorage();
 * await storage.open();
 * const manager = new UpdateManager({
 *   // A server at pts 0, asked only updates.getState here.
 *   invoke: () =>
 *     Promise.resolve({ _: "updates.state", pts: 0, qts: 0, date: 1, seq: 0, unreadCount: 0 } as never),
 *   storage,
 *   savePeers: () => Promise.resolve(),
 *   deliver: (batch) => console.log(batch.map((d) => d.update._)),
 *   selfId: () => 1,
 *   logger: console,
 * });
 * await manager.start(); // stored state → getDifference; none → getState
 * const message = { _: "message", id: 1, peerId: { _: "peerUser", userId: 5n }, date: 2, message: "hi" } as const;
 * await manager.handle({
 *   _: "updateShort",
 *   update: { _: "updateNewMessage", message, pts: 1, ptsCount: 1 },
 *   date: 2,
 * }); // logs ["updateNewMessage"]
 * await manager.close();
 * await storage.close();
 * ```
 */
export class UpdateManager {
  readonly #d: UpdateManagerDeps;
  #state: UpdateState | undefined;
  /** Known channel pts (marked id → pts); those changed since the last save in #dirtyChannels. */
  readonly #channelPts = new Map<number, number>();
  readonly #dirtyChannels = new Set<number>();
  /** Whether #channelPts holds every channel of the storage (listed at start). */
  #channelsListed = false;
  /** Channels whose difference was fetched during the current catch-up (not fetched twice). */
  #caughtUp: Set<number> | undefined;
  /** Per channel, the refetch a difference's `timeout` asked for. */
  readonly #polls = new Map<number, ReturnType<typeof setTimeout>>();
  /** Updates past a gap, per pts sequence ({@link COMMON}, else the marked channel id). */
  readonly #pending = new Map<number, Pending[]>();
  readonly #timers = new Map<number, ReturnType<typeof setTimeout>>();
  #queue: Promise<void> = Promise.resolve();
  /** Work queued and not finished: while there is some, new work waits behind it. */
  #busy = 0;
  #closed = false;
  #dirty = false;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: UpdateManagerDeps) {
    this.#d = deps;
  }

  /** The common state as last applied (undefined before {@link start}). */
  get state(): UpdateState | undefined {
    return this.#state && { ...this.#state };
  }

  /**
   * Loads the state: with a stored one, fetches what happened since (getDifference); without,
   * asks the server for the current state (nothing older is delivered).
   */
  start(): Promise<void> {
    return this.#enqueue(async () => {
      const [stored, channels] = await Promise.all([
        this.#d.storage.getUpdateState(),
        this.#d.storage.listChannelPts(),
      ]);
      for (const [channel, pts] of channels) {
        if (!this.#channelPts.has(channel)) this.#channelPts.set(channel, pts);
      }
      this.#channelsListed = true;
      if (stored === undefined || stored.pts <= 0) {
        const s = await this.#d.invoke({ _: "updates.getState" });
        this.#state = { pts: s.pts, qts: s.qts, date: s.date, seq: s.seq };
        this.#dirty = true;
        await this.#save();
      } else {
        this.#state = { ...stored };
        await this.#catchUp();
      }
    });
  }

  /**
   * What a restart (or a lost session) calls for: the common difference, then the difference of
   * every channel whose pts is kept (pushes for channels are not replayed by getDifference),
   * a few channels at a time, each channel's updates delivered in order once.
   */
  async #catchUp(): Promise<void> {
    this.#caughtUp = new Set();
    try {
      await this.#difference();
      await this.#save();
      const channels = [...this.#channelPts.keys()].filter((c) => !this.#caughtUp!.has(c));
      let next = 0;
      const worker = async () => {
        while (next < channels.length && !this.#closed) {
          const channel = channels[next++];
          try {
            await this.#channelDifference(channel, undefined);
          } catch (e) {
            // One channel that fails (network, flood) does not keep the others back; its pts
            // stays, so the next start (or its next update's gap) fetches it again.
            this.#d.logger.warn("channel catch-up failed", { channel, error: describe(e) });
          }
        }
      };
      await Promise.all(
        Array.from({ length: Math.min(CHANNEL_CONCURRENCY, channels.length) }, worker),
      );
    } finally {
      this.#caughtUp = undefined;
    }
  }

  /**
   * Takes one `Updates` object (pushed by the server, or the result of a request: then
   * `dispatch` is false and only the state advances; the caller gets the result itself).
   * Returns when it has been applied.
   */
  handle(updates: Api.TypeUpdates, dispatch = true): Promise<void> {
    if (this.#busy > 0 || this.#d.applyAtOnce === false) {
      return this.#enqueue(() => this.#apply(updates, dispatch));
    }
    // Nothing queued: applied now. Only what has to wait (storage, network) makes it queued work,
    // so an in-order update costs no promise chain.
    let work: void | Promise<void>;
    try {
      work = this.#apply(updates, dispatch);
    } catch (e) {
      this.#d.logger.error("update handling failed", { error: e });
      return Promise.reject(e);
    }
    return work === undefined ? DONE : this.#enqueue(() => work);
  }

  /** {@link handle} for pushed updates: nothing to wait for; a failure is logged. */
  push(updates: Api.TypeUpdates): void {
    const done = this.handle(updates);
    if (done !== DONE) done.catch(() => {}); // logged by the queue (or handle) already
  }

  /** Waits for the queue, cancels gap timers and saves the state. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    for (const t of this.#polls.values()) clearTimeout(t);
    this.#polls.clear();
    await this.#queue.catch(() => {});
    await this.#save();
  }

  #enqueue(work: () => void | Promise<void>): Promise<void> {
    this.#busy++;
    const next = this.#queue.then(work);
    this.#queue = next.then(() => void this.#busy--, (e) => {
      this.#busy--;
      this.#d.logger.error("update handling failed", { error: e });
    });
    return next;
  }

  /** Schedules a write of the advanced states (coalescing every advance until it runs). */
  #saveSoon(): void {
    if (!this.#dirty && this.#dirtyChannels.size === 0) return;
    if (this.#saveTimer !== undefined || this.#closed) return;
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = undefined;
      if (!this.#closed) this.#enqueue(() => this.#save());
    }, this.#d.saveDelay ?? SAVE_DELAY_MS);
  }

  /** Writes what changed since the last save: coalesced by the save timer, close() and getDifference. */
  async #save(): Promise<void> {
    await this.#saveChannels();
    if (!this.#dirty || this.#state === undefined) return;
    this.#dirty = false;
    await this.#d.storage.setUpdateState({ ...this.#state });
  }

  /** Writes the channels' pts that changed (one write per channel per save). */
  async #saveChannels(): Promise<void> {
    if (this.#dirtyChannels.size === 0) return;
    const channels = [...this.#dirtyChannels];
    this.#dirtyChannels.clear();
    await Promise.all(
      channels.map((c) => this.#d.storage.setChannelPts(c, this.#channelPts.get(c)!)),
    );
  }

  /**
   * Applies one `Updates` object: synchronously as far as it can (returns nothing when done),
   * else returns the promise of the rest (storage reads, differences).
   */
  #apply(updates: Api.TypeUpdates, dispatch: boolean): void | Promise<void> {
    const state = this.#state;
    if (state === undefined) return; // not started: getDifference will bring it later
    const out: DeliveredUpdate[] = [];
    const finish = () => this.#finish(updates, dispatch, out);
    switch (updates._) {
      case "updatesTooLong":
        // Pushes were lost (a new session on the server): channels' too.
        return then(this.#catchUp(), finish);
      case "updateShort":
        return then(this.#one({ update: updates.update, users: NONE, chats: NONE }, out), () => {
          state.date = Math.max(state.date, updates.date);
          finish();
        });
      case "updateShortMessage":
      case "updateShortChatMessage":
        return then(
          this.#one({ update: this.#expandShort(updates), users: NONE, chats: NONE }, out),
          finish,
        );
      case "updateShortSentMessage": {
        // Never delivered itself (it is the caller's result); what it unblocks is.
        const item: DeliveredUpdate = {
          update: {
            _: "updateNewMessage",
            message: { _: "messageEmpty", id: updates.id },
            pts: updates.pts,
            ptsCount: updates.ptsCount,
          },
          users: NONE,
          chats: NONE,
        };
        return then(this.#one(item, out), () => {
          const i = out.indexOf(item);
          if (i >= 0) out.splice(i, 1);
          finish();
        });
      }
      case "updates":
      case "updatesCombined": {
        const seqStart = updates._ === "updatesCombined" ? updates.seqStart : updates.seq;
        return then(this.#d.savePeers(updates), () => {
          if (updates.seq !== 0) {
            const local = state.seq;
            if (seqStart <= local) {
              this.#d.logger.debug("duplicate updates skipped", { seq: updates.seq, local });
              return finish();
            }
            if (seqStart > local + 1) {
              this.#d.logger.info("seq gap: fetching the difference", { seq: seqStart, local });
              return then(this.#difference(), finish);
            }
          }
          return this.#applyFrom(updates, 0, out, finish);
        });
      }
    }
  }

  /** Applies the updates of a container from index `i` on, then its seq and date. */
  #applyFrom(
    updates: Api.Updates | Api.UpdatesCombined,
    i: number,
    out: DeliveredUpdate[],
    finish: () => void,
  ): void | Promise<void> {
    const list = updates.updates;
    for (; i < list.length; i++) {
      const work = this.#one({ update: list[i], users: updates.users, chats: updates.chats }, out);
      if (work !== undefined) {
        const next = i + 1;
        return work.then(() => this.#applyFrom(updates, next, out, finish));
      }
    }
    if (updates.seq !== 0) {
      const state = this.#state!;
      state.seq = updates.seq;
      state.date = Math.max(state.date, updates.date);
      this.#dirty = true;
    }
    finish();
  }

  /** Delivers what an applied `Updates` object brought, and schedules the state's save. */
  #finish(updates: Api.TypeUpdates, dispatch: boolean, out: DeliveredUpdate[]): void {
    // A request's own result is not delivered, but updates held past a gap that it closed are.
    const deliver = dispatch ? out : out.filter((item) => !ownUpdates(updates).has(item.update));
    if (deliver.length > 0) this.#d.deliver(deliver);
    this.#saveSoon();
  }

  #expandShort(u: Api.UpdateShortMessage | Api.UpdateShortChatMessage): Api.TypeUpdate {
    // One object literal (no spread of a shared base: that cost more than the rest of the path).
    const private_ = u._ === "updateShortMessage";
    const message: Api.Message = {
      _: "message",
      out: u.out,
      mentioned: u.mentioned,
      mediaUnread: u.mediaUnread,
      silent: u.silent,
      id: u.id,
      fromId: private_
        ? (u.out
          ? { _: "peerUser", userId: BigInt(this.#d.selfId()) }
          : { _: "peerUser", userId: u.userId })
        : { _: "peerUser", userId: u.fromId },
      peerId: private_ ? { _: "peerUser", userId: u.userId } : { _: "peerChat", chatId: u.chatId },
      message: u.message,
      date: u.date,
      fwdFrom: u.fwdFrom,
      viaBotId: u.viaBotId,
      replyTo: u.replyTo,
      entities: u.entities,
      ttlPeriod: u.ttlPeriod,
    };
    return { _: "updateNewMessage", message, pts: u.pts, ptsCount: u.ptsCount };
  }

  /**
   * Applies one update against its pts/qts sequence, delivering it into `out` when new:
   * synchronously (returns nothing) unless a channel's pts must be read from the storage or a
   * difference fetched.
   */
  #one(item: DeliveredUpdate, out: DeliveredUpdate[]): void | Promise<void> {
    const u = item.update;
    if (u._ === "updateChannelTooLong") {
      return this.#channelDifference(markChannel(u.channelId), out, u.pts);
    }
    if (hasPts(u)) {
      const channel = channelOf(u);
      if (channel === undefined) return this.#ptsUpdate(item, u, COMMON, this.#state!.pts, out);
      const known = this.#channelPts.get(channel);
      // Listed at start: a channel missing from the list is new (no storage round trip).
      if (known !== undefined || this.#channelsListed) {
        return this.#ptsUpdate(item, u, channel, known, out);
      }
      return this.#localChannelPts(channel).then((local) =>
        this.#ptsUpdate(item, u, channel, local, out)
      );
    }
    if (hasQts(u)) {
      const state = this.#state!;
      if (u.qts <= state.qts) return;
      if (u.qts > state.qts + 1) {
        this.#d.logger.info("qts gap: fetching the difference", { qts: u.qts, local: state.qts });
        return this.#difference(out);
      }
      state.qts = u.qts;
      this.#dirty = true;
    }
    out.push(item);
  }

  /** A pts-carrying update against its sequence's pts `local` (undefined: a channel seen first). */
  #ptsUpdate(
    item: DeliveredUpdate,
    u: Ptsed,
    key: number,
    local: number | undefined,
    out: DeliveredUpdate[],
  ): void {
    // A channel seen for the first time: its sequence starts here.
    const from = local ?? u.pts - u.ptsCount;
    if (from + u.ptsCount > u.pts) {
      this.#d.logger.debug("duplicate update skipped", {
        update: (u as unknown as Api.TypeUpdate)._,
        pts: u.pts,
        local: from,
      });
      return;
    }
    if (from + u.ptsCount < u.pts) {
      this.#hold(key, { item, pts: u.pts, count: u.ptsCount });
      return;
    }
    this.#setPts(key, u.pts);
    out.push(item);
    this.#drain(key, out);
  }

  async #localChannelPts(channel: number): Promise<number | undefined> {
    let pts = this.#channelPts.get(channel);
    // Listed at start: a channel missing from the list is new (no storage round trip).
    if (pts === undefined && !this.#channelsListed) {
      pts = await this.#d.storage.getChannelPts(channel);
      if (pts !== undefined) this.#channelPts.set(channel, pts);
    }
    return pts;
  }

  /** Advances a pts in memory; {@link #save} writes it (coalesced). */
  #setPts(channel: number, pts: number): void {
    if (channel === COMMON) {
      this.#state!.pts = pts;
      this.#dirty = true;
    } else {
      this.#channelPts.set(channel, pts);
      this.#dirtyChannels.add(channel);
    }
  }

  /** Keeps an update past a gap; if the gap is still open after the timeout, fetches it. */
  #hold(key: number, p: Pending): void {
    const list = this.#pending.get(key) ?? [];
    list.push(p);
    list.sort((a, b) => (a.pts - a.count) - (b.pts - b.count));
    this.#pending.set(key, list);
    if (this.#timers.has(key) || this.#closed) return;
    this.#d.logger.debug("pts gap: waiting", { sequence: key || "common", pts: p.pts });
    const timer = setTimeout(() => {
      this.#timers.delete(key);
      if (this.#closed || !this.#pending.has(key)) return;
      this.#enqueue(async () => {
        if (!this.#pending.has(key)) return;
        this.#pending.delete(key);
        const out: DeliveredUpdate[] = [];
        this.#d.logger.info("pts gap: fetching the difference", { sequence: key || "common" });
        if (key === COMMON) await this.#difference(out);
        else await this.#channelDifference(key, out);
        if (out.length > 0) this.#d.deliver(out);
        this.#saveSoon();
      });
    }, this.#d.gapTimeout ?? 500);
    this.#timers.set(key, timer);
  }

  /** Applies the held updates that now follow on. */
  #drain(key: number, out: DeliveredUpdate[]): void {
    const list = this.#pending.get(key);
    if (list === undefined) return;
    while (list.length > 0) {
      const local = key === COMMON ? this.#state!.pts : this.#channelPts.get(key)!;
      const next = list[0];
      if (local + next.count > next.pts) list.shift(); // duplicate
      else if (local + next.count === next.pts) {
        list.shift();
        this.#setPts(key, next.pts);
        out.push(next.item);
      } else break;
    }
    if (list.length === 0) {
      this.#pending.delete(key);
      const t = this.#timers.get(key);
      if (t !== undefined) clearTimeout(t), this.#timers.delete(key);
    }
  }

  /** Fetches and applies the common difference until the server says it is complete. */
  async #difference(out?: DeliveredUpdate[]): Promise<void> {
    const state = this.#state!;
    this.#pending.delete(COMMON);
    const t = this.#timers.get(COMMON);
    if (t !== undefined) clearTimeout(t), this.#timers.delete(COMMON);
    for (let round = 0; round < MAX_DIFFERENCE_ROUNDS && !this.#closed; round++) {
      let diff: Api.TypeUpdatesDifference;
      try {
        diff = await this.#d.invoke({
          _: "updates.getDifference",
          pts: state.pts,
          date: state.date,
          qts: state.qts,
        });
      } catch (e) {
        // A state the server does not accept (another client's file, a reset account): start
        // afresh from the server's current state, as without a stored one.
        if (!(e instanceof RpcError && e.id.startsWith("PERSISTENT_TIMESTAMP"))) throw e;
        this.#d.logger.warn("the stored update state was refused; starting from the current one", {
          error: e.id,
        });
        const s = await this.#d.invoke({ _: "updates.getState" });
        Object.assign(state, { pts: s.pts, qts: s.qts, date: s.date, seq: s.seq });
        this.#dirty = true;
        return;
      }
      if (diff._ === "updates.differenceEmpty") {
        state.date = diff.date;
        state.seq = diff.seq;
        this.#dirty = true;
        return;
      }
      if (diff._ === "updates.differenceTooLong") {
        // The updates up to diff.pts are gone; the docs say to refetch from it (date, qts and
        // seq come with that answer).
        if (diff.pts <= state.pts) return;
        state.pts = diff.pts;
        this.#dirty = true;
        continue;
      }
      await this.#d.savePeers(diff);
      const batch: DeliveredUpdate[] = [];
      const carry = { users: diff.users, chats: diff.chats };
      for (const message of diff.newMessages) {
        batch.push({ update: { _: "updateNewMessage", message, pts: 0, ptsCount: 0 }, ...carry });
      }
      for (const message of diff.newEncryptedMessages) {
        batch.push({ update: { _: "updateNewEncryptedMessage", message, qts: 0 }, ...carry });
      }
      const next = diff._ === "updates.difference" ? diff.state : diff.intermediateState;
      for (const update of diff.otherUpdates) {
        if (update._ === "updateChannelTooLong") {
          await this.#channelDifference(markChannel(update.channelId), batch, update.pts);
        } else if (hasPts(update) && channelOf(update) !== undefined) {
          await this.#one({ update, ...carry }, batch);
        } else batch.push({ update, ...carry });
      }
      Object.assign(state, { pts: next.pts, qts: next.qts, date: next.date, seq: next.seq });
      this.#dirty = true;
      if (out) out.push(...batch);
      else if (batch.length > 0) this.#d.deliver(batch);
      await this.#save();
      if (diff._ === "updates.difference") return;
    }
  }

  /**
   * Fetches and applies a channel's difference until the server says it is final. Into `out`
   * when given; otherwise each round is delivered and its pts saved before the next (so the pts
   * stored is always that of the last update delivered). `fromPts` (updateChannelTooLong's) is
   * where to start when the channel's pts is not known.
   */
  async #channelDifference(
    channel: number,
    out: DeliveredUpdate[] | undefined,
    fromPts?: number,
    polled = false,
  ): Promise<void> {
    this.#caughtUp?.add(channel);
    this.#pending.delete(channel);
    const t = this.#timers.get(channel);
    if (t !== undefined) clearTimeout(t), this.#timers.delete(channel);
    const peer = await this.#d.storage.getPeerById(channel);
    const pts = (await this.#localChannelPts(channel)) ?? fromPts;
    if (peer === undefined || pts === undefined || pts <= 0) {
      this.#d.logger.debug("channel difference skipped: channel or its pts unknown", { channel });
      return;
    }
    const input: Api.InputChannel = {
      _: "inputChannel",
      channelId: BigInt(-channel - 1_000_000_000_000),
      accessHash: peer.accessHash,
    };
    const limit = this.#d.isBot?.() ? CHANNEL_DIFFERENCE_LIMIT_BOT : CHANNEL_DIFFERENCE_LIMIT;
    let local = pts;
    let brought = 0;
    for (let round = 0; round < MAX_DIFFERENCE_ROUNDS && !this.#closed; round++) {
      let diff: Api.TypeUpdatesChannelDifference;
      try {
        diff = await this.#d.invoke({
          _: "updates.getChannelDifference",
          channel: input,
          filter: { _: "channelMessagesFilterEmpty" },
          pts: local,
          limit,
        });
      } catch (e) {
        if (!(e instanceof RpcError && CHANNEL_GONE.has(e.id))) throw e;
        // Left, banned or deleted: nothing to fetch; its pts stays for a later rejoin.
        this.#d.logger.info("channel difference refused", { channel, error: e.id });
        return;
      }
      const batch: DeliveredUpdate[] = [];
      if (diff._ === "updates.channelDifferenceEmpty") {
        local = diff.pts;
      } else {
        await this.#d.savePeers(diff);
        const carry = { users: diff.users, chats: diff.chats };
        const news = (messages: Api.TypeMessage[]) => {
          for (const message of messages) {
            batch.push({
              update: { _: "updateNewChannelMessage", message, pts: 0, ptsCount: 0 },
              ...carry,
            });
          }
        };
        if (diff._ === "updates.channelDifferenceTooLong") {
          // The updates after `local` are gone from the server. Its `messages` are only the
          // latest ones, some possibly delivered already: none is delivered (each update at most
          // once; getHistory reads the chat). The channel resumes at the dialog's pts, and the
          // next round fetches whatever came after it.
          const dialogPts = (diff.dialog as { pts?: number }).pts;
          this.#d.logger.warn("channel difference too long: its older updates are skipped", {
            channel,
            from: local,
            to: dialogPts,
          });
          if (dialogPts === undefined || dialogPts <= local) round = MAX_DIFFERENCE_ROUNDS;
          else local = dialogPts;
        } else {
          news(diff.newMessages);
          for (const update of diff.otherUpdates) batch.push({ update, ...carry });
          local = diff.pts;
        }
      }
      this.#setPts(channel, local);
      brought += batch.length;
      if (out) out.push(...batch);
      else {
        if (batch.length > 0) this.#d.deliver(batch);
        await this.#save();
      }
      if (diff._ === "updates.channelDifferenceTooLong") continue;
      if (diff.final || diff._ === "updates.channelDifferenceEmpty") {
        // A poll that found nothing is not repeated: quiet channels are not polled forever
        // (hundreds of them would run into FLOOD_WAIT); one whose pushes were missing is.
        const again = !polled || brought > 0;
        if (again && diff.timeout !== undefined && diff.timeout > 0) {
          this.#poll(channel, diff.timeout);
        }
        return;
      }
    }
  }

  /**
   * Fetches a channel's difference again after `seconds`, as a final answer's `timeout` asks
   * (updates a busy channel does not push are fetched that way). One pending poll per channel;
   * polling goes on only while polls bring updates.
   */
  #poll(channel: number, seconds: number): void {
    if (this.#closed || this.#polls.has(channel)) return;
    const ms = Math.min(seconds, MAX_CHANNEL_POLL_SECONDS) * 1000;
    this.#polls.set(
      channel,
      setTimeout(() => {
        this.#polls.delete(channel);
        if (this.#closed) return;
        this.#enqueue(() => this.#channelDifference(channel, undefined, undefined, true))
          .catch(() => {});
      }, ms),
    );
  }
}

/** An error's id or message for a log line (never a secret: RPC errors carry none). */
function describe(e: unknown): string {
  return e instanceof RpcError ? e.id : String((e as Error)?.message ?? e);
}
