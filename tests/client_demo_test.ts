/**
 * The README's first command, `npm run demo`, runs here (from source; the npm build has no
 * demo): it must log in, exchange messages both ways, restart without logging in and receive
 * what was missed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { scriptCommand } from "./test_support/script_command.ts";

const fromSource = import.meta.url.endsWith(".ts");
const demo = fileURLToPath(new URL("../demo.ts", import.meta.url));

test("client demo: runs offline and shows logins, messages both ways, restarts without login", {
  skip: fromSource ? false : "the npm build carries no demo",
  timeout: 60_000,
}, () => {
  const [command, args] = scriptCommand(demo);
  const run = spawnSync(command, args, { encoding: "utf8", timeout: 120_000 });
  assert.equal(run.status, 0, run.stderr);
  const out = run.stdout;
  for (
    const line of [
      'bot   <- "hello"',
      'Alice <- "echo: hello"',
      'bot   <- "how are you?"',
      'Alice <- "echo: how are you?"',
      'Alice <- "news #1"',
      'Alice <- "sent while you were away" (fetched with updates.getDifference)',
      'Alice <- "news #2" (fetched with updates.getChannelDifference)',
      "new login requests: 0; @demo_echo_bot resolved from storage: inputPeerUser",
      "started as Alice",
      "Done: the TestServer is stopped",
    ]
  ) assert.ok(out.includes(line), `the demo prints ${line}\n${out}`);
  assert.doesNotMatch(out, /with [1-9]\d* new login requests/);
});
