/**
 * Under `node --test` on the npm build: packs the built package, installs the tarball into an
 * empty project and imports it from there, as a user on Node 20 would.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { npmBuildOnly, packageRoot, packAndInstall } from "./test_support/npm_pack.ts";

test("npm: the packed tarball installs into an empty project and imports", {
  skip: npmBuildOnly,
  timeout: 300_000,
}, () => {
  const work = mkdtempSync(join(tmpdir(), "irenogram-pack-"));
  try {
    const { project, tarball } = packAndInstall(work, "--prefer-offline");
    const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" });
    assert.match(listing, /package\/mod\.js/);
    assert.match(listing, /package\/mod\.d\.ts/);
    assert.doesNotMatch(listing, /_test\.js/, "tests are not published");
    assert.doesNotMatch(listing, /test_support/, "test helpers are not published");

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

    // The root stays small; every error class is in "irenogram/errors" (and `errors` at the root).
    writeFileSync(
      join(project, "errors.js"),
      `import * as root from "irenogram";\n` +
        `import { FloodWait, RpcError, TransportError } from "irenogram/errors";\n` +
        `const e = root.rpcErrorFromServer(420, "FLOOD_WAIT_7");\n` +
        `console.log(JSON.stringify({ names: Object.keys(root).length, ` +
        `flood: e instanceof FloodWait && e instanceof root.errors.FloodWait, ` +
        `is: RpcError.is(e, "FLOOD_WAIT_X") && root.RpcError.is(e, 420) && !RpcError.is(e, 400), ` +
        `transport: root.TransportError === TransportError }));\n`,
    );
    const errors = JSON.parse(
      execFileSync("node", ["errors.js"], { cwd: project, encoding: "utf8" }),
    );
    assert.ok(errors.names < 60, `${errors.names} names at the root`);
    assert.deepEqual({ ...errors, names: 0 }, { names: 0, flood: true, is: true, transport: true });

    // require() of the ES modules (Node 20.19+): the exports map has a "default" condition.
    writeFileSync(
      join(project, "main.cjs"),
      `const { VERSION, MemoryStorage } = require("irenogram");\n` +
        `console.log(JSON.stringify({ version: VERSION, memory: typeof MemoryStorage }));\n`,
    );
    const required = JSON.parse(
      execFileSync("node", ["--no-warnings", "main.cjs"], { cwd: project, encoding: "utf8" }),
    );
    assert.deepEqual(required, { version, memory: "function" });

    // mongodb is an optional peer: not installed with the package.
    assert.equal(existsSync(join(project, "node_modules", "mongodb")), false);
    // The WebAssembly core's declarations say `string`, not the 320 KB literal.
    const dts = readFileSync(join(project, "node_modules/irenogram/core/wasm_bytes.d.ts"), "utf8");
    assert.ok(dts.length < 4000, `core/wasm_bytes.d.ts is ${dts.length} characters`);
    assert.match(dts, /WASM_PLAIN_BASE64: string/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
