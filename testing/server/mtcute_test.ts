/**
 * mtcute (a third-party client that checks dh_prime, g, the g_a range and the server's hashes
 * strictly) against the TestServer: the auth-key exchange and an encrypted RPC on three
 * transports (intermediate, obfuscated intermediate, obfuscated padded intermediate).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  BaseTelegramClient,
  IntermediatePacketCodec,
  type IPacketCodec,
  MemoryStorage,
  ObfuscatedPacketCodec,
  PaddedIntermediatePacketCodec,
  TcpTransport,
  type TelegramTransport,
} from "@mtcute/node";
import { addPublicKey, type BasicDcOption } from "@mtcute/core/utils.js";
import { TestServer } from "../mod.ts";
import { mtcuteDcs } from "../../tests/test_support/peer_clients.ts";

/** mtcute's TCP transport with another packet codec (its Node transport is plain intermediate). */
class CodecTcp implements TelegramTransport {
  readonly #tcp = new TcpTransport();
  constructor(readonly packetCodec: () => IPacketCodec) {}
  connect(dc: BasicDcOption) {
    return this.#tcp.connect(dc);
  }
}

const obfuscated = () =>
  new CodecTcp(() => new ObfuscatedPacketCodec(new IntermediatePacketCodec()));
const obfuscatedPadded = () =>
  new CodecTcp(() => new ObfuscatedPacketCodec(new PaddedIntermediatePacketCodec()));

function mtcute(
  server: TestServer,
  dcId: number,
  transport: TelegramTransport,
): BaseTelegramClient {
  const client = new BaseTelegramClient({
    apiId: server.clientOptions().apiId,
    apiHash: server.clientOptions().apiHash,
    storage: new MemoryStorage(),
    defaultDcs: mtcuteDcs(server.dcs.find((d) => d.id === dcId)!),
    transport,
    logLevel: 0,
  });
  for (const pem of server.clientOptions().publicKeys) addPublicKey(client.crypto, pem);
  return client;
}

for (
  const [name, make] of [
    ["intermediate", () => new TcpTransport()],
    ["obfuscated intermediate", obfuscated],
    ["obfuscated padded intermediate", obfuscatedPadded],
  ] as const
) {
  test(`mtcute: handshake and help.getConfig over ${name}`, async () => {
    const server = await TestServer.start();
    const client = mtcute(server, 2, make());
    try {
      const config = await client.call({ _: "help.getConfig" });
      assert.equal(config.thisDc, 2);
      assert.deepEqual(
        config.dcOptions.map((o) => [o.id, o.port]),
        server.dcs.map((d) => [d.id, d.port]),
      );
      const nearest = await client.call({ _: "help.getNearestDc" });
      assert.equal(nearest.thisDc, 2);
      const stats = server.stats();
      // A client may start its exchange again when the first is slow (a loaded machine): at least
      // one, all of them in the RSA_PAD form.
      assert.ok(stats.handshakes >= 1, `${stats.handshakes} exchanges`);
      assert.deepEqual(Object.keys(stats.paddings), ["rsa_pad"], "mtcute uses RSA_PAD");
    } finally {
      await client.destroy();
      await server.stop();
    }
  });
}

test("mtcute: a method the world does not know is a clear rpc_error", async () => {
  const server = await TestServer.start();
  const client = mtcute(server, 1, new TcpTransport());
  try {
    await assert.rejects(
      client.call({ _: "help.getAppConfig", hash: 0 }),
      (e: Error) => /METHOD_NOT_SUPPORTED|400/.test(e.message),
    );
  } finally {
    await client.destroy();
    await server.stop();
  }
});

test("mtcute: salts expired mid-run are renewed through bad_server_salt", async () => {
  const server = await TestServer.start();
  const client = mtcute(server, 3, obfuscated());
  try {
    await client.call({ _: "help.getConfig" });
    server.expireSalts();
    const config = await client.call({ _: "help.getConfig" });
    assert.equal(config.thisDc, 3);
    assert.ok((server.stats().dropped["bad server salt"] ?? 0) >= 1);
  } finally {
    await client.destroy();
    await server.stop();
  }
});
