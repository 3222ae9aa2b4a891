/**
 * A private FerretDB (SQLite backend) for tests and benchmarks that must not share the common
 * server: one frozen on purpose, or one whose CPU time is measured.
 */
import { type ChildProcess, spawn } from "node:child_process";

/** Starts FerretDB `bin` on 127.0.0.1:`port` with its data and state under `dir`/data. */
export function spawnFerretDb(bin: string, dir: string, port: number): ChildProcess {
  return spawn(bin, [
    "--handler=sqlite",
    `--sqlite-url=file:${dir}/data/`,
    `--listen-addr=127.0.0.1:${port}`,
    "--debug-addr=-",
    "--telemetry=disable",
    `--state-dir=${dir}`,
    "--log-level=error",
  ], { stdio: "ignore" });
}
