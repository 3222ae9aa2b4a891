// Judge: GramJS (`telegram` 2.26.22, layer 198) against the TestServer on three transports (TCP
// full, TCP obfuscated, WebSocket): a bot logs in with its token and calls
// getMe; a user logs in with phone + code and one with 2FA (GramJS's SRP); the user messages the
// bot and the bot's client receives it as a NewMessage event; a restart from the saved
// StringSession needs no login; accounts homed on DC 4 / DC 3 log in after PHONE_MIGRATE /
// USER_MIGRATE.
import assert from "node:assert/strict";
import { type Api, TelegramClient } from "telegram";
import { StringSession } from "telegram/sessions/index.js";
import { ConnectionTCPFull, ConnectionTCPObfuscated } from "telegram/network/index.js";
import { NewMessage, type NewMessageEvent } from "telegram/events/index.js";
import { Logger, LogLevel } from "telegram/extensions/Logger.js";
import { PromisedNetSockets } from "telegram/extensions/PromisedNetSockets.js";
import { PromisedWebSockets } from "telegram/extensions/PromisedWebSockets.js";
import {
  API_HASH,
  API_ID,
  judgeTest,
  type JudgeWorld,
  LOGIN_METHODS,
  waitFor,
} from "./judge_helpers.ts";
import { dialingServer, trustInGramjs } from "../test_support/peer_clients.ts";

const transports = {
  full: { connection: ConnectionTCPFull, socket: PromisedNetSockets },
  obfuscated: { connection: ConnectionTCPObfuscated, socket: PromisedNetSockets },
  // Obfuscated stream in binary WebSocket frames (ws://host:port/apiws), as Telegram's web DCs.
  websocket: { connection: ConnectionTCPObfuscated, socket: PromisedWebSockets },
};

/** Connection attempts, each a fresh auth-key exchange (see the GramJS bug in client()). */
const GRAMJS_CONNECTION_ATTEMPTS = 4;

function client(j: JudgeWorld, transport: keyof typeof transports, saved = ""): TelegramClient {
  const dc = j.server.dcs.find((d) => d.id === 2)!;
  const session = new StringSession(saved);
  // StringSession stores the port as a signed 16-bit number (ephemeral ports overflow it): the
  // session keeps 443 and the connection class dials the DC's real port.
  if (!saved) session.setDC(2, dc.host, 443);
  const c = new TelegramClient(session, API_ID, API_HASH, {
    connection: dialingServer(transports[transport].connection, j.server.dcs),
    networkSocket: transports[transport].socket,
    // Known GramJS bug (2.26.22, any runtime and transport): its Authenticator turns g_ab into
    // the auth key with getByteArray(), which drops leading zero bytes, so the 1 exchange in 256
    // whose key starts with a zero byte ends in "Step 3 invalid new nonce hash" (the server's
    // 256-byte key is right: MTProto's auth_key is 2048 bits). GramJS's remedy is a fresh
    // exchange on its next connection attempt (its default is 5): with 1 attempt the client
    // gives up and start() never resolves, which was this test's intermittent 60 s hang.
    connectionRetries: GRAMJS_CONNECTION_ATTEMPTS,
    retryDelay: 100,
    useWSS: false,
    baseLogger: new Logger(LogLevel.NONE),
  });
  return c;
}

const fail = (e: Error) => {
  throw e;
};

for (const transport of Object.keys(transports) as (keyof typeof transports)[]) {
  judgeTest(
    `GramJS (${transport}): bot, user, 2FA user, message as update, restart without login, DC migration`,
    (j, saved?: string) => client(j, transport, saved),
    async (j, make) => {
      trustInGramjs(j.server.publicKeys);
      const bot = make();
      await bot.start({ botAuthToken: j.bot.token });
      const botMe = await bot.getMe() as Api.User;
      assert.equal(botMe.id.toString(), String(j.bot.userId));
      assert.equal(botMe.username, j.bot.username);
      assert.equal(botMe.bot, true);

      const received: string[] = [];
      bot.addEventHandler((e: NewMessageEvent) => {
        received.push(e.message.message);
      }, new NewMessage({}));

      const user = make();
      await user.start({
        phoneNumber: j.user.phone,
        phoneCode: () => Promise.resolve(j.user.code),
        onError: fail,
      });
      const userMe = await user.getMe() as Api.User;
      assert.equal(userMe.id.toString(), String(j.user.userId));

      const carol = make();
      await carol.start({
        phoneNumber: j.user2fa.phone,
        phoneCode: () => Promise.resolve(j.user2fa.code),
        password: () => Promise.resolve(j.user2fa.password),
        onError: fail,
      });
      const carolMe = await carol.getMe() as Api.User;
      assert.equal(carolMe.id.toString(), String(j.user2fa.userId));
      assert.ok(j.calls.some((c) => c.method === "auth.checkPassword"));

      await user.sendMessage(j.bot.username, { message: "hello bot" });
      await waitFor(() => received.includes("hello bot"), 10_000, "the bot's update");
      await user.sendMessage(j.bot.username, { message: "second" });
      await waitFor(() => received.includes("second"), 10_000, "the second update");

      // Restart from the saved session: connected and authorized without any login call.
      const saved = (user.session as StringSession).save();
      await user.destroy();
      const mark = j.calls.length;
      const again = make(saved);
      await again.connect();
      assert.equal(await again.checkAuthorization(), true);
      const againMe = await again.getMe() as Api.User;
      assert.equal(againMe.id.toString(), String(j.user.userId));
      assert.deepEqual(j.since(mark).filter((m) => LOGIN_METHODS.has(m)), []);
      assert.ok(j.calls.some((c) => c.layer === 198));

      // Accounts homed elsewhere: PHONE_MIGRATE_4 / USER_MIGRATE_3, then the login on that DC.
      const far = make();
      await far.start({
        phoneNumber: j.far.phone,
        phoneCode: () => Promise.resolve(j.far.code),
        onError: fail,
      });
      assert.equal((await far.getMe() as Api.User).id.toString(), String(j.far.userId));
      assert.ok(j.calls.some((c) => c.method === "auth.signIn" && c.dcId === 4));
      const farBot = make();
      await farBot.start({ botAuthToken: j.farBot.token });
      assert.equal((await farBot.getMe() as Api.User).id.toString(), String(j.farBot.userId));
      assert.ok(
        j.calls.some((c) => c.method === "auth.importBotAuthorization" && c.dcId === 3),
      );
    },
  );
}
