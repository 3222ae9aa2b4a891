// The README's "Testing your bot offline" example, run as it is written (only its import of
// "@x/irenogram/testing" pointed at this checkout), so that the example a user pastes works.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import process from "node:process";

const readme = fileURLToPath(new URL("../../README.md", import.meta.url));
const testing = new URL("../../testing/mod.ts", import.meta.url).href;
const isDeno = "Deno" in globalThis;
const isBun = "Bun" in globalThis;

test("README: the offline bot test example runs and its assertion holds", {
  timeout: 120_000,
  skip: !existsSync(readme) || !(isDeno || isBun)
    ? "needs the source checkout (Deno or Bun)"
    : false,
}, () => {
  const text = readFileSync(readme, "utf8");
  const section = text.slice(text.indexOf("## Testing your bot offline"));
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  assert.ok(block, "no ts block in the README section");
  const code = block[1].replace('"@x/irenogram/testing"', JSON.stringify(testing));
  assert.notEqual(code, block[1], "the example does not import @x/irenogram/testing");
  const file = fileURLToPath(new URL(`./readme_example_${process.pid}.tmp.ts`, import.meta.url));
  writeFileSync(file, code + '\nconsole.log("README EXAMPLE OK");\n');
  try {
    // Under Deno the example is type-checked too.
    const args = isDeno ? ["run", "-A", file] : ["run", file];
    const run = spawnSync(process.execPath, args, { encoding: "utf8", timeout: 60_000 });
    assert.equal(run.status, 0, `the example failed:\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /README EXAMPLE OK/);
  } finally {
    rmSync(file, { force: true });
  }
});
