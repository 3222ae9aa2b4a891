import { test } from "node:test";
import assert from "node:assert/strict";
import {
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { FileLock, FOREIGN_STALE_MS } from "./file_lock.ts";
import { SessionLockedError } from "./errors.ts";
import { tempDir } from "../tests/test_support/temp_dir.ts";
import { deadPid } from "../tests/test_support/script_command.ts";

const dir = tempDir("lock");
const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

test("file lock: a second copy of the module in this process sees the lock", async () => {
  // A query string makes the runtime load the module a second time, as a bundled duplicate would.
  const copy = await import(`./file_lock${ext}?second-copy`) as { FileLock: typeof FileLock };
  assert.notEqual(copy.FileLock, FileLock, "the runtime really loaded a second copy");
  const file = join(dir, "shared.session");
  const lock = FileLock.acquire(file);
  try {
    assert.throws(() => copy.FileLock.acquire(file), (e: unknown) => {
      assert.equal((e as SessionLockedError).code, "SESSION_LOCKED");
      return true;
    });
  } finally {
    lock.release();
  }
  assert.equal(existsSync(file + ".lock"), false);
  const again = copy.FileLock.acquire(file);
  assert.throws(() => FileLock.acquire(file), SessionLockedError);
  again.release();
});

test("file lock: release is idempotent and leaves someone else's lock alone", () => {
  const file = join(dir, "release.session");
  const lock = FileLock.acquire(file);
  lock.release();
  const other = FileLock.acquire(file);
  lock.release(); // the first holder's second release must not remove the new lock
  assert.equal(existsSync(file + ".lock"), true);
  other.release();
  assert.equal(existsSync(file + ".lock"), false);
});

test("file lock: another host's or container's lock holds while it beats, and goes stale after", () => {
  const file = join(dir, "foreign.session");
  const old = new Date(Date.now() - FOREIGN_STALE_MS - 5_000);
  const owners = [
    { pid: 1, host: "elsewhere", token: "a" }, // another host
    { pid: process.pid, host: hostname(), token: "b", pidns: "pid:[1]" }, // another container
  ];
  for (const owner of owners) {
    writeFileSync(file + ".lock", JSON.stringify(owner));
    assert.throws(() => FileLock.acquire(file), SessionLockedError, "a fresh lock holds");
    utimesSync(file + ".lock", old, old);
    const lock = FileLock.acquire(file); // untouched for too long: its holder is gone
    assert.notEqual(JSON.parse(readFileSync(file + ".lock", "utf8")).token, owner.token);
    lock.release();
  }
});

test("file lock: the holder touches its lock file while it holds it", async () => {
  const file = join(dir, "beat.session");
  const lock = FileLock.acquire(file, 20);
  try {
    const old = new Date(Date.now() - 60_000);
    utimesSync(file + ".lock", old, old);
    const deadline = Date.now() + 5_000;
    while (statSync(file + ".lock").mtimeMs < Date.now() - 30_000 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(statSync(file + ".lock").mtimeMs > Date.now() - 30_000, "the heartbeat touched it");
  } finally {
    lock.release();
  }
  // After release nothing touches the (new owner's) file any more.
  writeFileSync(file + ".lock", JSON.stringify({ pid: 1, host: "elsewhere", token: "z" }));
  const old = new Date(Date.now() - 60_000);
  utimesSync(file + ".lock", old, old);
  await new Promise((r) => setTimeout(r, 100));
  assert.ok(statSync(file + ".lock").mtimeMs < Date.now() - 30_000);
});

/** This process's pid namespace and boot id, as a lock written by this process names them. */
function ownIdentity(): { boot?: string; pidns?: string } {
  const read = (f: () => string) => {
    try {
      return f();
    } catch {
      return undefined;
    }
  };
  return {
    boot: read(() => readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim()),
    pidns: read(() => readlinkSync("/proc/self/ns/pid")),
  };
}

test("file lock: a lock naming this very process, left from an earlier crash, is taken over", () => {
  const file = join(dir, "own-pid.session");
  // Everything matches this process (pid, host, boot, namespace) but the lock is not held here:
  // an earlier life of this pid wrote it (the pid was reused after a crash).
  const own = { pid: process.pid, host: hostname(), token: "earlier-life", ...ownIdentity() };
  writeFileSync(file + ".lock", JSON.stringify(own));
  const lock = FileLock.acquire(file);
  try {
    assert.notEqual(JSON.parse(readFileSync(file + ".lock", "utf8")).token, "earlier-life");
  } finally {
    lock.release();
  }
});

test("file lock: a takeover guard left by a process that died mid-takeover does not block", () => {
  const file = join(dir, "guard.session");
  const dead = deadPid();
  const stale = JSON.stringify({ pid: dead, host: hostname(), token: "stale" });
  writeFileSync(file + ".lock", stale);
  // The breaker died holding the guard of exactly this lock file version.
  writeFileSync(
    `${file}.lock.takeover-${statSync(file + ".lock").ino}`,
    JSON.stringify({ pid: dead, host: hostname(), token: "dead-breaker" }),
  );
  const lock = FileLock.acquire(file);
  try {
    const now = JSON.parse(readFileSync(file + ".lock", "utf8"));
    assert.equal(now.pid, process.pid);
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith("guard.session.lock.")), []);
  } finally {
    lock.release();
  }
  // A live process's lock is never taken over, guard or not.
  writeFileSync(
    file + ".lock",
    JSON.stringify({ pid: process.ppid, host: hostname(), token: "p" }),
  );
  assert.throws(() => FileLock.acquire(file), SessionLockedError);
});
