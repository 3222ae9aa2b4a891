import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import process from "node:process";
import { StringSession } from "telegram/sessions/index.js";
import { AuthKey } from "telegram/crypto/AuthKey.js";
import {
  defaultProductionDc,
  defaultTestDc,
  readStringSession,
  writeStringSession,
} from "@mtcute/core/utils.js";
import {
  decodeSessionString,
  encodeSessionString,
  parseSessionString,
  type SessionStringData,
  type SessionStringFormat,
} from "./session_string.ts";
import { SessionStringError, StorageError } from "./errors.ts";
import { dcAddress, TELEGRAM_DCS } from "./dcs.ts";
import type { SessionData } from "./storage.ts";
import { SeededRandom } from "../testing/random.ts";

/** A case written by a real library (tests/fixtures/session_strings/make.sh). */
interface Fixture {
  name: string;
  producer: string;
  format: SessionStringFormat;
  string: string;
  expected: Omit<SessionData, "authKey" | "date"> & { authKey: string };
}

const fixtures: Fixture[] = JSON.parse(
  readFileSync(
    new URL("../tests/fixtures/session_strings/cases.json", import.meta.url),
    "utf8",
  ),
);

const hex = (b: Uint8Array | null) =>
  b === null ? null : Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

function assertDecodes(text: string, fixture: Fixture): void {
  const { format, session } = parseSessionString(text);
  assert.equal(format, fixture.format);
  // the key owns its memory: no view into a decode buffer (or Node's shared Buffer pool)
  if (session.authKey) assert.equal(session.authKey.buffer.byteLength, 256);
  assert.deepEqual({ ...session, authKey: hex(session.authKey) }, { ...fixture.expected, date: 0 });
}

/** The error must be typed and must not echo any 8-character piece of the input. */
function assertSafeError(e: unknown, input: string, seed?: number): void {
  if (!(e instanceof SessionStringError)) {
    assert.fail(`expected SessionStringError, got ${e} (seed ${seed})`);
  }
  assert.equal(e.code, "SESSION_STRING_INVALID");
  // nor anything that looks like encoded or hex data (a decoded key, an address, …)
  assert.doesNotMatch(e.message, /[A-Za-z0-9+/_-]{20}|[0-9a-fA-F]{16}/, `seed ${seed}`);
  for (let i = 0; i + 8 <= input.length; i++) {
    const piece = input.slice(i, i + 8);
    if (e.message.includes(piece)) assert.fail(`message echoes the input (seed ${seed})`);
  }
}

function rejects(input: string, pattern: RegExp): void {
  let thrown: unknown;
  try {
    decodeSessionString(input);
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown, "expected an error");
  assertSafeError(thrown, input);
  assert.match((thrown as Error).message, pattern);
}

const byFormat = (format: SessionStringFormat) => fixtures.filter((f) => f.format === format);

// --- known answers from the real libraries -----------------------------------------------------

test("the fixtures cover every layout and producer", () => {
  const formats = new Set(fixtures.map((f) => f.format));
  assert.deepEqual([...formats].sort(), [
    "gramjs",
    "mtcute",
    "pyrogram",
    "pyrogram-v1",
    "pyrogram-v1-64",
    "telethon",
  ]);
  const producers = new Set(fixtures.map((f) => f.producer.split(" ")[0]));
  for (const p of ["pyrogram", "irenogram", "pyrofork", "kurigram", "telethon", "@mtcute/core"]) {
    assert.ok(producers.has(p), p);
  }
  const lengths = (format: SessionStringFormat) =>
    new Set(byFormat(format).map((f) => f.string.length));
  assert.deepEqual([...lengths("pyrogram")], [362]);
  assert.deepEqual([...lengths("pyrogram-v1")], [351]);
  assert.deepEqual([...lengths("pyrogram-v1-64")], [356]);
});

for (const fixture of fixtures) {
  test(`decodes ${fixture.name} (${fixture.format})`, () => {
    assertDecodes(fixture.string, fixture);
  });
}

test("Pyrogram strings decode the same with = padding, and Telethon's without", () => {
  for (const f of [...byFormat("pyrogram"), ...byFormat("pyrogram-v1"), ...byFormat("telethon")]) {
    const bare = f.string.replace(/=+$/, "");
    const padded = bare +
      "=".repeat((4 - ((bare.length - (f.format === "telethon" ? 1 : 0)) % 4)) % 4);
    assertDecodes(bare, f);
    assertDecodes(padded, f);
    assertDecodes(`  ${f.string}\n`, f);
  }
});

