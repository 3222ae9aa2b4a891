// Judge: mtcute (@mtcute/node) and the TestServer's MTProxy (testing/server/mtproxy.ts).
// - mtcute's own MTProxy transport, with a fake-TLS (ee) and a dd secret, logs a bot in through
//   TestMtproxy and calls getMe and sends a message: a third-party client completes real
//   exchanges through our proxy (its ClientHello passes our checks, our ServerHello passes its).
// - Differential: our ClientHello (mtproto/fake_tls.ts) and mtcute's, built from the same random
//   byte stream, are the same bytes (same template, GREASE, key shares, extension order, HMAC).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { MemoryStorage, MtProxyTcpTransport, TelegramClient } from "@mtcute/node";
import { addPublicKey } from "@mtcute/core/utils.js";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import { initCore } from "../../core/mod.ts";
import { toHex } from "../../encoding/bytes.ts";
import { buildClientHello } from "../../mtproto/fake_tls.ts";
import { SeededRandom } from "../../testing/random.ts";
import { TestMtproxy } from "../../testing/server/mod.ts";
import { API_HASH, API_ID, bounded, startJudgeWorld } from "./judge_helpers.ts";

await initCore();
const crypto = new NodeCryptoProvider();
await crypto.initialize?.();

const KEY = Uint8Array.from({ length: 16 }, (_, i) => 255 - i * 7);
const DOMAIN = new TextEncoder().encode("cdn.example.net");

/** One seeded byte stream, drawn from in order by whoever asks. */
function byteStream(seed: number) {
  const bytes = new SeededRandom(seed).bytes(1 << 16);
  let at = 0;
  return (n: number) => {
    if (at + n > bytes.length) throw new Error("byte stream exhausted");
    const out = bytes.slice(at, at + n);
    at += n;
    return out;
  };
}

test("mtcute judge: our ClientHello equals mtcute's from the same random bytes", async () => {
  // mtcute's generator is internal to @mtcute/core: reach it next to the package's entry.
  const { generateFakeTlsHeader } = await import(
    new URL("./network/mtproxy/_fake-tls.js", import.meta.resolve("@mtcute/core")).href
  );
  for (let seed = 1; seed <= 10; seed++) {
    const theirsRandom = byteStream(seed);
    const theirs: Uint8Array = await generateFakeTlsHeader(DOMAIN, KEY, {
      randomBytes: theirsRandom,
      hmacSha256: (data: Uint8Array, key: Uint8Array) =>
        new Uint8Array(createHmac("sha256", key).update(data).digest()),
    });
    const ours = buildClientHello(KEY, DOMAIN, {
      random: byteStream(seed),
      unixTime: Math.floor(Date.now() / 1000),
    });
    assert.equal(ours.length, theirs.length, `seed ${seed}`);
    // The HMAC covers the same bytes: the first 28 bytes of the random agree; the last 4 carry
    // each side's clock, so compare the rest with the random zeroed.
    assert.equal(toHex(ours.subarray(11, 39)), toHex(theirs.subarray(11, 39)), `seed ${seed}`);
    const a = ours.slice(), b = theirs.slice();
    a.fill(0, 11, 43);
    b.fill(0, 11, 43);
    assert.equal(toHex(a), toHex(b), `seed ${seed}`);
  }
});

for (const kind of ["ee", "dd"] as const) {
  test(`mtcute judge: a bot logs in through TestMtproxy with a ${kind} secret`, {
    timeout: 90_000,
  }, () =>
    bounded(60_000, `mtcute through the ${kind} proxy`, async () => {
      const j = await startJudgeWorld(kind === "ee" ? "t" : "u");
      const secret = kind === "ee" ? "ee" + toHex(KEY) + toHex(DOMAIN) : "dd" + toHex(KEY);
      const proxy = await TestMtproxy.start(j.server, { secrets: [secret] });
      addPublicKey(crypto, j.server.publicKeys[0].pem);
      const dc = j.server.dcs.find((d) => d.id === 2)!;
      const option = { id: 2, ipAddress: dc.host, port: dc.port };
      const client = new TelegramClient({
        apiId: API_ID,
        apiHash: API_HASH,
        storage: new MemoryStorage(),
        defaultDcs: { main: option, media: option },
        transport: new MtProxyTcpTransport({ host: proxy.host, port: proxy.port, secret }),
        logLevel: 0,
      });
      try {
        const me = await client.start({ botToken: j.bot.token });
        assert.equal(me.id, j.bot.userId);
        assert.equal((await client.getMe()).username, j.bot.username);
        const sent = await client.sendText(j.bot.username, "x".repeat(3000)); // > one record
        assert.equal(sent.text.length, 3000);
        const stats = proxy.stats();
        assert.ok(stats.accepted[kind] >= 1, JSON.stringify(stats));
        assert.deepEqual(stats.refused, {});
      } finally {
        await client.destroy().catch(() => {});
        await proxy.stop();
        await j.server.stop();
      }
    }));
}
