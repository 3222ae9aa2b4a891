/**
 * A test file's scratch folder: made fresh under the system's temp folder and removed with
 * everything in it after the file's last test, pass or fail (no test sees another's files, and
 * no run leaves session files behind). Removal is node:test's `after` hook: `deno test` emits no
 * process "exit" event, so an exit handler left the folder behind under Deno.
 *
 * @module
 */
import { after } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A new empty folder `irenogram-NAME-XXXXXX` under the temp folder, removed after the calling
 * file's tests. Call it at the top level of a test file.
 */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `irenogram-${name}-`));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
