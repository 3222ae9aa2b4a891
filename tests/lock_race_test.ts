/**
 * Four processes (two Deno and two Bun where both are installed) break the same stale lock at
 * the same instant, round after round: exactly one of them may hold the file each round, and the
 * lock file must name that one. (Before the takeover was made atomic, about one round in 40
 * ended with two holders and a lost write.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readLines } from "./test_support/child_lines.ts";
import { deadPid, scriptCommand } from "./test_support/script_command.ts";

const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
const childScript = fileURLToPath(new URL(`./lock_race_child${ext}`, import.meta.url));

interface Child {
  proc: ChildProcess;
  next(): Promise<string>;
}

/**
 * The command of a child on this runtime, or (`other`) on the other of Deno and Bun when the
 * repository has it installed (from source only: the npm build runs on Node alone), so that
 * the race is also run between runtimes, as it was found.
 */
function childCommand(other: boolean): [string, string[]] {
  const deno = "Deno" in globalThis, bun = "Bun" in globalThis;
  if (other && ext === ".ts" && (deno || bun)) {
    const bin = fileURLToPath(
      new URL(`../node_modules/.bin/${deno ? "bun" : "deno"}`, import.meta.url),
    );
    if (existsSync(bin)) return deno ? [bin, [childScript]] : [bin, ["run", "-A", childScript]];
  }
  return scriptCommand(childScript);
}

function startChild(other = false): Child {
  const [command, args] = childCommand(other);
  const proc = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  void readLines(proc, (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else queue.push(line);
  }).then(() => {
    for (const w of waiting.splice(0)) w("exited");
  });
  return {
    proc,
    next: () =>
      queue.length ? Promise.resolve(queue.shift()!) : new Promise((r) => waiting.push(r)),
  };
}

test("lock race: four processes taking over one stale lock at once, one holder per round", async () => {
  const dir = mkdtempSync(join(tmpdir(), "irenogram-lock-race-"));
  const dead = deadPid();
  const children = [startChild(), startChild(true), startChild(), startChild(true)];
  try {
    for (const c of children) assert.equal(await c.next(), "ready");
    const rounds = 60;
    let doubles = 0;
    for (let round = 0; round < rounds; round++) {
      const file = join(dir, `race-${round}.session`);
      // Half the rounds a dead process's lock, half a half-written (empty, old) one.
      if (round % 2 === 0) {
        writeFileSync(file + ".lock", JSON.stringify({ pid: dead, host: hostname(), token: "t" }));
      } else {
        writeFileSync(file + ".lock", "");
        const old = new Date(Date.now() - 60_000);
        utimesSync(file + ".lock", old, old);
      }
      const at = Date.now() + 40;
      for (const c of children) c.proc.stdin!.write(`${round} ${at} ${file}\n`);
      const answers = await Promise.all(children.map((c) => c.next()));
      const winners = children.filter((_, i) => answers[i] === `${round} ok`);
      for (const a of answers) assert.match(a, new RegExp(`^${round} (ok|locked)$`));
      if (winners.length !== 1) doubles++;
      assert.ok(winners.length >= 1, `round ${round}: nobody took over the stale lock`);
      if (winners.length === 1) {
        const owner = JSON.parse(readFileSync(file + ".lock", "utf8"));
        assert.equal(owner.pid, winners[0].proc.pid, `round ${round}: the lock names the holder`);
      }
    }
    assert.equal(doubles, 0, `${doubles} of ${rounds} rounds ended with two holders`);
  } finally {
    for (const c of children) c.proc.stdin!.end();
    await Promise.all(children.map((c) => new Promise((r) => c.proc.once("exit", r))));
    rmSync(dir, { recursive: true, force: true });
  }
});
