/**
 * Sending and reading messages: messages.sendMessage, messages.getMessages, messages.getHistory,
 * messages.getChats, channels.getChannels and channels.getMessages.
 *
 * @module
 */
import type { Api } from "../../../tl/mod.ts";
import { RpcFailure } from "../world_contract.ts";
import type { Account, Channel, Destination, TestWorld } from "../world.ts";
import type { Handlers } from "./handler.ts";

/** Telegram's largest page of history. */
const MAX_LIMIT = 100;

/** The messages of one dialog as `viewer` sees them, newest first. */
function dialog(world: TestWorld, viewer: Account, to: Destination): Api.Message[] {
  if ("channelId" in to) {
    const c = world.channels.get(to.channelId)!;
    return [...c.messages.values()].reverse().map((m) => world.channelMessage(viewer.id, c, m));
  }
  const out: Api.Message[] = [];
  for (const m of viewer.box.messages.values()) {
    const p = m.peerId;
    if (
      ("userId" in to && p._ === "peerUser" && Number(p.userId) === to.userId) ||
      ("chatId" in to && p._ === "peerChat" && Number(p.chatId) === to.chatId)
    ) out.push(m);
  }
  return out.reverse();
}

function ids(inputs: Api.TypeInputMessage[]): number[] {
  return inputs.map((i) => {
    if (i._ === "inputMessageID" || i._ === "inputMessageReplyTo") return i.id;
    if (i._ === "inputMessageCallbackQuery") return i.id;
    throw new RpcFailure(400, "MESSAGE_IDS_EMPTY");
  });
}

function page(
  all: Api.Message[],
  o: { offsetId: number; addOffset: number; limit: number; maxId: number; minId: number },
): Api.Message[] {
  let start = o.offsetId > 0 ? all.findIndex((m) => m.id < o.offsetId) : 0;
  if (start < 0) start = all.length;
  start = Math.max(0, start + o.addOffset);
  const limit = Math.min(Math.max(o.limit, 0) || 20, MAX_LIMIT);
  return all.slice(start, start + limit).filter((m) =>
    (o.maxId <= 0 || m.id < o.maxId) && (o.minId <= 0 || m.id > o.minId)
  );
}

function channelMessages(
  world: TestWorld,
  viewer: Account,
  c: Channel,
  messages: Api.TypeMessage[],
  count: number,
): Api.MessagesChannelMessages {
  return {
    _: "messages.channelMessages",
    pts: c.pts,
    count,
    messages,
    topics: [],
    ...world.peersOf(viewer.id, messages),
  };
}

/** The messages.* and channels.* handlers. */
export const messages: Handlers = {
  "messages.sendMessage"(world, ctx, fn) {
    const me = world.me(ctx);
    const to = world.inputPeer(me, fn.peer);
    return world.send(me.id, to, fn.message, fn.randomId).result;
  },

  "messages.getMessages"(world, ctx, fn) {
    const me = world.me(ctx);
    const found: Api.TypeMessage[] = ids(fn.id).map((id) =>
      me.box.messages.get(id) ?? { _: "messageEmpty", id }
    );
    return { _: "messages.messages", messages: found, topics: [], ...world.peersOf(me.id, found) };
  },

  "messages.getHistory"(world, ctx, fn) {
    const me = world.me(ctx);
    // As on Telegram: bots do not read history.
    if (me.bot) throw new RpcFailure(400, "BOT_METHOD_INVALID");
    const to = world.inputPeer(me, fn.peer);
    const all = dialog(world, me, to);
    const got = page(all, fn);
    if ("channelId" in to) {
      return channelMessages(world, me, world.channels.get(to.channelId)!, got, all.length);
    }
    const peers = world.peersOf(me.id, got, "userId" in to ? { users: [to.userId] } : {});
    if (got.length === all.length) {
      return { _: "messages.messages", messages: got, topics: [], ...peers };
    }
    return {
      _: "messages.messagesSlice",
      count: all.length,
      messages: got,
      topics: [],
      ...peers,
    };
  },

  "messages.getChats"(world, ctx, fn) {
    const me = world.me(ctx);
    const chats: Api.TypeChat[] = [];
    for (const id of fn.id) {
      const g = world.groups.get(Number(id));
      if (!g || !g.members.includes(me.id)) throw new RpcFailure(400, "CHAT_ID_INVALID");
      chats.push(world.groupObject(me.id, g));
    }
    return { _: "messages.chats", chats };
  },

  "channels.getChannels"(world, ctx, fn) {
    const me = world.me(ctx);
    return {
      _: "messages.chats",
      chats: fn.id.map((input) => world.channelObject(me.id, world.inputChannel(me, input))),
    };
  },

  "channels.getMessages"(world, ctx, fn) {
    const me = world.me(ctx);
    const c = world.inputChannel(me, fn.channel);
    const found: Api.TypeMessage[] = ids(fn.id).map((id) => {
      const m = c.messages.get(id);
      return m ? world.channelMessage(me.id, c, m) : { _: "messageEmpty", id };
    });
    return channelMessages(world, me, c, found, found.length);
  },
};