test("encodeSessionString writes exactly what Pyrogram, Irenogram, Pyrofork and kurigram write", () => {
  const cases = byFormat("pyrogram");
  assert.ok(cases.length >= 24);
  for (const f of cases) {
    const e = f.expected;
    const data: SessionStringData = {
      dcId: e.dcId,
      apiId: e.apiId,
      testMode: e.testMode,
      authKey: Uint8Array.from(e.authKey.match(/../g)!, (h) => parseInt(h, 16)),
      userId: e.userId,
      isBot: e.isBot,
    };
    assert.equal(encodeSessionString(data), f.string, f.name);
  }
});

// --- round trips and live differentials ---------------------------------------------------------

const PROD_DCS = Object.keys(TELEGRAM_DCS.prod).map(Number);
const TEST_DCS = Object.keys(TELEGRAM_DCS.test).map(Number);

function randomSession(rng: SeededRandom): SessionStringData {
  const testMode = rng.int(4) === 0;
  const dcs = testMode ? TEST_DCS : PROD_DCS;
  const userIdKinds = [
    () => null,
    () => 1 + rng.int(0xffffffff),
    () => Number.MAX_SAFE_INTEGER - rng.int(1000),
    () => rng.int(0x1fffff) * 0x1_0000_0000 + rng.uint32() + 1,
  ];
  return {
    dcId: dcs[rng.int(dcs.length)],
    apiId: 1 + rng.int(0xffffffff),
    testMode,
    authKey: rng.bytes(256),
    userId: userIdKinds[rng.int(userIdKinds.length)](),
    isBot: [true, false, null][rng.int(3)],
  };
}

test("encode then decode gives the session back, with the DC table's address", () => {
  const rng = new SeededRandom(0x5e55);
  for (let i = 0; i < 500; i++) {
    const data = randomSession(rng);
    const text = encodeSessionString(data);
    assert.equal(text.length, 362);
    assert.match(text, /^[A-Za-z0-9_-]+$/);
    const { format, session } = parseSessionString(text);
    assert.equal(format, "pyrogram");
    const where = dcAddress(data.dcId, data.testMode)!;
    assert.deepEqual(session, {
      ...data,
      isBot: data.isBot ?? false,
      date: 0,
      serverAddress: where.host,
      port: where.port,
    }, `seed ${rng.seed}, case ${i}`);
  }
});

test("GramJS StringSession (live): every string it writes decodes to what it was given", async () => {
  const rng = new SeededRandom(0x6a3);
  const hosts = ["149.154.167.51", "91.108.56.130", "2001:67c:4e8:f002::a", "149.154.175.10"];
  for (let i = 0; i < 40; i++) {
    const host = hosts[rng.int(hosts.length)];
    const dcs = host === "149.154.175.10" ? TEST_DCS : PROD_DCS;
    const dcId = dcs[rng.int(dcs.length)];
    const port = 1 + rng.int(32767); // GramJS writes the port as a signed 16-bit number
    const authKey = rng.bytes(256);
    const session = new StringSession("");
    session.setDC(dcId, host, port);
    const ak = new AuthKey();
    await ak.setKey(authKey as never);
    session.authKey = ak;
    const text = session.save();
    const { format, session: got } = parseSessionString(text);
    assert.equal(format, "gramjs");
    assert.deepEqual(got, {
      dcId,
      apiId: null,
      testMode: host === "149.154.175.10",
      authKey,
      userId: null,
      isBot: null,
      date: 0,
      serverAddress: host,
      port,
    });
  }
});

test("mtcute writeStringSession (live): every string it writes decodes to what it was given", () => {
  const rng = new SeededRandom(0x3c);
  for (let i = 0; i < 40; i++) {
    const testMode = rng.int(2) === 0;
    const base = testMode ? defaultTestDc : defaultProductionDc;
    const dcs = testMode ? TEST_DCS : PROD_DCS;
    const main = { ...base.main, id: dcs[rng.int(dcs.length)], port: 1 + rng.int(65535) };
    const primaryDcs = rng.int(2) ? { main, media: base.media } : { main, media: main };
    const self = rng.int(3) === 0 ? null : {
      userId: 1 + rng.int(0x1fffff) * 0x1_0000_0000 + rng.uint32(),
      isBot: rng.int(2) === 0,
      isPremium: false,
      usernames: [],
    };
    const authKey = rng.bytes(256);
    const text = writeStringSession({ version: 3, primaryDcs, self, authKey });
    assert.equal(readStringSession(text).primaryDcs.main.id, main.id);
    const { format, session } = parseSessionString(text);
    assert.equal(format, "mtcute");
    assert.deepEqual(session, {
      dcId: main.id,
      apiId: null,
      testMode,
      authKey,
      userId: self?.userId ?? null,
      isBot: self ? self.isBot : null,
      date: 0,
      serverAddress: main.ipAddress,
      port: main.port,
    });
  }
});

