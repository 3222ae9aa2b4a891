/**
 * The session tool (`cli.ts`): every SOURCE kind copied to every DEST kind and read back field
 * by field with the engines, strings converted for each library and loaded by that library,
 * `info`, `migrate`, and the refusals (exit codes, one line, sources untouched). Most commands
 * run in-process through `runCli`; the ones whose process behaviour matters (exit status,
 * stdin, file modes) run `cli.ts` as a child process.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import process from "node:process";
import { Buffer } from "node:buffer";
import { MongoClient } from "mongodb";
import { StringSession } from "telegram/sessions/index.js";
import { readStringSession } from "@mtcute/core/utils.js";
import { loadSqlite, SqliteStorage } from "../storage/sqlite.ts";
import { MongoStorage, redactUrl } from "../storage/mongo.ts";
import { FileLock } from "../storage/file_lock.ts";
import { encodeSessionString, parseSessionString } from "../storage/session_string.ts";
import type { ListableStorage } from "../storage/storage.ts";
import {
  asPyrogramV3,
  asTelethon,
  canonical,
  type Dataset,
  dataset,
  fill,
  key,
  makeIrenogramFile,
  makePyrogramV3File,
  makeTelethonFile,
  readAll,
  runCliProcess,
  runInProcess,
} from "./cli_fixtures.ts";
import { tempDir } from "./test_support/temp_dir.ts";

const dir = tempDir("cli-test");
let counter = 0;
const fresh = (name: string) => join(dir, `${name}-${++counter}.session`);
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

const cli = runInProcess;

// --- MongoDB (FerretDB here): skipped when no server answers, outside CI ----------------------

const url = process.env.MONGODB_URL || "mongodb://127.0.0.1:27017/";
const admin = new MongoClient(url, { serverSelectionTimeoutMS: 1500 });
const mongoUp = await admin.db("admin").command({ ping: 1 }).then(() => true, () => false);
const mongoSkip = mongoUp || process.env.MONGODB_URL || process.env.CI
  ? false
  : `no MongoDB at ${redactUrl(url)} (source scripts/services.sh)`;
const dbName = () => `cli_${process.pid}_${++counter}_${Date.now() % 100000}`;
const dropLater: string[] = [];
test.after?.(async () => {
  for (const name of dropLater) await admin.db(name).dropDatabase().catch(() => {});
  await admin.close();
});

async function withStorage<T>(s: ListableStorage, fn: (s: ListableStorage) => Promise<T>) {
  await s.open();
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

// --- sources -----------------------------------------------------------------------------------

const DATA = dataset(10_200); // more than one copy batch (COPY_BATCH)
const SMALL = dataset(20);

interface SourceCase {
  name: string;
  mongo?: boolean;
  /** Creates the source; returns the CLI arguments naming it and what a copy must hold. */
  make(): Promise<{ args: string[]; expect: Dataset; file?: string }>;
}

const sources: SourceCase[] = [
  {
    name: "irenogram file",
    async make() {
      const file = fresh("src");
      await makeIrenogramFile(file, DATA);
      return { args: [file], expect: DATA, file };
    },
  },
  {
    name: "pyrogram v3 file",
    async make() {
      const file = fresh("pyro3");
      await makePyrogramV3File(file, SMALL);
      return { args: [file], expect: asPyrogramV3(SMALL), file };
    },
  },
  {
    name: "telethon file",
    async make() {
      const file = fresh("telethon");
      await makeTelethonFile(file, SMALL);
      return { args: [file], expect: asTelethon(SMALL), file };
    },
  },
  {
    name: "session string",
    make() {
      const text = encodeSessionString({ ...SMALL.session, authKey: SMALL.keys.get(4)! });
      const expect: Dataset = {
        session: { ...SMALL.session, date: 0 },
        keys: new Map([[4, SMALL.keys.get(4)!]]),
        state: undefined,
        channels: new Map(),
        peers: [],
      };
      return Promise.resolve({ args: [text], expect });
    },
  },
  {
    name: "mongodb",
    mongo: true,
    async make() {
      const name = dbName();
      dropLater.push(name);
      await withStorage(new MongoStorage(name, url), (s) => fill(s, SMALL));
      return { args: [url, "--name", name], expect: SMALL };
    },
  },
];

interface DestCase {
  name: string;
  mongo?: boolean;
  make(): { args: string[]; open(): ListableStorage };
}

