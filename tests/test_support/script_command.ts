/**
 * Running a script as a child process on the runtime that runs the test: `process.execPath`,
 * with `run -A` under Deno (the script keeps the extension of the test's own file: `.ts` from
 * source, `.js` in the npm build).
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import { RUNTIME } from "../../runtime/runtime.ts";

/** `[command, args]` that run `script` with `args` on this runtime. */
export function scriptCommand(script: string, ...args: string[]): [string, string[]] {
  return [
    process.execPath,
    RUNTIME === "deno" ? ["run", "-A", script, ...args] : [script, ...args],
  ];
}

/** The id of a process that has already exited (the owner of a stale lock file). */
export function deadPid(): number {
  return spawnSync(process.execPath, [RUNTIME === "deno" ? "--version" : "-v"]).pid!;
}
