// A process that exits normally without closing its storage leaves no lock file behind (the
// exit hook of storage/file_lock.ts: Deno's "unload" event there, process "exit" elsewhere).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tempDir } from "./test_support/temp_dir.ts";
import { scriptCommand } from "./test_support/script_command.ts";

const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
const child = fileURLToPath(new URL(`./lock_exit_child${ext}`, import.meta.url));
const dir = tempDir("lock-exit");

for (const mode of ["return", "exit"]) {
  test(`file lock: a process that ends (${mode}) without releasing removes its lock file`, () => {
    const file = join(dir, `${mode}.session`);
    const [cmd, args] = scriptCommand(child, file, mode);
    const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    const lockPath = r.stdout.trim();
    assert.equal(lockPath, `${file}.lock`, "the child held the lock");
    assert.equal(existsSync(lockPath), false, "lock file left behind");
  });
}
