/**
 * The session tool on 1,000 damaged inputs (session files of three layouts with flipped bits,
 * zeroed or garbage pages, truncations, damaged headers; damaged session strings): every run
 * ends with exit 0 (damage SQLite never reads) or 3 (refused), one line on stderr, no secret in
 * it, the input file byte-for-byte as it was, and no temporary copy left behind.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { Buffer } from "node:buffer";
import { encodeSessionStringAs, SESSION_STRING_TARGETS } from "../storage/session_string_write.ts";
import { SeededRandom } from "../testing/random.ts";
import {
  dataset,
  key,
  makeIrenogramFile,
  makePyrogramV3File,
  makeTelethonFile,
  runInProcess,
} from "./cli_fixtures.ts";
import { tempDir } from "./test_support/temp_dir.ts";

const FILES = 700;
const STRINGS = 300;

const dir = tempDir("cli-corrupt");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
// The tool's temporary copies go to os.tmpdir(), pointed (TMPDIR) at a folder of this test's
// own while it runs: other processes' `irenogram-cli-*` folders in the shared /tmp once changed
// the count under it.
const temps = join(dir, "tmp");
mkdirSync(temps);
const ourTemps = () => readdirSync(temps).filter((f) => f.startsWith("irenogram-cli-")).length;
const KEY_HEX = Buffer.from(key(7)).toString("hex");

/** One damaged copy of `base`. */
function damage(base: Uint8Array, rng: SeededRandom): Uint8Array {
  const b = Uint8Array.from(base);
  switch (rng.int(6)) {
    case 0: { // a few flipped bits anywhere
      for (let n = 1 + rng.int(8); n > 0; n--) b[rng.int(b.length)] ^= 1 << rng.int(8);
      return b;
    }
    case 1: { // flipped bits in the header or the schema page
      for (let n = 1 + rng.int(4); n > 0; n--) {
        b[rng.int(Math.min(b.length, 4096))] ^= 1 << rng.int(8);
      }
      return b;
    }
    case 2: // truncated
      return b.subarray(0, rng.int(b.length));
    case 3: { // a page of zeros or garbage
      const page = rng.int(Math.max(1, Math.floor(b.length / 4096))) * 4096;
      const fill = rng.int(2) ? rng.bytes(4096) : new Uint8Array(4096);
      b.set(fill.subarray(0, Math.min(4096, b.length - page)), page);
      return b;
    }
    case 4: { // a run of random bytes
      const at = rng.int(b.length), n = Math.min(b.length - at, 1 + rng.int(64));
      b.set(rng.bytes(n), at);
      return b;
    }
    default: { // extra bytes at the end, or the header's page size/counters damaged
      if (rng.int(2)) return Uint8Array.from([...b, ...rng.bytes(1 + rng.int(5000))]);
      const at = 16 + rng.int(84);
      b[at] = rng.int(256);
      return b;
    }
  }
}

test(`cli: ${FILES} damaged session files and ${STRINGS} damaged strings, sources untouched`, {
  timeout: 300_000,
}, async () => {
  const data = dataset(40);
  const bases: Uint8Array[] = [];
  for (const make of [makeIrenogramFile, makePyrogramV3File, makeTelethonFile]) {
    const path = join(dir, `base-${bases.length}.session`);
    await make(path, data);
    bases.push(Uint8Array.from(readFileSync(path)));
  }
  const rng = new SeededRandom(0xc0_77);
  const seen = new Map<number, number>();
  const path = join(dir, "damaged.session");
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = temps;
  try {
    const tempsBefore = ourTemps();
    for (let i = 0; i < FILES; i++) {
      const bytes = damage(bases[i % bases.length], rng);
      writeFileSync(path, bytes);
      const before = sha(bytes);
      const r = await runInProcess("session", "info", path, "--json");
      seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
      assert.ok(r.status === 0 || r.status === 3, `input ${i}: exit ${r.status}: ${r.err}`);
      if (r.status === 3) assert.equal(r.err.length, 1, `input ${i}: ${r.err}`);
      assert.ok(!r.err.join("").includes(KEY_HEX));
      assert.equal(sha(readFileSync(path)), before, `input ${i}: the file changed`);
      rmSync(path + ".lock", { force: true });
    }
    assert.equal(ourTemps(), tempsBefore, "no temporary copy left behind");
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  // The damage must be real: many inputs are refused (damage in unused space is not seen).
  assert.ok((seen.get(3) ?? 0) > FILES / 3, JSON.stringify([...seen]));

  const strings = SESSION_STRING_TARGETS.map((t) =>
    encodeSessionStringAs(t, { ...data.session, authKey: key(7) })
  );
  let refused = 0;
  for (let i = 0; i < STRINGS; i++) {
    const good = strings[i % strings.length];
    const chars = [...good];
    for (let n = 1 + rng.int(3); n > 0; n--) {
      const at = rng.int(chars.length);
      if (rng.int(3) === 0) chars.splice(at, 1);
      else chars[at] = "ABCxyz019-_+/=!é"[rng.int(16)];
    }
    const text = chars.join("");
    if (text === good) continue;
    const r = await runInProcess("session", "convert", text, "--to", "telethon");
    assert.ok(r.status === 0 || r.status === 3, `string ${i}: exit ${r.status}: ${r.err}`);
    if (r.status === 3) {
      refused++;
      assert.equal(r.err.length, 1);
      assert.ok(!r.err[0].includes(text) && !r.err[0].includes(good.slice(5, 40)), r.err[0]);
    }
  }
  assert.ok(refused > STRINGS / 2, `${refused} refused`);
});
