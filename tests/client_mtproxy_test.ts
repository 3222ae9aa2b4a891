// The Client's `proxy` option with a fake-TLS (ee) secret, end to end: a bot logs in through the
// TestServer's MTProxy and calls getMe; everything it did went through the proxy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Client } from "../mod.ts";
import { TestMtproxy } from "../testing/server/mod.ts";
import { startWorld } from "./client_helpers.ts";

test("client e2e: a bot through an ee (fake-TLS) MTProxy", async () => {
  const w = await startWorld("p");
  const secret = "ee" + "5a".repeat(16) +
    Array.from(new TextEncoder().encode("telegram.org"), (b) => b.toString(16)).join("");
  const proxy = await TestMtproxy.start(w.server, { secrets: [secret] });
  try {
    await using app = new Client(":memory:", {
      ...w.options(),
      botToken: w.bot.token,
      proxy: { host: proxy.host, port: proxy.port, secret },
    });
    await app.start();
    assert.equal((await app.getMe()).username, w.bot.username);
    assert.ok(proxy.stats().accepted.ee >= 1);
    assert.deepEqual(proxy.stats().refused, {});
    assert.equal(proxy.stats().accepted.plain + proxy.stats().accepted.dd, 0);
  } finally {
    await proxy.stop();
    await w.close();
  }
});
