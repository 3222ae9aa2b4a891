/**
 * Builds the npm package into `npm/`: ESM `.js` + `.d.ts` compiled by TypeScript, a
 * `package.json` derived from `deno.json` and the root `package.json`, then runs every
 * test file under `node --test` against the built code.
 *
 *   deno run -A build_npm.ts            build and test
 *   deno run -A build_npm.ts --no-test  build only
 */
import ts from "typescript";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const out = join(root, "npm");
const denoJson = JSON.parse(readFileSync(join(root, "deno.json"), "utf8"));
const devPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

/** Folders that never go into the build. */
const skipDirs = new Set(["npm", "node_modules", "core-rs", "scripts", ".ci", ".git", ".cache"]);
/** Compiled but left out of the published tarball. */
const unpublished = [
  "tests",
  "bench",
  "tl/generate.*",
  "tl/tl_parser.*",
  "testing/server/layers_extract.*",
  "testing/server/layers_generate.*",
  "**/test_support",
  "**/*_test.js",
  "**/*_test.d.ts",
  "build_npm.*",
  "demo.*",
];

function sources(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!skipDirs.has(name) && !name.startsWith(".")) files.push(...sources(path));
    } else if (
      name.endsWith(".ts") && !name.endsWith(".d.ts") && path !== join(root, "build_npm.ts")
    ) {
      files.push(path);
    }
  }
  return files;
}

rmSync(out, { recursive: true, force: true });
const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  rewriteRelativeImportExtensions: true,
  allowImportingTsExtensions: true,
  declaration: true,
  strict: true,
  skipLibCheck: true,
  esModuleInterop: true,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.esnext.disposable.d.ts"],
  types: ["node"],
  typeRoots: [join(root, "node_modules/@types")],
  rootDir: root,
  outDir: out,
};
const program = ts.createProgram(sources(root), options);
const emit = program.emit();
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emit.diagnostics];
if (diagnostics.length > 0) {
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => "\n",
  }));
  process.exit(1);
}

// Generated JavaScript modules (and their declarations) are copied, not compiled; their
// imports of sibling TypeScript modules point at the compiled .js files.
for (const name of readdirSync(join(root, "tl/gen"))) {
  if (!name.endsWith(".js") && !name.endsWith(".d.ts")) continue;
  const text = readFileSync(join(root, "tl/gen", name), "utf8")
    .replace(/(from\s+"\.{1,2}\/[^"]*)\.ts"/g, '$1.js"')
    .replace(/^\/\/ @ts-self-types=.*\n/m, "");
  mkdirSync(join(out, "tl/gen"), { recursive: true });
  writeFileSync(join(out, "tl/gen", name), text);
}

// Data files the tests read next to themselves (fixtures, child scripts' inputs).
for (const dir of ["tests/fixtures"]) {
  if (existsSync(join(root, dir))) cpSync(join(root, dir), join(out, dir), { recursive: true });
}

const toJs = (p: string) => p.replace(/^\.\//, "./").replace(/\.ts$/, ".js");
// `default` after `import`: `require("irenogram")` loads the same ES modules on Node 20.19+
// (require of ESM; the modules have no top-level await), bundlers and other tools pick it too.
const exportsMap: Record<string, { types: string; import: string; default: string }> = {};
for (const [key, path] of Object.entries(denoJson.exports as Record<string, string>)) {
  const js = toJs(path);
  exportsMap[key] = { types: js.replace(/\.js$/, ".d.ts"), import: js, default: js };
}
/**
 * Optional peer dependencies: loaded only by the engine that needs them, when it opens
 * (better-sqlite3: the SQLite engine's native driver on Node, SQLite WASM without it).
 */
const optionalPeers = ["mongodb", "better-sqlite3"];
const dependencies = Object.fromEntries(
  Object.entries(devPackage.dependencies as Record<string, string>).filter(([name]) =>
    !optionalPeers.includes(name)
  ),
);
const peerDependencies = Object.fromEntries(
  optionalPeers.map((name) => [name, devPackage.peerDependencies?.[name]]),
);
const pkg = {
  name: "irenogram",
  version: denoJson.version,
  description:
    "Telegram MTProto client library with a Rust/WASM core and Irenogram's session storage engines",
  license: denoJson.license,
  type: "module",
  main: exportsMap["."].import,
  // `npx irenogram …` / `bunx irenogram …`: the session tool (cli.ts keeps its shebang).
  bin: { irenogram: toJs(denoJson.exports["./cli"]) },
  types: exportsMap["."].types,
  exports: exportsMap,
  // process.getBuiltinModule (runtime/runtime.ts) is in Node 20.16+; require() needs 20.19+.
  engines: { node: ">=20.16" },
  sideEffects: false,
  dependencies,
  peerDependencies,
  peerDependenciesMeta: Object.fromEntries(optionalPeers.map((n) => [n, { optional: true }])),
  files: ["**/*.js", "**/*.d.ts", ...unpublished.map((p) => "!" + p)],
};
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
for (const f of ["README.md", "LICENSE"]) {
  if (existsSync(join(root, f))) cpSync(join(root, f), join(out, f));
}
console.log(`built ${relative(root, out)}/ (${pkg.name}@${pkg.version})`);

if (!process.argv.includes("--no-test")) {
  const tests = sources(root).filter((f) => f.endsWith("_test.ts")).map((f) =>
    join(out, toJs(relative(root, f)))
  );
  const extra = (process.env.NODE_TEST_ARGS ?? "").split(" ").filter(Boolean);
  const run = spawnSync("node", ["--test", ...extra, ...tests], { stdio: "inherit", cwd: out });
  process.exit(run.status ?? 1);
}