const dests: DestCase[] = [
  {
    name: "file",
    make() {
      const file = fresh("dest");
      return { args: [file], open: () => new SqliteStorage(file) };
    },
  },
  {
    name: "mongodb",
    mongo: true,
    make() {
      const name = dbName();
      dropLater.push(name);
      return { args: [url, "--dest-name", name], open: () => new MongoStorage(name, url) };
    },
  },
];

for (const source of sources) {
  for (const dest of dests) {
    const skip = source.mongo || dest.mongo ? mongoSkip : false;
    test(`cli copy: ${source.name} → ${dest.name}, read back field by field`, {
      skip,
      timeout: 120_000,
    }, async () => {
      const src = await source.make();
      const before = src.file ? sha(src.file) : "";
      const d = dest.make();
      const r = await cli("session", "copy", ...src.args, ...d.args);
      assert.equal(r.status, 0, r.err.join("\n"));
      assert.match(r.out, /read back and verified/);
      if (src.file) assert.equal(sha(src.file), before, "the source file is untouched");
      const got = await withStorage(d.open(), readAll);
      const want = canonical(src.expect);
      assert.deepEqual(got.session, want.session);
      assert.deepEqual(got.keys, want.keys);
      assert.deepEqual(got.state, want.state);
      assert.deepEqual(got.channels, want.channels);
      assert.equal(got.peers.length, want.peers.length);
      assert.deepEqual(got.peers, want.peers);
    });
  }
}

test("cli copy: an existing destination is kept without --force, replaced with it", async () => {
  const src = fresh("src");
  await makeIrenogramFile(src, SMALL);
  const dest = fresh("dest");
  await makeIrenogramFile(dest, dataset(3));
  const before = sha(dest);
  const refused = await cli("session", "copy", src, dest);
  assert.equal(refused.status, 5);
  assert.equal(refused.err.length, 1);
  assert.match(refused.err[0], /exists; add --force/);
  assert.equal(sha(dest), before);
  const forced = await cli("session", "copy", src, dest, "--force");
  assert.equal(forced.status, 0, forced.err.join("\n"));
  const got = await withStorage(new SqliteStorage(dest), readAll);
  assert.equal(got.peers.length, SMALL.peers.length);
  assert.equal(statSync(dest).mode & 0o777, 0o600);
  // nothing left behind beside it
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes(".copy-")), []);
});

test("cli copy: an existing MongoDB session is kept without --force", {
  skip: mongoSkip,
}, async () => {
  const name = dbName();
  dropLater.push(name);
  await withStorage(new MongoStorage(name, url), (s) => fill(s, dataset(2)));
  const src = fresh("src");
  await makeIrenogramFile(src, SMALL);
  const r = await cli("session", "copy", src, url, "--dest-name", name);
  assert.equal(r.status, 5);
  const kept = await withStorage(new MongoStorage(name, url), readAll);
  assert.equal(kept.peers.length, dataset(2).peers.length);
});

// --- convert: each string judged by its own library ---------------------------------------------

test("cli convert: strings for GramJS and mtcute load in those libraries", async () => {
  const file = fresh("conv");
  await makeIrenogramFile(file, SMALL);
  const gram = await cli("session", "convert", file, "--to", "gramjs");
  assert.equal(gram.status, 0, gram.err.join("\n"));
  const g = new StringSession(gram.out.trim());
  await g.load();
  assert.deepEqual([g.dcId, g.serverAddress, g.port], [4, "149.154.167.91", 443]);
  assert.deepEqual([...g.authKey!.getKey()!], [...key(7)]);
  const mt = await cli("session", "convert", file, "--to", "mtcute");
  const m = readStringSession(mt.out.trim());
  assert.equal(m.primaryDcs!.main.id, 4);
  assert.deepEqual(m.self && [m.self.userId, m.self.isBot], [5000000001, true]);
  assert.deepEqual([...m.authKey], [...key(7)]);
});

