/**
 * Child process of the lock race test (`tests/lock_race_test.ts`). Reads lines `ROUND AT FILE`
 * on stdin; for each, spins until the wall clock reaches `AT` (ms), so that every child tries
 * at the same instant, then tries to take the lock of `FILE` and answers `ROUND ok TOKEN-PID`
 * or `ROUND locked`. Locks are held until stdin ends: two "ok" for one round are two holders.
 */
import process from "node:process";
import { FileLock } from "../storage/file_lock.ts";

const held: FileLock[] = [];
let buffer = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
  buffer += chunk;
  let i;
  while ((i = buffer.indexOf("\n")) >= 0) {
    const [round, at, file] = buffer.slice(0, i).split(" ");
    buffer = buffer.slice(i + 1);
    while (Date.now() < Number(at)) { /* spin: the start must be as simultaneous as can be */ }
    let answer: string;
    try {
      held.push(FileLock.acquire(file));
      answer = "ok";
    } catch (e) {
      answer = (e as { code?: string }).code === "SESSION_LOCKED" ? "locked" : `error ${e}`;
    }
    process.stdout.write(`${round} ${answer}\n`);
  }
});
process.stdin.on("end", () => {
  for (const lock of held) lock.release();
  process.exit(0);
});
process.stdout.write("ready\n");
