import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { registerConformanceTests } from "../testing/conformance.ts";
import { SessionStringStorage } from "./session_string_storage.ts";
import { decodeSessionString, type SessionStringFormat } from "./session_string.ts";
import { SessionStringError } from "./errors.ts";

const fixtures: { format: SessionStringFormat; string: string }[] = JSON.parse(
  readFileSync(new URL("../tests/fixtures/session_strings/cases.json", import.meta.url), "utf8"),
);
const first = (format: SessionStringFormat) => fixtures.find((f) => f.format === format)!.string;

// A storage seeded from a string behaves like every other engine; it starts from the decoded
// session instead of a fresh one. Telethon strings carry no api_id, so both kinds are run.
for (const format of ["pyrogram", "telethon"] as const) {
  const text = first(format);
  registerConformanceTests(test, {
    name: `session string (${format})`,
    create: () => new SessionStringStorage(text),
    initialSession: decodeSessionString(text),
  });
}

test("session string storage: seeded session, per-DC key and export", async () => {
  for (const format of ["pyrogram", "pyrogram-v1", "telethon", "gramjs", "mtcute"] as const) {
    const text = first(format);
    const storage = new SessionStringStorage(text);
    assert.equal(storage.format, format);
    await storage.open();
    const session = await storage.getSession();
    assert.deepEqual(session, decodeSessionString(text));
    assert.deepEqual(await storage.getAuthKey(session.dcId), session.authKey);
    if (format === "pyrogram") assert.equal(await storage.exportSessionString(), text);
    else {
      await storage.setSession({ apiId: 12345 });
      const exported = decodeSessionString(await storage.exportSessionString());
      assert.deepEqual(exported.authKey, session.authKey);
      assert.equal(exported.dcId, session.dcId);
      assert.equal(exported.apiId, 12345);
    }
    await storage.close();
  }
});

test("session string storage: an invalid string fails at construction, typed", () => {
  assert.throws(() => new SessionStringStorage("not a session"), SessionStringError);
});
