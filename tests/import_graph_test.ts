/**
 * The library's import graph: no cycle among its modules (counting only imports that exist at
 * run time: `import type` is erased), and no library module imports the tests, the test kit
 * (`testing/`) or a test framework. Runs on the sources under Deno and Bun and on the compiled
 * `.js` of the npm build under Node (the extension of this file says which).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(import.meta.url);
const ext = here.endsWith(".ts") ? ".ts" : ".js";
const root = join(dirname(here), "..");
/** Not library code: tests, the test kit, tools, builds (and every `test_support/` folder). */
const NOT_LIBRARY = new Set([
  "tests",
  "testing",
  "bench",
  "scripts",
  "node_modules",
  "npm",
  "core-rs",
  ".git",
  ".cache",
  ".ci",
]);
const TOOLS = new Set(["build_npm", "demo", "tl/generate", "tl/tl_parser"].map((f) => f + ext));

function libraryFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const rel = relative(root, path);
    if (statSync(path).isDirectory()) {
      if (!NOT_LIBRARY.has(rel) && name !== "test_support" && !name.startsWith(".")) {
        out.push(...libraryFiles(path));
      }
    } else if (
      name.endsWith(ext) && !name.endsWith(".d.ts") && !name.endsWith("_test" + ext) &&
      !TOOLS.has(rel.replaceAll("\\", "/"))
    ) {
      out.push(rel.replaceAll("\\", "/"));
    }
  }
  return out;
}

/** Static imports and re-exports that survive compilation (`import type`/`export type` do not). */
export function runtimeImports(source: string): string[] {
  const out: string[] = [];
  const re =
    /(?:^|\n)[ \t]*(?:import|export)[ \t]+(type[ \t{*])?(?:[^"';]*?[ \t\n}*]from[ \t]*)?["']([^"']+)["']/g;
  for (const m of source.matchAll(re)) if (m[1] === undefined) out.push(m[2]);
  return out;
}

/** One cycle of `graph` (as a path that returns to its start), or `undefined` when there is none. */
export function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 1);
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const s = state.get(next);
      if (s === 1) return [...path.slice(path.indexOf(next)), next];
      if (s === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(node, 2);
    return undefined;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return undefined;
}

function libraryGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of libraryFiles(root)) {
    const deps = runtimeImports(readFileSync(join(root, file), "utf8"))
      .map((spec) =>
        spec.startsWith(".") ? normalize(join(dirname(file), spec)).replaceAll("\\", "/") : spec
      );
    graph.set(file, deps);
  }
  return graph;
}

test("import graph: the checker finds a cycle and ignores type-only imports", () => {
  const a =
    'import { b } from "./b.ts";\nimport type { C } from "./c.ts";\nexport type * as T from "./t.ts";';
  assert.deepEqual(runtimeImports(a), ["./b.ts"]);
  const multi =
    'import {\n  x,\n  type Y,\n} from "./x.ts";\nexport { z } from "./z.ts";\n * import { no } from "doc";';
  assert.deepEqual(runtimeImports(multi), ["./x.ts", "./z.ts"]);
  const cyclic = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
  assert.deepEqual(findCycle(cyclic), ["a", "b", "c", "a"]);
  assert.equal(findCycle(new Map([["a", ["b"]], ["b", []], ["c", ["a", "b"]]])), undefined);
});

test("import graph: the library's modules import one another without a cycle", () => {
  const graph = libraryGraph();
  assert.ok(graph.size > 40, `only ${graph.size} library modules found under ${root}`);
  const local = new Map(
    [...graph].map(([file, deps]) => [file, deps.filter((d) => graph.has(d))]),
  );
  const cycle = findCycle(local);
  assert.equal(cycle, undefined, `import cycle: ${cycle?.join(" → ")}`);
});

test("import graph: no library module imports tests, testing/ or a test framework", () => {
  const bad: string[] = [];
  for (const [file, deps] of libraryGraph()) {
    for (const dep of deps) {
      if (/^(tests|testing)\//.test(dep) || /^(node:test|bun:test)$/.test(dep)) {
        bad.push(`${file} imports ${dep}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});
