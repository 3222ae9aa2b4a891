/**
 * Facts about this process and its machine that a lock file records (host name, pid), an exit
 * hook and unref'd timers: Deno's own API on Deno, node:os/node:process elsewhere. On Deno the
 * first `node:` module a process loads starts Deno's Node compatibility layer (about 15 ms of a
 * cold start); these calls cost nothing to load there. {@link isProcessAlive} takes
 * node:process on every runtime (Deno cannot send signal 0 itself); it runs only when a lock file
 * is already there.
 *
 * @module
 */
import type * as Os from "node:os";
import type processModule from "node:process";
import { nodeModule, RUNTIME } from "./runtime.ts";

interface DenoHost {
  hostname(): string;
  readonly pid: number;
  unrefTimer(id: number): void;
}

const deno = RUNTIME === "deno" ? (globalThis as { Deno?: DenoHost }).Deno : undefined;
let nodeProcess: typeof processModule | undefined;
const proc = () => (nodeProcess ??= nodeModule<typeof processModule>("node:process"));

/** The machine's host name. */
export function hostName(): string {
  return deno ? deno.hostname() : nodeModule<typeof Os>("node:os").hostname();
}

/** This process's id. */
export function processId(): number {
  return deno ? deno.pid : proc().pid;
}

/**
 * Runs `fn` when the process exits normally (its event loop ran dry, or an exit call); not on a
 * crash or a signal.
 */
export function onProcessExit(fn: () => void): void {
  if (deno) globalThis.addEventListener("unload", fn);
  else proc().on("exit", fn);
}

/** Whether a process with id `pid` exists (someone else's too), by signal 0. */
export function isProcessAlive(pid: number): boolean {
  try {
    proc().kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: unknown }).code === "EPERM";
  }
}

/** Lets the process exit while `timer` (from setTimeout/setInterval) is still pending. */
export function unrefTimer(timer: unknown): void {
  if (deno) deno.unrefTimer(timer as number);
  else (timer as { unref?: () => void }).unref?.();
}
