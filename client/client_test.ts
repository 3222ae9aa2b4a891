import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "./client.ts";
import { decodeSessionString } from "../storage/session_string.ts";
import { SessionLockedError } from "../storage/errors.ts";
import { SeededRandom } from "../testing/random.ts";

// A Telethon string (no api_id): dc 2, 149.154.167.51:443, a fixed 256-byte key.
function telethonString(key: Uint8Array): string {
  const raw = new Uint8Array(1 + 4 + 2 + 256);
  raw[0] = 2;
  raw.set([149, 154, 167, 51], 1);
  new DataView(raw.buffer).setUint16(5, 443);
  raw.set(key, 7);
  let bin = "";
  for (const b of raw) bin += String.fromCharCode(b);
  return "1" + btoa(bin).replaceAll("+", "-").replaceAll("/", "_");
}

test("client: a Telethon string exports as a Pyrogram string with the apiId of the options", async () => {
  const key = new SeededRandom(3).bytes(256);
  await using app = new Client("acc", { sessionString: telethonString(key), apiId: 4242 });
  const exported = decodeSessionString(await app.exportSessionString());
  assert.equal(exported.apiId, 4242);
  assert.equal(exported.dcId, 2);
  assert.deepEqual(exported.authKey, key);
});

test("client: without an apiId anywhere, exporting a Telethon-born session is refused", async () => {
  const app = new Client("acc", { sessionString: telethonString(new Uint8Array(256).fill(7)) });
  await assert.rejects(app.exportSessionString(), (e: Error & { code?: string }) => {
    assert.ok(typeof e.code === "string", "a typed error");
    assert.doesNotMatch(e.message, /0707070707/);
    return true;
  });
  await app.close();
});

test("client: await using closes the session file, so the next client can open it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "irenogram-client-"));
  try {
    const key = new SeededRandom(5).bytes(256);
    {
      await using first = new Client("acc", { workdir: dir, apiId: 1 });
      await first.storage.open();
      await first.storage.setSession({ apiId: 1, authKey: key, userId: 99, isBot: false });
      // While it is open, a second client on the same file is refused.
      const second = new Client("acc", { workdir: dir });
      await assert.rejects(second.exportSessionString(), SessionLockedError);
    }
    await using third = new Client("acc", { workdir: dir });
    const s = decodeSessionString(await third.exportSessionString());
    assert.equal(s.userId, 99);
    assert.deepEqual(s.authKey, key);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("client: resolvePeer finds stored phone numbers and usernames offline; unknown ones go to the server", async () => {
  await using app = new Client(":memory:", { apiId: 1, apiHash: "0".repeat(32) });
  await app.storage.open();
  await app.storage.updatePeers([{
    id: 777,
    accessHash: 4242n,
    type: "user",
    usernames: ["alice_x"],
    phoneNumber: "15550001",
    lastUpdateOn: Math.floor(Date.now() / 1000),
  }]);
  const alice = { _: "inputPeerUser", userId: 777n, accessHash: 4242n };
  for (const form of ["+1 555-0001", "+15550001", "@alice_x", "ALICE_X", "t.me/alice_x"]) {
    assert.deepEqual(await app.resolvePeer(form), alice, form);
  }
  // Not in the storage: the request to the server fails, as the client was never started.
  for (const form of ["+1 555-0002", "@bob_x"]) {
    await assert.rejects(app.resolvePeer(form), (e: Error & { code?: string }) => {
      assert.equal(e.code, "CLIENT_NOT_STARTED", form);
      return true;
    });
  }
  await assert.rejects(
    app.resolvePeer("+"),
    (e: Error & { code?: string }) => e.code === "CLIENT_PEER_NOT_FOUND",
  );
});
