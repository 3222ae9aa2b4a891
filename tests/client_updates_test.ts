/**
 * The Client's messages, updates and peers against TestServer: messages both ways, handlers in
 * order per chat, updates missed while stopped delivered once after a restart, peers resolved
 * from the storage with no network, and several processes on one MongoDB session.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { Client } from "../client/client.ts";
import { ClientError } from "../client/errors.ts";
import type { Message } from "../client/types/mod.ts";
import type { Api } from "../tl/mod.ts";
import {
  dropMongo,
  loggedIn,
  MONGO_URL,
  mongoSkip,
  startWorld,
  waitFor,
} from "./client_helpers.ts";

const skipMongo = await mongoSkip();

test("client e2e: messages go both ways and arrive as updates, handled in order per chat", async () => {
  const w = await startWorld("j");
  try {
    await using bot = new Client(":memory:", w.botOptions());
    await using user = new Client(":memory:", w.userOptions());
    await Promise.all([bot.start(), user.start()]);
    const botGot: string[] = [];
    const userGot: string[] = [];
    const raw: string[] = [];
    bot.onMessage(async (m) => {
      // Later messages of the chat wait for this handler: a slow first one must not be overtaken.
      await new Promise((r) => setTimeout(r, m.text === "m0" ? 100 : 1));
      botGot.push(m.text ?? "");
    });
    bot.onUpdate((u) => void raw.push(u._));
    user.onMessage((m) => void userGot.push(m.text ?? ""), (m) => !m.outgoing);
    for (let i = 0; i < 10; i++) await user.sendMessage(`@${w.bot.username}`, `m${i}`);
    await waitFor(() => botGot.length === 10, 5000, "the bot's messages");
    assert.deepEqual(botGot, Array.from({ length: 10 }, (_, i) => `m${i}`));
    assert.ok(raw.includes("updateNewMessage"));
    const reply = await bot.sendMessage(w.user.userId, "pong", { replyToMessageId: 1 });
    assert.equal(reply.text, "pong");
    await waitFor(() => userGot.length === 1, 5000, "the user's message");
    assert.deepEqual(userGot, ["pong"]);
    const history: Message[] = [];
    for await (const m of user.getHistory(w.bot.userId, { limit: 5 })) history.push(m);
    assert.deepEqual(history.map((m) => m.text), [
      "pong",
      "m9",
      "m8",
      "m7",
      "m6",
    ]);
    const [first] = await user.getMessages(w.bot.userId, [history[4].id]);
    assert.equal(first.text, "m6");
  } finally {
    await w.close();
  }
});

test("client e2e: updates sent while stopped arrive after the restart, once each and in order", async () => {
  const w = await startWorld("k");
  try {
    const options = w.userOptions();
    const got: string[] = [];
    {
      await using user = new Client("user", options);
      user.onMessage((m) => void got.push(m.text ?? ""));
      await user.start();
      w.server.postMessage({ fromId: w.bot.userId, to: { userId: w.user.userId }, text: "live" });
      await waitFor(() => got.length === 1, 5000, "the live message");
    }
    for (let i = 0; i < 5; i++) {
      w.server.postMessage({
        fromId: w.bot.userId,
        to: { userId: w.user.userId },
        text: `missed ${i}`,
      });
    }
    {
      await using user = new Client("user", w.options());
      user.onMessage((m) => void got.push(m.text ?? ""));
      const mark = w.calls.length;
      await user.start();
      assert.deepEqual(loggedIn(w.since(mark)), []);
      assert.ok(w.since(mark).includes("updates.getDifference"));
      await waitFor(() => got.length === 6, 5000, "the missed messages");
    }
    await using user = new Client("user", w.options());
    user.onMessage((m) => void got.push(m.text ?? ""));
    await user.start();
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(got, ["live", "missed 0", "missed 1", "missed 2", "missed 3", "missed 4"]);
  } finally {
    await w.close();
  }
});

test("client e2e: peers met in one run resolve in the next from the storage, with no network", async () => {
  const w = await startWorld("l");
  try {
    const options = w.userOptions();
    let botPeer: Api.TypeInputPeer;
    {
      await using user = new Client("peers", options);
      await user.start();
      const mark = w.calls.length;
      botPeer = await user.resolvePeer(`@${w.bot.username}`);
      assert.ok(w.since(mark).includes("contacts.resolveUsername"));
    }
    const mark = w.calls.length;
    await using offline = new Client("peers", w.options());
    // Not started: no connection at all.
    assert.deepEqual(await offline.resolvePeer(`@${w.bot.username.toUpperCase()}`), botPeer);
    assert.deepEqual(await offline.resolvePeer(w.bot.userId), botPeer);
    assert.deepEqual(w.since(mark), []);
    await assert.rejects(
      offline.resolvePeer("@nobody_known_here"),
      (e) => e instanceof ClientError && e.code === "CLIENT_NOT_STARTED",
    );
  } finally {
    await w.close();
  }
});

test("client e2e: an unknown username is CLIENT_PEER_NOT_FOUND", async () => {
  const w = await startWorld("m");
  try {
    await using bot = new Client(":memory:", w.botOptions());
    await bot.start();
    await assert.rejects(
      bot.resolvePeer("@no_such_user_here"),
      (e) => e instanceof ClientError && e.code === "CLIENT_PEER_NOT_FOUND",
    );
  } finally {
    await w.close();
  }
});

const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
const child = fileURLToPath(new URL(`./client_mongo_child${ext}`, import.meta.url));

function runChild(
  name: string,
  chat: number,
  options: object,
): Promise<{ me: number; sent: number }> {
  const args = "Deno" in globalThis
    ? ["run", "-A", child, name, String(chat)]
    : [child, name, String(chat)];
  const p = spawn(process.execPath, args, { stdio: ["pipe", "pipe", "inherit"] });
  p.stdin!.end(JSON.stringify(options));
  let out = "";
  p.stdout!.on("data", (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => p.kill(), 60_000);
    p.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out.trim().split("\n").pop()!));
      else reject(new Error(`child exited with ${code}`));
    });
  });
}

test("client e2e: two processes on one MongoDB session both start without logging in and send", {
  skip: skipMongo,
  timeout: 60_000,
}, async () => {
  const w = await startWorld("n");
  const name = `irenogram_client_procs_${Date.now()}`;
  try {
    const options = { ...w.options(), storageEngine: MONGO_URL };
    {
      await using bot = new Client(name, { ...options, botToken: w.bot.token });
      await bot.start();
    }
    // The bot meets the user when the user writes to it (the bot's next start fetches the
    // difference and stores the user); the children send to that stored peer.
    {
      await using user = new Client(":memory:", w.userOptions());
      await user.start();
      await user.sendMessage(`@${w.bot.username}`, "hi bot");
      await using bot = new Client(name, options);
      await bot.start();
      // (Bots may not read history on Telegram, so wait for the stored peer instead.)
      for (let i = 0; i < 500 && !(await bot.storage.getPeerById(w.user.userId)); i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.ok(await bot.storage.getPeerById(w.user.userId), "the bot stored the user");
    }
    const mark = w.calls.length;
    const { workdir: _, ...shared } = options;
    const results = await Promise.all([
      runChild(name, w.user.userId, shared),
      runChild(name, w.user.userId, shared),
    ]);
    assert.deepEqual(results.map((r) => r.me), [w.bot.userId, w.bot.userId]);
    assert.notEqual(results[0].sent, results[1].sent);
    assert.deepEqual(loggedIn(w.since(mark)), []);
  } finally {
    await w.close();
    await dropMongo(name);
  }
});

test("client e2e: channel messages keep the channel's pts; a gap after a restart fills from getChannelDifference", async () => {
  const w = await startWorld("r");
  try {
    const { channelId } = w.server.createChannel({
      title: "News",
      creatorId: w.bot.userId,
      memberIds: [w.user.userId],
      username: "news_r",
      broadcast: false,
    }) as { channelId: number };
    const to = { channelId };
    const got: string[] = [];
    const options = w.userOptions();
    {
      await using user = new Client("chan", options);
      user.onMessage((m) => void got.push(m.text ?? ""));
      await user.start();
      await user.resolvePeer("@news_r"); // the channel and its access hash are stored
      w.server.postMessage({ fromId: w.bot.userId, to, text: "c1" });
      await waitFor(() => got.length === 1, 5000, "the first channel message");
    }
    for (const text of ["c2", "c3"]) w.server.postMessage({ fromId: w.bot.userId, to, text });
    await using user = new Client("chan", w.options());
    user.onMessage((m) => void got.push(m.text ?? ""));
    const mark = w.calls.length;
    await user.start(); // the channel's pts is stored: its difference is fetched at start
    await waitFor(() => got.length === 3, 5000, "the missed channel messages");
    w.server.postMessage({ fromId: w.bot.userId, to, text: "c4" });
    await waitFor(() => got.length === 4, 10_000, "the channel messages");
    assert.deepEqual(got, ["c1", "c2", "c3", "c4"]);
    assert.ok(w.since(mark).includes("updates.getChannelDifference"));
  } finally {
    await w.close();
  }
});
