/**
 * A small echo bot for real Telegram, with your own credentials:
 *
 * ```sh
 * API_ID=12345 API_HASH=0123456789abcdef0123456789abcdef BOT_TOKEN=123456:ABC-DEF \
 *   npx deno run -A examples/echo_bot.ts
 * ```
 *
 * (`npx bun examples/echo_bot.ts` works the same.) The first run logs in with the token and
 * writes `echo_bot.session`; later runs start from that file without logging in. Without
 * BOT_TOKEN it logs in as a user instead and asks for the phone number, code and password on the
 * terminal. Stop it with Ctrl+C.
 */
import process from "node:process";
import { Client } from "../mod.ts";

const apiId = Number(process.env.API_ID);
const apiHash = process.env.API_HASH;
if (!apiId || !apiHash) {
  console.error("set API_ID and API_HASH (from https://my.telegram.org), and BOT_TOKEN for a bot");
  process.exit(2);
}

const app = new Client("echo_bot", {
  apiId,
  apiHash,
  botToken: process.env.BOT_TOKEN || undefined,
  logLevel: "info",
});

// Echo every incoming text message back to the chat it came from, quoting it.
app.onMessage(async (message) => {
  console.log(`${message.fromUser?.username ?? message.chat.id}: ${message.text}`);
  await message.reply(message.text!, { quote: true });
}, (message) => !message.outgoing && message.text !== undefined);

await app.start();
const me = await app.getMe();
console.log(`running as @${me.username ?? me.firstName} (id ${me.id}); Ctrl+C stops`);

process.on("SIGINT", async () => {
  await app.stop();
  process.exit(0);
});
