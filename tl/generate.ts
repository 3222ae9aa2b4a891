/**
 * Generates `tl/gen/*.ts` from the schema copied into `tl/schema/` (layer, types, straight-line
 * readers and writers, RPC error classes).
 *
 *   deno run -A tl/generate.ts           write the generated files
 *   deno run -A tl/generate.ts --check   exit 1 (listing them) when committed files are stale
 *
 * The output is piped through `deno fmt`, so it is committed already formatted. The large modules
 * (readers, writers, RPC error classes) are emitted as JavaScript with a declaration file beside
 * (`// @ts-self-types`): Deno loads plain JavaScript from its code cache, where a TypeScript
 * module of this size costs tens of milliseconds of start-up on every run.
 *
 * @module
 */
import ts from "typescript";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import process from "node:process";
import {
  camelCase,
  parseSchemaFiles,
  parseType,
  type TlCombinator,
  type TlType,
} from "./tl_parser.ts";
import { GROUPS, readerGroupOf, writerGroupOf } from "./dispatch.ts";

const here = dirname(fileURLToPath(import.meta.url));
const schemaDir = join(here, "schema");
const genDir = join(here, "gen");

/**
 * Service objects whose layout the schema cannot express; their readers, writers and types are
 * hand-written in `tl/service_objects.ts`.
 */
const MANUAL = [
  { name: "rpc_result", id: 0xf35c6d01, type: "RpcResult", ts: "RpcResult", read: true },
  {
    name: "msg_container",
    id: 0x73f1f8dc,
    type: "MessageContainer",
    ts: "MsgContainer",
    read: true,
  },
  { name: "gzip_packed", id: 0x3072cfa1, type: "Object", ts: "GzipPacked", read: false },
];

// ---------------------------------------------------------------------------------------------
// Schema

function loadSchema(): TlCombinator[] {
  const all = parseSchemaFiles((file) => readFileSync(join(schemaDir, file), "utf8"));
  const manual = new Set(MANUAL.map((m) => m.name));
  const defs = all.filter((c) => !manual.has(c.name));
  const names = new Set<string>(), ids = new Map<number, string>();
  for (const c of defs) {
    if (names.has(c.name)) throw new Error(`duplicate TL name ${c.name}`);
    names.add(c.name);
    const other = ids.get(c.id);
    if (other) throw new Error(`duplicate TL id ${hex(c.id)}: ${other} and ${c.name}`);
    ids.set(c.id, c.name);
  }
  return defs;
}

function layerOf(): number {
  const m = /\/\/\s*LAYER\s+(\d+)/.exec(readFileSync(join(schemaDir, "api.tl"), "utf8"));
  if (!m) throw new Error("api.tl has no // LAYER line");
  return Number(m[1]);
}

// ---------------------------------------------------------------------------------------------
// Naming

function hex(id: number): string {
  return "0x" + (id >>> 0).toString(16).padStart(8, "0");
}

function pascal(name: string): string {
  return name.split(/[._\s]+/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1))
    .join("");
}

/** TS name of a constructor or function interface. */
function typeName(c: { name: string }): string {
  return pascal(c.name);
}

