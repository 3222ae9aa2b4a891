/**
 * The session tool against the Python libraries themselves (under Deno only: the judges are
 * slow to start): a `.session` file written by Telethon 1.45's own SQLiteSession is copied and
 * converted; the strings `convert` prints are loaded by Telethon's StringSession and by
 * Pyrogram's (Irenogram's) storage.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStorage } from "../storage/sqlite.ts";
import { readAll, runCliProcess } from "./cli_fixtures.ts";
import { pythonJudge, pythonSkip } from "./python_judge.ts";

const python = pythonJudge("telethon, pyrogram");
const skip = pythonSkip(python);

const KEY = Array.from({ length: 256 }, (_, i) => (i * 7 + 3) % 256);

/** Telethon's own SQLiteSession writes the file (as a logged-in TelegramClient would). */
const MAKE_TELETHON = `
import sys, datetime
from telethon.sessions import SQLiteSession
from telethon.crypto import AuthKey
from telethon.tl import types
s = SQLiteSession(sys.argv[1])
s.set_dc(4, "149.154.167.91", 443)
s.auth_key = AuthKey(bytes((i * 7 + 3) % 256 for i in range(256)))
now = datetime.datetime.fromtimestamp(1700000000, tz=datetime.timezone.utc)
users = [types.User(id=777000, access_hash=-(2**63), username="Telegram", phone="42777"),
         types.User(id=5000000001, access_hash=2**63 - 1, username="a_bot", bot=True)]
chats = [types.Chat(id=4000000001, title="g", photo=types.ChatPhotoEmpty(),
                    participants_count=1, date=now, version=1),
         types.Channel(id=1234567890, title="c", photo=types.ChatPhotoEmpty(), date=now,
                       access_hash=-123456789012345678, username="chat_one", megagroup=True)]
s.process_entities(types.contacts.ResolvedPeer(types.PeerUser(777000), chats, users))
# what TelegramClient saves about itself: entity id 0 whose hash is the own user id
s.process_entities(types.contacts.ResolvedPeer(None, [types.InputPeerUser(0, 5000000001)], []))
s.set_update_state(0, types.updates.State(pts=100, qts=5, date=now, seq=7, unread_count=0))
s.set_update_state(1234567890, types.updates.State(555, 0, now, 0, unread_count=0))
s.save()
s.close()
`;

const LOAD_STRINGS = `
import asyncio, json, sys
from pathlib import Path
from telethon.sessions import StringSession
from pyrogram.storage.sqlite_storage import SQLiteStorage

async def main():
    telethon, pyrogram = json.load(sys.stdin)
    t = StringSession(telethon)
    st = SQLiteStorage("t", Path("."), session_string=pyrogram, in_memory=True)
    await st.open()
    row = st.conn.execute(
        "SELECT dc_id, api_id, test_mode, auth_key, user_id, is_bot FROM sessions").fetchone()
    await st.close()
    print(json.dumps({
        "telethon": [t.dc_id, t.server_address, t.port, list(t.auth_key.key)],
        "pyrogram": [row[0], row[1], bool(row[2]), list(row[3]), row[4], bool(row[5])],
    }))

asyncio.run(main())
`;

test("cli with Telethon's own file and readers: copy, then convert for Telethon and Pyrogram", {
  skip,
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "irenogram-cli-py-"));
  try {
    const source = join(dir, "telethon.session");
    const made = spawnSync(python!, ["-c", MAKE_TELETHON, source], { encoding: "utf8" });
    assert.equal(made.status, 0, made.stderr);

    const dest = join(dir, "copy.session");
    const copied = runCliProcess(["session", "copy", source, dest]);
    assert.equal(copied.status, 0, copied.stderr);
    const storage = new SqliteStorage(dest);
    await storage.open();
    const got = await readAll(storage).finally(() => storage.close());
    assert.deepEqual(got.session, {
      dcId: 4,
      apiId: null,
      testMode: false,
      userId: 5000000001,
      isBot: null,
      date: 0,
      serverAddress: "149.154.167.91",
      port: 443,
    });
    assert.deepEqual([...got.keys.keys()], [4]);
    assert.deepEqual([...got.keys.get(4)!], KEY);
    assert.deepEqual(got.state, { pts: 100, qts: 5, date: 1700000000, seq: 7 });
    assert.deepEqual([...got.channels], [[-1001234567890, 555]]);
    assert.deepEqual(
      got.peers.map((p) => [p.id, p.accessHash, p.type, p.usernames, p.phoneNumber]),
      [
        [-1001234567890, -123456789012345678n, "channel", ["chat_one"], null],
        [-4000000001, 0n, "group", [], null],
        [777000, -(2n ** 63n), "user", ["telegram"], "42777"],
        [5000000001, 2n ** 63n - 1n, "user", ["a_bot"], null],
      ],
    );

    const telethon = runCliProcess(["session", "convert", source, "--to", "telethon"]);
    const pyrogram = runCliProcess([
      "session",
      "convert",
      dest,
      "--to",
      "pyrogram",
      "--api-id",
      "611335",
    ]);
    assert.equal(telethon.status, 0, telethon.stderr);
    assert.equal(pyrogram.status, 0, pyrogram.stderr);
    const loaded = spawnSync(python!, ["-c", LOAD_STRINGS], {
      input: JSON.stringify([telethon.stdout.trim(), pyrogram.stdout.trim()]),
      encoding: "utf8",
    });
    assert.equal(loaded.status, 0, loaded.stderr);
    assert.deepEqual(JSON.parse(loaded.stdout), {
      telethon: [4, "149.154.167.91", 443, KEY],
      pyrogram: [4, 611335, false, KEY, 5000000001, false],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
