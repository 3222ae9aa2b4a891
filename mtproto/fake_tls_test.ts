// Fake-TLS MTProxy (ee secrets), client side: HMAC known answers, the ClientHello's shape and
// HMAC, the proxy answer's check, the record layer, and MtprotoClient through the TestServer's
// MTProxy with plain, dd and ee secrets; a wrong secret, a tampered ServerHello and a silent proxy
// fail with typed errors in bounded time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { createServer, type Socket } from "node:net";
import { initCore } from "../core/mod.ts";
import { fromHex, toHex } from "../encoding/bytes.ts";
import { SeededRandom } from "../testing/random.ts";
import { TestMtproxy, TestServer } from "../testing/server/mod.ts";
import {
  buildClientHello,
  connectFakeTls,
  hmacSha256,
  MAX_TLS_PACKET_LENGTH,
  serverHelloLength,
  TlsRecordReader,
  TlsRecordWriter,
  verifyServerHello,
} from "./fake_tls.ts";
import { parseProxySecret } from "./connection.ts";
import { MtprotoClient, type MtprotoOptions } from "./mod.ts";
import { memoryKeys } from "./test_support/memory_keys.ts";

await initCore();

const KEY = Uint8Array.from({ length: 16 }, (_, i) => i * 13 + 7);
const DOMAIN = new TextEncoder().encode("www.example.org");
const eeSecret = (key = KEY, domain = DOMAIN) => "ee" + toHex(key) + toHex(domain);

test("fake TLS: HMAC-SHA256 matches RFC 4231 and node:crypto", () => {
  // RFC 4231, test case 1 and 2.
  assert.equal(
    toHex(hmacSha256(new Uint8Array(20).fill(0x0b), new TextEncoder().encode("Hi There"))),
    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
  );
  assert.equal(
    toHex(
      hmacSha256(
        new TextEncoder().encode("Jefe"),
        new TextEncoder().encode("what do ya want "),
        new TextEncoder().encode("for nothing?"),
      ),
    ),
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  );
  const rng = new SeededRandom(5);
  for (let i = 0; i < 50; i++) {
    const key = rng.bytes(rng.int(100)), data = rng.bytes(rng.int(3000));
    const expected = new Uint8Array(createHmac("sha256", key).update(data).digest());
    assert.deepEqual(hmacSha256(key, data), expected);
  }
});

/** The fields of a ClientHello, read independently of how it was built. */
function parseHello(hello: Uint8Array) {
  const u16 = (at: number) => hello[at] << 8 | hello[at + 1];
  assert.deepEqual([...hello.subarray(0, 3)], [0x16, 0x03, 0x01]);
  assert.equal(u16(3), hello.length - 5, "record length");
  assert.equal(hello[5], 0x01, "client_hello");
  assert.equal(hello[6] << 16 | u16(7), hello.length - 9, "handshake length");
  assert.equal(hello[43], 32, "session id length");
  let pos = 76;
  const suites = u16(pos);
  pos += 2 + suites;
  assert.deepEqual([...hello.subarray(pos, pos + 2)], [0x01, 0x00], "null compression");
  pos += 2;
  assert.equal(u16(pos), hello.length - pos - 2, "extensions length");
  pos += 2;
  const extensions: number[] = [];
  let sni: string | undefined;
  let keyShare: Uint8Array | undefined;
  while (pos < hello.length) {
    const type = u16(pos), length = u16(pos + 2);
    if (type === 0) sni = new TextDecoder().decode(hello.subarray(pos + 9, pos + 4 + length));
    if (type === 0x33) keyShare = hello.subarray(pos + 4, pos + 4 + length);
    extensions.push(type);
    pos += 4 + length;
  }
  assert.equal(pos, hello.length, "extensions end with the hello");
  return { suites, extensions, sni, keyShare };
}

