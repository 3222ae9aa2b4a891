/**
 * Extracts, from the schemas the judge clients ship, the combinators that differ from this
 * project's layer 224 (same name, other constructor id), and writes them as TL text to
 * `testing/server/layers_schema/<layer>.tl`. `layers_generate.ts` turns those files into the
 * tables `layers.ts` uses to talk to each client in its own layer.
 *
 * Sources (a developer runs this after upgrading a judge; CI only checks the generated code):
 * - GramJS (`telegram` on npm): `node_modules/telegram/tl/apiTl.js`, TL text.
 * - mtcute (`@mtcute/core` on npm): `node_modules/@mtcute/core/tl/api-schema.json`, the schema
 *   its client speaks (bundled in core; the separate `@mtcute/tl` package is an older layer).
 * - Irenogram (PyPI): `compiler/api/source/main_api.tl` of its sdist, fetched with
 *   `$IRENOGRAM_PYTHON -m pip download --no-binary :all:` (the wheel ships no schema).
 * - Telethon (PyPI): its generated readers, read back by `layers_extract_telethon.py` (neither
 *   its wheel nor its sdist ships api.tl).
 *
 *   deno run -A testing/server/layers_extract.ts
 *
 * @module
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import process from "node:process";
import {
  parseSchema,
  parseSchemaFiles,
  type TlCombinator,
  type TlType,
} from "../../tl/tl_parser.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const outDir = join(here, "layers_schema");

interface Source {
  client: string;
  text: string;
  origin: string;
}

/** Schema lines the project's parser does not take (the built-in vector, comments). */
function parseable(text: string): string {
  return text.split("\n").filter((l) => !/\{t:Type\}|^\s*vector#/.test(l)).join("\n");
}

function gramjs(): Source {
  const file = join(root, "node_modules/telegram/tl/apiTl.js");
  const js = readFileSync(file, "utf8");
  const text = js.slice(js.indexOf("`") + 1, js.lastIndexOf("`"));
  const version = JSON.parse(readFileSync(join(root, "node_modules/telegram/package.json"), "utf8"))
    .version;
  const layer = /exports\.LAYER = (\d+)/.exec(
    readFileSync(join(root, "node_modules/telegram/tl/AllTLObjects.js"), "utf8"),
  )![1];
  return {
    client: `GramJS ${version}`,
    text: `// LAYER ${layer}\n` + text,
    origin: "node_modules/telegram/tl/apiTl.js",
  };
}

function mtcute(): Source {
  const dir = join(root, "node_modules/@mtcute/core/tl");
  const json = JSON.parse(readFileSync(join(dir, "api-schema.json"), "utf8")) as {
    l: number;
    e: {
      kind: "class" | "method";
      name: string;
      id: number;
      type: string;
      typeModifiers?: { isVector?: boolean };
      arguments?: {
        name: string;
        type: string;
        typeModifiers?: { predicate?: string; isVector?: boolean };
      }[];
    }[];
  };
  const line = (e: (typeof json.e)[number]) => {
    const args = (e.arguments ?? []).map((a) => {
      let t = a.type === "int53" ? "long" : a.type;
      if (a.typeModifiers?.isVector) t = `Vector<${t}>`;
      if (a.typeModifiers?.predicate) t = `${a.typeModifiers.predicate}?${t}`;
      return `${a.name}:${t}`;
    });
    const result = e.typeModifiers?.isVector ? `Vector<${e.type}>` : e.type;
    return [`${e.name}#${(e.id >>> 0).toString(16)}`, ...args, `= ${result};`].join(" ");
  };
  const text = [
    `// LAYER ${json.l}`,
    ...json.e.filter((e) => e.kind === "class").map(line),
    "---functions---",
    ...json.e.filter((e) => e.kind === "method").map(line),
  ].join("\n");
  const version =
    JSON.parse(readFileSync(join(root, "node_modules/@mtcute/node/package.json"), "utf8"))
      .version;
  return {
    client: `mtcute ${version}`,
    text,
    origin: "node_modules/@mtcute/core/tl/api-schema.json",
  };
}

function python(): string {
  const py = process.env.IRENOGRAM_PYTHON;
  if (!py) throw new Error("set IRENOGRAM_PYTHON to the venv's python (Irenogram + Telethon)");
  return py;
}

function irenogram(): Source {
  const py = python();
  const version = spawnSync(py, ["-c", "import pyrogram; print(pyrogram.__version__)"], {
    encoding: "utf8",
  }).stdout.trim();
  const dir = mkdtempSync(join(tmpdir(), "irenogram-sdist-"));
  const dl = spawnSync(py, [
    "-m",
    "pip",
    "download",
    "-q",
    "--no-deps",
    "--no-binary",
    ":all:",
    `irenogram==${version}`,
    "-d",
    dir,
  ], { encoding: "utf8" });
  const archive = readdirSync(dir).find((f) => f.endsWith(".tar.gz"));
  if (!archive) throw new Error(`pip download irenogram==${version} failed: ${dl.stderr}`);
  const member = `irenogram-${version}/compiler/api/source/main_api.tl`;
  const tar = spawnSync("tar", ["-xzOf", join(dir, archive), member], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (tar.status !== 0) throw new Error(`no ${member} in ${archive}: ${tar.stderr}`);
  return {
    client: `Irenogram ${version}`,
    text: tar.stdout,
    origin: `${member} (sdist on PyPI)`,
  };
}

function telethon(): Source {
  const py = python();
  const run = spawnSync(py, [join(here, "layers_extract_telethon.py")], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`layers_extract_telethon.py failed: ${run.stderr}`);
  const version = spawnSync(py, ["-c", "import telethon; print(telethon.__version__)"], {
    encoding: "utf8",
  }).stdout.trim();
  return {
    client: `Telethon ${version}`,
    text: run.stdout,
    origin: "telethon/tl/**/*.py readers, via layers_extract_telethon.py",
  };
}

/** The TL text of a parsed type (the inverse of tl_parser's parseType). */
function typeText(t: TlType): string {
  switch (t.kind) {
    case "vector":
      return `${t.boxed ? "Vector" : "vector"}<${typeText(t.of)}>`;
    case "type":
      return t.name;
    case "bare":
      return `%${t.name}`;
    case "query":
      return "!X";
    case "object":
      return "Object";
    case "flags":
      return "#";
    default:
      return t.kind;
  }
}

/** Object-typed (boxed) somewhere: Telethon says `Object` where the schema names the type. */
function objectish(t: TlType): boolean {
  return t.kind === "object" || t.kind === "type" || t.kind === "query" ||
    (t.kind === "vector" && objectish(t.of));
}

const norm = (name: string) => name.toLowerCase().replace(/[^a-z0-9.]/g, "");

function extract(source: Source, base: TlCombinator[]): { layer: number; text: string } {
  const layer = Number(/\/\/\s*LAYER\s+(\d+)/.exec(source.text)?.[1]);
  if (!layer) throw new Error(`${source.client}: no // LAYER line`);
  const theirs = parseSchema(parseable(source.text), source.client);
  const byName = new Map(base.map((c) => [norm(c.name), c]));
  const ids = new Set(base.map((c) => c.id));
  // Parameter renames (Telethon's is_self for self): learnt from combinators both sides share.
  const renames = new Map<string, string>();
  for (const c of theirs) {
    const ours = byName.get(norm(c.name));
    if (!ours || ours.id !== c.id || ours.params.length !== c.params.length) continue;
    c.params.forEach((p, i) => {
      if (p.name !== ours.params[i].name) renames.set(p.name, ours.params[i].name);
    });
  }
  const lines: string[] = [];
  for (const kind of ["constructor", "function"] as const) {
    if (kind === "function") lines.push("---functions---");
    for (const c of theirs) {
      if (c.kind !== kind || ids.has(c.id)) continue;
      const ours = byName.get(norm(c.name));
      if (!ours) continue;
      const params = c.params.map((p) => {
        const name = renames.get(p.name) ?? p.name;
        const same = ours.params.find((q) => q.name === name);
        const t = same && objectish(p.type) && objectish(same.type) ? same.type : p.type;
        const flag = p.flag ? `${p.flag.field}.${p.flag.bit}?` : "";
        return `${name}:${flag}${typeText(t)}`;
      });
      const generic = ours.generic ? ["{X:Type}"] : [];
      lines.push(
        [
          `${ours.name}#${c.id.toString(16).padStart(8, "0")}`,
          ...generic,
          ...params,
          `= ${ours.result};`,
        ]
          .join(" "),
      );
    }
  }
  const header = [
    `// LAYER ${layer}: the combinators of ${source.client} that differ from layer 224 (same name,`,
    `// other id), from ${source.origin}.`,
    `// Written by testing/server/layers_extract.ts; do not edit.`,
  ];
  return { layer, text: [...header, ...lines, ""].join("\n") };
}

const isMain = (import.meta as { main?: boolean }).main ??
  (process.argv[1] === fileURLToPath(import.meta.url));
if (isMain) {
  const base = parseSchemaFiles((f) => readFileSync(join(root, "tl/schema", f), "utf8"));
  for (const source of [gramjs(), mtcute(), irenogram(), telethon()]) {
    const { layer, text } = extract(source, base);
    writeFileSync(join(outDir, `${layer}.tl`), text);
    const n = text.split("\n").filter((l) => /^[\w.]+#/.test(l)).length;
    console.log(`${source.client}: layer ${layer}, ${n} combinators differ from 224`);
  }
}
