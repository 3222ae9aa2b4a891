// TestMtproxy's checks, as Telegram's MTProxy makes them, driven with raw sockets: a valid
// ClientHello gets a ServerHello whose HMAC verifies; a stale or future timestamp, a replayed
// hello, an unknown SNI, a wrong key, a non-TLS start and an oversized hello are refused (the
// connection closed, the reason counted); bad secrets in the options are typed errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { toHex } from "../../encoding/bytes.ts";
import { buildClientHello, serverHelloLength, verifyServerHello } from "../../mtproto/fake_tls.ts";
import { TestMtproxy, TestServer } from "./mod.ts";

const KEY = Uint8Array.from({ length: 16 }, (_, i) => i + 100);
const DOMAIN = new TextEncoder().encode("example.com");
const SECRET = "ee" + toHex(KEY) + toHex(DOMAIN);

/** Sends `bytes`; resolves with what came back before the proxy closed or 2 s passed. */
function exchange(port: number, bytes: Uint8Array): Promise<{ data: Uint8Array; closed: boolean }> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    const socket = connect({ host: "127.0.0.1", port });
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const data = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) data.set(c, (at += c.length) - c.length);
      resolve({ data, closed });
    };
    const timer = setTimeout(() => done(false), 2000);
    socket.on("data", (c: Uint8Array) => {
      chunks.push(new Uint8Array(c));
      const n = serverHelloLength(Uint8Array.from(chunks.flatMap((x) => [...x])));
      if (n !== undefined) done(false);
    });
    socket.on("close", () => done(true));
    socket.on("error", () => done(true));
    socket.write(bytes);
  });
}

test("TestMtproxy: answers a valid ClientHello with a ServerHello that verifies", async () => {
  await using server = await TestServer.start();
  await using proxy = await TestMtproxy.start(server, { secrets: [SECRET] });
  const hello = buildClientHello(KEY, DOMAIN);
  const { data } = await exchange(proxy.port, hello);
  const n = serverHelloLength(data)!;
  assert.ok(n > 127 + 11 + 2500, `answer of ${n} bytes`);
  verifyServerHello(KEY, hello.subarray(11, 43), data.subarray(0, n));
  // Where TLS echoes the session id, MTProxy puts the client random; TLS_AES_128_GCM_SHA256.
  assert.deepEqual(data.subarray(44, 76), hello.subarray(11, 43));
  assert.deepEqual([...data.subarray(76, 78)], [0x13, 0x01]);
  // The same hello again is a replay.
  const again = await exchange(proxy.port, hello);
  assert.equal(again.closed, true);
  assert.equal(again.data.length, 0);
  assert.equal(proxy.stats().refused.replay, 1);
});

test("TestMtproxy: refuses stale, future, foreign and malformed hellos", async () => {
  await using server = await TestServer.start();
  await using proxy = await TestMtproxy.start(server, { secrets: [SECRET], maxClockLag: 600 });
  const now = Math.floor(Date.now() / 1000);
  const otherKey = KEY.map((b) => b ^ 0x80);
  const cases: [string, Uint8Array][] = [
    ["timestamp", buildClientHello(KEY, DOMAIN, { unixTime: now - 700 })],
    ["timestamp", buildClientHello(KEY, DOMAIN, { unixTime: now + 60 })],
    ["hmac", buildClientHello(otherKey, DOMAIN)],
    ["domain", buildClientHello(KEY, new TextEncoder().encode("example.org"))],
    ["notTls", new Uint8Array(64).fill(0xef)],
    ["helloSize", Uint8Array.of(0x16, 0x03, 0x01, 0x10, 0x00)],
  ];
  for (const [reason, bytes] of cases) {
    const before = proxy.stats().refused[reason] ?? 0;
    const { data, closed } = await exchange(proxy.port, bytes);
    assert.equal(closed, true, reason);
    assert.equal(data.length, 0, reason);
    assert.equal(proxy.stats().refused[reason], before + 1, reason);
  }
  // A lag inside the window is fine.
  const { data } = await exchange(
    proxy.port,
    buildClientHello(KEY, DOMAIN, { unixTime: now - 500 }),
  );
  assert.ok(serverHelloLength(data) !== undefined);
  assert.equal(proxy.stats().accepted.ee, 0); // no obfuscated stream followed
});

test("TestMtproxy: bad secrets in the options are typed errors", async () => {
  await using server = await TestServer.start();
  for (const secrets of [[], ["00"], ["ee" + toHex(KEY)], ["zz"]]) {
    await assert.rejects(TestMtproxy.start(server, { secrets }), {
      code: "TESTSERVER_BAD_ARGUMENT",
    });
  }
});