test("fake TLS: the ClientHello is a well-formed TLS hello with the SNI and an HMAC random", () => {
  const rng = new SeededRandom(11);
  const random = (n: number) => rng.bytes(n);
  const orders = new Set<string>();
  for (let i = 0; i < 20; i++) {
    const time = 1_700_000_000 + i;
    const hello = buildClientHello(KEY, DOMAIN, { unixTime: time, random });
    const { suites, extensions, sni, keyShare } = parseHello(hello);
    assert.equal(suites, 32);
    assert.equal(sni, "www.example.org");
    assert.equal(extensions.length, 18); // GREASE, 16 shuffled, GREASE + padding-less tail
    assert.ok(hello.length > 513 && hello.length <= 4096, `length ${hello.length}`);
    // X25519MLKEM768 (1,216 bytes) and X25519 (32 bytes) shares after a GREASE one.
    assert.equal(keyShare!.length, 2 + 4 + 1 + 4 + 1216 + 4 + 32);
    orders.add(extensions.join(","));
    // The random: HMAC of the hello with the random zeroed, the time XORed into its last 4 bytes.
    const zeroed = hello.slice();
    zeroed.fill(0, 11, 43);
    const mac = new Uint8Array(createHmac("sha256", KEY).update(zeroed).digest());
    assert.deepEqual(hello.subarray(11, 39), mac.subarray(0, 28));
    const xor = new DataView(mac.buffer).getInt32(28, true) ^
      new DataView(hello.buffer).getInt32(11 + 28, true);
    assert.equal(xor, time);
  }
  assert.ok(orders.size > 1, "extensions are shuffled");
});

test("fake TLS: the proxy's answer is checked by its HMAC over the client random", () => {
  const clientRandom = new SeededRandom(3).bytes(32);
  const body = new SeededRandom(4).bytes(122);
  const answer = new Uint8Array([
    ...[0x16, 0x03, 0x03, 0x00, 122],
    ...body,
    ...[0x14, 0x03, 0x03, 0x00, 0x01, 0x01, 0x17, 0x03, 0x03, 0x00, 0x10],
    ...new Uint8Array(16),
  ]);
  answer.fill(0, 11, 43);
  answer.set(
    new Uint8Array(createHmac("sha256", KEY).update(clientRandom).update(answer).digest()),
    11,
  );
  assert.equal(serverHelloLength(answer.subarray(0, 100)), undefined);
  assert.equal(serverHelloLength(answer), answer.length);
  assert.equal(serverHelloLength(Uint8Array.of(...answer, 1, 2, 3)), answer.length);
  verifyServerHello(KEY, clientRandom, answer);
  for (const at of [0, 11, 42, 60, answer.length - 1]) {
    const bad = answer.slice();
    bad[at] ^= 0x40;
    assert.throws(
      () => {
        const n = serverHelloLength(bad);
        verifyServerHello(KEY, clientRandom, bad.subarray(0, n));
      },
      { code: "MTPROTO_SECURITY" },
      `byte ${at}`,
    );
  }
  assert.throws(() => serverHelloLength(new TextEncoder().encode("HTTP/1.1 400")), {
    code: "MTPROTO_SECURITY",
  });
});

test("fake TLS: records of at most 2,878 bytes, the first after a ChangeCipherSpec", () => {
  const writer = new TlsRecordWriter();
  const data = new SeededRandom(9).bytes(10_000);
  const first = writer.wrap(data.subarray(0, 64));
  assert.equal(toHex(first.subarray(0, 11)), "140303000101" + "1703030040");
  const second = writer.wrap(data.subarray(64));
  assert.equal(second[0], 0x17);
  // Read back in odd chunk sizes.
  const reader = new TlsRecordReader();
  const wire = new Uint8Array([...first.subarray(6), ...second]);
  const out: number[] = [];
  const sizes: number[] = [];
  for (let at = 0; at < wire.length; at += 777) {
    for (const p of reader.push(wire.subarray(at, at + 777))) out.push(...p);
  }
  for (let at = 0; at < wire.length;) {
    const n = wire[at + 3] << 8 | wire[at + 4];
    sizes.push(n);
    at += 5 + n;
  }
  assert.deepEqual(Uint8Array.from(out), data);
  assert.ok(sizes.every((n) => n <= MAX_TLS_PACKET_LENGTH) && sizes.length === 5, String(sizes));
  assert.throws(() => new TlsRecordReader().push(fromHex("1603030001ff")), {
    code: "MTPROTO_SECURITY",
  });
});

