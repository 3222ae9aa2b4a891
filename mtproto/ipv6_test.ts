// IPv6: `ipv6: true` picks a DC's IPv6 address where both families are listed (and `false` the
// IPv4 one), from dcOptions and from help.getConfig's dc_options; the connection really goes over
// IPv6 (the server that answers listens on ::1 only), on TCP, obfuscated, WebSocket and through a
// fake-TLS MTProxy. Skipped only where the machine has no IPv6 loopback.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { TestMtproxy, TestServer } from "../testing/server/mod.ts";
import { MtprotoClient, type MtprotoOptions, type TransportName } from "./mod.ts";
import { memoryKeys } from "./test_support/memory_keys.ts";

/** Whether ::1 can be listened on here. */
const hasIpv6 = await new Promise<boolean>((resolve) => {
  const probe = createServer();
  probe.once("error", () => resolve(false));
  probe.listen(0, "::1", () => probe.close(() => resolve(true)));
});
const skip = hasIpv6 ? false : "no IPv6 loopback (::1) on this machine";

/** Connects `client` to DC 2, checks that DC 2 answers, and closes it. */
async function connectsToDc2(client: MtprotoClient): Promise<void> {
  try {
    await client.connect(2);
    assert.equal((await client.invoke({ _: "help.getNearestDc" })).thisDc, 2);
  } finally {
    await client.close();
  }
}

async function webSocket(): Promise<MtprotoOptions["WebSocket"]> {
  if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === "function") return undefined;
  return (await import("ws")).WebSocket as unknown as MtprotoOptions["WebSocket"];
}

test(
  "ipv6: the flag picks the IPv6 or the IPv4 address of a DC listed with both",
  { skip },
  async () => {
    await using v4 = await TestServer.start({ host: "127.0.0.1" });
    await using v6 = await TestServer.start({ host: "::1" });
    const both = [...v4.clientOptions().dcOptions, ...v6.clientOptions().dcOptions];
    assert.ok(both.some((d) => d.id === 2 && d.ipv6 === true && d.host === "::1"));
    const WebSocket = await webSocket();
    const transports: TransportName[] = ["intermediate", "obfuscated", "websocket"];
    for (const ipv6 of [true, false]) {
      for (const transport of transports) {
        const [before4, before6] = [v4.stats().handshakes, v6.stats().handshakes];
        const client = new MtprotoClient({
          ...v6.clientOptions(),
          dcOptions: ipv6 ? both : both.slice().reverse(), // the order must not decide
          ipv6,
          transport,
          WebSocket,
          keys: memoryKeys(),
        });
        await connectsToDc2(client);
        const label = `ipv6: ${ipv6}, ${transport}`;
        assert.equal(v6.stats().handshakes - before6, ipv6 ? 1 : 0, label);
        assert.equal(v4.stats().handshakes - before4, ipv6 ? 0 : 1, label);
      }
    }
  },
);

test(
  "ipv6: a DC missing from dcOptions is reached through dc_options over IPv6",
  { skip },
  async () => {
    await using v6 = await TestServer.start({ host: "::1" });
    const options = v6.clientOptions();
    const config = await (async () => {
      const probe = new MtprotoClient({
        ...options,
        ipv6: true,
        transport: "intermediate",
        keys: memoryKeys(),
      });
      try {
        await probe.connect(2);
        return await probe.invoke({ _: "help.getConfig" });
      } finally {
        await probe.close();
      }
    })();
    assert.ok(config.dcOptions.every((d) => d.ipv6 === true && d.ipAddress === "::1"));
    const client = new MtprotoClient({
      ...options,
      dcOptions: options.dcOptions.filter((d) => d.id === 2),
      ipv6: true,
      transport: "obfuscated",
      keys: memoryKeys(),
    });
    try {
      await client.connect(2);
      const before = v6.stats().handshakes;
      const answer = await client.invoke({ _: "help.getNearestDc" }, { dcId: 4 });
      assert.equal(answer.thisDc, 4);
      assert.equal(v6.stats().handshakes, before + 1);
    } finally {
      await client.close();
    }
  },
);

test("ipv6: through a fake-TLS MTProxy listening on ::1", { skip }, async () => {
  await using v6 = await TestServer.start({ host: "::1" });
  const secret = "ee" + "42".repeat(16) + "6578616d706c652e6f7267"; // example.org
  await using proxy = await TestMtproxy.start(v6, { secrets: [secret] });
  assert.equal(proxy.host, "::1");
  const client = new MtprotoClient({
    ...v6.clientOptions(),
    ipv6: true,
    proxy: { host: proxy.host, port: proxy.port, secret },
    keys: memoryKeys(),
  });
  await connectsToDc2(client);
  assert.equal(proxy.stats().accepted.ee, 1);
});