test("cli convert: a Telethon string needs --api-id to become a Pyrogram string", async () => {
  const telethon = fresh("tl");
  await makeTelethonFile(telethon, SMALL);
  const noApi = await cli("session", "convert", telethon, "--to", "pyrogram");
  assert.equal(noApi.status, 3);
  assert.match(noApi.err[0], /--api-id/);
  const ok = await cli("session", "convert", telethon, "--to", "pyrogram", "--api-id", "94575");
  assert.equal(ok.status, 0, ok.err.join("\n"));
  const parsed = parseSessionString(ok.out.trim()).session;
  assert.deepEqual([parsed.dcId, parsed.apiId, parsed.userId], [4, 94575, 5000000001]);
  assert.deepEqual([...parsed.authKey!], [...key(7)]);
});

// --- info ---------------------------------------------------------------------------------------

test("cli info --json: the fields, the auth_key_id, and no secret anywhere", async () => {
  const file = fresh("info");
  await makeIrenogramFile(file, SMALL);
  const r = await cli("session", "info", file, "--json");
  assert.equal(r.status, 0, r.err.join("\n"));
  const info = JSON.parse(r.out);
  assert.equal(info.dcId, 4);
  assert.equal(info.apiId, 611335);
  assert.equal(info.userId, 5000000001);
  assert.equal(info.isBot, true);
  assert.equal(info.testMode, false);
  assert.equal(info.layout.family, "irenogram");
  assert.equal(info.peers, SMALL.peers.length);
  assert.equal(info.usernames, SMALL.peers.reduce((n, p) => n + p.usernames.length, 0));
  assert.deepEqual(info.updateState, { common: true, channels: 2 });
  // auth_key_id = the low 64 bits of SHA-1(key), little-endian (computed here independently)
  const digest = createHash("sha1").update(key(7)).digest();
  assert.equal(info.authKeyId, digest.readBigInt64LE(12).toString());
  assert.deepEqual(info.authKeys.map((k: { dcId: number }) => k.dcId), [1, 4]);
  const text = (await cli("session", "info", file)).out + r.out;
  const secrets = [key(7), key(13)].flatMap((k) => [
    Buffer.from(k).toString("hex"),
    Buffer.from(k).toString("base64").slice(0, 40),
    Buffer.from(k).toString("base64url").slice(0, 40),
  ]);
  for (const s of secrets) assert.ok(!text.includes(s), "no key material in info");
  assert.ok(!text.includes(encodeSessionString({ ...SMALL.session, authKey: key(7) })));
});

test("cli info: a Telethon file and an older Pyrogram file, left byte-for-byte as they were", async () => {
  const tl = fresh("tl");
  await makeTelethonFile(tl, SMALL);
  const py = fresh("py3");
  await makePyrogramV3File(py, SMALL);
  const [a, b] = [sha(tl), sha(py)];
  const t = JSON.parse((await cli("session", "info", tl, "--json")).out);
  assert.deepEqual([t.layout.family, t.layout.version, t.apiId, t.userId], [
    "telethon",
    8,
    null,
    5000000001,
  ]);
  const p = JSON.parse((await cli("session", "info", py, "--json")).out);
  assert.deepEqual([p.layout.family, p.layout.version, p.peers], [
    "pyrogram",
    3,
    SMALL.peers.length,
  ]);
  assert.deepEqual([sha(tl), sha(py)], [a, b]);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith(".lock")), []);
});

// --- migrate ------------------------------------------------------------------------------------

test("cli migrate: an older file is brought to the current layout, with a backup first", async () => {
  const file = fresh("old");
  await makePyrogramV3File(file, SMALL);
  const original = readFileSync(file);
  const r = await cli("session", "migrate", file);
  assert.equal(r.status, 0, r.err.join("\n"));
  const backup = r.out.match(/backup: (.*)$/)![1];
  assert.deepEqual(readFileSync(backup), original, "the backup is the original, byte for byte");
  assert.equal(statSync(backup).mode & 0o777, 0o600);
  const info = JSON.parse((await cli("session", "info", file, "--json")).out);
  assert.deepEqual([info.layout.family, info.layout.version], ["irenogram", 7]);
  const again = await cli("session", "migrate", file);
  assert.equal(again.status, 0);
  assert.match(again.out, /already in the current layout/);
  const tl = fresh("tl");
  await makeTelethonFile(tl, SMALL);
  const refused = await cli("session", "migrate", tl);
  assert.equal(refused.status, 3);
  assert.match(refused.err[0], /Telethon/);
  // a schema from the future: refused before any backup is made
  const newer = fresh("newer");
  await makePyrogramV3File(newer, SMALL);
  const { sqlite3, vfs } = await loadSqlite();
  const db = new sqlite3.oo1.DB({ filename: newer, flags: "w", vfs });
  db.exec("UPDATE version SET number = 99");
  db.close();
  const bytes = sha(newer);
  const future = await cli("session", "migrate", newer);
  assert.equal(future.status, 3);
  assert.match(future.err[0], /newer/);
  assert.equal(sha(newer), bytes);
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith(basename(newer) + ".bak")), []);
});

