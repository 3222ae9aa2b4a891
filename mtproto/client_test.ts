// MtprotoClient against the TestServer (a real MTProto server on loopback): every transport,
// stored keys, containers, reconnects, salts, clock skew, several DCs, updates, cancellation,
// and the hostile modes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { IrenogramError } from "../errors.ts";
import { acceptTransport, createTransport, initCore } from "../core/mod.ts";
import type { AnyTlObject } from "../tl/mod.ts";
import { LAYER, RpcError } from "../tl/mod.ts";
import { HOSTILE_MODES, type HostileMode, TestServer } from "../testing/server/mod.ts";
import { Logger, TRANSPORTS } from "./mod.ts";
import { SEEN_CAPACITY } from "./message_ids.ts";
import {
  clientFor,
  memoryKeys,
  protocolOf,
  protocolServer,
  until,
} from "./test_support/clients.ts";

const countries = (hash: number) => ({ _: "help.getCountriesList", langCode: "", hash }) as const;

test("mtproto: handshake and RPCs on every transport; the stored key is reused", async () => {
  await using server = await TestServer.start();
  for (const transport of TRANSPORTS) {
    const client = await clientFor(server, { transport });
    const before = server.stats().handshakes;
    await client.connect(2);
    assert.equal(server.stats().handshakes, before + 1, transport);
    assert.equal(client.keys.map.get(2)?.length, 256);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => client.invoke({ _: "help.getNearestDc" })),
    );
    for (const r of results) assert.equal(r.thisDc, 2, transport);
    const config = await client.invoke({ _: "help.getConfig" });
    assert.equal(config._, "config");
    await client.close();
    // A second client with the same store: no new handshake.
    const again = await clientFor(server, { transport, keys: client.keys });
    await again.connect(2);
    assert.equal((await again.invoke({ _: "help.getNearestDc" })).thisDc, 2);
    assert.equal(server.stats().handshakes, before + 1, transport);
    await again.close();
  }
});

test("mtproto: perfect forward secrecy: temporary keys bound with auth.bindTempAuthKey", async () => {
  await using server = await TestServer.start();
  const before = server.stats().handshakes;
  const lines: string[] = [];
  const client = await clientFor(server, {
    pfs: true,
    logger: new Logger("info", (l) => lines.push(l)),
  });
  await client.connect(2);
  // The permanent key (stored) and a temporary one (not stored), bound: the server checked the
  // MTProto 1.0 signature of the permanent key, or connect() would have failed.
  assert.equal(server.stats().handshakes, before + 2);
  assert.equal(client.keys.map.size, 1);
  assert.ok(lines.some((l) => l.includes("temporary auth key bound")));
  assert.equal((await client.invoke({ _: "help.getNearestDc" })).thisDc, 2);
  // A drop: the same temporary key goes on (no new exchange, no new binding).
  server.dropConnections();
  assert.equal((await client.invoke({ _: "help.getNearestDc" })).thisDc, 2);
  assert.equal(server.stats().handshakes, before + 2);
  await client.close();
  // A new client with the stored key: only a temporary key is made.
  const again = await clientFor(server, { pfs: { expiresIn: 3600 }, keys: client.keys });
  await again.connect(2);
  assert.equal(server.stats().handshakes, before + 3);
  assert.equal((await again.invoke({ _: "help.getNearestDc" })).thisDc, 2);
  await again.close();
});

test("mtproto: IPv6: a DC on ::1, over TCP and obfuscated", async () => {
  let server: TestServer;
  try {
    server = await TestServer.start({ host: "::1" });
  } catch {
    return; // no IPv6 loopback on this machine: nothing to connect to
  }
  try {
    for (const transport of ["intermediate", "obfuscated"] as const) {
      const options = server.clientOptions();
      const client = await clientFor(server, {
        transport,
        ipv6: true,
        dcOptions: options.dcOptions.map((d) => ({ ...d, ipv6: true })),
      });
      await client.connect(2);
      assert.equal((await client.invoke({ _: "help.getNearestDc" })).thisDc, 2);
      await client.close();
    }
  } finally {
    await server.stop();
  }
});

