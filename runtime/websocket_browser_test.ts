/**
 * The WebSocket adapter in a browser: mtproto/mod.ts bundled by esbuild for the browser
 * platform, loaded into headless Chromium (Debian's `chromium`, `.ci/setup/40-chromium.sh`)
 * through playwright-core; the page makes an auth key with the TestServer (running here) over
 * `ws://…/apiws` (obfuscated intermediate in binary messages) and calls it. The TCP adapter
 * there refuses with SOCKET_UNSUPPORTED. A large answer arrives gzip_packed and is inflated with
 * the browser's DecompressionStream (mtproto/gzip_packed.ts), interleaved with plain ones.
 *
 * Skipped only outside CI when Chromium, esbuild or playwright-core is absent.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { TestServer } from "../testing/server/mod.ts";
import { chromiumSkip, libraryModule, runInChromium } from "../tests/test_support/chromium.ts";
import { TestWorld } from "../testing/server/world.ts";
import { BigAnswers } from "../mtproto/test_support/big_answers.ts";

const ENTRY = (mtproto: string) => `
import * as mtproto from ${JSON.stringify(mtproto)};
globalThis.run = async (options) => {
  const keys = new Map();
  const store = {
    getAuthKey: async (dc) => keys.get(dc) ?? null,
    setAuthKey: async (dc, key) => void keys.set(dc, key),
  };
  const out = {};
  const client = new mtproto.MtprotoClient({ ...options, keys: store, transport: "websocket" });
  await client.connect(2);
  out.keyLength = keys.get(2)?.length;
  out.nearest = (await client.invoke({ _: "help.getNearestDc" })).thisDc;
  const many = await Promise.all(
    Array.from({ length: 200 }, () => client.invoke({ _: "help.getNearestDc" })),
  );
  out.many = many.filter((r) => r.thisDc === 2).length;
  out.config = (await client.invoke({ _: "help.getConfig" }))._;
  // gzip_packed answers (the server packs results over 1 KiB) among plain ones.
  const mixed = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? client.invoke({ _: "help.getCountriesList", langCode: "en", hash: 0 })
        : client.invoke({ _: "help.getNearestDc" })),
  );
  out.countries = mixed.filter((r, i) => i % 2 === 0 && r.countries.length === 300 &&
    r.countries[299].defaultName === "Country number 299").length;
  out.nearestAmong = mixed.filter((r, i) => i % 2 === 1 && r.thisDc === 2).length;
  await client.close();
  try {
    const tcp = new mtproto.MtprotoClient({ ...options, keys: store, transport: "intermediate" });
    await tcp.connect(2);
    out.tcp = "connected";
  } catch (e) {
    out.tcp = e?.code ?? String(e);
  }
  return out;
};
`;

test(
  "browser: MtprotoClient over a WebSocket in headless Chromium (key exchange, 200 RPCs, gzip_packed answers)",
  { skip: chromiumSkip, timeout: 120_000 },
  async () => {
    await using server = await TestServer.start({
      world: (s) => new BigAnswers(new TestWorld({ dcs: () => s.dcs })),
    });
    const { apiId, dcOptions, publicKeys } = server.clientOptions();
    const out = await runInChromium({
      entry: ENTRY(libraryModule("mtproto/mod")),
      call: "run",
      arg: { apiId, dcOptions, publicKeys, connectTimeout: 5000 },
    });
    assert.deepEqual(out, {
      keyLength: 256,
      nearest: 2,
      many: 200,
      config: "config",
      countries: 10,
      nearestAmong: 10,
      tcp: "MTPROTO_UNSUPPORTED",
    });
    assert.ok(server.stats().handshakes >= 1);
  },
);
