import { test } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import {
  NATIVE_BUFFER,
  NODE_APIS,
  nodeBuffer,
  nodeModule,
  RUNTIME,
  RuntimeUnsupportedError,
  unavailableModule,
} from "./runtime.ts";
import { IrenogramError } from "../errors.ts";

test("runtime: names the runtime the tests run on, which has node: modules and Buffer", () => {
  // The three runtimes of the suite, told apart by what only each has.
  const expected = "Deno" in globalThis ? "deno" : "Bun" in globalThis ? "bun" : "node";
  assert.equal(RUNTIME, expected);
  assert.equal(NODE_APIS, true);
  assert.equal(nodeBuffer, Buffer);
  assert.equal(NATIVE_BUFFER, expected !== "deno");
});

test("runtime: a missing Node module loads as a stand-in that fails clearly when used", () => {
  const fs = unavailableModule("node:fs") as {
    openSync(path: string): number;
    default: unknown;
  };
  const { openSync } = fs; // destructuring at load time must not throw
  assert.equal(fs.default, fs);
  assert.throws(() => openSync("x.session"), (e: unknown) => {
    assert.ok(e instanceof RuntimeUnsupportedError);
    assert.ok(e instanceof IrenogramError);
    assert.equal(e.code, "RUNTIME_UNSUPPORTED");
    assert.match(e.message, /node:fs \(openSync\) is not available/);
    return true;
  });
  // Where the module exists, nodeModule is the module itself.
  assert.equal(nodeModule<{ sep: string }>("node:path").sep, "/");
});
