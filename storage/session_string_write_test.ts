/**
 * The session-string writers, judged by the libraries that read those strings: GramJS
 * (`telegram` on npm) and mtcute (`@mtcute/core`) on every runtime, Telethon's and Pyrogram's
 * own readers (Python) under Deno only.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { Buffer } from "node:buffer";
import { StringSession } from "telegram/sessions/index.js";
import { readStringSession } from "@mtcute/core/utils.js";
import {
  encodeGramJsString,
  encodeMtcuteString,
  encodeSessionStringAs,
  encodeTelethonString,
  SESSION_STRING_TARGETS,
  type SessionStringSource,
} from "./session_string_write.ts";
import { parseSessionString } from "./session_string.ts";
import { SessionStringError } from "./errors.ts";
import { dcAddress, TELEGRAM_DCS } from "./dcs.ts";
import { SeededRandom } from "../testing/random.ts";
import { pythonJudge, pythonSkip } from "../tests/python_judge.ts";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const PROD = Object.keys(TELEGRAM_DCS.prod).map(Number);
const TEST = Object.keys(TELEGRAM_DCS.test).map(Number);

function randomSession(rng: SeededRandom): SessionStringSource {
  const testMode = rng.int(4) === 0;
  const dcs = testMode ? TEST : PROD;
  const dcId = dcs[rng.int(dcs.length)];
  const ipv6 = rng.int(4) === 0;
  const own = rng.int(3) === 0;
  const where = dcAddress(dcId, testMode, { ipv6 })!;
  const logged = rng.int(4) !== 0;
  return {
    dcId,
    apiId: 1 + rng.int(0x7fffffff),
    testMode,
    authKey: rng.bytes(256),
    userId: logged ? 1 + rng.int(0x1fffff) * 0x1_0000_0000 + rng.uint32() : null,
    isBot: logged ? rng.int(2) === 0 : null,
    serverAddress: own ? `10.${rng.int(256)}.${rng.int(256)}.${rng.int(256)}` : where.host,
    port: own ? 1 + rng.int(0x7fff) : where.port,
  };
}

const sessions = (() => {
  const rng = new SeededRandom(0x5e55);
  return Array.from({ length: 40 }, () => randomSession(rng));
})();

test("GramJS's StringSession loads every string encodeGramJsString writes", async () => {
  for (const s of sessions) {
    const g = new StringSession(encodeGramJsString(s));
    await g.load();
    assert.equal(g.dcId, s.dcId);
    assert.equal(g.serverAddress, s.serverAddress);
    assert.equal(g.port, s.port);
    assert.equal(hex(g.authKey!.getKey()!), hex(s.authKey!));
  }
});

test("mtcute's readStringSession loads every string encodeMtcuteString writes", () => {
  for (const s of sessions) {
    const m = readStringSession(encodeMtcuteString(s));
    assert.equal(m.primaryDcs!.main.id, s.dcId);
    assert.equal(m.primaryDcs!.main.ipAddress, s.serverAddress);
    assert.equal(m.primaryDcs!.main.port, s.port);
    assert.equal(m.primaryDcs!.main.testMode ?? false, s.testMode);
    assert.equal(m.primaryDcs!.main.ipv6 ?? false, s.serverAddress!.includes(":"));
    assert.deepEqual(
      m.self && { userId: m.self.userId, isBot: m.self.isBot },
      s.userId === null ? null : { userId: s.userId, isBot: s.isBot },
    );
    assert.equal(hex(m.authKey), hex(s.authKey!));
  }
});

test("every written string is read back by this library's reader in its own format", () => {
  for (const s of sessions) {
    for (const target of SESSION_STRING_TARGETS) {
      const { format, session } = parseSessionString(encodeSessionStringAs(target, s));
      assert.equal(format, target);
      assert.equal(session.dcId, s.dcId);
      assert.equal(hex(session.authKey!), hex(s.authKey!));
    }
  }
});

test("a stale address of another DC is replaced by the home DC's; a custom one is kept", () => {
  const key = new Uint8Array(256).fill(5);
  const base = { apiId: 1, testMode: false, authKey: key, userId: null, isBot: null };
  // DC 4 with DC 2's address (a session whose home DC moved without its address)
  const stale = encodeTelethonString({ ...base, dcId: 4, serverAddress: "149.154.167.51" });
  assert.equal(parseSessionString(stale).session.serverAddress, "149.154.167.91");
  const custom = encodeGramJsString({ ...base, dcId: 4, serverAddress: "127.0.0.1", port: 4430 });
  assert.deepEqual(
    [parseSessionString(custom).session.serverAddress, parseSessionString(custom).session.port],
    ["127.0.0.1", 4430],
  );
});

test("what a layout cannot hold is refused with SessionStringError, never written wrong", () => {
  const key = new Uint8Array(256).fill(5);
  const base = { dcId: 2, apiId: 1, testMode: false, authKey: key, userId: null, isBot: null };
  const refuse = (fn: () => unknown, pattern: RegExp) =>
    assert.throws(fn, (e) => e instanceof SessionStringError && pattern.test(e.message));
  refuse(() => encodeTelethonString({ ...base, authKey: null }), /auth key/);
  refuse(() => encodeTelethonString({ ...base, serverAddress: "dc.example.org" }), /IP address/);
  refuse(() => encodeGramJsString({ ...base, serverAddress: "127.0.0.1", port: 40000 }), /32767/);
  refuse(() => encodeMtcuteString({ ...base, dcId: 9 }), /DC 9/);
  refuse(() => encodeSessionStringAs("pyrogram", { ...base, apiId: null }), /api_id/);
  refuse(() => encodeSessionStringAs("x" as never, base), /unknown target/);
});

// --- Python judges (Telethon's StringSession, Pyrogram's storage), under Deno only ------------

const python = pythonJudge("telethon, pyrogram");

const PYTHON_JUDGE = `
import asyncio, json, sys
from pathlib import Path
from telethon.sessions import StringSession
from pyrogram.storage.sqlite_storage import SQLiteStorage

async def pyro(s):
    st = SQLiteStorage("t", Path("."), session_string=s, in_memory=True)
    await st.open()
    row = st.conn.execute(
        "SELECT dc_id, api_id, test_mode, auth_key, user_id, is_bot FROM sessions").fetchone()
    await st.close()
    return [row[0], row[1], bool(row[2]), row[3].hex(), row[4], bool(row[5])]

async def main():
    cases = json.load(sys.stdin)
    out = {"telethon": [], "pyrogram": []}
    for s in cases["telethon"]:
        t = StringSession(s)
        out["telethon"].append([t.dc_id, t.server_address, t.port, t.auth_key.key.hex()])
    for s in cases["pyrogram"]:
        out["pyrogram"].append(await pyro(s))
    print(json.dumps(out))

asyncio.run(main())
`;

test("Telethon's and Pyrogram's own readers (Python) load what the writers write", {
  skip: pythonSkip(python),
  timeout: 120_000,
}, () => {
  const picked = sessions.slice(0, 12);
  const run = spawnSync(python!, ["-c", PYTHON_JUDGE], {
    input: JSON.stringify({
      telethon: picked.map(encodeTelethonString),
      pyrogram: picked.map((s) => encodeSessionStringAs("pyrogram", s)),
    }),
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  const got = JSON.parse(run.stdout);
  assert.deepEqual(
    got.telethon,
    picked.map((s) => [s.dcId, s.serverAddress, s.port, hex(s.authKey!)]),
  );
  assert.deepEqual(
    got.pyrogram,
    picked.map((s) => [s.dcId, s.apiId, s.testMode, hex(s.authKey!), s.userId ?? 0, !!s.isBot]),
  );
});
