/**
 * Every TypeScript block of README.md runs as a new user would run it: written to a fresh empty
 * folder (its working directory), its `@x/irenogram` imports pointed at this checkout's entries,
 * and run by this test's runtime in a child process (Deno and Bun run the TypeScript; under Node,
 * on the npm build, esbuild strips the types first). A block that needs real Telegram
 * credentials is marked "```ts credentials": it is type-checked (scripts/check_docs.sh) but not
 * run, and the README keeps an offline twin of it (against the TestServer) that runs.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = fileURLToPath(import.meta.url);
const ext = here.endsWith(".ts") ? ".ts" : ".js";
const root = join(dirname(here), "..");
// The README and deno.json are at the checkout's root; the npm build (npm/) is inside it.
const source = ext === ".ts" ? root : join(root, "..");
const runtime = "Deno" in globalThis ? "deno" : "Bun" in globalThis ? "bun" : "node";

/** One ```ts block: the line its code starts on, and whether it is marked as needing credentials. */
export interface Block {
  line: number;
  code: string;
  credentials: boolean;
}

/** The ```ts blocks of the README (also "```ts credentials"), with the line each starts on. */
export function tsBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const fence = lines[i].trim();
    if (fence !== "```ts" && fence !== "```ts credentials") continue;
    const start = i + 1;
    while (++i < lines.length && lines[i].trim() !== "```");
    blocks.push({
      line: start + 1,
      code: lines.slice(start, i).join("\n"),
      credentials: fence.endsWith("credentials"),
    });
  }
  return blocks;
}

/** `@x/irenogram` and its subpaths, as deno.json exports them, pointed at this checkout. */
function pointImports(code: string): string {
  const exports: Record<string, string> =
    JSON.parse(readFileSync(join(source, "deno.json"), "utf8")).exports;
  return code.replace(/(["'])@x\/irenogram(\/[a-z]+)?\1/g, (_, quote, sub) => {
    const path = exports["." + (sub ?? "")];
    assert.ok(path, `deno.json exports no "${"." + (sub ?? "")}"`);
    const file = join(root, path.replace(/\.ts$/, ext));
    return quote + pathToFileURL(file).href + quote;
  });
}

const readme = readFileSync(join(source, "README.md"), "utf8");

test("README: the checker finds every ts block (and only those)", () => {
  const blocks = tsBlocks(
    "x\n```ts\na();\n```\n```sh\nnpm i\n```\n```ts credentials\nb();\nc();\n```\n",
  );
  assert.deepEqual(blocks, [
    { line: 3, code: "a();", credentials: false },
    { line: 9, code: "b();\nc();", credentials: true },
  ]);
  const runnable = tsBlocks(readme).filter((b) => !b.credentials);
  assert.ok(runnable.length >= 2, "README has TypeScript examples that run");
});

for (const block of tsBlocks(readme)) {
  test(`README: the block at line ${block.line} runs in an empty folder`, {
    timeout: 120_000,
    skip: block.credentials && "marked as needing real Telegram credentials (type-checked only)",
  }, async () => {
    const work = mkdtempSync(join(tmpdir(), "irenogram-readme-"));
    try {
      let code = pointImports(block.code);
      let file = join(work, "block.ts");
      if (runtime === "node") {
        const esbuild = await import("esbuild");
        // target node20: esbuild lowers what Node 20 cannot parse (`await using`).
        code = (await esbuild.transform(code, { loader: "ts", format: "esm", target: "node20" }))
          .code;
        file = join(work, "block.mjs");
      }
      writeFileSync(file, code);
      const args = runtime === "deno"
        ? ["run", "-A", "--no-check", `--config=${join(source, "deno.json")}`, file]
        : [file];
      const run = spawnSync(process.execPath, args, {
        cwd: work,
        encoding: "utf8",
        timeout: 100_000,
        env: { ...process.env, NO_COLOR: "1" },
      });
      assert.equal(
        run.status,
        0,
        `README line ${block.line} exited with ${run.status}:\n${run.stderr}\n${run.stdout}`,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}

test("README: the Layout table names every top-level folder, and only folders that exist", () => {
  const section = readme.slice(readme.indexOf("## Layout"));
  const table = section.slice(0, section.indexOf("\n\n", section.indexOf("| ---")));
  const named = new Set<string>();
  for (const row of table.split("\n").slice(2)) {
    for (const m of row.split("|")[1].matchAll(/`([^`]+)\/`/g)) named.add(m[1]);
  }
  const listing = spawnSync("git", ["ls-files"], { cwd: source, encoding: "utf8" });
  const folders = new Set(
    listing.stdout.split("\n").filter((f) => f.includes("/")).map((f) => f.split("/")[0]),
  );
  assert.ok(folders.size > 5, `git ls-files found ${folders.size} folders`);
  assert.deepEqual([...named].filter((f) => !folders.has(f)), [], "named but absent");
  assert.deepEqual([...folders].filter((f) => !named.has(f)).sort(), [], "present but not named");
});
