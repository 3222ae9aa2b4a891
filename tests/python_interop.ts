/**
 * Where the Python interop tests find Python Irenogram (and pymongo), and whether they may skip:
 * outside CI a machine without the venv skips them; under `CI` (set, not "false"/"0") a missing
 * venv or package fails them instead, so that a broken setup cannot pass silently.
 */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";

/** The Python that has the irenogram package (.ci/setup/20-python.sh makes a venv). */
export const irenogramPython: string = process.env.IRENOGRAM_PYTHON ||
  ["../.cache/venv-irenogram/bin/python", "../../.cache/venv-irenogram/bin/python"]
    .map((p) => fileURLToPath(new URL(p, import.meta.url))).find((p) => existsSync(p)) ||
  "python3";

/** A fixture script under tests/fixtures/python/. */
export const pythonScript = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/python/${name}`, import.meta.url));

/** Whether `script check` succeeds on Irenogram's Python (its packages are installed). */
export function pythonHas(script: string): boolean {
  return spawnSync(irenogramPython, [pythonScript(script), "check"]).status === 0;
}

/** Whether the environment says this is a CI run. */
export function inCi(env: Record<string, string | undefined> = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}

/**
 * The `skip` option of an interop test: false when `available`, or in CI (the test then runs
 * and fails on {@link requirePython}); otherwise `reason`.
 */
export function interopSkip(
  available: boolean,
  reason: string,
  env: Record<string, string | undefined> = process.env,
): string | false {
  return available || inCi(env) ? false : reason;
}

/** First line of an interop test: fails it (in CI) when Python's side is missing. */
export function requirePython(available: boolean, reason: string): void {
  if (!available) throw new Error(`${reason} (required in CI: run .ci/setup)`);
}