// --- refusals -----------------------------------------------------------------------------------

test("cli: bad input gives one line, its exit code, and leaves the source as it was", async () => {
  const foreign = fresh("foreign");
  writeFileSync(foreign, "hello, not a database\n".repeat(20));
  const otherDb = fresh("otherdb");
  // an SQLite database of another application
  const { sqlite3, vfs } = await loadSqlite();
  const db = new sqlite3.oo1.DB({ filename: otherDb, flags: "c", vfs });
  db.exec(
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES (1,'x')",
  );
  db.close();
  const corrupt = fresh("corrupt");
  await makeIrenogramFile(corrupt, SMALL);
  const bytes = readFileSync(corrupt);
  bytes.fill(0x55, 4096, 8192); // a whole page of garbage
  writeFileSync(corrupt, bytes);
  const cases: [string[], number, RegExp][] = [
    [["session", "info", foreign], 3, /not an SQLite database/],
    [["session", "info", otherDb], 3, /not a Pyrogram-family session file/],
    [["session", "info", corrupt], 3, /corrupt|cannot be read/],
    [["session", "info", join(dir, "missing.session")], 3, /no such file/],
    [["session", "info", "AAAA"], 3, /session string/],
    [["session", "convert", corrupt, "--to", "qtgram"], 2, /unknown format/],
    [["session", "info", corrupt, "--bogus"], 2, /unknown option/],
    [["session", "frobnicate"], 2, /unknown command/],
    [["session", "copy", corrupt], 2, /missing DEST/],
    [["session", "copy", corrupt, corrupt, "--force"], 2, /same session/],
    [["session", "copy", `${url}`, "--name", "n", url, "--force"], 2, /same session/],
  ];
  for (const [args, status, pattern] of cases) {
    const before = args[2] && existsSync(args[2]) ? sha(args[2]) : "";
    const r = await cli(...args);
    assert.equal(r.status, status, `${args.join(" ")}: ${r.err.join("|")}`);
    assert.match(r.err[0], pattern);
    assert.ok(r.err.every((l) => !l.includes("\n")));
    if (before) assert.equal(sha(args[2]), before);
  }
});

test("cli: a session file in use by another holder is refused with exit 4", async () => {
  const file = fresh("locked");
  await makeIrenogramFile(file, SMALL);
  const before = sha(file);
  const lock = FileLock.acquire(file);
  try {
    // A child process: the lock belongs to this live process.
    const r = runCliProcess(["session", "info", file]);
    assert.equal(r.status, 4, r.stderr);
    assert.match(r.stderr, /in use/);
    assert.equal(r.stderr.trim().split("\n").length, 1);
  } finally {
    lock.release();
  }
  assert.equal(sha(file), before);
});

test("cli: an unreachable MongoDB is exit 6 with the password redacted", async () => {
  const r = await cli(
    "session",
    "info",
    "mongodb://user:s3cret@127.0.0.1:1/?serverSelectionTimeoutMS=300",
    "--name",
    "x",
  );
  assert.equal(r.status, 6);
  assert.match(r.err[0], /unreachable/);
  assert.ok(!r.err.join("").includes("s3cret"));
});

// --- as a process: exit codes, stdin, --help ----------------------------------------------------

test("cli as a child process: --help, a string from stdin, copy to a 0600 file", () => {
  const help = runCliProcess(["session", "copy", "--help"]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Exit status:/);
  const text = encodeSessionString({ ...SMALL.session, authKey: key(7) });
  const dest = fresh("fromstdin");
  const r = runCliProcess(["session", "copy", "-", dest], text);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(statSync(dest).mode & 0o777, 0o600);
  assert.ok(!r.stdout.includes(text) && !r.stderr.includes(text));
  const info = runCliProcess(["session", "info", dest, "--json"]);
  assert.equal(JSON.parse(info.stdout).userId, 5000000001);
  assert.equal(runCliProcess(["session"]).status, 2);
});
