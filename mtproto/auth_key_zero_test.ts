// A permanent auth key whose first byte is zero (1 key in 256): made by the real exchange with
// the TestServer (the client's DH secret b is chosen, from the server's secret a, so that
// g^ab < 2^2040), then used end to end: the 256 bytes keep their leading zero, auth_key_id and
// every message (msg_key, KDF) agree with the server, and the key survives SQLite storage and a
// session string.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { authKeyId, type RandomSource, secureRandom } from "../core/mod.ts";
import { bigintToBytes, bytesToBigint, toHex } from "../encoding/bytes.ts";
import { TestServer } from "../testing/server/mod.ts";
import { nodeHash, refModPow, TELEGRAM_DH_PRIME } from "../testing/crypto_reference.ts";
import { SqliteStorage } from "../storage/sqlite.ts";
import { decodeSessionString, encodeSessionString } from "../storage/session_string.ts";
import { clientFor, countries, protocolOf, ProtocolWorld } from "./test_support/clients.ts";

/** The TestServer's DH generator (with Telegram's prime, core.telegram.org/mtproto/samples-auth_key). */
const G = 3n;

/**
 * Random sources for a server and a client such that their exchange makes a key starting with
 * a zero byte: the server's 40-byte draws are its DH secret a (the last one is the one used);
 * the client's 256-byte draw is its secret b, searched upwards from a random start (each step
 * one multiplication: g^a(b+1) = g^ab * g^a) until g^ab < 2^2040, at most 4,096 steps (the
 * chance of needing more is about e^-16).
 */
function leadingZeroRandoms(): { server: RandomSource; client: RandomSource; steps: () => number } {
  let a: bigint | undefined;
  let steps = -1;
  const server: RandomSource = (n) => {
    const bytes = secureRandom(n);
    if (n === 40) a = bytesToBigint(bytes);
    return bytes;
  };
  const client: RandomSource = (n) => {
    if (n !== 256 || a === undefined) return secureRandom(n);
    const gA = refModPow(G, a, TELEGRAM_DH_PRIME);
    let b = bytesToBigint(secureRandom(255)); // room to count upwards within 256 bytes
    let key = refModPow(gA, b, TELEGRAM_DH_PRIME);
    for (steps = 0; steps < 4096 && key >> 2040n !== 0n; steps++) {
      b += 1n;
      key = (key * gA) % TELEGRAM_DH_PRIME;
    }
    return bigintToBytes(b, 256)!;
  };
  return { server, client, steps: () => steps };
}

test("auth key: a key starting with a zero byte keeps its 256 bytes and works: auth_key_id, messages, SQLite, session string", async () => {
  const randoms = leadingZeroRandoms();
  const world = new ProtocolWorld();
  await using server = await TestServer.start({ world: () => world, random: randoms.server });
  const dir = mkdtempSync(join(tmpdir(), "irenogram-zero-key-"));
  try {
    const storage = new SqliteStorage(join(dir, "zero.session"));
    await storage.open();
    const client = await clientFor(server, { keys: storage, random: randoms.client });
    await client.connect(2);
    assert.ok(randoms.steps() >= 0 && randoms.steps() < 4096, `steps ${randoms.steps()}`);
    for (let i = 0; i < 5; i++) {
      assert.equal((await client.invoke(countries(i)))._, "help.countriesListNotModified");
    }
    await client.close();
    const key = (await storage.getAuthKey(2))!;
    assert.equal(key.length, 256);
    assert.equal(key[0], 0);
    // The server holds the same 256 bytes under the same auth_key_id, which is SHA-1's lower
    // 64 bits computed by node:crypto from all 256 bytes (leading zero included).
    const id = nodeHash("sha1", key).subarray(12, 20);
    assert.equal(toHex(authKeyId(key)), toHex(id));
    const serverKeys = [...protocolOf(world).keys.all()];
    assert.equal(serverKeys.length, 1);
    assert.equal(toHex(serverKeys[0].key), toHex(key));
    const idLong = new DataView(id.buffer, id.byteOffset, 8).getBigInt64(0, true);
    assert.equal(serverKeys[0].id, idLong);
    await storage.close();

    // Stored and loaded again: the same bytes, no new exchange, messages still open both ways.
    const reopened = new SqliteStorage(join(dir, "zero.session"));
    await reopened.open();
    const loaded = (await reopened.getAuthKey(2))!;
    assert.equal(toHex(loaded), toHex(key));
    const handshakes = server.stats().handshakes;
    const again = await clientFor(server, { keys: reopened });
    await again.connect(2);
    assert.equal((await again.invoke(countries(9)))._, "help.countriesListNotModified");
    assert.equal(server.stats().handshakes, handshakes);
    await again.close();
    await reopened.close();

    // A session string carries the 256 bytes too.
    const text = encodeSessionString({
      dcId: 2,
      apiId: 1,
      testMode: false,
      authKey: key,
      userId: 42,
      isBot: false,
    });
    const decoded = decodeSessionString(text);
    assert.equal(decoded.authKey?.length, 256);
    assert.equal(toHex(decoded.authKey!), toHex(key));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