/** Listens on a free loopback port; `close()` ends every socket in `sockets`, then `server`. */
async function listenLocal(
  server: import("node:net").Server,
  sockets: Set<import("node:net").Socket>,
): Promise<{ port: number; close(): Promise<void> }> {
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/**
 * A minimal MTProxy for the tests: takes obfuscated connections keyed with `secret` (core's
 * server-side codec), and relays each frame over its own obfuscated connection to the DC the
 * client's header names.
 */
async function startProxy(server: TestServer, secret: Uint8Array) {
  const net = await import("node:net");
  await initCore();
  const sockets = new Set<import("node:net").Socket>();
  const proxy = net.createServer((client) => {
    sockets.add(client);
    const fromClient = acceptTransport({ secret });
    let toClient: ReturnType<typeof fromClient.replyEncoder> | undefined;
    let upstream: ReturnType<typeof createTransport> | undefined;
    let dcSocket: import("node:net").Socket | undefined;
    const close = () => {
      client.destroy();
      dcSocket?.destroy();
    };
    client.on("data", (chunk) => {
      try {
        for (const frame of fromClient.push(new Uint8Array(chunk))) {
          if (frame.type !== "payload") continue;
          if (upstream === undefined) {
            const info = fromClient.transport!;
            toClient = fromClient.replyEncoder();
            upstream = createTransport(info.kind, { obfuscation: { dcId: info.dcId! } });
            const dc = server.dcs.find((d) => d.id === info.dcId)!;
            dcSocket = net.connect({ host: dc.host, port: dc.port });
            sockets.add(dcSocket);
            dcSocket.write(upstream.init);
            const up = upstream;
            dcSocket.on("data", (back) => {
              try {
                for (const f of up.decoder.push(new Uint8Array(back))) {
                  if (f.type === "payload") client.write(toClient!.encode(f.payload));
                }
              } catch {
                close();
              }
            });
            dcSocket.on("close", close);
            dcSocket.on("error", close);
          }
          dcSocket!.write(upstream.encoder.encode(frame.payload));
        }
      } catch {
        close();
      }
    });
    client.on("close", close);
    client.on("error", close);
  });
  return await listenLocal(proxy, sockets);
}

test("mtproto: through an MTProxy with a plain and a dd secret (hex and base64)", async () => {
  await using server = await TestServer.start();
  const key = new Uint8Array(16).map((_, i) => i * 17 + 3);
  const hex = Array.from(key, (b) => b.toString(16).padStart(2, "0")).join("");
  for (const secret of [hex, "dd" + hex, btoa(String.fromCharCode(0xdd, ...key))]) {
    const raw = secret.startsWith("dd") || !/^[0-9a-f]+$/.test(secret)
      ? Uint8Array.of(0xdd, ...key)
      : key;
    const proxy = await startProxy(server, raw);
    try {
      const client = await clientFor(server, {
        transport: "obfuscated",
        proxy: { host: "127.0.0.1", port: proxy.port, secret },
      });
      await client.connect(2);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => client.invoke({ _: "help.getNearestDc" })),
      );
      assert.ok(results.every((r) => r.thisDc === 2), secret);
      await client.close();
    } finally {
      await proxy.close();
    }
  }
  // A wrong secret: the proxy cannot read the header; the client fails with a typed error.
  const proxy = await startProxy(server, key);
  try {
    const client = await clientFor(server, {
      transport: "obfuscated",
      connectTimeout: 500,
      proxy: { host: "127.0.0.1", port: proxy.port, secret: "ff".repeat(16) },
    });
    await assert.rejects(client.connect(2), { code: "MTPROTO_CONNECTION_FAILED" });
    await client.close();
  } finally {
    await proxy.close();
  }
});

/**
 * A relay on the intermediate transport between a client and DC 2 that reads both directions
 * with the auth key (framing parsed here by hand): which server messages were content-related,
 * and which msg_ids the client acknowledged.
 */
