/**
 * The WebSocket transport from the Client: over the runtime's own WebSocket where there is one,
 * over the `ws` package's when passed as `webSocket` (what Node before 22 needs), and a typed
 * error naming the fix, with nothing written, when there is neither.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { WebSocket as WsWebSocket } from "ws";
import { Client } from "../client/client.ts";
import { ClientError } from "../client/errors.ts";
import type { WebSocketClass } from "../client/options.ts";
import { startWorld } from "./client_helpers.ts";

const g = globalThis as { WebSocket?: unknown };
const nativeWebSocket = typeof g.WebSocket === "function";

test("client websocket: the ws package's WebSocket passed as webSocket carries a login and calls", async () => {
  const w = await startWorld("W");
  try {
    await using bot = new Client(":memory:", {
      ...w.options(),
      botToken: w.bot.token,
      transport: "websocket",
      webSocket: WsWebSocket,
    });
    await bot.start();
    assert.equal((await bot.getMe()).id, w.bot.userId);
  } finally {
    await w.close();
  }
});

test("client websocket: the runtime's own WebSocket needs no option", {
  skip: !nativeWebSocket && "this runtime has no global WebSocket (Node before 22)",
}, async () => {
  const w = await startWorld("X");
  try {
    await using bot = new Client(":memory:", {
      ...w.options(),
      botToken: w.bot.token,
      transport: "websocket",
    });
    await bot.start();
    assert.equal((await bot.getMe()).id, w.bot.userId);
  } finally {
    await w.close();
  }
});

test("client websocket: without any WebSocket, start() names the fix and writes nothing", async () => {
  const w = await startWorld("Y");
  const saved = g.WebSocket;
  // Node 20 has none; elsewhere it is taken away for this test.
  if (nativeWebSocket) delete g.WebSocket;
  try {
    const bot = new Client("ws_missing", {
      ...w.options(),
      botToken: w.bot.token,
      transport: "websocket",
    });
    const mark = w.calls.length;
    await assert.rejects(bot.start(), (e) => {
      assert.ok(e instanceof ClientError);
      assert.equal(e.code, "CLIENT_WEBSOCKET_MISSING");
      assert.match(e.message, /npm i ws/);
      assert.match(e.message, /webSocket: WebSocket/);
      assert.ok(!e.message.includes(w.bot.token.split(":")[1]), "no secret in the message");
      return true;
    });
    assert.equal(bot.isStarted, false);
    assert.deepEqual(w.since(mark), [], "nothing was sent");
    assert.ok(!existsSync(join(w.dir, "ws_missing.session")), "no session file was created");
  } finally {
    if (nativeWebSocket) g.WebSocket = saved;
    await w.close();
  }
});

test("client websocket: a webSocket option that is not a class is refused at construction", () => {
  assert.throws(
    () => new Client(":memory:", { webSocket: "ws" as unknown as WebSocketClass }),
    (e) =>
      e instanceof ClientError && e.code === "CLIENT_INVALID_OPTION" && /webSocket/.test(e.message),
  );
});