/** TS name of the union of an abstract type's constructors. */
function unionName(type: string): string {
  return "Type" + pascal(type);
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

// ---------------------------------------------------------------------------------------------
// Types

interface Ctx {
  byName: Map<string, TlCombinator>;
  types: Map<string, TlCombinator[]>;
  manualTypes: Map<string, string>;
}

function tsType(t: TlType, ctx: Ctx): string {
  switch (t.kind) {
    case "int":
    case "double":
      return "number";
    case "long":
      return "bigint";
    case "string":
      return "string";
    case "bytes":
    case "int128":
    case "int256":
      return "Uint8Array";
    case "Bool":
    case "true":
      return "boolean";
    case "vector":
      return `${tsType(t.of, ctx)}[]`;
    case "type":
      if (ctx.manualTypes.has(t.name)) return ctx.manualTypes.get(t.name)!;
      if (!ctx.types.has(t.name)) throw new Error(`type ${t.name} has no constructor`);
      return unionName(t.name);
    case "bare":
      if (!ctx.byName.has(t.name)) throw new Error(`bare type ${t.name} is not defined`);
      return typeName(ctx.byName.get(t.name)!);
    case "query":
      return "AnyFunction";
    case "object":
      return "AnyObject";
    case "flags":
      throw new Error("flags have no TS type");
  }
}

function resultTsType(c: TlCombinator, ctx: Ctx): string {
  return tsType(parseType(c.result), ctx);
}

function docLine(c: TlCombinator): string {
  const what = c.kind === "function" ? "function" : "constructor";
  const returns = c.kind === "function" ? `returns \`${c.result}\`` : `of \`${c.result}\``;
  return `/** TL ${what} \`${c.name}#${
    (c.id >>> 0).toString(16).padStart(8, "0")
  }\`, ${returns}. */`;
}

function genTypes(defs: TlCombinator[], ctx: Ctx, layer: number): string {
  const out: string[] = [];
  out.push(
    header(
      "The TL types of layer " + layer +
        ": one interface per constructor and function, one union per abstract type.",
    ),
  );
  out.push(`import type { GzipPacked, MsgContainer, RpcResult } from "../service_objects.ts";\n`);
  out.push(`export type { GzipPacked, MsgContainer, RpcResult };\n`);
  const ctors = defs.filter((c) => c.kind === "constructor");
  const fns = defs.filter((c) => c.kind === "function");
  for (const c of defs) {
    out.push(docLine(c));
    out.push(`export interface ${typeName(c)} {`);
    out.push(`  _: ${JSON.stringify(c.name)};`);
    for (const p of c.params) {
      if (p.type.kind === "flags") continue;
      const optional = p.flag ? "?" : "";
      out.push(`  ${key(camelCase(p.name))}${optional}: ${tsType(p.type, ctx)};`);
    }
    out.push("}\n");
  }
  for (const [type, members] of [...ctx.types].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    out.push(`/** Any constructor of the TL type \`${type}\`. */`);
    out.push(`export type ${unionName(type)} = ${members.map(typeName).join(" | ")};\n`);
  }
  out.push(`/** Every constructor by its TL name. */`);
  out.push(`export interface Objects {`);
  for (const c of ctors) out.push(`  ${JSON.stringify(c.name)}: ${typeName(c)};`);
  for (const m of MANUAL) out.push(`  ${JSON.stringify(m.name)}: ${m.ts};`);
  out.push("}\n");
  out.push(`/** Every function by its TL name. */`);
  out.push(`export interface Functions {`);
  for (const c of fns) out.push(`  ${JSON.stringify(c.name)}: ${typeName(c)};`);
  out.push("}\n");
  out.push(`/** The result type of every non-generic function, by its TL name. */`);
  out.push(`export interface Results {`);
  for (const c of fns) {
    if (!c.generic) out.push(`  ${JSON.stringify(c.name)}: ${resultTsType(c, ctx)};`);
  }
  out.push("}\n");
  out.push(`/** Any TL constructor object. */`);
  out.push(`export type AnyObject = Objects[keyof Objects];\n`);
  out.push(`/** Any TL function object. */`);
  out.push(`export type AnyFunction = Functions[keyof Functions];\n`);
  out.push(`/** Anything {@link serialize} writes: a constructor or a function. */`);
  out.push(`export type AnyTlObject = AnyObject | AnyFunction;\n`);
  out.push(`/**
 * What invoking \`F\` resolves to; generic wrappers (\`invokeWithLayer\`, \`initConnection\`, …)
 * resolve to the result of their \`query\`.
 */`);
  out.push(
    `export type ResultOf<F extends { _: string }> = F extends { _: infer N extends keyof Results }
  ? Results[N]
  : F extends { query: infer Q extends { _: string } }
    // A wrapper around any function at all resolves to any result, without recursing forever.
    ? AnyFunction extends Q ? Results[keyof Results] : ResultOf<Q>
  : never;\n`,
  );
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Readers

/**
 * The reader expression (`r.int()`) or writer statement (`w.int(v);`) of one type: reader and
 * writer methods share their names.
 */
function codec(t: TlType, side: "r" | "w", v = ""): string {
  const call = (method: string) => side === "r" ? `r.${method}()` : `w.${method}(${v});`;
  switch (t.kind) {
    case "int":
    case "long":
    case "double":
    case "string":
    case "bytes":
    case "int128":
    case "int256":
      return call(t.kind);
    case "Bool":
      return call("bool");
    case "type":
    case "query":
    case "object":
      return call("object");
    case "bare":
      return side === "r" ? `rb_${ident(t.name)}(r)` : `wb_${ident(t.name)}(w, ${v});`;
    case "vector": {
      const of = t.of;
      if (t.boxed && ["int", "long", "string", "bytes"].includes(of.kind)) {
        return call(`vector${pascal(of.kind)}`);
      }
      if (t.boxed && of.kind === "type") return call("vectorObject");
      const method = t.boxed ? "vector" : "bareVector";
      return side === "r"
        ? `r.${method}((r) => ${codec(of, "r")}, ${minSize(of)})`
        : `w.${method}((w, x) => { ${codec(of, "w", "x")} }, ${v});`;
    }
    case "true":
    case "flags":
      throw new Error(`no (de)serialiser for ${t.kind}`);
  }
}

function minSize(t: TlType): number {
  switch (t.kind) {
    case "long":
    case "double":
      return 8;
    case "int128":
      return 16;
    case "int256":
      return 32;
    default:
      return 4;
  }
}

function ident(name: string): string {
  return name.replace(/\./g, "_");
}

function genReader(c: TlCombinator, bare: boolean): string {
  const lastFlags = c.params.map((p) => p.type.kind).lastIndexOf("flags");
  const stmts: string[] = [];
  const props: string[] = [`_: ${JSON.stringify(c.name)}`];
  c.params.forEach((p, i) => {
    if (p.type.kind === "flags") {
      const used = c.params.some((q) => q.flag?.field === p.name);
      stmts.push(used ? `const f_${p.name} = r.int();` : "r.int();");
      return;
    }
    let expr: string;
    if (p.flag) {
      const test = `(f_${p.flag.field} & ${bitLiteral(p.flag.bit)}) !== 0`;
      expr = p.type.kind === "true" ? test : `${test} ? ${codec(p.type, "r")} : undefined`;
    } else {
      if (p.type.kind === "true") throw new Error(`${c.name}: unconditional true`);
      expr = codec(p.type, "r");
    }
    const k = key(camelCase(p.name));
    if (i < lastFlags) {
      stmts.push(`const v${i} = ${expr};`);
      props.push(`${k}: v${i}`);
    } else {
      props.push(`${k}: ${expr}`);
    }
  });
  const name = (bare ? "rb_" : "r_") + ident(c.name);
  const arg = c.params.length > 0 ? "r" : "_r";
  return `function ${name}(${arg}: TlReader): t.${typeName(c)} {
${stmts.map((s) => "  " + s).join("\n")}
  return { ${props.join(", ")} };
}
`;
}

function bitLiteral(bit: number): string {
  return bit === 31 ? "-0x80000000" : String(1 << bit);
}

/** `members` (declarations, then `add` calls) as {@link GROUPS} group functions, and their list. */
function groupFunctions(
  prefix: string,
  addType: string,
  members: { group: number; code: string; add: string }[],
): string[] {
  const out: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const mine = members.filter((m) => m.group === g);
    const used = mine.length > 0 ? "add" : "_add";
    out.push(`function ${prefix}${g}(${used}: ${addType}): void {`);
    for (const m of mine) if (m.code) out.push(m.code);
    for (const m of mine) out.push(`  ${m.add}`);
    out.push(`}\n`);
  }
  return out;
}

function genRead(defs: TlCombinator[], bareUsed: Set<string>): string {
  const out: string[] = [];
  out.push(header("Straight-line readers of every constructor and function, by constructor id."));
  out.push(`import type { TlReader } from "../reader.ts";`);
  out.push(`import type { ReaderGroup } from "../dispatch.ts";`);
  out.push(`import type * as t from "./types.ts";`);
  out.push(`import { readMsgContainer, readRpcResult } from "../service_objects.ts";\n`);
  out.push(`type Reader = (r: TlReader) => unknown;\n`);
  // Bare readers are called by name from other groups: they stay at the top.
  for (const c of defs) if (bareUsed.has(c.name)) out.push(genReader(c, true));
  const members = defs.map((c) => ({
    group: readerGroupOf(c.id),
    code: genReader(c, false).replace(/^/gm, "  ").trimEnd(),
    add: `add(${hex(c.id)}, r_${ident(c.name)});`,
  }));
  for (const m of MANUAL) {
    if (!m.read) continue;
    const fn = m.name === "rpc_result" ? "readRpcResult" : "readMsgContainer";
    members.push({ group: readerGroupOf(m.id), code: "", add: `add(${hex(m.id)}, ${fn});` });
  }
  out.push(...groupFunctions("readers", "(id: number, read: Reader) => void", members));
  out.push(
    `/** The readers of every constructor and function (and of \`rpc_result\`, \`msg_container\`) in`,
    ` * groups by \`readerGroupOf(id)\`, installed on first use by tl/dispatch.ts. */`,
  );
  out.push(
    `export const readerGroups: ReaderGroup[] = [${
      Array.from({ length: GROUPS }, (_, g) => `readers${g}`).join(", ")
    }];\n`,
  );
  out.push(
    `/** Readers of function results that a boxed object read cannot decode (vectors of bare values). */`,
  );
  out.push(`export const resultReaders: Map<string, Reader> = new Map<string, Reader>([`);
  for (const c of defs) {
    if (c.kind !== "function" || c.generic) continue;
    const t = parseType(c.result);
    if (t.kind === "vector") out.push(`  [${JSON.stringify(c.name)}, (r) => ${codec(t, "r")}],`);
  }
  out.push(`]);\n`);
  out.push(`/** Generic functions (\`{X:Type}\`), whose result is that of their \`query\`. */`);
  out.push(`export const genericFunctions: ReadonlySet<string> = new Set<string>([`);
  for (const c of defs) if (c.generic) out.push(`  ${JSON.stringify(c.name)},`);
  out.push(`]);\n`);
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Writers

function genWriter(c: TlCombinator, bare: boolean): string {
  const body: string[] = [];
  const flagFields = c.params.filter((p) => p.type.kind === "flags").map((p) => p.name);
  for (const f of flagFields) {
    const users = c.params.filter((p) => p.flag?.field === f).length;
    body.push(`${users > 0 ? "let" : "const"} f_${f} = 0;`);
    for (const p of c.params) {
      if (p.flag?.field !== f) continue;
      const v = `o.${camelCase(p.name)}`;
      const present = p.type.kind === "true" ? v : `${v} != null`;
      body.push(`if (${present}) f_${f} |= ${bitLiteral(p.flag.bit)};`);
    }
  }
  if (!bare) body.push(`w.int(${hex(c.id)});`);
  for (const p of c.params) {
    if (p.type.kind === "flags") {
      body.push(`w.int(f_${p.name});`);
      continue;
    }
    if (p.type.kind === "true") continue;
    const v = `o.${camelCase(p.name)}`;
    if (p.flag) {
      body.push(
        `if ((f_${p.flag.field} & ${bitLiteral(p.flag.bit)}) !== 0) ${codec(p.type, "w", v + "!")}`,
      );
    } else {
      body.push(codec(p.type, "w", v));
    }
  }
  const name = (bare ? "wb_" : "w_") + ident(c.name);
  const used = c.params.some((p) => p.type.kind !== "flags") ? "o" : "_o";
  return `function ${name}(w: TlWriter, ${used}: t.${typeName(c)}): void {
${body.map((s) => "  " + s).join("\n")}
}
`;
}

function genWrite(defs: TlCombinator[], bareUsed: Set<string>): string {
  const out: string[] = [];
  out.push(header("Straight-line writers of every constructor and function, by TL name."));
  out.push(`import type { TlWriter } from "../writer.ts";`);
  out.push(`import type { WriterGroup } from "../dispatch.ts";`);
  out.push(`import type * as t from "./types.ts";`);
  out.push(`import { lazyMap } from "../lazy_map.ts";`);
  out.push(
    `import { writeGzipPacked, writeMsgContainer, writeRpcResult } from "../service_objects.ts";\n`,
  );
  out.push(`type Writer = (w: TlWriter, o: never) => void;\n`);
  // Bare writers are called by name from other groups: they stay at the top.
  for (const c of defs) if (bareUsed.has(c.name)) out.push(genWriter(c, true));
  const members = defs.map((c) => ({
    group: writerGroupOf(c.name),
    code: genWriter(c, false).replace(/^/gm, "  ").trimEnd(),
    add: `add(${JSON.stringify(c.name)}, w_${ident(c.name)});`,
  }));
  const manual: [string, string][] = [
    ["rpc_result", "writeRpcResult"],
    ["msg_container", "writeMsgContainer"],
    ["gzip_packed", "writeGzipPacked"],
  ];
  for (const [name, fn] of manual) {
    members.push({ group: writerGroupOf(name), code: "", add: `add("${name}", ${fn});` });
  }
  out.push(...groupFunctions("writers", "(name: string, write: Writer) => void", members));
  out.push(
    `/** The writers of every constructor and function (with its id; and of the service objects) in`,
    ` * groups by \`writerGroupOf(name)\`, installed on first use by tl/dispatch.ts. */`,
  );
  out.push(
    `export const writerGroups: WriterGroup[] = [${
      Array.from({ length: GROUPS }, (_, g) => `writers${g}`).join(", ")
    }] as WriterGroup[];\n`,
  );
  out.push(
    `/** Constructor id of each constructor and function, by TL name (built on first use). */`,
  );
  out.push(`export const ids: ReadonlyMap<string, number> = lazyMap((): [string, number][] => [`);
  for (const c of defs) out.push(`  [${JSON.stringify(c.name)}, ${hex(c.id)}],`);
  for (const m of MANUAL) out.push(`  [${JSON.stringify(m.name)}, ${hex(m.id)}],`);
  out.push(`]);\n`);
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// RPC errors

const DIGITS = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];

function errorClassName(id: string): string {
  const parts = id.split(/[_\s]+/).filter((p) => p !== "X" && p !== "");
  // Ids already in CamelCase (the 503 table) keep their case.
  const camel = (p: string) => p === p.toUpperCase() ? p[0] + p.slice(1).toLowerCase() : p;
  let name = parts.map((p) => camel(p[0].toUpperCase() + p.slice(1))).join("");
  if (/^\d/.test(name)) name = DIGITS[Number(name[0])] + name[1].toUpperCase() + name.slice(2);
  return name;
}

function genRpcErrors(): string {
  const files = readdirSync(join(schemaDir, "errors")).filter((f) => f.endsWith(".tsv")).sort();
  const groups: { code: number; cls: string; rows: { id: string; message: string }[] }[] = [];
  for (const file of files) {
    const m = /^(\d+)_(.+)\.tsv$/.exec(file);
    if (!m) throw new Error(`unexpected error table name ${file}`);
    const lines = readFileSync(join(schemaDir, "errors", file), "utf8").split("\n")
      .map((l) => l.replace(/\r$/, "")).filter((l) => l.trim() !== "");
    if (lines[0] !== "id\tmessage") throw new Error(`${file}: header is not "id<TAB>message"`);
    const rows = lines.slice(1).map((l) => {
      const tab = l.indexOf("\t");
      if (tab < 0) throw new Error(`${file}: no tab in "${l}"`);
      return { id: l.slice(0, tab).trim(), message: l.slice(tab + 1).trim() };
    });
    groups.push({ code: Number(m[1]), cls: pascal(m[2].toLowerCase()), rows });
  }
  // Class names: the id in PascalCase without its X; where two errors meet on one name, the
  // numbered one gets an X back, and where they still meet (one id under several codes), the code.
  const reserved = new Set(["RpcError", ...groups.map((g) => g.cls)]);
  const byBase = new Map<string, { code: number; id: string }[]>();
  for (const g of groups) {
    const seen = new Set<string>();
    for (const r of g.rows) {
      if (seen.has(r.id)) throw new Error(`${g.code}: duplicate error ${r.id}`);
      seen.add(r.id);
      const base = errorClassName(r.id);
      if (!byBase.has(base)) byBase.set(base, []);
      byBase.get(base)!.push({ code: g.code, id: r.id });
    }
  }
  const classOf = new Map<string, string>();
  for (const [base, members] of byBase) {
    const withX = members.map((m) =>
      base + (members.length > 1 && m.id.split(/[_\s]/).includes("X") ? "X" : "")
    );
    members.forEach((m, i) => {
      let name = withX[i];
      if (reserved.has(name) || withX.filter((n) => n === name).length > 1) name += m.code;
      if (reserved.has(name)) throw new Error(`RPC error class name ${name} used twice`);
      reserved.add(name);
      classOf.set(`${m.code} ${m.id}`, name);
    });
  }
  const out: string[] = [];
  out.push(
    header(
      "RPC error classes from `tl/schema/errors/*.tsv`: one base class per error code, one class per error.",
    ),
  );
  out.push(`import { RpcError } from "../rpc_error.ts";\n`);
  out.push(`/** A known RPC error class or an error code's class. */`);
  out.push(
    `export type RpcErrorClass = new (serverMessage?: string, value?: number, method?: string) => RpcError;\n`,
  );
  const table: string[] = [];
  for (const g of groups) {
    out.push(`/** Base of the RPC errors with code ${g.code}. */`);
    out.push(`export class ${g.cls} extends RpcError {
  static override readonly CODE: number = ${g.code};
}
`);
    for (const r of g.rows) {
      const cls = classOf.get(`${g.code} ${r.id}`)!;
      out.push(`/** ${g.code} \`${r.id}\`: ${r.message.replace(/\*\//g, "* /")} */`);
      out.push(`export class ${cls} extends ${g.cls} {
  declare static readonly ID: string;
  declare static readonly DESCRIPTION: string;
}
`);
      table.push(
        `  ${cls}, ${JSON.stringify(`${g.code} ${r.id}`)}, ${JSON.stringify(r.id)}, ${
          JSON.stringify(r.message)
        },`,
      );
    }
  }
  out.push(`/** Every known error class, by \`"<code> <id>"\`, e.g. \`"420 FLOOD_WAIT_X"\`. */`);
  out.push(
    `export const rpcErrorClasses: Map<string, RpcErrorClass> = new Map<string, RpcErrorClass>();`,
  );
  out.push(
    `// Each class gets its ID and DESCRIPTION here, in one loop: as static fields of ~900 classes`,
    `// they cost about as much again at import (each class its own initialiser). One flat array`,
    `// (class, key, id, description, …) rather than ~900 small ones: it is built faster.`,
  );
  out.push(`const known: (RpcErrorClass | string)[] = [`);
  out.push(...table);
  out.push(`];`);
  out.push(`for (let i = 0; i < known.length; i += 4) {
  const cls = known[i] as RpcErrorClass;
  const statics = cls as unknown as { ID: string; DESCRIPTION: string };
  statics.ID = known[i + 2] as string;
  statics.DESCRIPTION = known[i + 3] as string;
  rpcErrorClasses.set(known[i + 1] as string, cls);
}
`);
  out.push(`/** The base class of each known error code. */`);
  out.push(
    `export const rpcCodeClasses: Map<number, RpcErrorClass> = new Map<number, RpcErrorClass>([`,
  );
  for (const g of groups) out.push(`  [${g.code}, ${g.cls}],`);
  out.push(`]);\n`);
  const allIds = [...new Set(groups.flatMap((g) => g.rows.map((r) => r.id)))].sort();
  out.push(
    `/** The id of every known RPC error (numbered ones with \`X\`), for \`RpcError.is\`. */`,
  );
  out.push(`export type RpcErrorId =`);
  out.push(...allIds.map((id) => `  | ${JSON.stringify(id)}`));
  out[out.length - 1] += ";";
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------

function header(what: string): string {
  return `// Generated by tl/generate.ts from tl/schema/: do not edit (run \`deno task gen:tl\`).\n/**\n * ${what}\n *\n * @module\n */\n`;
}

/** The generated modules emitted as `NAME.js` + `NAME.d.ts` rather than `NAME.ts`. */
const AS_JAVASCRIPT = new Set(["read.ts", "write.ts", "rpc_errors.ts"]);

/** `NAME.ts`'s text as `NAME.js` (types stripped, typed by the pragma) and `NAME.d.ts`. */
function asJavaScript(name: string, text: string): [string, string][] {
  const base = name.replace(/\.ts$/, "");
  const compilerOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    allowImportingTsExtensions: true,
    declaration: true,
    isolatedDeclarations: true,
  };
  const js = ts.transpileModule(text, { compilerOptions, fileName: name }).outputText;
  const dts = ts.transpileDeclaration(text, { compilerOptions, fileName: name }).outputText;
  // The pragma goes right after the first line ("Generated by …", which tools recognise).
  const [first, ...rest] = js.split("\n");
  const typed = [first, `// @ts-self-types="./${base}.d.ts"`, ...rest].join("\n");
  return [[`${base}.js`, typed], [`${base}.d.ts`, dts]];
}

function format(files: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, text] of files) {
    const run = spawnSync(
      process.execPath,
      [
        "fmt",
        "--no-config",
        "--line-width=100",
        `--ext=${name.endsWith(".js") ? "js" : "ts"}`,
        "-",
      ],
      { input: text, encoding: "utf8", maxBuffer: 1 << 28 },
    );
    if (run.status !== 0) throw new Error(`deno fmt failed on ${name}: ${run.stderr}`);
    out.set(name, run.stdout);
  }
  return out;
}

