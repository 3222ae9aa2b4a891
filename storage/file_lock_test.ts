import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileLock } from "./file_lock.ts";
import { SessionLockedError } from "./errors.ts";

const dir = mkdtempSync(join(tmpdir(), "irenogram-lock-"));
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
