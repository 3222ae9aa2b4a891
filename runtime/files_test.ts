import { test } from "node:test";
import assert from "node:assert/strict";
import {
  mkdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { denoFiles, type Files, files, nodeFiles } from "./files.ts";
import { hostName, isProcessAlive, processId, unrefTimer } from "./host.ts";
import { RUNTIME } from "./runtime.ts";
import { tempDir } from "../tests/test_support/temp_dir.ts";
import { deadPid } from "../tests/test_support/script_command.ts";

const root = tempDir("files");

/** What each operation answers (or the error code it throws) in a fresh folder of `dir`. */
function exercise(impl: Files, dir: string): unknown[] {
  mkdirSync(dir);
  const out: unknown[] = [];
  const tryIt = (f: () => unknown) => {
    try {
      const v = f();
      out.push(v instanceof Uint8Array ? [...v] : v);
    } catch (e) {
      out.push({ code: (e as { code?: unknown }).code });
    }
  };
  const f = join(dir, "a.session");
  const info = () => {
    const i = impl.info(f);
    return i && { size: i.size, isFile: i.isFile, ino: i.ino === statSync(f).ino };
  };
  tryIt(info); // missing
  tryIt(() => impl.info(join(dir, "gone", "below"))); // below a missing folder
  tryIt(() => impl.createExclusive(f, '{"pid":1,"é":"ü"}', 0o600));
  tryIt(() => impl.createExclusive(f, "again", 0o600)); // exists: false, left alone
  tryIt(() => statSync(f).mode & 0o777);
  tryIt(() => impl.info(join(f, "below"))); // below a file: ENOTDIR, thrown
  tryIt(info);
  tryIt(() => impl.readText(f));
  tryIt(() => impl.readHead(f, 4));
  tryIt(() => impl.readHead(f, 1000)); // shorter than asked
  tryIt(() => {
    const v = impl.readVersion(f);
    return v && { ino: v.ino === statSync(f).ino, text: v.text };
  });
  tryIt(() => impl.readVersion(join(dir, "none"))); // null
  const empty = join(dir, "empty");
  tryIt(() => impl.createExclusive(empty, "", 0o600));
  tryIt(() => impl.readVersion(empty)?.text);
  tryIt(() => impl.readHead(empty, 100));
  tryIt(() => impl.readText(join(dir, "none")));
  tryIt(() => impl.readHead(join(dir, "none"), 1));
  const big = join(dir, "big");
  writeFileSync(big, "x".repeat(10_000));
  tryIt(() => impl.readVersion(big)?.text?.length);
  tryIt(() => impl.rename(empty, join(dir, "moved")));
  tryIt(() => impl.info(empty));
  tryIt(() => impl.remove(join(dir, "moved")));
  tryIt(() => impl.remove(join(dir, "moved"))); // ENOENT
  tryIt(() => impl.makeDirectory(join(dir, "p", "q", "r"), 0o700));
  tryIt(() => impl.makeDirectory(join(dir, "p", "q", "r"), 0o700)); // exists: fine
  tryIt(() => statSync(join(dir, "p", "q")).isDirectory());
  symlinkSync(f, join(dir, "link"));
  symlinkSync(join(dir, "nowhere"), join(dir, "dangling"));
  tryIt(() => impl.realPath(join(dir, "link")) === realpathSync(f));
  tryIt(() => impl.realPath(join(dir, "dangling")));
  tryIt(() => impl.readLink(join(dir, "dangling")) === join(dir, "nowhere"));
  tryIt(() => impl.readLink(f)); // not a link
  const when = new Date(Date.now() - 3_600_000);
  tryIt(() => impl.touch(f, when));
  tryIt(() => Math.abs(statSync(f).mtimeMs - when.getTime()) < 1000);
  tryIt(() => Math.abs(impl.info(f)!.mtimeMs - statSync(f).mtimeMs) < 1);
  tryIt(() => impl.touch(join(dir, "none"), when));
  return out;
}

test("files: this runtime's operations answer as node:fs does", () => {
  const got = exercise(files, join(root, "runtime"));
  const want = exercise(nodeFiles, join(root, "node"));
  assert.deepEqual(got, want);
  // Known answers, so that both agreeing on something wrong fails too.
  assert.deepEqual(want.slice(0, 10), [
    undefined,
    undefined,
    true,
    false,
    0o600 & ~readUmask(),
    { code: "ENOTDIR" },
    { size: 19, isFile: true, ino: true },
    '{"pid":1,"é":"ü"}',
    [...new TextEncoder().encode('{"pi')],
    [...new TextEncoder().encode('{"pid":1,"é":"ü"}')],
  ]);
  assert.equal(readFileSync(join(root, "node", "a.session"), "utf8"), '{"pid":1,"é":"ü"}');
});

test("files: Deno's own file API is what serves on Deno", () => {
  assert.equal(denoFiles !== undefined, RUNTIME === "deno");
  assert.equal(files, denoFiles ?? nodeFiles);
});

test("files: creating exclusively leaves an existing file as it was, times included", () => {
  const f = join(root, "keep.lock");
  writeFileSync(f, "theirs");
  const old = new Date(Date.now() - 60_000);
  utimesSync(f, old, old);
  assert.equal(files.createExclusive(f, "mine", 0o600), false);
  assert.equal(readFileSync(f, "utf8"), "theirs");
  assert.ok(statSync(f).mtimeMs < Date.now() - 30_000);
});

test("host: pid, host name and liveness as node:process and node:os tell", async () => {
  assert.equal(processId(), process.pid);
  const { hostname } = await import("node:os");
  assert.equal(hostName(), hostname());
  assert.equal(isProcessAlive(process.pid), true);
  assert.equal(isProcessAlive(deadPid()), false);
  const timer = setInterval(() => {}, 60_000);
  unrefTimer(timer); // the test process still exits (the runner would hang otherwise)
  clearInterval(timer);
});

function readUmask(): number {
  const probe = join(root, "umask-probe");
  writeFileSync(probe, "", { mode: 0o666 });
  return 0o666 & ~statSync(probe).mode & 0o777;
}