// Pyrogram's own reader over our writer, when an interpreter with Pyrogram or a fork is at hand:
// .ci/setup/20-python.sh provides Irenogram as IRENOGRAM_PYTHON; SESSION_STRINGS_PYTHON picks
// another (e.g. a venv with pyrogram, pyrofork or kurigram).
const PYTHON_READER = `
import asyncio, inspect, json, sys
from pathlib import Path
from pyrogram import storage
from pyrogram.storage.sqlite_storage import SQLiteStorage

def make(s):
    if "in_memory" in inspect.signature(SQLiteStorage.__init__).parameters:
        return SQLiteStorage("t", Path("."), session_string=s, in_memory=True)
    return storage.MemoryStorage("t", s)

async def main():
    out = []
    for s in json.load(sys.stdin):
        st = make(s)
        await st.open()
        # read the row open() stored, by SQL: Pyrogram's accessors call inspect.stack() (slow)
        dc, api, test, key, user, bot = st.conn.execute(
            "SELECT dc_id, api_id, test_mode, auth_key, user_id, is_bot FROM sessions").fetchone()
        out.append([dc, api, bool(test), key.hex(), user, bool(bot)])
        await st.close()
    print(json.dumps(out))

asyncio.run(main())
`;
const venvPython = (up: string) =>
  fileURLToPath(new URL(`${up}.cache/venv-irenogram/bin/python`, import.meta.url));
const python = [
  process.env.SESSION_STRINGS_PYTHON,
  process.env.IRENOGRAM_PYTHON,
  venvPython("../"), // from source
  venvPython("../../"), // from the npm build
  "python3",
].find((p) => p && spawnSync(p, ["-c", "import pyrogram"], { stdio: "ignore" }).status === 0);

