/**
 * Making a folder's entries durable: after a file is created, renamed or removed in it, an
 * fsync of the folder itself keeps the change across a power loss (POSIX).
 *
 * @module
 */
import type * as Fs from "node:fs";
import { nodeModule } from "../runtime/runtime.ts";

/** Makes the folder's entries (a file created or removed in it) durable. */
export function fsyncDirectory(dir: string): void {
  // Taken when used (after a file was created or removed), not on load: on Deno the first node:
  // module costs ~15 ms, which a start that creates nothing need not pay.
  const { closeSync, constants, fsyncSync, openSync } = nodeModule<typeof Fs>("node:fs");
  const fd = openSync(dir, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