/** Generates every file of `tl/gen/`, formatted, by file name. */
export function generate(): Map<string, string> {
  const defs = loadSchema();
  const layer = layerOf();
  const byName = new Map(defs.map((c) => [c.name, c]));
  const types = new Map<string, TlCombinator[]>();
  for (const c of defs) {
    if (c.kind !== "constructor") continue;
    if (!types.has(c.result)) types.set(c.result, []);
    types.get(c.result)!.push(c);
  }
  const manualTypes = new Map(MANUAL.filter((m) => m.type !== "Object").map((m) => [m.type, m.ts]));
  const ctx: Ctx = { byName, types, manualTypes };
  const tsNames = new Map<string, string>();
  for (
    const n of [
      ...defs.map((c) => [typeName(c), c.name]),
      ...[...types.keys()].map((t) => [unionName(t), t]),
    ]
  ) {
    if (tsNames.has(n[0])) {
      throw new Error(`TS name ${n[0]} used by ${tsNames.get(n[0])} and ${n[1]}`);
    }
    tsNames.set(n[0], n[1]);
  }
  const bareUsed = new Set<string>();
  const scan = (t: TlType) => {
    if (t.kind === "bare") bareUsed.add(t.name);
    if (t.kind === "vector") scan(t.of);
  };
  for (const c of defs) for (const p of c.params) scan(p.type);

  const files = new Map<string, string>();
  files.set(
    "layer.ts",
    header("The API layer of the generated code.") +
      `\n/** The API layer the generated code speaks. */\nexport const LAYER: number = ${layer};\n`,
  );
  files.set("types.ts", genTypes(defs, ctx, layer));
  files.set("read.ts", genRead(defs, bareUsed));
  files.set("write.ts", genWrite(defs, bareUsed));
  files.set("rpc_errors.ts", genRpcErrors());
  for (const name of AS_JAVASCRIPT) {
    for (const [file, text] of asJavaScript(name, files.get(name)!)) files.set(file, text);
    files.delete(name);
  }
  return format(files);
}

const isMain = (import.meta as { main?: boolean }).main ??
  (process.argv[1] === fileURLToPath(import.meta.url));
if (isMain) {
  const files = generate();
  if (process.argv.includes("--check")) {
    const stale = [...files].filter(([name, text]) => {
      const path = join(genDir, name);
      return !existsSync(path) || readFileSync(path, "utf8") !== text;
    }).map(([name]) => `tl/gen/${name}`);
    const known = new Set(files.keys());
    if (existsSync(genDir)) {
      for (const f of readdirSync(genDir)) {
        if (!known.has(f)) stale.push(`tl/gen/${f} (not generated)`);
      }
    }
    if (stale.length > 0) {
      console.error(`generated TL code is stale (run deno task gen:tl):\n  ${stale.join("\n  ")}`);
      process.exit(1);
    }
    console.log(`tl/gen is current (${files.size} files)`);
  } else {
    for (const [name, text] of files) writeFileSync(join(genDir, name), text);
    console.log(`wrote ${files.size} files to tl/gen/`);
  }
}
