/**
 * On a terminal, start() asks for what it lacks as Pyrogram does (phone number or bot token, the
 * code, the password without echoing it). The child runs under `script`, which gives it a pty.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { startWorld } from "./client_helpers.ts";

const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
const child = fileURLToPath(new URL(`./client_prompt_child${ext}`, import.meta.url));
const hasScript = spawnSync("script", ["--version"]).status === 0;
const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

test("client e2e: on a terminal, start() asks for phone, code and a hidden password", {
  skip: hasScript ? false : "the script command (util-linux) is not installed",
  timeout: 60_000,
}, async () => {
  const w = await startWorld("t");
  try {
    const command = [process.execPath, ...("Deno" in globalThis ? ["run", "-A"] : []), child]
      .map(quote).join(" ");
    const p = spawn("script", ["-qefc", command, "/dev/null"], {
      env: { ...process.env, CLIENT_OPTIONS: JSON.stringify(w.server.clientOptions()) },
    });
    let out = "";
    const answers: [RegExp, string][] = [
      [/Enter phone number or bot token: /, w.user2fa.phone],
      [/Enter confirmation code: /, w.user2fa.code],
      [/Enter password[^:]*: /, w.user2fa.password],
    ];
    p.stdout.on("data", (d) => {
      out += d;
      while (answers.length > 0 && answers[0][0].test(out)) {
        p.stdin.write(`${answers.shift()![1]}\r`);
      }
    });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => p.kill(), 60_000);
      p.on("exit", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    assert.equal(code, 0, out);
    assert.match(out, new RegExp(`LOGGED_IN ${w.user2fa.userId}`));
    assert.ok(!out.includes(w.user2fa.password), "the password is not echoed");
  } finally {
    await w.close();
  }
});