async function startWatcher(server: TestServer, keyOf: () => Uint8Array | null | undefined) {
  const net = await import("node:net");
  const { openMessage } = await import("../core/mod.ts");
  const { deserialize } = await import("../tl/mod.ts");
  const seqnoOf = new Map<bigint, number>();
  const acked: bigint[] = [];
  const counts = { ackMessages: 0 };
  const sockets = new Set<import("node:net").Socket>();
  const messages = (data: Uint8Array): { msgId: bigint; seqno: number; body: AnyTlObject }[] => {
    const v = new DataView(data.buffer, data.byteOffset, data.length);
    const msgId = v.getBigInt64(16, true), seqno = v.getInt32(24, true);
    const body = deserialize(data.subarray(32, 32 + v.getInt32(28, true)));
    const out = [{ msgId, seqno, body }];
    if (body._ === "msg_container") {
      out.push(...(body as unknown as { messages: typeof out }).messages);
    }
    return out;
  };
  const frames = (sender: "client" | "server", skip: number) => {
    let buf = new Uint8Array(0), skipped = 0;
    return (chunk: Uint8Array) => {
      buf = Uint8Array.from([...buf, ...chunk]);
      if (skipped < skip) {
        const n = Math.min(skip - skipped, buf.length);
        buf = buf.subarray(n);
        skipped += n;
      }
      while (buf.length >= 4) {
        const len = new DataView(buf.buffer, buf.byteOffset).getUint32(0, true);
        if (buf.length < 4 + len) break;
        const payload = buf.slice(4, 4 + len);
        buf = buf.subarray(4 + len);
        const key = keyOf();
        if (payload.length < 24 || payload.subarray(0, 8).every((b) => b === 0) || !key) continue;
        for (const m of messages(openMessage(key, payload, sender))) {
          if (sender === "server") seqnoOf.set(m.msgId, m.seqno);
          else if (m.body._ === "msgs_ack") {
            acked.push(...(m.body as { msgIds: bigint[] }).msgIds);
            counts.ackMessages++;
          }
        }
      }
    };
  };
  const dc = server.dcs.find((d) => d.id === 2)!;
  const relay = net.createServer((client) => {
    const upstream = net.connect({ host: dc.host, port: dc.port });
    sockets.add(client).add(upstream);
    const up = frames("client", 4), down = frames("server", 0);
    client.on("data", (c) => (upstream.write(c), up(new Uint8Array(c))));
    upstream.on("data", (c) => (client.write(c), down(new Uint8Array(c))));
    const close = () => (client.destroy(), upstream.destroy());
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  return { ...(await listenLocal(relay, sockets)), seqnoOf, acked, counts };
}

test("mtproto: acks go out in bulk, for every content-related server message and no other", async () => {
  await using server = await TestServer.start();
  const keys = memoryKeys();
  const watcher = await startWatcher(server, () => keys.map.get(2));
  try {
    const options = server.clientOptions();
    const client = await clientFor(server, {
      keys,
      dcOptions: options.dcOptions.map((d) => d.id === 2 ? { ...d, port: watcher.port } : d),
    });
    await client.connect(2);
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        Array.from({ length: 50 }, () => client.invoke({ _: "help.getNearestDc" })),
      );
      await client.invoke({ _: "help.getNearestDc" });
    }
    await new Promise((ok) => setTimeout(ok, 700)); // the ack timer (500 ms) fires
    const content = [...watcher.seqnoOf].filter(([, seqno]) => seqno % 2 === 1).map(([id]) => id);
    const acked = new Set(watcher.acked);
    assert.ok(content.length >= 255, `${content.length} content-related server messages`);
    for (const id of content) assert.ok(acked.has(id), `server message ${id} not acked`);
    for (const id of acked) {
      assert.equal(watcher.seqnoOf.get(id)! % 2, 1, `acked ${id}, which is not content-related`);
    }
    assert.equal(acked.size, watcher.acked.length, "each acked once");
    assert.ok(
      watcher.counts.ackMessages * 4 < content.length,
      `${watcher.counts.ackMessages} msgs_ack`,
    );
    await client.close();
  } finally {
    await watcher.close();
  }
});

