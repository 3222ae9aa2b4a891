/**
 * The update state of each user and channel: updates.getState, updates.getDifference (what the
 * user missed since a pts) and updates.getChannelDifference.
 *
 * @module
 */
import type { Api } from "../../../tl/mod.ts";
import { RpcFailure } from "../world_contract.ts";
import type { Handlers } from "./handler.ts";

/** Past this many missed updates, `updates.getDifference` answers in slices. */
const DIFFERENCE_SLICE = 100;

/** The updates.* handlers. */
export const updates: Handlers = {
  "updates.getState"(world, ctx) {
    const box = world.me(ctx).box;
    return {
      _: "updates.state",
      pts: box.pts,
      qts: box.qts,
      date: world.now(),
      seq: box.seq,
      unreadCount: 0,
    };
  },

  "updates.getDifference"(world, ctx, fn) {
    const me = world.me(ctx);
    const box = me.box;
    if (fn.pts <= 0) throw new RpcFailure(400, "PERSISTENT_TIMESTAMP_EMPTY");
    if (fn.pts > box.pts) throw new RpcFailure(400, "PERSISTENT_TIMESTAMP_INVALID");
    const date = world.now();
    // Channels where this user missed too much to be pushed: it is to fetch them itself.
    const tooLong = world.channelsTooLong(me.id);
    if (fn.pts === box.pts && tooLong.length === 0) {
      return { _: "updates.differenceEmpty", date, seq: box.seq };
    }
    const oldest = box.events[0]?.pts ?? box.pts + 1;
    if (fn.pts + 1 < oldest) return { _: "updates.differenceTooLong", pts: box.pts };
    const limit = Math.min(fn.ptsTotalLimit ?? DIFFERENCE_SLICE, DIFFERENCE_SLICE);
    const missed = box.events.filter((e) => e.pts > fn.pts);
    const slice = missed.slice(0, limit);
    const newMessages: Api.TypeMessage[] = [];
    const otherUpdates: Api.TypeUpdate[] = [...tooLong];
    for (const e of slice) {
      if (e.update._ === "updateNewMessage") newMessages.push(e.update.message);
      else otherUpdates.push(e.update);
    }
    const peers = world.peersOf(me.id, newMessages, {
      channels: tooLong.map((u) => Number(u.channelId)),
    });
    const last = slice.length > 0 ? slice[slice.length - 1].pts : fn.pts;
    const state: Api.UpdatesState = {
      _: "updates.state",
      pts: last,
      qts: box.qts,
      date,
      seq: box.seq,
      unreadCount: 0,
    };
    const body = { newMessages, newEncryptedMessages: [], otherUpdates, ...peers };
    return slice.length < missed.length
      ? { _: "updates.differenceSlice", ...body, intermediateState: state }
      : { _: "updates.difference", ...body, state };
  },

  "updates.getChannelDifference"(world, ctx, fn) {
    const me = world.me(ctx);
    const c = world.inputChannel(me, fn.channel);
    if (fn.pts <= 0) throw new RpcFailure(400, "PERSISTENT_TIMESTAMP_EMPTY");
    if (fn.pts > c.pts) throw new RpcFailure(400, "PERSISTENT_TIMESTAMP_INVALID");
    const limit = Math.min(Math.max(fn.limit, 1), DIFFERENCE_SLICE);
    const seen = (pts: number) => {
      c.seen.set(me.id, Math.max(c.seen.get(me.id) ?? 0, pts));
      c.tooLongSent.delete(me.id);
    };
    if (fn.pts === c.pts) {
      seen(c.pts);
      return { _: "updates.channelDifferenceEmpty", final: true, pts: c.pts };
    }
    const oldest = c.events[0]?.pts ?? c.pts + 1;
    if (fn.pts + 1 < oldest) {
      // The updates after fn.pts are no longer kept: the latest messages and where to resume.
      seen(c.pts);
      const ids = [...c.messages.keys()].sort((a, b) => b - a).slice(0, limit);
      const messages = ids.map((id) => world.channelMessage(me.id, c, c.messages.get(id)!));
      return {
        _: "updates.channelDifferenceTooLong",
        final: true,
        dialog: {
          _: "dialog",
          peer: { _: "peerChannel", channelId: BigInt(c.id) },
          topMessage: ids[0] ?? 0,
          readInboxMaxId: 0,
          readOutboxMaxId: 0,
          unreadCount: 0,
          unreadMentionsCount: 0,
          unreadReactionsCount: 0,
          unreadPollVotesCount: 0,
          notifySettings: { _: "peerNotifySettings" },
          pts: c.pts,
        },
        messages,
        ...world.peersOf(me.id, messages, { channels: [c.id] }),
      };
    }
    const missed = c.events.filter((e) => e.pts > fn.pts);
    const slice = missed.slice(0, limit);
    const pts = slice[slice.length - 1].pts;
    seen(pts);
    const newMessages: Api.TypeMessage[] = slice.filter((e) => c.messages.has(e.id)).map((e) =>
      world.channelMessage(me.id, c, c.messages.get(e.id)!)
    );
    return {
      _: "updates.channelDifference",
      final: slice.length === missed.length,
      pts,
      newMessages,
      otherUpdates: [],
      ...world.peersOf(me.id, newMessages, { channels: [c.id] }),
    };
  },
};
