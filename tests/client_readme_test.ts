/**
 * The README's "Testing your bot offline" example, run as written (imports pointed at this
 * checkout), so that it cannot go stale.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const fromSource = import.meta.url.endsWith(".ts");
const here = (p: string) => new URL(p, import.meta.url);

/** The first ```ts block after `heading` in the README. */
function example(heading: string): string {
  const readme = readFileSync(fileURLToPath(here("../README.md")), "utf8");
  const at = readme.indexOf(heading);
  assert.ok(at >= 0, `the README has ${heading}`);
  const block = readme.slice(at).match(/```ts\n([\s\S]*?)```/);
  assert.ok(block, `a ts example under ${heading}`);
  return block[1];
}

const skip = fromSource ? false : "the npm build carries no README";

test(
  "client readme: the offline testing example runs and the bot sees the message",
  { skip },
  async () => {
    const code = example("## Testing your bot offline")
      .replace(`"@x/irenogram/testing"`, JSON.stringify(here("../testing/mod.ts").href))
      .replace(`"@x/irenogram"`, JSON.stringify(here("../mod.ts").href));
    assert.match(
      code,
      /assert\.deepEqual\(seen, \["ping"\]\)/,
      "the example asserts what it shows",
    );
    const dir = mkdtempSync(join(tmpdir(), "irenogram-readme-"));
    try {
      const file = join(dir, "example.ts");
      writeFileSync(file, code);
      await import(pathToFileURL(file).href); // throws if the example's own assertion fails
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