test("mtproto: 1,000 requests in flight go out in a few containers", async () => {
  await using server = await TestServer.start();
  const sends: number[] = [];
  const logger = new Logger("debug", (line) => {
    const m = / sent .*messages=(\d+)/.exec(line);
    if (m) sends.push(Number(m[1]));
  });
  const client = await clientFor(server, { logger });
  await client.connect(2);
  // Settled: initConnection answered, future salts fetched (asked after the first answer).
  await client.invoke({ _: "help.getNearestDc" });
  assert.ok(await until(() => client.stats()[0].futureSalts > 0));
  sends.length = 0;
  const before = server.stats().queries;
  const results = await Promise.all(
    Array.from({ length: 1000 }, () => client.invoke({ _: "help.getNearestDc" })),
  );
  assert.equal(results.length, 1000);
  assert.ok(server.stats().queries - before >= 1000);
  const total = sends.reduce((a, b) => a + b, 0);
  assert.ok(total >= 1000, `messages sent: ${total}`);
  assert.ok(sends.length <= 10, `1,000 requests took ${sends.length} sends`);
  const [stats] = client.stats();
  assert.equal(stats.inFlight, 0);
  assert.equal(stats.pendingIds, 0);
  await client.close();
});

test("mtproto: connection dropped with requests in flight: each sent again once, answered once", async () => {
  const { server, world } = await protocolServer();
  try {
    const client = await clientFor(server);
    await client.connect(2);
    let release!: () => void;
    world.gate = new Promise((ok) => release = ok);
    const n = 50;
    let settled = 0;
    const requests = Array.from(
      { length: n },
      (_, i) => client.invoke(countries(i)).finally(() => settled++),
    );
    for (let i = 0; i < 200 && world.held < n; i++) await new Promise((ok) => setTimeout(ok, 10));
    assert.equal(world.held, n);
    server.dropConnections();
    // The client reconnects and sends the unanswered requests again, once each.
    for (let i = 0; i < 300 && world.held < 2 * n; i++) {
      await new Promise((ok) => setTimeout(ok, 10));
    }
    world.gate = undefined;
    release();
    const results = await Promise.all(requests);
    assert.equal(results.length, n);
    assert.equal(settled, n);
    for (let i = 0; i < n; i++) assert.equal(world.calls.get(i), 2, `request ${i}`);
    // Still usable, nothing left behind.
    await client.invoke(countries(1000));
    const [stats] = client.stats();
    assert.equal(stats.inFlight + stats.queued, 0);
    await client.close();
  } finally {
    await server.stop();
  }
});

test("mtproto: invokeWithLayer(initConnection) rides on the first requests, no round trip of its own; big queries go gzip_packed", async () => {
  const { server, world } = await protocolServer();
  try {
    const sent: number[] = [];
    const client = await clientFor(server, {
      logger: new Logger("debug", (line) => {
        const m = / sent .*bytes=(\d+)/.exec(line);
        if (m) sent.push(Number(m[1]));
      }),
      initConnection: { deviceModel: "bench rig", appVersion: "9.9" },
    });
    await client.connect(2);
    assert.equal(sent.length, 0, "connect() sends nothing once the key is there");
    await client.invoke(countries(1));
    server.dropConnections();
    await client.invoke(countries(2));
    assert.equal(world.configs, 0, "no help.getConfig: the DC's address was given");
    assert.deepEqual([...world.layers], [LAYER]);
    const [record] = [...protocolOf(world).keys.all()];
    assert.equal(record.client?.deviceModel, "bench rig");
    assert.equal(record.client?.appVersion, "9.9");
    sent.length = 0;
    await client.invoke({ _: "help.getCountriesList", langCode: "x".repeat(20000), hash: 3 });
    assert.equal(world.langCodes.at(-1), 20000);
    assert.ok(sent.length >= 1 && Math.max(...sent) < 2000, `sent ${sent}`);
    await client.close();
  } finally {
    await server.stop();
  }
});

