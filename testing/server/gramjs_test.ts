/**
 * GramJS (`telegram`, a third-party client) against the TestServer: the auth-key exchange and
 * encrypted RPCs (help.getConfig, ping answered with a bare pong) on three transports (full,
 * abridged, obfuscated abridged). GramJS always dials port 80/443, so each connection class is
 * subclassed to dial the DC's ephemeral port; it knows only Telegram's keys, so the server's is
 * added to its key table.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import bigInt from "big-integer";
import { Api, TelegramClient } from "telegram";
// Through sessions/index.js, never sessions/Memory.js: GramJS's CommonJS modules form a cycle
// (Memory.js → … → sessions/index.js → StringSession.js, which extends MemorySession) that fails
// with "The superclass is not a constructor" when Memory.js is entered first. Node and Deno
// evaluate the imports below in order, so the package root enters the cycle first; Bun does not
// (1 run in about 7 of this file failed at load under Bun 1.4.5).
import { MemorySession } from "telegram/sessions/index.js";
import { Logger, LogLevel } from "telegram/extensions/Logger.js";
import {
  type Connection,
  ConnectionTCPAbridged,
  ConnectionTCPFull,
  ConnectionTCPObfuscated,
} from "telegram/network/index.js";
import { TestServer } from "../mod.ts";
import { dialingServer, trustInGramjs } from "../../tests/test_support/peer_clients.ts";

type ConnectionClass = typeof Connection;

/** The failed connection attempts of each client (see the GramJS bug in gramjs()). */
const failedAttempts = new WeakMap<TelegramClient, Error[]>();

/** Extra exchanges a client made after GramJS's known failure, checked to be nothing else. */
function retries(client: TelegramClient): number {
  const errors = failedAttempts.get(client) ?? [];
  for (const e of errors) assert.match(String(e?.message), /invalid new nonce hash/);
  return errors.length;
}

async function gramjs(server: TestServer, dcId: number, base: ConnectionClass) {
  trustInGramjs(server.publicKeys);
  const dc = server.dcs.find((d) => d.id === dcId)!;
  const connection = dialingServer(base, server.dcs);
  const session = new MemorySession();
  session.setDC(dcId, dc.host, dc.port);
  const options = server.clientOptions();
  const client = new TelegramClient(session, options.apiId, options.apiHash, {
    connection,
    // GramJS 2.26.22 drops the leading zero bytes of g_ab when it makes the auth key (getByteArray),
    // so 1 exchange in 256 fails with "Step 3 invalid new nonce hash" although the server is right
    // (auth_key is 2048 bits); its remedy is a fresh exchange on the next attempt. One attempt
    // made this test fail at random.
    connectionRetries: 4,
    retryDelay: 100,
    autoReconnect: false,
    baseLogger: new Logger(LogLevel.NONE),
  });
  const errors: Error[] = [];
  failedAttempts.set(client, errors);
  client.onError = (e) => Promise.resolve(void errors.push(e));
  await client.connect();
  return client;
}

for (
  const [name, base] of [
    ["full", ConnectionTCPFull],
    ["abridged", ConnectionTCPAbridged],
    ["obfuscated abridged", ConnectionTCPObfuscated],
  ] as const
) {
  test(`GramJS: handshake, help.getConfig and ping over ${name}`, async () => {
    const server = await TestServer.start();
    const client = await gramjs(server, 2, base);
    try {
      const config = await client.invoke(new Api.help.GetConfig());
      assert.equal(config.thisDc, 2);
      assert.deepEqual(config.dcOptions.map((o) => o.port), server.dcs.map((d) => d.port));
      const pong = await client.invoke(new Api.Ping({ pingId: bigInt(77) }));
      assert.equal(pong.pingId.toString(), "77");
      const stats = server.stats();
      assert.equal(stats.handshakes, 1 + retries(client));
      assert.equal(stats.paddings.rsa_pad, stats.handshakes, "GramJS 2.26 uses RSA_PAD");
    } finally {
      await client.destroy();
      await server.stop();
    }
  });
}

test("GramJS: a second DC gets its own auth key; keys do not cross DCs", async () => {
  const server = await TestServer.start();
  const a = await gramjs(server, 1, ConnectionTCPFull);
  const b = await gramjs(server, 4, ConnectionTCPObfuscated);
  try {
    assert.equal((await a.invoke(new Api.help.GetConfig())).thisDc, 1);
    assert.equal((await b.invoke(new Api.help.GetConfig())).thisDc, 4);
    assert.equal(server.stats().authKeys, 2 + retries(a) + retries(b));
  } finally {
    await a.destroy();
    await b.destroy();
    await server.stop();
  }
});
