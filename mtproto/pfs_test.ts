// Perfect forward secrecy over time (core.telegram.org/api/pfs): a temporary key is replaced
// before it expires without losing or repeating a request, and a temporary key the server no
// longer knows (-404) is replaced by a new temporary key, never by a new permanent one.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Protocol } from "../testing/server/protocol.ts";
import { Logger } from "./mod.ts";
import {
  clientFor,
  countries,
  hold,
  protocolOf,
  protocolServer,
  sleep,
  until,
} from "./test_support/clients.ts";

/** Temporary keys the server holds now. */
const tempKeys = (protocol: Protocol) =>
  [...protocol.keys.all()].filter((r) => r.expiresAt !== undefined).length;

test("pfs: the temporary key is replaced before it expires; requests in flight and waiting are answered once", async () => {
  const { server, world } = await protocolServer();
  try {
    const protocol = protocolOf(world);
    const lines: string[] = [];
    const before = server.stats().handshakes;
    // 8 s: replaced 2 s (a quarter of its life) before it expires.
    await using client = await clientFor(server, {
      pfs: { expiresIn: 8 },
      logger: new Logger("info", (l) => lines.push(l)),
    });
    await client.connect(2);
    assert.equal(server.stats().handshakes, before + 2);
    const permanent = client.keys.map.get(2)!;
    // A request in flight when the replacement starts: its answer is held by the world.
    const release = hold(world);
    const inFlight = client.invoke(countries(1));
    assert.ok(await until(() => world.held === 1));
    assert.ok(await until(() => lines.some((l) => l.includes("expiring")), 900));
    // A request made meanwhile waits for the new key.
    const waiting = client.invoke(countries(2));
    await sleep(100);
    assert.equal(world.calls.get(2), undefined, "not sent under the old key");
    release();
    assert.equal((await inFlight)._, "help.countriesListNotModified");
    assert.equal((await waiting)._, "help.countriesListNotModified");
    assert.equal(world.calls.get(1), 1);
    assert.equal(world.calls.get(2), 1);
    // One more exchange (the new temporary key), bound; the permanent key untouched.
    assert.equal(server.stats().handshakes, before + 3);
    assert.equal(lines.filter((l) => l.includes("temporary auth key bound")).length, 2);
    assert.equal(client.keys.writes, 1);
    assert.equal(client.keys.map.get(2), permanent);
    // The old key never got as far as being refused.
    assert.equal(server.stats().dropped["expired temporary key"], undefined);
    assert.equal((await client.invoke(countries(3)))._, "help.countriesListNotModified");
    assert.equal(tempKeys(protocol), 2);
  } finally {
    await server.stop();
  }
});

test("pfs: a temporary key the server refuses (-404) is replaced by a new temporary key, connected or reconnecting", async () => {
  const { server, world } = await protocolServer();
  try {
    const protocol = protocolOf(world);
    const before = server.stats().handshakes;
    await using client = await clientFor(server, { pfs: { expiresIn: 3600 } });
    await client.connect(2);
    assert.equal(server.stats().handshakes, before + 2);
    const permanent = client.keys.map.get(2)!;
    // While connected: the next request gets -404.
    assert.equal(protocol.forgetTempKeys(), 1);
    assert.equal((await client.invoke(countries(1)))._, "help.countriesListNotModified");
    assert.equal(server.stats().handshakes, before + 3);
    // While reconnecting: the first message under the old key (the bind is done, so it is
    // initConnection) gets -404.
    assert.equal(protocol.forgetTempKeys(), 1);
    server.dropConnections();
    assert.equal((await client.invoke(countries(2)))._, "help.countriesListNotModified");
    assert.equal(server.stats().handshakes, before + 4);
    assert.ok((server.stats().dropped["unknown auth key"] ?? 0) >= 2);
    // Never a new permanent key.
    assert.equal(client.keys.writes, 1);
    assert.equal(client.keys.map.get(2), permanent);
    assert.equal(world.calls.get(1), 1);
    assert.equal(world.calls.get(2), 1);
  } finally {
    await server.stop();
  }
});
