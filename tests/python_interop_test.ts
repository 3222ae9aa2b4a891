import { test } from "node:test";
import assert from "node:assert/strict";
import { inCi, interopSkip, requirePython } from "./python_interop.ts";

test("python interop: a missing venv skips only outside CI; under CI=true the tests run and fail", () => {
  assert.equal(interopSkip(false, "no venv", {}), "no venv");
  assert.equal(interopSkip(true, "no venv", {}), false);
  for (const ci of ["true", "1", "yes"]) {
    assert.equal(interopSkip(false, "no venv", { CI: ci }), false, `CI=${ci}`);
  }
  for (const ci of ["", "false", "0"]) assert.equal(inCi({ CI: ci }), false, `CI=${ci}`);
  assert.throws(() => requirePython(false, "no venv"), /no venv.*required in CI/);
  requirePython(true, "no venv");
});
