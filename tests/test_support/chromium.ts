/**
 * Runs library code in headless Chromium for the browser tests: an entry script (JavaScript that
 * imports library modules by absolute path and puts one async function on `globalThis`) is
 * bundled by esbuild for the browser platform, checked to import no Node module, loaded into a
 * page of Debian's `chromium` (`.ci/setup/40-chromium.sh`) through playwright-core, and that
 * function's result is handed back. Both tools are devDependencies.
 *
 * @module
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

/** Debian's Chromium. */
export const CHROMIUM = "/usr/bin/chromium";

const here = fileURLToPath(import.meta.url);
/** `.ts` from source (Deno, Bun), `.js` in the npm build (Node). */
const ext = here.endsWith(".ts") ? ".ts" : ".js";
const root = join(dirname(here), "../..");

/** The absolute path of library module `name` (`"mtproto/mod"`), as this run loads it. */
export function libraryModule(name: string): string {
  return join(root, name + ext);
}

async function importable(name: string): Promise<boolean> {
  try {
    await import(name);
    return true;
  } catch {
    return false;
  }
}

const missing = !existsSync(CHROMIUM)
  ? `${CHROMIUM} (.ci/setup/40-chromium.sh)`
  : !(await importable("esbuild"))
  ? "esbuild"
  : !(await importable("playwright-core"))
  ? "playwright-core"
  : undefined;

/**
 * The `skip` option of a browser test: a reason outside CI when Chromium, esbuild or
 * playwright-core is absent; `false` under CI=true, where {@link runInChromium} then fails.
 */
export const chromiumSkip: string | false = missing !== undefined && process.env.CI !== "true"
  ? `${missing} is absent`
  : false;

/** How to bundle and call an entry. */
export interface BrowserRun {
  /** The entry script's source (ES module). */
  entry: string;
  /** The name of the async function the entry puts on `globalThis`. */
  call: string;
  /** Its argument (structured-cloneable). */
  arg?: unknown;
  /** Packages left out of the bundle (optional peers a browser app leaves out). */
  external?: string[];
}

/** Bundles `run.entry` for the browser, runs `globalThis[run.call](run.arg)` in Chromium. */
export async function runInChromium(run: BrowserRun): Promise<Record<string, unknown>> {
  assert.equal(missing, undefined, `${missing} is absent under CI`);
  const work = mkdtempSync(join(tmpdir(), "irenogram-browser-"));
  try {
    const entry = join(work, "entry.js");
    writeFileSync(entry, run.entry);
    const esbuild = await import("esbuild");
    const built = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
      external: run.external ?? [],
    });
    const bundle = built.outputFiles[0].text;
    // Nothing in the bundle imports a Node module (modules reach them only when they run).
    assert.doesNotMatch(bundle, /(?:^|\n)import[^;]*["']node:/);
    assert.doesNotMatch(bundle, /\brequire\(["']node:/);

    const { chromium } = await import("playwright-core");
    const context = await chromium.launchPersistentContext(join(work, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.addScriptTag({ content: bundle, type: "module" });
      await page.waitForFunction((name) => name in globalThis, run.call, { timeout: 30_000 });
      assert.deepEqual(errors, [], "the bundle loads without errors");
      return await page.evaluate(
        ([name, arg]) =>
          (globalThis as unknown as Record<string, (a: unknown) => Promise<never>>)[
            name as string
          ](arg),
        [run.call, run.arg] as const,
      );
    } finally {
      await context.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
