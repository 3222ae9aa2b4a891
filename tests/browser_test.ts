/**
 * The main entry in a browser: `mod.ts` (from the npm build: `mod.js`) bundled by esbuild for
 * the browser platform, loaded into headless Chromium (Debian's `chromium`, `.ci/setup/40-chromium.sh`)
 * through playwright-core, where it runs the WebAssembly core (no node:crypto there), the TL
 * layer, session strings made by the other libraries, and a MemoryStorage. The results are
 * compared with known answers and with the same calls made here, in the test's runtime.
 *
 * Skipped only outside CI when Chromium, esbuild or playwright-core is absent; under CI=true a
 * missing one fails (tests/test_support/chromium.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initCore, sealMessage, sha256 } from "../core/mod.ts";
import { encodeSessionString } from "../storage/session_string.ts";
import { toHex } from "../encoding/bytes.ts";
import { SeededRandom } from "../testing/mod.ts";
import { chromiumSkip, libraryModule, runInChromium } from "./test_support/chromium.ts";

/** What the page runs: every value it returns is compared below. */
const ENTRY = (lib: string, core: string, tl: string) => `
import * as lib from ${JSON.stringify(lib)};
import * as core from ${JSON.stringify(core)};
import * as tl from ${JSON.stringify(tl)};
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const utf8 = (s) => new TextEncoder().encode(s);
globalThis.smoke = async (cases) => {
  await core.initCore();
  const out = { version: lib.VERSION };
  out.crc32 = core.crc32(utf8("123456789"));
  out.sha256 = hex(core.sha256(utf8("abc")));
  const authKey = new Uint8Array(256).map((_, i) => (i * 7 + 3) & 255);
  const inner = new Uint8Array(64).map((_, i) => i);
  inner.set([32, 0, 0, 0], 28); // message_data_length: the 32 bytes after the 32-byte header
  const sealed = core.sealMessage(authKey, inner, "client", (n) => new Uint8Array(n).fill(1));
  out.sealed = hex(sealed);
  out.opened = hex(core.openMessage(authKey, sealed, "client"));
  out.ping = hex(tl.serialize({ _: "ping", pingId: 5n }));
  out.pingBack = String(tl.deserialize(tl.serialize({ _: "ping", pingId: 5n })).pingId);
  out.rpc = lib.RpcError.is(lib.rpcErrorFromServer(420, "FLOOD_WAIT_3"), "FLOOD_WAIT_X") &&
    lib.rpcErrorFromServer(420, "FLOOD_WAIT_3") instanceof lib.errors.FloodWait;
  out.sessions = cases.map((c) => {
    try {
      const s = lib.decodeSessionString(c.string);
      return { ...s, authKey: s.authKey && hex(s.authKey), date: 0 };
    } catch (e) {
      return String(e);
    }
  });
  const data = { dcId: 2, apiId: 12345, testMode: false, authKey, userId: 777000, isBot: false };
  out.encoded = lib.encodeSessionString(data);
  const storage = new lib.MemoryStorage();
  await storage.open();
  await storage.setSession({ dcId: 4, apiId: 12345, authKey, userId: 42, isBot: false });
  const now = Math.floor(Date.now() / 1000);
  await storage.updatePeers([{ id: 42, accessHash: -5n, type: "user", usernames: ["smoke"],
    phoneNumber: "15550000", lastUpdateOn: now }]);
  const peer = await storage.getPeerByUsername("@Smoke");
  out.peer = peer && { id: peer.id, accessHash: String(peer.accessHash), type: peer.type };
  out.exported = await storage.exportSessionString();
  await storage.close();
  try {
    await new lib.SqliteStorage("smoke.session").open();
    out.sqlite = "opened";
  } catch (e) {
    out.sqlite = e?.code ?? String(e);
  }
  return out;
};
`;

test("browser: the main entry bundles for the browser and runs in headless Chromium", {
  skip: chromiumSkip,
  timeout: 120_000,
}, async () => {
  const cases: { string: string; expected: Record<string, unknown> }[] = JSON.parse(
    readFileSync(new URL("./fixtures/session_strings/cases.json", import.meta.url), "utf8"),
  );
  const out = await runInChromium({
    entry: ENTRY(libraryModule("mod"), libraryModule("core/mod"), libraryModule("tl/mod")),
    call: "smoke",
    arg: cases.map((c) => ({ string: c.string })),
    // An optional peer that only MongoStorage.open() loads; a browser app leaves it out.
    external: ["mongodb"],
  });

  // Known answers, and the same calls made in this runtime (native crypto on Node and Bun).
  await initCore();
  const authKey = new Uint8Array(256).map((_, i) => (i * 7 + 3) & 255);
  const inner = new Uint8Array(64).map((_, i) => i);
  inner.set([32, 0, 0, 0], 28);
  const expected = {
    crc32: 0xcbf43926,
    sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    sealed: toHex(sealMessage(authKey, inner, "client", (n) => new Uint8Array(n).fill(1))),
    opened: toHex(inner),
    ping: "ec77be7a0500000000000000",
    pingBack: "5",
    rpc: true,
    encoded: encodeSessionString({
      dcId: 2,
      apiId: 12345,
      testMode: false,
      authKey,
      userId: 777000,
      isBot: false,
    }),
    peer: { id: 42, accessHash: "-5", type: "user" },
  };
  assert.equal(toHex(sha256(new TextEncoder().encode("abc"))), expected.sha256);
  for (const [key, value] of Object.entries(expected)) {
    assert.deepEqual(out[key], value, key);
  }
  assert.deepEqual(out.sessions, cases.map((c) => ({ ...c.expected, date: 0 })));
  assert.equal(
    out.exported,
    encodeSessionString({
      dcId: 4,
      apiId: 12345,
      testMode: false,
      authKey,
      userId: 42,
      isBot: false,
    }),
  );
  // A file engine in a browser fails on open, clearly.
  assert.equal(out.sqlite, "RUNTIME_UNSUPPORTED");
});

/** What the page runs with the testing entry. */
const TESTING_ENTRY = (testing: string) => `
import * as testing from ${JSON.stringify(testing)};
globalThis.testingSmoke = async () => {
  const out = {};
  out.exports = ["TestServer", "TestWorld", "TestServerError", "SeededRandom",
    "registerConformanceTests", "RpcFailure"].filter((n) => typeof testing[n] === "function");
  out.random = Array.from(new testing.SeededRandom(42).bytes(8));
  try {
    await testing.TestServer.start();
    out.start = "started";
  } catch (e) {
    out.start = e?.code ?? String(e);
    out.startMessage = String(e?.message);
  }
  return out;
};
`;

test("browser: the testing entry bundles and loads; TestServer.start() says RUNTIME_UNSUPPORTED", {
  skip: chromiumSkip,
  timeout: 120_000,
}, async () => {
  const out = await runInChromium({
    entry: TESTING_ENTRY(libraryModule("testing/mod")),
    call: "testingSmoke",
  });
  assert.deepEqual(out.exports, [
    "TestServer",
    "TestWorld",
    "TestServerError",
    "SeededRandom",
    "registerConformanceTests",
    "RpcFailure",
  ]);
  assert.deepEqual(out.random, Array.from(new SeededRandom(42).bytes(8)), "same sequence here");
  assert.equal(out.start, "RUNTIME_UNSUPPORTED");
  assert.match(String(out.startMessage), /TestServer listens on TCP ports \(browser\)/);
});
