/**
 * The serial AES-256 chain (IGE) in the WebAssembly core, per build, against @mtcute/wasm in the
 * same process: the plain SIMD128 build, the relaxed-SIMD build (where the runtime validates it;
 * the core loads that one there), and the raw block chain of the table-free AES against the
 * T-table AES compiled into the same module. Writes its section of bench/README.md.
 *
 *   deno run -A bench/aes_chain_bench.ts · bun bench/aes_chain_bench.ts · node npm/bench/aes_chain_bench.js
 */
import { mtcute } from "./mtcute.ts";
import { decodeBase64 } from "../encoding/base64.ts";
import { secureRandom } from "../core/random.ts";
import {
  RELAXED_SIMD_PROBE,
  WASM_BASE64,
  WASM_PLAIN_BASE64,
  WASM_RELAXED_BASE64,
} from "../core/wasm_bytes.ts";
import { fmt, interleaved, mbps, runtimeName, table, writeSection } from "./report.ts";

const KiB = 1024, MiB = 1024 * 1024;
const rand = secureRandom;

type Exports = {
  memory: WebAssembly.Memory;
  core_alloc(n: number): number;
  ige256_decrypt(key: number, iv: number, data: number, len: number): number;
  ige256_encrypt(key: number, iv: number, data: number, len: number): number;
  aes_bench_chain(n: number, which: number): number;
};

/** A fresh instance of one build of the core. */
function instantiate(base64: string): Exports {
  return new WebAssembly.Instance(new WebAssembly.Module(decodeBase64(base64)), {})
    .exports as unknown as Exports;
}

/** One build of the core with a buffer of key | iv | data, calling its IGE exports directly. */
function build(base64: string) {
  const ex = instantiate(base64);
  const p = ex.core_alloc(64 + MiB);
  return (
    fn: "ige256_decrypt" | "ige256_encrypt",
    data: Uint8Array,
    key: Uint8Array,
    iv: Uint8Array,
  ) => {
    const m = new Uint8Array(ex.memory.buffer);
    m.set(key, p);
    m.set(iv, p + 32);
    m.set(data, p + 64);
    if (ex[fn](p, p + 32, p + 64, data.length) !== 0) throw new Error(`${fn} failed`);
    return new Uint8Array(ex.memory.buffer, p + 64, data.length).slice();
  };
}

const builds: [string, string][] = [["SIMD128 build", WASM_PLAIN_BASE64]];
if (WebAssembly.validate(RELAXED_SIMD_PROBE)) {
  builds.push(["relaxed-SIMD build", WASM_RELAXED_BASE64]);
}
const loaded = WASM_BASE64 === WASM_RELAXED_BASE64 ? "relaxed-SIMD" : "SIMD128";

const key = rand(32), iv = rand(32);
const rows: (string | number)[][] = [];
for (const n of [64 * KiB, MiB]) {
  const data = rand(n);
  const want = {
    dec: mtcute.ige256Decrypt(data, key, iv),
    enc: mtcute.ige256Encrypt(data, key, iv),
  };
  const fns: Record<string, () => unknown> = {
    "mtcute dec": () => mtcute.ige256Decrypt(data, key, iv),
    "mtcute enc": () => mtcute.ige256Encrypt(data, key, iv),
  };
  for (const [name, base64] of builds) {
    const ige = build(base64);
    // Same bytes as mtcute, or the numbers mean nothing.
    for (const [dir, fn] of [["dec", "ige256_decrypt"], ["enc", "ige256_encrypt"]] as const) {
      const got = ige(fn, data, key, iv);
      if (got.some((b, i) => b !== want[dir][i])) {
        throw new Error(`${name} ${dir} differs from mtcute`);
      }
      fns[`${name} ${dir}`] = () => ige(fn, data, key, iv);
    }
  }
  const t = interleaved(fns, 6000) as Record<string, number>;
  const size = n === MiB ? "1 MiB" : "64 KiB";
  for (const [name] of builds) {
    for (const dir of ["dec", "enc"]) {
      rows.push([
        `AES-256-IGE ${dir === "dec" ? "decrypt" : "encrypt"} ${size}, ${name}`,
        fmt(mbps(n, t[`${name} ${dir}`])),
        fmt(mbps(n, t[`mtcute ${dir}`])),
        `${fmt(t[`mtcute ${dir}`] / t[`${name} ${dir}`])}×`,
      ]);
      console.log(rows[rows.length - 1].join(" | "));
    }
  }
}

// Raw chains of 4096 dependent blocks (key schedule included) in each build: the table-free AES
// against the T-table one (kinds: 2 SIMD enc, 3 T-table enc, 4 SIMD dec, 5 T-table dec).
for (const [name, base64] of builds) {
  const ex = instantiate(base64);
  const kinds = { simdDec: 4, tableDec: 5, simdEnc: 2, tableEnc: 3 };
  const t = interleaved(
    Object.fromEntries(
      Object.entries(kinds).map(([k, which]) => [k, () => ex.aes_bench_chain(4096, which)]),
    ),
    4000,
  ) as Record<string, number>;
  for (const dir of ["Dec", "Enc"]) {
    rows.push([
      `raw chain, ${dir === "Dec" ? "decryption" : "encryption"}, ${name} (peer: T-table AES)`,
      fmt(mbps(64 * KiB, t[`simd${dir}`])),
      fmt(mbps(64 * KiB, t[`table${dir}`])),
      `${fmt(t[`table${dir}`] / t[`simd${dir}`])}×`,
    ]);
    console.log(rows[rows.length - 1].join(" | "));
  }
}

const md = [
  "The AES-256 chain of IGE (each block waits for the previous one) in the WebAssembly core, MB/s,",
  `against @mtcute/wasm (C, T-table AES) in the same process. The core loads the ${loaded} build`,
  "on this runtime. Both builds run the same table-free, constant-time vector-permute AES; the",
  "relaxed one turns every `i8x16.swizzle` into `i8x16.relaxed_swizzle` (one `pshufb` on x86, where",
  "V8 spends two instructions and twice the latency on the plain swizzle). The last rows compare",
  "the table-free AES with the T-table AES (secret-indexed lookups, measured only) on a raw chain.",
  "",
  table(["operation", "ours MB/s", "peer MB/s", "ours vs peer"], rows),
  "",
].join("\n");
console.log(`\n${runtimeName()}\n${md}`);
writeSection("aes_chain", md);
