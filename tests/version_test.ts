import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { VERSION } from "../mod.ts";

test("VERSION equals the version in deno.json", () => {
  // deno.json sits next to the sources; in the npm build, package.json carries the same version.
  for (const name of ["../deno.json", "../package.json"]) {
    try {
      const meta = JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8"));
      if (meta.name === "@x/irenogram" || meta.name === "irenogram") {
        assert.equal(VERSION, meta.version);
        return;
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  assert.fail("neither deno.json nor the npm package.json found");
});