test("mtproto: a DC missing from dcOptions is found in help.getConfig's dc_options", async () => {
  await using server = await TestServer.start();
  const options = server.clientOptions();
  const client = await clientFor(server, {
    dcOptions: options.dcOptions.filter((d) => d.id === 2),
  });
  await client.connect(2);
  assert.equal((await client.invoke({ _: "help.getNearestDc" }, { dcId: 3 })).thisDc, 3);
  assert.equal(client.keys.map.get(3)?.length, 256);
  await client.close();
});

test("mtproto: keep-alive pings (ping_delay_disconnect) and future salts while idle", async () => {
  await using server = await TestServer.start();
  const lines: string[] = [];
  const client = await clientFor(server, {
    pingInterval: 100,
    logger: new Logger("debug", (l) => lines.push(l)),
  });
  await client.connect(2);
  for (let i = 0; i < 100 && client.stats()[0].futureSalts === 0; i++) {
    await new Promise((ok) => setTimeout(ok, 10));
  }
  assert.ok(client.stats()[0].futureSalts > 0, "get_future_salts answered");
  const before = lines.filter((l) => / sent /.test(l)).length;
  await new Promise((ok) => setTimeout(ok, 450));
  const pings = lines.filter((l) => / sent /.test(l)).length - before;
  assert.ok(pings >= 2, `${pings} sends while idle`);
  assert.ok(!lines.some((l) => l.includes("ping unanswered")));
  assert.equal(client.stats()[0].state, "ready");
  await client.close();
});

test("mtproto: salts expiring mid-run (bad_server_salt) are replaced transparently", async () => {
  await using server = await TestServer.start();
  const lines: string[] = [];
  const client = await clientFor(server, { logger: new Logger("debug", (l) => lines.push(l)) });
  await client.connect(2);
  for (let round = 0; round < 3; round++) {
    server.expireSalts();
    const r = await Promise.all(
      Array.from({ length: 30 }, () => client.invoke({ _: "help.getNearestDc" })),
    );
    assert.equal(r.length, 30);
  }
  assert.ok(lines.some((l) => l.includes("server salt replaced")));
  await client.close();
});

test("mtproto: server clock 10 minutes ahead or behind is followed (handshake and bad_msg 16/17)", async () => {
  await using server = await TestServer.start();
  for (const skew of [600, -600]) {
    server.setClockSkew(skew);
    // A new key: server_time of the exchange gives the offset.
    const fresh = await clientFor(server);
    await fresh.connect(2);
    assert.ok(Math.abs(fresh.timeOffset - skew) <= 2, `offset ${fresh.timeOffset}`);
    assert.equal((await fresh.invoke({ _: "help.getNearestDc" })).thisDc, 2);
    await fresh.close();
    // A stored key made under the other skew: bad_msg_notification corrects the clock.
    server.setClockSkew(-skew);
    const stored = await clientFor(server, { keys: fresh.keys });
    await stored.connect(2);
    assert.equal((await stored.invoke({ _: "help.getNearestDc" })).thisDc, 2);
    assert.ok(Math.abs(stored.timeOffset + skew) <= 2, `offset ${stored.timeOffset}`);
    await stored.close();
  }
});

test("mtproto: a second DC gets the authorization by export/import, once", async () => {
  const { server, world } = await protocolServer();
  try {
    const client = await clientFor(server);
    await client.connect(2);
    await client.invoke({
      _: "auth.importBotAuthorization",
      flags: 0,
      apiId: 1,
      apiHash: "0123456789abcdef0123456789abcdef",
      botAuthToken: "1:x",
    });
    client.setAuthorized(4242);
    assert.equal((await client.invoke({ _: "updates.getState" })).date, 2);
    const states = await Promise.all(
      Array.from({ length: 5 }, () => client.invoke({ _: "updates.getState" }, { dcId: 4 })),
    );
    for (const s of states) assert.equal(s.date, 4);
    assert.equal(world.exports, 1);
    assert.equal(world.imports, 1);
    assert.equal(client.keys.map.get(4)?.length, 256);
    // *_MIGRATE_X is the caller's to follow: surfaced as the typed error, then setMainDc.
    await assert.rejects(client.invoke({ _: "help.getPremiumPromo" }), (e: RpcError) => {
      assert.ok(e instanceof RpcError);
      assert.equal(e.id, "PHONE_MIGRATE_X");
      assert.equal(e.value, 4);
      return true;
    });
    await client.setMainDc(4);
    assert.equal(client.mainDcId, 4);
    assert.equal((await client.invoke({ _: "updates.getState" })).date, 4);
    await client.close();
  } finally {
    await server.stop();
  }
});

