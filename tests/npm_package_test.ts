/**
 * Under `node --test` on the npm build: packs the built package, installs the tarball into an
 * empty project and imports it from there, as a user on Node 20 would.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = existsSync(join(packageRoot, "package.json")) &&
  JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")).name === "irenogram";

test("npm: the packed tarball installs into an empty project and imports", {
  skip: built ? false : "runs on the npm build only (deno task build:npm)",
  timeout: 300_000,
}, () => {
  const work = mkdtempSync(join(tmpdir(), "irenogram-pack-"));
  try {
    const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", work], {
      cwd: packageRoot,
      encoding: "utf8",
    }).trim().split("\n").pop()!;
    const listing = execFileSync("tar", ["-tzf", join(work, tarball)], { encoding: "utf8" });
    assert.match(listing, /package\/mod\.js/);
    assert.match(listing, /package\/mod\.d\.ts/);
    assert.doesNotMatch(listing, /_test\.js/, "tests are not published");

    const project = join(work, "app");
    execFileSync("mkdir", [project]);
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "app", private: true, type: "module" }),
    );
    execFileSync("npm", [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      join(work, tarball),
    ], {
      cwd: project,
      stdio: "ignore",
    });
    writeFileSync(
      join(project, "main.js"),
      `import { Client, VERSION } from "irenogram";\n` +
        `import * as testing from "irenogram/testing";\n` +
        `import * as core from "irenogram/core";\n` +
        `console.log(JSON.stringify({ client: typeof Client, version: VERSION, ` +
        `testing: Object.keys(testing).length, core: Object.keys(core).length }));\n`,
    );
    const result = JSON.parse(
      execFileSync("node", ["main.js"], { cwd: project, encoding: "utf8" }),
    );
    const version = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")).version;
    assert.deepEqual(result.client, "function");
    assert.equal(result.version, version);
    assert.ok(result.testing > 0 && result.core > 0);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
