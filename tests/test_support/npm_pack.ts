/**
 * The package as users get it from npm, for the tests that run on the npm build only: the built
 * package (`npm/`, where this module runs as `.js`) packed into a tarball and installed into a
 * new empty project.
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package's root: the repository from source, `npm/` in the build. */
export const packageRoot: string = join(dirname(fileURLToPath(import.meta.url)), "../..");

const built = existsSync(join(packageRoot, "package.json")) &&
  JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")).name === "irenogram";

/** The `skip` option of a test that needs the npm build (false there, a reason elsewhere). */
export const npmBuildOnly: string | false = built
  ? false
  : "runs on the npm build only (deno task build:npm)";

/**
 * Packs the build into `work` and installs the tarball into the new empty ES-module project
 * `work/app`; `network` "--offline" installs from npm's cache only, "--prefer-offline" may
 * fetch what the cache lacks. Returns the project's folder and the tarball's path.
 */
export function packAndInstall(
  work: string,
  network: "--offline" | "--prefer-offline",
): { project: string; tarball: string } {
  const name = execFileSync("npm", ["pack", "--silent", "--pack-destination", work], {
    cwd: packageRoot,
    encoding: "utf8",
  }).trim().split("\n").pop()!;
  const tarball = join(work, name);
  const project = join(work, "app");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "app", private: true, type: "module" }),
  );
  execFileSync("npm", ["install", network, "--no-audit", "--no-fund", tarball], {
    cwd: project,
    stdio: "ignore",
  });
  return { project, tarball };
}