test("mtproto: a bot of the real world logs in on DC 2 and works on DC 4 (export/import)", async () => {
  await using server = await TestServer.start();
  const bot = server.addBot({ username: "mtproto_test_bot", dcId: 2 });
  const client = await clientFor(server);
  await client.connect(2);
  const auth = await client.invoke({
    _: "auth.importBotAuthorization",
    flags: 0,
    apiId: 1,
    apiHash: "0123456789abcdef0123456789abcdef",
    botAuthToken: bot.token,
  });
  assert.equal(auth._, "auth.authorization");
  client.setAuthorized(bot.userId);
  const [me] = await client.invoke(
    { _: "users.getUsers", id: [{ _: "inputUserSelf" }] },
    { dcId: 4 },
  );
  assert.equal(me._, "user");
  assert.equal(Number((me as { id: bigint }).id), bot.userId);
  assert.equal(client.keys.map.get(4)?.length, 256);
  await client.close();
});

test("mtproto: updates are delivered in order", async () => {
  const { server, world } = await protocolServer();
  try {
    const got: number[] = [];
    const client = await clientFor(server, {
      onUpdate: (u: AnyTlObject, dcId) => {
        assert.equal(dcId, 2);
        if (u._ === "updateShort") got.push(u.date);
      },
    });
    await client.connect(2);
    await client.invoke({
      _: "auth.importBotAuthorization",
      flags: 0,
      apiId: 1,
      apiHash: "0123456789abcdef0123456789abcdef",
      botAuthToken: "1:x",
    });
    for (let i = 1; i <= 200; i++) {
      world.sink!.push(4242, { _: "updateShort", update: { _: "updateConfig" }, date: i });
    }
    for (let i = 0; i < 200 && got.length < 200; i++) await new Promise((ok) => setTimeout(ok, 10));
    assert.deepEqual(got, Array.from({ length: 200 }, (_, i) => i + 1));
    await client.close();
  } finally {
    await server.stop();
  }
});

test("mtproto: abort, timeout and close reject with typed errors; nothing is left behind", async () => {
  const { server, world } = await protocolServer();
  try {
    const client = await clientFor(server);
    await client.connect(2);
    let release!: () => void;
    world.gate = new Promise((ok) => release = ok);
    const controller = new AbortController();
    const aborted = client.invoke(countries(1), { signal: controller.signal });
    const timed = client.invoke(countries(2), { timeout: 50 });
    const pending = client.invoke(countries(3));
    controller.abort();
    await assert.rejects(aborted, { code: "MTPROTO_ABORTED" });
    await assert.rejects(timed, { code: "MTPROTO_TIMEOUT" });
    const already = new AbortController();
    already.abort();
    await assert.rejects(client.invoke(countries(4), { signal: already.signal }), {
      code: "MTPROTO_ABORTED",
    });
    await client.close();
    await assert.rejects(pending, { code: "MTPROTO_CLOSED" });
    await assert.rejects(client.invoke({ _: "help.getNearestDc" }), { code: "MTPROTO_CLOSED" });
    release();
  } finally {
    await server.stop();
  }
});

