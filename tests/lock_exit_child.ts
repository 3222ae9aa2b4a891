/**
 * Child process of tests/lock_exit_test.ts: takes the lock of FILE (argv) and never releases it,
 * then ends as MODE says: "return" (the event loop runs dry) or "exit" (process.exit). Prints
 * the lock file's path once it holds the lock.
 */
import process from "node:process";
import { FileLock } from "../storage/file_lock.ts";

const [file, mode] = process.argv.slice(-2);
const lock = FileLock.acquire(file);
console.log(lock.lockPath);
if (mode === "exit") process.exit(0);
