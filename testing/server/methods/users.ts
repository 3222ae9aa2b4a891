/**
 * users.getUsers, users.getFullUser and contacts.resolveUsername.
 *
 * @module
 */
import type { Api } from "../../../tl/mod.ts";
import { RpcFailure } from "../world_contract.ts";
import type { Handlers } from "./handler.ts";

/** The users.* and contacts.resolveUsername handlers. */
export const users: Handlers = {
  "users.getUsers"(world, ctx, fn) {
    const me = world.me(ctx);
    const out: Api.TypeUser[] = [];
    for (const input of fn.id) {
      try {
        out.push(world.userObject(me.id, world.inputUser(me, input)));
      } catch (e) {
        // Telegram leaves out the users it cannot resolve, unless none resolves at all.
        if (!(e instanceof RpcFailure)) throw e;
      }
    }
    if (out.length === 0 && fn.id.length > 0) throw new RpcFailure(400, "USER_ID_INVALID");
    return out;
  },

  "users.getFullUser"(world, ctx, fn) {
    const me = world.me(ctx);
    const user = world.inputUser(me, fn.id);
    return {
      _: "users.userFull",
      fullUser: {
        _: "userFull",
        id: BigInt(user.id),
        settings: { _: "peerSettings" },
        notifySettings: { _: "peerNotifySettings" },
        commonChatsCount: 0,
        botInfo: user.bot
          ? { _: "botInfo", userId: BigInt(user.id), description: "", commands: [] }
          : undefined,
      },
      chats: [],
      users: [world.userObject(me.id, user)],
    };
  },

  "contacts.resolveUsername"(world, ctx, fn) {
    const me = world.me(ctx);
    const found = world.byUsername(fn.username.replace(/^@/, ""));
    if (!found) throw new RpcFailure(400, "USERNAME_NOT_OCCUPIED");
    if ("box" in found) {
      return {
        _: "contacts.resolvedPeer",
        peer: { _: "peerUser", userId: BigInt(found.id) },
        chats: [],
        users: [world.userObject(me.id, found)],
      };
    }
    return {
      _: "contacts.resolvedPeer",
      peer: { _: "peerChannel", channelId: BigInt(found.id) },
      chats: [world.channelObject(me.id, found)],
      users: [],
    };
  },
};
