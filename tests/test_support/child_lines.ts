/**
 * Reading a child process's stdout line by line, for the tests that talk to child scripts
 * through one line per event.
 *
 * @module
 */
import type { ChildProcess } from "node:child_process";

/**
 * Calls `onLine` with each line `proc` writes to stdout (without the newline; a last line
 * without one is not delivered); resolves with the exit code when the child ends.
 */
export function readLines(
  proc: ChildProcess,
  onLine: (line: string) => void,
): Promise<number | null> {
  let buffer = "";
  proc.stdout!.setEncoding("utf8");
  proc.stdout!.on("data", (chunk: string) => {
    buffer += chunk;
    let i;
    while ((i = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      onLine(line);
    }
  });
  return new Promise((resolve) => proc.on("exit", (code) => resolve(code)));
}