test("fake TLS: secrets with ee parse; bad domains are refused without echoing the secret", () => {
  assert.equal(parseProxySecret(eeSecret()).length, 17 + DOMAIN.length);
  const b64 = btoa(String.fromCharCode(0xee, ...KEY, ...DOMAIN)).replace(/\+/g, "-");
  assert.deepEqual(parseProxySecret(b64), parseProxySecret(eeSecret()));
  for (
    const bad of [
      "ee" + toHex(KEY),
      "ee" + toHex(KEY) + "00" + "61",
      eeSecret(KEY, new Uint8Array(183).fill(97)),
    ]
  ) {
    assert.throws(() => parseProxySecret(bad), (e: Error & { code?: string }) => {
      assert.equal(e.code, "MTPROTO_BAD_OPTIONS");
      assert.ok(!e.message.includes(toHex(KEY)));
      return true;
    });
  }
});

function clientFor(server: TestServer, options: Partial<MtprotoOptions>): MtprotoClient {
  return new MtprotoClient({ ...server.clientOptions(), keys: memoryKeys(), ...options });
}

test("fake TLS: MtprotoClient through the TestServer's MTProxy with plain, dd and ee secrets", async () => {
  await using server = await TestServer.start();
  const base64 = btoa(String.fromCharCode(0xee, ...KEY, ...DOMAIN));
  const secrets = [toHex(KEY), "dd" + toHex(KEY), eeSecret(), base64];
  for (const secret of secrets) {
    await using proxy = await TestMtproxy.start(server, { secrets: [secret] });
    for (const transport of ["obfuscated", "intermediate"] as const) {
      const client = clientFor(server, {
        transport,
        proxy: { host: proxy.host, port: proxy.port, secret },
      });
      try {
        await client.connect(2);
        // Many requests at once: containers larger than one record in both directions.
        const results = await Promise.all(
          Array.from({ length: 200 }, () => client.invoke({ _: "help.getConfig" })),
        );
        assert.ok(results.every((r) => r.thisDc === 2), secret);
      } finally {
        await client.close();
      }
    }
    const kind = secret === toHex(KEY) ? "plain" : secret.startsWith("dd") ? "dd" : "ee";
    assert.equal(proxy.stats().accepted[kind], 2, secret);
    assert.deepEqual(proxy.stats().refused, {});
  }
});

test("fake TLS: a wrong key is refused by the proxy; the client fails with a typed error", async () => {
  await using server = await TestServer.start();
  await using proxy = await TestMtproxy.start(server, { secrets: [eeSecret()] });
  const wrongKey = KEY.map((b) => b ^ 1);
  for (
    const [secret, reason] of [[eeSecret(wrongKey), "hmac"], [
      eeSecret(KEY, DOMAIN.subarray(4)),
      "domain",
    ]]
  ) {
    const client = clientFor(server, {
      transport: "obfuscated",
      proxy: { host: proxy.host, port: proxy.port, secret },
    });
    try {
      await assert.rejects(client.connect(2), {
        code: "MTPROTO_CONNECTION_FAILED",
      });
    } finally {
      await client.close();
    }
    assert.ok(proxy.stats().refused[reason]! >= 1, reason);
  }
  assert.equal(proxy.stats().accepted.ee, 0);
});

test("fake TLS: a ServerHello with a wrong HMAC fails with MTPROTO_SECURITY at once", async () => {
  await using server = await TestServer.start();
  await using proxy = await TestMtproxy.start(server, {
    secrets: [eeSecret()],
    tamperServerHello: true,
  });
  const client = clientFor(server, {
    transport: "obfuscated",
    proxy: { host: proxy.host, port: proxy.port, secret: eeSecret() },
  });
  try {
    await assert.rejects(client.connect(2), (e: Error & { code?: string }) => {
      assert.equal(e.code, "MTPROTO_SECURITY");
      assert.ok(!e.message.includes(toHex(KEY)));
      return true;
    });
  } finally {
    await client.close();
  }
  assert.deepEqual(proxy.stats().refused, {}); // the proxy took the hello; the client refused it
  assert.equal(server.stats().handshakes, 0);
});