/** What each hostile mode must end in. */
const EXPECTED: Record<HostileMode, string | "ok"> = {
  wrongMsgKey: "MTPROTO_CONNECTION_FAILED",
  unknownAuthKeyId: "MTPROTO_CONNECTION_FAILED",
  replayedMsgId: "ok",
  staleMsgId: "MTPROTO_CONNECTION_FAILED",
  badPadding: "MTPROTO_CONNECTION_FAILED",
  unsafeDhPrime: "MTPROTO_SECURITY",
  gOutOfRange: "MTPROTO_SECURITY",
  gAOutOfRange: "MTPROTO_SECURITY",
  wrongNewNonceHash: "MTPROTO_SECURITY",
  unknownFingerprint: "MTPROTO_SECURITY",
  truncatedFrame: "MTPROTO_CONNECTION_FAILED",
  giantFrame: "MTPROTO_CONNECTION_FAILED",
  garbageAfterHandshake: "MTPROTO_CONNECTION_FAILED",
};

for (const mode of HOSTILE_MODES) {
  test(`mtproto: hostile server (${mode}): ${EXPECTED[mode]}, never a crash`, async () => {
    await using server = await TestServer.start();
    const lines: string[] = [];
    const logger = new Logger("debug", (l) => lines.push(l));
    const handshake = EXPECTED[mode] === "MTPROTO_SECURITY";
    const keys = memoryKeys();
    if (!handshake) {
      // An honest key first: these modes garble the encrypted session.
      const honest = await clientFor(server, { keys });
      await honest.connect(2);
      await honest.close();
    }
    server.hostile(mode);
    const client = await clientFor(server, {
      keys,
      logger,
      connectTimeout: handshake ? 4000 : 300,
    });
    let outcome: string;
    try {
      await client.connect(2);
      await client.invoke({ _: "help.getNearestDc" }, { timeout: 3000 });
      outcome = "ok";
    } catch (e) {
      assert.ok(e instanceof IrenogramError, `${mode}: ${e}`);
      outcome = e.code;
    }
    server.hostile(null);
    assert.equal(outcome, EXPECTED[mode], mode);
    if (handshake) assert.equal(keys.map.get(2) ?? null, null, `${mode}: no key stored`);
    for (const s of client.stats()) {
      assert.ok(s.serverMsgIds <= SEEN_CAPACITY);
      assert.ok(s.acks <= 8192);
    }
    await client.close();
    // No key bytes in any log line (random keys: no long hex runs).
    for (const l of lines) assert.ok(!/[0-9a-f]{32}/i.test(l), l);
  });
}

test("mtproto: 100,000 replayed answers: duplicates dropped, memory bounded by counts", async () => {
  await using server = await TestServer.start();
  let refused = 0;
  const client = await clientFor(server, {
    logger: new Logger("warn", (l) => {
      if (l.includes('reason="duplicate"')) refused++;
    }),
  });
  await client.connect(2);
  server.hostile("replayedMsgId");
  // 50,000 requests, each answer sent twice by the server: 100,000 answers, half replays.
  for (let round = 0; round < 50; round++) {
    const r = await Promise.all(
      Array.from({ length: 1000 }, () => client.invoke({ _: "help.getNearestDc" })),
    );
    assert.equal(r.length, 1000);
  }
  // The server replays whole payloads (a container per burst): about one refusal per burst.
  assert.ok(refused >= 25, `${refused} replays refused`);
  const [stats] = client.stats();
  assert.ok(stats.serverMsgIds <= SEEN_CAPACITY, `${stats.serverMsgIds}`);
  assert.equal(stats.pendingIds, 0);
  assert.ok(stats.acks <= 8192);
  await client.close();
});

test("mtproto: the servers' RSA keys are parsed only when a key exchange needs them", async () => {
  await using server = await TestServer.start();
  const keys = memoryKeys();
  const first = await clientFor(server, { keys });
  await first.connect(2); // makes and stores the key
  await first.close();
  // A stored key: no exchange, so a PEM that does not parse is never looked at (start-up cost).
  const again = await clientFor(server, { keys, publicKeys: ["not a PEM"] });
  await again.connect(2);
  assert.equal((await again.invoke({ _: "help.getNearestDc" })).thisDc, 2);
  await again.close();
  // No stored key: the exchange needs them, and the bad one is a typed error.
  const fresh = await clientFor(server, { publicKeys: ["not a PEM"] });
  await assert.rejects(fresh.connect(2), { code: "MTPROTO_BAD_OPTIONS" });
  await fresh.close();
});
