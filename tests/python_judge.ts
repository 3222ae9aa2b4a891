/**
 * The Python interpreter with the reference libraries (Irenogram/Pyrogram, Telethon) that judge
 * this library's output: IRENOGRAM_PYTHON, or the venv `.ci/setup` makes. Python judges are slow
 * to start, so they run under Deno only (one runtime is enough for a differential check).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import process from "node:process";

const venvPython = (up: string) =>
  fileURLToPath(new URL(`${up}.cache/venv-irenogram/bin/python`, import.meta.url));

/** The interpreter that imports `modules` (under Deno only), or undefined. */
export function pythonJudge(modules: string): string | undefined {
  if (!("Deno" in globalThis)) return undefined;
  return [
    process.env.IRENOGRAM_PYTHON,
    venvPython("../"), // from source
    venvPython("../../../main/"), // from a work tree beside the main checkout
  ].find((p) => p && spawnSync(p, ["-c", `import ${modules}`], { stdio: "ignore" }).status === 0);
}

/** The `skip` option of a test that needs {@link pythonJudge}: under CI on Deno, never skip. */
export function pythonSkip(python: string | undefined): false | string {
  if (python) return false;
  if (process.env.CI && "Deno" in globalThis) return false; // a missing venv must fail in CI
  return "Python judges run under Deno only, with the Irenogram venv (IRENOGRAM_PYTHON)";
}
