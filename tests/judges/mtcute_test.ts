// Judge: mtcute (@mtcute/node 0.30, layer 227) against the TestServer on two transports
// (intermediate, obfuscated intermediate): a bot logs in with its token and calls getMe; a user
// logs in with phone + code and one with 2FA (mtcute's SRP); the user messages the bot and the
// bot's client receives it as an update; a restart from the exported session needs no login;
// accounts homed on DC 4 / DC 3 log in after PHONE_MIGRATE / USER_MIGRATE; a scripted channel
// post reaches the member's client as an update and its history reads back; a FLOOD_WAIT_1 set
// on demand is waited out.
import assert from "node:assert/strict";
import {
  IntermediatePacketCodec,
  MemoryStorage,
  ObfuscatedPacketCodec,
  TcpTransport,
  TelegramClient,
} from "@mtcute/node";
import { addPublicKey } from "@mtcute/core/utils.js";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import {
  API_HASH,
  API_ID,
  judgeTest,
  type JudgeWorld,
  LOGIN_METHODS,
  waitFor,
} from "./judge_helpers.ts";
import { mtcuteDcs } from "../test_support/peer_clients.ts";

class ObfuscatedTcpTransport extends TcpTransport {
  override packetCodec() {
    return new ObfuscatedPacketCodec(new IntermediatePacketCodec()) as never;
  }
}

const crypto = new NodeCryptoProvider();
await crypto.initialize?.();

const transports = {
  intermediate: () => new TcpTransport(),
  obfuscated: () => new ObfuscatedTcpTransport(),
};

function client(j: JudgeWorld, transport: keyof typeof transports): TelegramClient {
  const c = new TelegramClient({
    apiId: API_ID,
    apiHash: API_HASH,
    storage: new MemoryStorage(),
    defaultDcs: mtcuteDcs(j.server.dcs.find((d) => d.id === 2)!),
    transport: transports[transport](),
    logLevel: 0,
  });
  return c;
}

for (const transport of Object.keys(transports) as (keyof typeof transports)[]) {
  judgeTest(
    `mtcute (${transport}): bot, user, 2FA user, message as update, restart without login, DC migration`,
    (j) => client(j, transport),
    async (j, make) => {
      // mtcute keeps trusted keys in one global index (by fingerprint).
      addPublicKey(crypto, j.server.publicKeys[0].pem);
      const bot = make();
      const botMe = await bot.start({ botToken: j.bot.token });
      assert.equal(botMe.id, j.bot.userId);
      assert.equal(botMe.isBot, true);
      const me = await bot.getMe();
      assert.equal(me.username, j.bot.username);

      const received: string[] = [];
      bot.onNewMessage.add((m) => {
        received.push(m.text);
      });

      const user = make();
      const userMe = await user.start({ phone: j.user.phone, code: () => j.user.code });
      assert.equal(userMe.id, j.user.userId);
      assert.equal(userMe.isBot, false);

      const carol = make();
      const carolMe = await carol.start({
        phone: j.user2fa.phone,
        code: () => j.user2fa.code,
        password: () => j.user2fa.password,
      });
      assert.equal(carolMe.id, j.user2fa.userId);
      assert.ok(j.calls.some((c) => c.method === "auth.checkPassword"));

      await user.sendText(j.bot.username, "hello bot");
      await waitFor(() => received.includes("hello bot"), 10_000, "the bot's update");
      // FLOOD_WAIT_1 on demand: mtcute waits the second out and sends again.
      j.world.setFloodWait("messages.sendMessage", 1);
      const before = j.calls.filter((c) => c.method === "messages.sendMessage").length;
      await user.sendText(j.bot.username, "second");
      await waitFor(() => received.includes("second"), 10_000, "the second update");
      const after = j.calls.filter((c) => c.method === "messages.sendMessage").length;
      assert.equal(after - before, 2); // refused once, then sent

      // A channel post (scripted as Carol) reaches Alice's client as an update; the history and
      // the channel's difference are read back through channels.* / updates.getChannelDifference.
      const aliceGot: string[] = [];
      user.onNewMessage.add((m) => {
        aliceGot.push(m.text);
      });
      const { channelId } = j.world.createChannel({
        title: "Judge news",
        creatorId: j.user2fa.userId,
        memberIds: [j.user.userId],
        username: `judge_news_${transport}`,
      });
      j.world.postMessage({
        fromId: j.user2fa.userId,
        to: { channelId },
        text: "channel post",
      });
      await waitFor(() => aliceGot.includes("channel post"), 10_000, "the channel update");
      const history = await user.getHistory(`judge_news_${transport}`);
      assert.deepEqual(history.map((m) => m.text), ["channel post"]);

      // Restart: a new client from the exported session, no login.
      const session = await user.exportSession();
      await user.destroy();
      const mark = j.calls.length;
      const again = make();
      await again.importSession(session);
      const againMe = await again.start({
        phone: () => Promise.reject(new Error("asked for a phone: the session was not reused")),
      });
      assert.equal(againMe.id, j.user.userId);
      assert.deepEqual(j.since(mark).filter((m) => LOGIN_METHODS.has(m)), []);
      assert.ok(j.calls.every((c) => c.layer === 227 || c.userId === null || c.layer === 224));

      // Accounts homed elsewhere: PHONE_MIGRATE_4 / USER_MIGRATE_3, then the login on that DC
      // (reached through help.getConfig's dc_options, i.e. this server's ports).
      const far = make();
      const farMe = await far.start({ phone: j.far.phone, code: () => j.far.code });
      assert.equal(farMe.id, j.far.userId);
      assert.ok(j.calls.some((c) => c.method === "auth.signIn" && c.dcId === 4));
      const farBot = make();
      const farBotMe = await farBot.start({ botToken: j.farBot.token });
      assert.equal(farBotMe.id, j.farBot.userId);
      assert.ok(
        j.calls.some((c) => c.method === "auth.importBotAuthorization" && c.dcId === 3),
      );
    },
  );
}
