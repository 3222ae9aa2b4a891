// On Deno, a cold start (import the library, start a Client on an existing session file, getMe,
// stop) must not start Deno's Node compatibility layer: its first use costs ~15 ms, a sixth of
// the whole start. The child reports which of Deno's lazy Node globals were touched, and where.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { Client } from "../mod.ts";
import { RUNTIME } from "../runtime/runtime.ts";
import { scriptCommand } from "./test_support/script_command.ts";
import { startWorld } from "./client_helpers.ts";

const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

test("deno cold path: a start from a session file, getMe and stop load no Node compatibility", {
  skip: RUNTIME !== "deno" && "Deno only (elsewhere node: modules cost nothing to load)",
  timeout: 60_000,
}, async () => {
  const w = await startWorld("denocold");
  try {
    // The session file exists, logged in, holding peers: what a cold start finds.
    const first = new Client("cold", { ...w.options(), botToken: w.bot.token, noUpdates: true });
    await first.start();
    await first.resolvePeer(w.bot.username);
    await first.stop();

    const [cmd, args] = scriptCommand(
      fileURLToPath(new URL(`./deno_cold_child${ext}`, import.meta.url)),
    );
    // Asynchronously: the TestServer answering the child lives in this process.
    const out = await new Promise<string>((resolve, reject) => {
      const p = spawn(cmd, args, {
        env: {
          ...process.env,
          COLD_OPTIONS: JSON.stringify(w.server.clientOptions()),
          COLD_WORKDIR: w.dir,
        },
      });
      let stdout = "", stderr = "";
      p.stdout.on("data", (d) => (stdout += d));
      p.stderr.on("data", (d) => (stderr += d));
      p.on("exit", (code) => code === 0 ? resolve(stdout) : reject(new Error(stderr)));
    });
    const report = JSON.parse(out.trim().split("\n").pop()!);
    assert.equal(report.id, w.bot.userId);
    assert.deepEqual(report.touched, {}, "Node globals touched on the cold path");
  } finally {
    await w.close();
  }
});
