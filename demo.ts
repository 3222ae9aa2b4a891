/**
 * An offline tour of irenogram (`npm run demo`, or `deno task demo`): a TestServer (a Telegram
 * test DC set on loopback, no network, no account) is started; a bot and a user log in, write to
 * each other and receive the updates; they stop, a message is sent while they are away, and the
 * user starts again from its `.session` file without logging in and receives it (and what the
 * bot's channel posted meanwhile: getChannelDifference for each channel it follows); the session is
 * exported as a string and a third client starts from it; and, when a MongoDB server answers
 * (MONGODB_URL or 127.0.0.1:27017), the bot keeps its session there and starts again from it.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { Client } from "./mod.ts";
import { TestServer, TestWorld } from "./testing/mod.ts";
import type { AnyFunction } from "./tl/mod.ts";

const say = (line: string) => console.log(line);
const workdir = mkdtempSync(join(tmpdir(), "irenogram-demo-"));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let world!: TestWorld;
const server = await TestServer.start({
  world: (s) => (world = new TestWorld({ dcs: () => s.dcs })),
});
// Count the login requests the server sees, to show that restarts make none.
const logins: string[] = [];
const handle = world.handle.bind(world);
world.handle = (ctx, fn: AnyFunction) => {
  if (fn._.startsWith("auth.") && fn._ !== "auth.exportAuthorization") logins.push(fn._);
  return handle(ctx, fn);
};

try {
  say(
    `1. A TestServer runs DCs ${server.dcs.map((d) => `${d.id}@${d.host}:${d.port}`).join(", ")}`,
  );
  const bot = world.addBot({ username: "demo_echo_bot", firstName: "Echo" });
  const alice = world.addUser({ phone: "15550001234", firstName: "Alice", username: "alice_demo" });
  const news = world.createChannel({
    title: "Demo news",
    creatorId: bot.userId,
    memberIds: [alice.userId],
    username: "demo_news",
  });
  say("   with a bot @demo_echo_bot, a user +15550001234 (Alice) and the bot's channel @demo_news");

  say(`2. Both log in; their sessions are SQLite files in ${workdir}`);
  const options = { ...server.clientOptions(), workdir, logLevel: "silent" as const };
  const botApp = new Client("echo_bot", { ...options, botToken: bot.token });
  const aliceApp = new Client("alice", {
    ...options,
    phoneNumber: "15550001234",
    phoneCode: alice.code,
  });
  await botApp.start();
  await aliceApp.start();
  say(
    `   bot id ${botApp.userId}, Alice id ${aliceApp.userId}; login requests so far: ${
      logins.join(", ")
    }`,
  );

  say("3. Alice writes to the bot; the bot echoes; both see the updates:");
  let replies = 0;
  botApp.onMessage(async (m) => {
    say(`   bot   <- "${m.text}" from ${m.fromUser?.firstName} (update, message id ${m.id})`);
    await m.reply(`echo: ${m.text}`);
  });
  aliceApp.onMessage((m) => {
    replies++;
    const where = m.chat.title ?? `@${m.chat.username}`;
    say(`   Alice <- "${m.text}" in ${where} (${m.chat.type}, update, message id ${m.id})`);
  }, (m) => !m.outgoing);
  for (const text of ["hello", "how are you?"]) {
    const sent = await aliceApp.sendMessage("@demo_echo_bot", text);
    say(`   Alice -> "${text}" (message id ${sent.id})`);
  }
  world.postMessage({ fromId: bot.userId, to: { channelId: news.channelId }, text: "news #1" });
  say('   the bot posts "news #1" in @demo_news');
  for (let i = 0; i < 100 && replies < 3; i++) await pause(20);

  say("4. Both stop; meanwhile the bot's owner posts a message to Alice:");
  await botApp.stop();
  await aliceApp.stop();
  world.postMessage({
    fromId: bot.userId,
    to: { userId: alice.userId },
    text: "sent while you were away",
  });
  world.postMessage({ fromId: bot.userId, to: { channelId: news.channelId }, text: "news #2" });
  say('   and "news #2" in @demo_news');
  say(`   files: ${readdirSync(workdir).filter((f) => f.endsWith(".session")).join(", ")}`);

  say("5. Alice starts again from alice.session, without logging in, and gets what she missed:");
  const before = logins.length;
  const again = new Client("alice", options);
  let missed = 0;
  again.onMessage((m) => {
    missed++;
    const how = m.chat.type === "channel" ? "getChannelDifference" : "getDifference";
    say(`   Alice <- "${m.text}" (fetched with updates.${how})`);
  });
  await again.start();
  for (let i = 0; i < 100 && missed < 2; i++) await pause(20);
  const peer = await again.resolvePeer("@demo_echo_bot");
  say(
    `   new login requests: ${
      logins.length - before
    }; @demo_echo_bot resolved from storage: ${peer._}`,
  );

  say("6. The session exported as a string, and a third client started from it:");
  const text = await again.exportSessionString();
  await again.stop();
  say(`   ${text.length} characters, ${text.slice(0, 6)}… (a secret: never print it whole)`);
  const third = new Client("from_string", { ...options, sessionString: text });
  await third.start();
  const me = await third.getMe();
  say(
    `   started as ${me.firstName} (id ${me.id}) with ${logins.length - before} new login requests`,
  );
  await third.stop();

  say("7. MongoDB:");
  const mongoUrl = process.env.MONGODB_URL || "mongodb://127.0.0.1:27017/";
  const dbName = `irenogram_demo_${Date.now()}`;
  const mongoBot = new Client(dbName, { ...options, storageEngine: mongoUrl, botToken: bot.token });
  try {
    await mongoBot.start();
    await mongoBot.stop();
    const mark = logins.length;
    const restarted = new Client(dbName, { ...options, storageEngine: mongoUrl });
    await restarted.start();
    say(
      `   the bot's session lives in database "${dbName}"; restarted as @${
        (await restarted.getMe()).username
      } with ${logins.length - mark} new login requests`,
    );
    await restarted.storage.delete();
    await restarted.stop();
  } catch (e) {
    await mongoBot.stop().catch(() => {});
    say(
      `   skipped: no MongoDB server answers (${
        (e as Error).name
      }); start one with scripts/services.sh`,
    );
  }
} finally {
  await server.stop();
  rmSync(workdir, { recursive: true, force: true });
}
say("Done: the TestServer is stopped and the temporary folder is gone.");
process.exit(0);
