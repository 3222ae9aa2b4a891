/**
 * The session tool as users get it from npm (under `node --test` on the npm build only): the
 * built package is packed, the tarball installed into an empty project offline (from npm's
 * cache), and `npx irenogram …` run from there.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dataset, makeIrenogramFile } from "./cli_fixtures.ts";
import { npmBuildOnly, packAndInstall } from "./test_support/npm_pack.ts";

test("npm: `npx irenogram session …` runs from the packed tarball, installed offline", {
  skip: npmBuildOnly,
  timeout: 300_000,
}, async () => {
  const work = mkdtempSync(join(tmpdir(), "irenogram-cli-pack-"));
  try {
    const { project } = packAndInstall(work, "--offline");

    const file = join(work, "bot.session");
    await makeIrenogramFile(file, dataset(3));
    const npx = (...args: string[]) =>
      spawnSync("npx", ["--offline", "--no-install", "irenogram", ...args], {
        cwd: project,
        encoding: "utf8",
        timeout: 60_000,
      });
    const info = npx("session", "info", file, "--json");
    assert.equal(info.status, 0, info.stderr);
    const parsed = JSON.parse(info.stdout);
    assert.deepEqual([parsed.dcId, parsed.userId, parsed.peers], [4, 5000000001, 8]);
    const help = npx("--help");
    assert.equal(help.status, 0);
    assert.match(help.stdout, /session copy SOURCE DEST/);
    const bad = npx("session", "info", join(work, "missing.session"));
    assert.equal(bad.status, 3);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
