import { test } from "node:test";
import assert from "node:assert/strict";
import { parseArgs } from "./args.ts";
import { CliError } from "./errors.ts";

const spec = { name: "value", json: "flag" } as const;

test("args: positionals, flags, --opt value and --opt=value, -- and - kept as arguments", () => {
  const a = parseArgs(["a.session", "--name", "x", "--json", "--", "--not-an-option", "-"], spec);
  assert.deepEqual(a.positional, ["a.session", "--not-an-option", "-"]);
  assert.deepEqual([...a.flags], ["json"]);
  assert.equal(a.values.get("name"), "x");
  assert.equal(parseArgs(["--name=y=z"], spec).values.get("name"), "y=z");
  assert.ok(parseArgs(["-h"], spec).flags.has("help"));
});

test("args: unknown options, missing values and values on flags are usage errors", () => {
  for (const argv of [["--bogus"], ["--name"], ["--json=1"], ["-x"]]) {
    assert.throws(
      () => parseArgs(argv, spec),
      (e) => e instanceof CliError && e.code === "CLI_USAGE",
    );
  }
});
