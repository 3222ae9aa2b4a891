/**
 * A parser for the TL schema language as Telegram publishes it (`api.tl`, `auth_key.tl`,
 * `sys_msgs.tl`). Used by the code generator (`tl/generate.ts`) and by the tests, which build
 * random instances of every combinator from the same description; never at run time by the
 * (de)serialisers, which are generated straight-line code.
 *
 * @module
 */

/** A parameter's type, resolved to what the (de)serialisers must do with it. */
export type TlType =
  | { kind: "int" | "long" | "double" | "string" | "bytes" | "int128" | "int256" | "Bool" }
  /** `flags.N?true`: a boolean carried by a flag bit alone. */
  | { kind: "true" }
  /** `#`: a flags word, computed from the conditional fields when writing. */
  | { kind: "flags" }
  /** `Vector<T>` (boxed: written with the vector constructor id) or `vector<t>` (bare). */
  | { kind: "vector"; boxed: boolean; of: TlType }
  /** A boxed abstract type such as `InputPeer` or `messages.Messages`. */
  | { kind: "type"; name: string }
  /** A bare constructor such as `future_salt` in `vector<future_salt>`. */
  | { kind: "bare"; name: string }
  /** `!X`: any function object (the generic queries `invokeWithLayer` and friends). */
  | { kind: "query" }
  /** `Object`: any boxed object. */
  | { kind: "object" };

/** One parameter of a combinator. */
export interface TlParam {
  /** The name as written in the schema, e.g. `random_id`. */
  name: string;
  type: TlType;
  /** For `flags.N?T` parameters: the flags field and the bit. */
  flag?: { field: string; bit: number };
}

/** A constructor or a function. */
export interface TlCombinator {
  kind: "constructor" | "function";
  /** The full name, e.g. `messages.sendMessage`. */
  name: string;
  /** The 32-bit constructor id, unsigned. */
  id: number;
  params: TlParam[];
  /** For constructors the abstract type; for functions the result type as written (`Vector<int>`, `X`). */
  result: string;
  /** `{X:Type}` functions whose result is that of their `query`. */
  generic: boolean;
  /** The schema file it comes from. */
  source: string;
}

const primitives = new Set([
  "int",
  "long",
  "double",
  "string",
  "bytes",
  "int128",
  "int256",
  "Bool",
]);

/** Resolves one type expression (without the `flags.N?` prefix). */
export function parseType(text: string): TlType {
  if (text === "#") return { kind: "flags" };
  if (text === "true") return { kind: "true" };
  if (text === "!X") return { kind: "query" };
  if (text === "Object") return { kind: "object" };
  if (primitives.has(text)) return { kind: text } as TlType;
  const vector = /^([Vv])ector<(.+)>$/.exec(text);
  if (vector) return { kind: "vector", boxed: vector[1] === "V", of: parseType(vector[2]) };
  if (text.startsWith("%")) return { kind: "bare", name: text.slice(1) };
  const last = text.slice(text.lastIndexOf(".") + 1);
  if (/^[A-Z]/.test(last)) return { kind: "type", name: text };
  if (/^[a-z]/.test(last)) return { kind: "bare", name: text };
  throw new Error(`unsupported TL type ${text}`);
}

/**
 * Parses a schema file's text. Comment lines and the `---types---`/`---functions---` markers are
 * understood; each definition must carry its id (`name#1234abcd`).
 */
export function parseSchema(text: string, source: string): TlCombinator[] {
  const out: TlCombinator[] = [];
  let kind: "constructor" | "function" = "constructor";
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    if (line === "") continue;
    if (line === "---types---") {
      kind = "constructor";
      continue;
    }
    if (line === "---functions---") {
      kind = "function";
      continue;
    }
    const m = /^([\w.]+)#([0-9a-f]{1,8})\s+(.*?)\s*=\s*([^;]+);$/.exec(line);
    if (!m) throw new Error(`${source}: cannot parse "${line}"`);
    const [, name, hexId, paramText, result] = m;
    let generic = false;
    const params: TlParam[] = [];
    for (const token of paramText.split(/\s+/).filter(Boolean)) {
      if (/^\{\w+:Type\}$/.test(token)) {
        generic = true;
        continue;
      }
      const p = /^(\w+):(.+)$/.exec(token);
      if (!p) throw new Error(`${source}: cannot parse parameter "${token}" of ${name}`);
      const cond = /^(\w+)\.(\d+)\?(.+)$/.exec(p[2]);
      if (cond) {
        params.push({
          name: p[1],
          type: parseType(cond[3]),
          flag: { field: cond[1], bit: Number(cond[2]) },
        });
      } else {
        params.push({ name: p[1], type: parseType(p[2]) });
      }
    }
    out.push({
      kind,
      name,
      id: parseInt(hexId, 16) >>> 0,
      params,
      result: result.trim(),
      generic,
      source,
    });
  }
  return out;
}

/** `random_id` → `randomId`: the field name used in objects. */
export function camelCase(name: string): string {
  return name.replace(/_([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The schema files of `tl/schema/`, in the order their definitions are read. */
export const SCHEMA_FILES = ["auth_key.tl", "sys_msgs.tl", "api.tl"] as const;

/**
 * Definitions that the schema files leave commented out ("parsed manually" by the Python
 * libraries) but that plain generated code handles fine.
 */
export const EXTRA_DEFINITIONS = `
---types---
future_salt#0949d9dc valid_since:int valid_until:int salt:long = FutureSalt;
future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt> = FutureSalts;
`;

/**
 * Every definition of the schema: the files of {@link SCHEMA_FILES} read by `read` (a file
 * name to its text), then {@link EXTRA_DEFINITIONS}.
 */
export function parseSchemaFiles(read: (file: string) => string): TlCombinator[] {
  const all: TlCombinator[] = [];
  for (const file of SCHEMA_FILES) all.push(...parseSchema(read(file), file));
  all.push(...parseSchema(EXTRA_DEFINITIONS, "extra"));
  for (const c of all) {
    for (const p of c.params) {
      if (p.type.kind === "string" && BYTE_STRINGS.has(`${c.name}.${p.name}`)) {
        p.type = { kind: "bytes" };
      }
    }
  }
  return all;
}

/**
 * Service-message fields the schema declares `string` that carry raw bytes: one state byte per
 * msg_id (core.telegram.org, "Service Messages"). Read as UTF-8, a state with +128 set would be
 * mangled or merged with the next one, so they are `bytes` here.
 */
const BYTE_STRINGS = new Set(["msgs_state_info.info", "msgs_all_info.info"]);
