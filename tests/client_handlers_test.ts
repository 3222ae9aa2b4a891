/**
 * The Client's handlers against TestServer: for each update, every onUpdate handler and then
 * every onMessage handler (that its filter accepts), one after another, whether they return a
 * promise or not; the next update of the chat waits for all of them; a handler that throws (or
 * rejects) is logged and the others go on.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Client } from "../client/client.ts";
import { startWorld, waitFor } from "./client_helpers.ts";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("client handlers: sync and async handlers of each update run in order, the next update after them", async () => {
  const w = await startWorld("h");
  try {
    const errors: unknown[] = [];
    const logger = {
      debug() {},
      info() {},
      warn() {},
      error: (_m: string, f?: { error?: unknown }) => void errors.push(f?.error),
    };
    await using bot = new Client(":memory:", { ...w.options(), botToken: w.bot.token, logger });
    await bot.start();
    const log: string[] = [];
    const text = (u: unknown) => (u as { message?: { message?: string } }).message?.message;
    bot.onUpdate((u) => void log.push(`update-sync ${text(u)}`));
    bot.onUpdate(async (u) => {
      await tick(text(u) === "m0" ? 50 : 1); // a slow first update must not be overtaken
      log.push(`update-async ${text(u)}`);
    });
    bot.onMessage((m) => {
      log.push(`message-sync ${m.text}`);
      if (m.text === "m1") throw new Error("handler bug");
    });
    bot.onMessage(async (m) => {
      await tick(1);
      log.push(`message-async ${m.text}`);
      if (m.text === "m2") throw new Error("async handler bug");
    }, (m) => m.text !== "m3");
    bot.onMessage((m) => void log.push(`message-last ${m.text}`));
    const sent = ["m0", "m1", "m2", "m3"];
    for (const t of sent) {
      w.world.postMessage({ fromId: w.user.userId, to: { userId: w.bot.userId }, text: t });
    }
    await waitFor(() => log.includes("message-last m3"), 5000, "the last handler of m3");
    const expected = sent.flatMap((t) => [
      `update-sync ${t}`,
      `update-async ${t}`,
      `message-sync ${t}`,
      // m1's first message handler threw: the rest of m1's handlers do not run.
      ...(t === "m1" ? [] : t === "m3" ? [`message-last ${t}`] : [`message-async ${t}`]),
      ...(t === "m0" ? [`message-last ${t}`] : []),
    ]);
    assert.deepEqual(log, expected);
    assert.deepEqual(errors.map((e) => (e as Error).message), ["handler bug", "async handler bug"]);
  } finally {
    await w.close();
  }
});