test("fake TLS: a proxy that never answers fails within the timeout; one that closes, at once", async () => {
  const sockets = new Set<Socket>();
  let mode: "silent" | "close" = "silent";
  const silent = createServer((s) => {
    sockets.add(s);
    if (mode === "close") s.destroy();
  });
  await new Promise<void>((ok) => silent.listen(0, "127.0.0.1", ok));
  const port = (silent.address() as { port: number }).port;
  const handlers = { onData() {}, onClose() {} };
  try {
    const started = Date.now();
    await assert.rejects(
      connectFakeTls(
        { host: "127.0.0.1", port },
        { key: KEY, domain: DOMAIN, timeout: 300 },
        handlers,
      ),
      { code: "MTPROTO_CONNECTION_FAILED", message: /within 300 ms/ },
    );
    assert.ok(Date.now() - started < 10_000);
    mode = "close";
    await assert.rejects(
      connectFakeTls({ host: "127.0.0.1", port }, { key: KEY, domain: DOMAIN }, handlers),
      { code: "MTPROTO_CONNECTION_FAILED", message: /closed/ },
    );
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((ok) => silent.close(() => ok()));
  }
});

test("fake TLS: after the DC drops the connection, the client reconnects through the proxy", async () => {
  await using server = await TestServer.start();
  await using proxy = await TestMtproxy.start(server, { secrets: [eeSecret()] });
  const client = clientFor(server, {
    transport: "obfuscated",
    proxy: { host: proxy.host, port: proxy.port, secret: eeSecret() },
  });
  try {
    await client.connect(2);
    for (let round = 0; round < 3; round++) {
      const answers = Array.from({ length: 20 }, () => client.invoke({ _: "help.getNearestDc" }));
      server.dropConnections(2);
      assert.ok((await Promise.all(answers)).every((r) => r.thisDc === 2));
    }
  } finally {
    await client.close();
  }
  // Each connection made a new ClientHello: none was taken for a replay.
  assert.ok(proxy.stats().accepted.ee >= 3, JSON.stringify(proxy.stats()));
  assert.deepEqual(proxy.stats().refused, {});
});

test("fake TLS: an ee secret with the websocket transport is a bad option", async () => {
  await using server = await TestServer.start();
  const client = clientFor(server, {
    transport: "websocket",
    proxy: { host: "127.0.0.1", port: 1, secret: eeSecret() },
  });
  try {
    await assert.rejects(client.connect(2), { code: "MTPROTO_BAD_OPTIONS" });
  } finally {
    await client.close();
  }
});

test("fake TLS: the hello's time is the server-corrected clock (a client 15 min slow still gets in)", async () => {
  await using server = await TestServer.start();
  await using proxy = await TestMtproxy.start(server, { secrets: [eeSecret()] });
  const client = clientFor(server, {
    transport: "obfuscated",
    proxy: { host: proxy.host, port: proxy.port, secret: eeSecret() },
  });
  try {
    await client.connect(2);
    // Telegram's clock moves 15 min ahead of ours: the session learns the offset from the
    // server's answers (bad_msg_notification 16/17), then a new connection's hello carries it.
    server.setClockSkew(900);
    assert.equal((await client.invoke({ _: "help.getNearestDc" })).thisDc, 2);
    assert.ok(Math.abs(client.timeOffset - 900) < 30, `offset ${client.timeOffset}`);
    server.dropConnections(2);
    assert.equal((await client.invoke({ _: "help.getNearestDc" })).thisDc, 2);
  } finally {
    await client.close();
  }
  assert.ok(proxy.stats().accepted.ee >= 2);
  assert.equal(proxy.stats().refused.timestamp, undefined);
});
