import { test } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { NATIVE_BUFFER, NODE_APIS, nodeBuffer, RUNTIME } from "./runtime.ts";

test("runtime: names the runtime the tests run on, which has node: modules and Buffer", () => {
  // The three runtimes of the suite, told apart by what only each has.
  const expected = "Deno" in globalThis ? "deno" : "Bun" in globalThis ? "bun" : "node";
  assert.equal(RUNTIME, expected);
  assert.equal(NODE_APIS, true);
  assert.equal(nodeBuffer, Buffer);
  assert.equal(NATIVE_BUFFER, expected !== "deno");
});
