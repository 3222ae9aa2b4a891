/**
 * Random instances of TL combinators, built from the schema files (`tl/schema/*.tl`) at test
 * time, shaped exactly like the generated readers' output (every field present, absent optional
 * ones `undefined`, unset `true` flags `false`) so that a round trip can be compared deeply.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SeededRandom } from "../../testing/random.ts";
import { camelCase, parseSchemaFiles, type TlCombinator, type TlType } from "../tl_parser.ts";

/** Service objects the generator leaves to hand-written code (tested on their own). */
const MANUAL = new Set(["rpc_result"]);

function schemaDir(): string {
  // From source (tests/tl/) and from the npm build (npm/tests/tl/), whose tree has no schema.
  for (const rel of ["../schema/", "../../../tl/schema/"]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir + "api.tl")) return dir;
  }
  throw new Error("tl/schema not found");
}

/** Every combinator of the schema, as the generator sees it. */
export function loadCombinators(): TlCombinator[] {
  const dir = schemaDir();
  return parseSchemaFiles((file) => readFileSync(dir + file, "utf8")).filter((c) =>
    !MANUAL.has(c.name)
  );
}

export interface RandomOptions {
  /** Keep `long`s within ±2^53 (for peers that read some of them as numbers). */
  safeLongs?: boolean;
  /** Never produce present-but-empty optional vectors (peers that write those as absent). */
  nonEmptyOptionalVectors?: boolean;
  /** Nesting depth from which the smallest constructors are chosen. */
  maxDepth?: number;
}

const TEXT = ["a", "b", "z", "0", " ", "é", "ж", "中", "😀", "\u{1F44D}", "_", "\n"];

/** Builds random objects for a schema with a seeded generator. */
export class RandomTl {
  readonly byName: Map<string, TlCombinator>;
  readonly byType = new Map<string, TlCombinator[]>();
  readonly functions: TlCombinator[];
  #minDepth = new Map<string, number>();
  #rng: SeededRandom;
  #opts: Required<RandomOptions>;

  constructor(combinators: TlCombinator[], seed: number, opts: RandomOptions = {}) {
    this.#rng = new SeededRandom(seed);
    this.#opts = { safeLongs: false, nonEmptyOptionalVectors: false, maxDepth: 3, ...opts };
    this.byName = new Map(combinators.map((c) => [c.name, c]));
    for (const c of combinators) {
      if (c.kind !== "constructor") continue;
      if (!this.byType.has(c.result)) this.byType.set(c.result, []);
      this.byType.get(c.result)!.push(c);
    }
    this.functions = combinators.filter((c) => c.kind === "function" && !c.generic);
    this.#computeMinDepth();
  }

  /** Fixpoint: how deep the shallowest instance of each type must nest. */
  #computeMinDepth(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const [type, ctors] of this.byType) {
        for (const c of ctors) {
          let d = 1;
          for (const p of c.params) {
            if (p.flag || p.type.kind !== "type") continue;
            d = Math.max(d, 1 + (this.#minDepth.get(p.type.name) ?? Infinity));
          }
          if (d < (this.#minDepth.get(type) ?? Infinity)) {
            this.#minDepth.set(type, d);
            changed = true;
          }
        }
      }
    }
  }

  #shallowest(type: string): TlCombinator {
    const ctors = this.byType.get(type);
    if (!ctors) throw new Error(`no constructor for ${type}`);
    const depth = (c: TlCombinator) =>
      c.params.reduce(
        (d, p) =>
          p.flag || p.type.kind !== "type"
            ? d
            : Math.max(d, 1 + (this.#minDepth.get(p.type.name) ?? Infinity)),
        1,
      );
    const best = Math.min(...ctors.map(depth));
    const choices = ctors.filter((c) => depth(c) === best);
    return choices[this.#rng.int(choices.length)];
  }

  /** A random instance of the combinator `name`. */
  instance(name: string, depth = 0): Record<string, unknown> {
    const c = this.byName.get(name);
    if (!c) throw new Error(`unknown combinator ${name}`);
    const rng = this.#rng;
    const deep = depth >= this.#opts.maxDepth;
    const bits = new Map<string, boolean>();
    const obj: Record<string, unknown> = { _: c.name };
    for (const p of c.params) {
      if (p.type.kind === "flags") continue;
      const k = camelCase(p.name);
      if (p.flag) {
        const bit = `${p.flag.field}.${p.flag.bit}`;
        if (!bits.has(bit)) bits.set(bit, !deep && rng.int(2) === 1);
        const on = bits.get(bit)!;
        if (p.type.kind === "true") obj[k] = on;
        else obj[k] = on ? this.value(p.type, depth, true) : undefined;
      } else {
        obj[k] = this.value(p.type, depth, false);
      }
    }
    return obj;
  }

  /** A random value of one type. */
  value(t: TlType, depth: number, optional: boolean): unknown {
    const rng = this.#rng;
    switch (t.kind) {
      case "int":
        return rng.uint32() | 0;
      case "long": {
        const hi = rng.uint32(), lo = rng.uint32();
        if (this.#opts.safeLongs || rng.int(2) === 0) {
          return BigInt((hi & 0x1fffff) * 0x1_0000_0000 + lo) * (rng.int(2) ? 1n : -1n);
        }
        return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
      }
      case "double":
        return ((rng.uint32() | 0) / (rng.uint32() + 1)) * 1000;
      case "string": {
        const n = rng.int(8) === 0 ? 250 + rng.int(20) : rng.int(12);
        let s = "";
        for (let i = 0; i < n; i++) s += TEXT[rng.int(TEXT.length)];
        return s;
      }
      case "bytes":
        return rng.bytes(rng.int(8) === 0 ? 250 + rng.int(20) : rng.int(12));
      case "int128":
        return rng.bytes(16);
      case "int256":
        return rng.bytes(32);
      case "Bool":
      case "true":
        return rng.int(2) === 1;
      case "vector": {
        const deep = depth >= this.#opts.maxDepth;
        let n = deep ? 0 : rng.int(3);
        if (optional && this.#opts.nonEmptyOptionalVectors && n === 0) n = 1;
        const out: unknown[] = [];
        for (let i = 0; i < n; i++) out.push(this.value(t.of, depth, false));
        return out;
      }
      case "type": {
        const ctors = this.byType.get(t.name);
        if (!ctors) throw new Error(`no constructor for ${t.name}`);
        const c = depth >= this.#opts.maxDepth
          ? this.#shallowest(t.name)
          : ctors[rng.int(ctors.length)];
        return this.instance(c.name, depth + 1);
      }
      case "bare":
        return this.instance(t.name, depth + 1);
      case "query": {
        const fns = this.functions.filter((f) => f.params.every((p) => p.type.kind !== "type"));
        return this.instance(fns[rng.int(fns.length)].name, depth + 1);
      }
      case "object":
      case "flags":
        throw new Error(`no random value for ${t.kind}`);
    }
  }
}