test(
  "Pyrogram's own reader (Python) reads what encodeSessionString writes",
  // Importing Pyrogram alone takes seconds: more than Bun's default 5 s per test.
  {
    skip: python ? false : "no Python with Pyrogram; the fixtures cover the layout",
    timeout: 120_000,
  },
  () => {
    // Few sessions, chosen for their edges: the Python storages are slow to drive.
    const rng = new SeededRandom(0x9e);
    const key = () => rng.bytes(256);
    const sessions: SessionStringData[] = [
      {
        dcId: 203,
        apiId: 2 ** 32 - 1,
        testMode: false,
        authKey: key(),
        userId: 2 ** 53 - 1,
        isBot: true,
      },
      { dcId: 3, apiId: 1, testMode: true, authKey: key(), userId: null, isBot: null },
      { dcId: 1, apiId: 94575, testMode: false, authKey: key(), userId: 2 ** 32 + 5, isBot: false },
      randomSession(rng),
      randomSession(rng),
    ];
    const run = spawnSync(python!, ["-c", PYTHON_READER], {
      input: JSON.stringify(sessions.map(encodeSessionString)),
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    const read = JSON.parse(run.stdout);
    assert.deepEqual(
      read,
      sessions.map((s) => [s.dcId, s.apiId, s.testMode, hex(s.authKey), s.userId ?? 0, !!s.isBot]),
    );
  },
);

// --- validation --------------------------------------------------------------------------------

const pyrogram = byFormat("pyrogram")[0].string;
const telethon = byFormat("telethon")[0].string;
const gramjs = byFormat("gramjs")[0].string;
const mtcute = byFormat("mtcute")[0].string;

function base64url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function bytesOf(text: string): Uint8Array {
  const bin = atob(
    text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "="),
  );
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
/** A Pyrogram fixture with one byte replaced. */
function pyrogramWith(at: number, value: number, dcId = 2): string {
  const b = bytesOf(byFormat("pyrogram").find((f) => f.expected.dcId === dcId)!.string);
  b[at] = value;
  return base64url(b);
}

test("wrong lengths, alphabets and padding are refused", () => {
  rejects("", /empty/);
  rejects(pyrogram.slice(0, 361), /whole number of bytes/);
  rejects(pyrogram.slice(0, 360), /layout/);
  rejects(pyrogram + "AAAA", /constructor/); // 275 bytes starting 0x02: read as mtcute v2
  rejects(pyrogram.slice(0, 350) + "!" + pyrogram.slice(351), /alphabet/);
  rejects(pyrogram.slice(0, 200) + " " + pyrogram.slice(201), /alphabet/);
  rejects(pyrogram.slice(0, 200) + "é" + pyrogram.slice(201), /alphabet/);
  rejects(pyrogram.slice(0, 10) + "+" + pyrogram.slice(11, 20) + "-" + pyrogram.slice(21), /mixes/);
  rejects(pyrogram + "=", /padding/);
  rejects(pyrogram + "===", /padding/);
  rejects(pyrogram.slice(0, 100) + "=" + pyrogram.slice(101), /alphabet/);
  rejects("A".repeat(5000), /far more/);
  // 362 characters carry 271 bytes and 2 spare bits, which must be zero
  rejects(pyrogram.slice(0, 361) + "B", /non-canonical/);
  rejects("1" + telethon.slice(2), /padding/);
  rejects("1" + base64url(new Uint8Array(300)), /unknown length/);
  rejects("1", /unknown length/);
  rejects(base64url(new Uint8Array(300)), /layout/);
});

test("values out of range are refused", () => {
  rejects(pyrogramWith(0, 0), /DC 0/);
  rejects(pyrogramWith(0, 6), /DC 6/);
  rejects(pyrogramWith(0, 255), /DC 255/);
  rejects(pyrogramWith(5, 1, 4), /DC 4 is not a test/);
  assert.equal(decodeSessionString(pyrogramWith(5, 1, 2)).testMode, true);
  rejects(pyrogramWith(5, 2), /test_mode/);
  rejects(pyrogramWith(270, 2), /is_bot/);
  rejects(pyrogramWith(262, 0x01), /user id/); // beyond 2^53
  rejects(pyrogramWith(263, 0x20), /user id/);
});

test("Telethon, GramJS and mtcute strings with bad fields are refused", () => {
  const tb = bytesOf(telethon.slice(1));
  tb[5] = 0;
  tb[6] = 0; // port 0
  rejects("1" + base64url(tb), /port/);
  const gb = bytesOf(gramjs.slice(1));
  gb[5] = 0x20; // a space inside the address
  rejects("1" + base64url(gb), /address/);
  const mb = bytesOf(mtcute);
  rejects(base64url(mb.subarray(0, mb.length - 4)), /ends too early|auth key/);
  rejects(base64url(new Uint8Array([...mb, 0, 0, 0, 0])), /trailing/);
  const mv = mb.slice();
  mv[0] = 9;
  rejects(base64url(mv), /layout/);
  const mk = mb.slice();
  mk[mk.length - 259] = 0xff; // the auth key's length prefix
  rejects(base64url(mk), /length prefix|auth key|ends too early/);
});

test("non-strings are refused with a typed error", () => {
  for (const value of [undefined, null, 42, {}, ["x"]]) {
    assert.throws(() => decodeSessionString(value as never), SessionStringError);
  }
});

test("encodeSessionString refuses sessions it cannot write", () => {
  const good: SessionStringData = {
    dcId: 2,
    apiId: 12345,
    testMode: false,
    authKey: new Uint8Array(256).fill(7),
    userId: 42,
    isBot: false,
  };
  assert.equal(encodeSessionString(good).length, 362);
  // No key yet (never logged in): said plainly, with its own code, not "invalid session string".
  assert.throws(() => encodeSessionString({ ...good, authKey: null }), (e: unknown) => {
    assert.ok(e instanceof StorageError && e.code === "STORAGE_NO_AUTH_KEY", `${e}`);
    assert.doesNotMatch((e as Error).message, /invalid session string/);
    return true;
  });
  const bad: Partial<SessionStringData>[] = [
    { apiId: null },
    { apiId: 0 },
    { apiId: 2 ** 32 },
    { apiId: 1.5 },
    { authKey: new Uint8Array(255) },
    { dcId: 0 },
    { dcId: 7 },
    { dcId: 4, testMode: true },
    { userId: 0 },
    { userId: -5 },
    { userId: 2 ** 53 },
    { userId: 1.5 },
    { testMode: 1 as never },
    { isBot: "yes" as never },
  ];
  for (const patch of bad) {
    let thrown: unknown;
    try {
      encodeSessionString({ ...good, ...patch });
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown instanceof SessionStringError, JSON.stringify(patch));
    assert.ok(!(thrown as Error).message.includes("0707070707"));
  }
});

// --- fuzz --------------------------------------------------------------------------------------

const URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const JUNK = "+/=!@#$%^&*() \n\t.,é\u0000~";

/** The bytes under a (possibly already mangled) string, or undefined when atob refuses it. */
function bytesUnder(input: string): { prefix: string; bytes: Uint8Array } | undefined {
  const prefix = input[0] === "1" ? "1" : "";
  try {
    const body = input.slice(prefix.length).replace(/=+$/, "").replace(/\+/g, "-").replace(
      /\//g,
      "_",
    );
    return { prefix, bytes: bytesOf(body) };
  } catch {
    return undefined;
  }
}

function mutate(rng: SeededRandom, input: string): string {
  const at = rng.int(input.length);
  switch (rng.int(9)) {
    case 0: // another base64 character
      return input.slice(0, at) + URL_ALPHABET[rng.int(64)] + input.slice(at + 1);
    case 1: // truncation
      return input.slice(0, at);
    case 2: // deletion
      return input.slice(0, at) + input.slice(at + 1 + rng.int(4));
    case 3: // insertion
      return input.slice(0, at) + URL_ALPHABET[rng.int(64)] + input.slice(at);
    case 4: // a character outside the alphabet
      return input.slice(0, at) + JUNK[rng.int(JUNK.length)] + input.slice(at + 1);
    case 5: { // a bit flip in the decoded bytes, re-encoded: reaches the field checks
      const under = bytesUnder(input);
      if (!under) return input.slice(1);
      under.bytes[rng.int(under.bytes.length)] ^= 1 << rng.int(8);
      return under.prefix + base64url(under.bytes);
    }
    case 6: { // a byte overwritten in the first 40 bytes (headers, lengths, flags, ids)
      const under = bytesUnder(input);
      if (!under) return input.slice(1);
      under.bytes[rng.int(Math.min(40, under.bytes.length))] = rng.int(256);
      return under.prefix + base64url(under.bytes);
    }
    case 7: // a random string of a plausible length
      return Array.from({ length: 340 + rng.int(180) }, () => URL_ALPHABET[rng.int(64)]).join("");
    default: // wrong length: repeated or doubled
      return rng.int(2) ? input + input.slice(0, 1 + rng.int(8)) : input.repeat(2);
  }
}

test("fuzz: thousands of mangled strings give SessionStringError or a sane session", () => {
  const rng = new SeededRandom(0xf022);
  let refused = 0;
  let accepted = 0;
  for (let i = 0; i < 4000; i++) {
    let input = fixtures[rng.int(fixtures.length)].string;
    const rounds = 1 + rng.int(3);
    for (let r = 0; r < rounds && input.length > 0; r++) input = mutate(rng, input);
    let session: SessionData;
    try {
      session = decodeSessionString(input);
    } catch (e) {
      assertSafeError(e, input, rng.seed);
      refused++;
      continue;
    }
    accepted++;
    assert.ok(session.authKey === null || session.authKey.length === 256);
    assert.ok(Number.isInteger(session.dcId) && session.dcId >= 1 && session.dcId <= 203);
    assert.ok(session.userId === null || Number.isSafeInteger(session.userId));
    assert.ok(session.port === null || (session.port >= 1 && session.port <= 65535));
  }
  // both paths must really be exercised
  assert.ok(refused > 1000, `refused ${refused}`);
  assert.ok(accepted > 100, `accepted ${accepted}`);
});

test("damaged strings that would read as another layout are refused (plausibility)", () => {
  // A current string cut to 351 characters has the length of Pyrogram 1.x's 32-bit layout.
  // When the auth key's last four bytes are 0x80… or more, no 1.x user id can be there.
  const b = bytesOf(pyrogram);
  b[258] = 0x9a; // key byte 252: where the 1.x layout reads its user id
  const cut = base64url(b).slice(0, 351);
  rejects(cut, /Pyrogram 1\.x/);
  // Every real string cut so: refused, or (documented as indistinguishable) a 31-bit user id.
  for (const f of byFormat("pyrogram")) {
    try {
      const parsed = parseSessionString(f.string.slice(0, 351));
      assert.ok(parsed.session.userId! <= 0x7fffffff);
    } catch (e) {
      assertSafeError(e, f.string);
    }
  }
  // A 1.x string without a user id was never exported.
  const v1 = new Uint8Array(263);
  v1[0] = 2;
  v1.fill(9, 2, 258);
  rejects(base64url(v1), /without a user id/);
  // A GramJS string (14-character address) with one changed character in its length field has
  // Telethon's IPv6 length; it must not read as Telethon with an address made of text.
  const gb = bytesOf(gramjs.slice(1));
  assert.equal(gb.length, 275, "the fixture's address has 14 characters");
  gb[2] ^= 0x04;
  rejects("1" + base64url(gb), /GramJS/);
});
