/**
 * The WebAssembly core against its peers, measured in one process: @mtcute/wasm (C compiled to
 * WASM), GramJS's crypto (npm `telegram`, JS), node:crypto / WebCrypto (native), plain JS BigInt.
 * Prints a table with ratios and writes its section of bench/README.md.
 *
 *   deno run -A bench/core_bench.ts · bun bench/core_bench.ts · node npm/bench/core_bench.js
 */
import { createCipheriv, createHash } from "node:crypto";
import { mtcute, mtcuteBytes } from "./mtcute.ts";
import { factorizePQSync } from "@mtcute/core/utils.js";
import { IGE as GramIge } from "telegram/crypto/IGE.js";
import { CTR as GramCtr } from "telegram/crypto/CTR.js";
import { Factorizator } from "telegram/crypto/Factorizator.js";
import bigInt from "big-integer";
import {
  Ctr256,
  factorizePQ,
  ige256Decrypt,
  ige256Encrypt,
  initCore,
  modPow,
  openMessage,
  sealMessage,
  sha256,
} from "../core/mod.ts";
import { aesKind, wasmBytes } from "../core/wasm.ts";
import { setNativeCrypto } from "../core/native.ts";
import {
  fmt,
  interleaved,
  mbps,
  measureAsync,
  runtimeName,
  table,
  writeSection,
} from "./report.ts";
import { secureRandom } from "../core/random.ts";

await initCore();

const KiB = 1024, MiB = 1024 * 1024;
const rand = secureRandom;
const key = rand(32), iv32 = rand(32), iv16 = rand(16);
const rows: (string | number)[][] = [];
const size = (n: number) => (n >= MiB ? `${n / MiB} MiB` : `${n / KiB} KiB`);

type Peer = "ours" | "mtcute" | "gramjs" | "native" | "js";

/** One row: our time against each peer's, as a ratio (> 1 means we are faster). */
function row(
  op: string,
  unit: "MB/s" | "µs" | "ms",
  bytes: number,
  times: Partial<Record<Peer, number>>,
  target?: string,
) {
  const ours = times.ours!;
  const show = (ms: number | undefined) =>
    ms === undefined
      ? "—"
      : unit === "MB/s"
      ? fmt(mbps(bytes, ms))
      : unit === "µs"
      ? fmt(ms * 1e3)
      : fmt(ms);
  const ratio = (ms: number | undefined) => (ms === undefined ? "—" : `${fmt(ms / ours)}×`);
  rows.push([
    op,
    unit,
    show(ours),
    show(times.mtcute),
    ratio(times.mtcute),
    show(times.gramjs),
    ratio(times.gramjs),
    show(times.native),
    ratio(times.native),
    show(times.js),
    ratio(times.js),
    target ?? "",
  ]);
  console.log(rows[rows.length - 1].join(" | "));
}

const budget = (big: boolean) => (big ? 1500 : 800);

// AES-256-IGE. Encryption runs as one native AES-CBC pass where node:crypto exists; decryption
// feeds plaintext back into the cipher, so it always runs in WASM.
for (const n of [KiB, 64 * KiB, MiB]) {
  const data = rand(n);
  const gram = new GramIge(Buffer.from(key), Buffer.from(iv32));
  const cbc = () => createCipheriv("aes-256-cbc", key, iv16).setAutoPadding(false).update(data);
  const unit = n === KiB ? "µs" : "MB/s";
  const target = n === KiB ? "" : "≥ 1.5× mtcute (native: serial AES-CBC, the IGE ceiling)";
  const gramjs = n === MiB ? {} : { gramjs: () => gram.encryptIge(Buffer.from(data)) };
  row(
    `AES-256-IGE encrypt ${size(n)}`,
    unit,
    n,
    interleaved({
      ours: () => ige256Encrypt(data, key, iv32),
      mtcute: () => mtcute.ige256Encrypt(data, key, iv32),
      native: cbc,
      ...gramjs,
    }, budget(n > KiB)),
    target,
  );
  const gramjsDec = n === MiB ? {} : { gramjs: () => gram.decryptIge(Buffer.from(data)) };
  row(
    `AES-256-IGE decrypt ${size(n)}`,
    unit,
    n,
    interleaved({
      ours: () => ige256Decrypt(data, key, iv32),
      mtcute: () => mtcute.ige256Decrypt(data, key, iv32),
      ...gramjsDec,
    }, budget(n > KiB)),
    target,
  );
}

// AES-256-CTR, one stream.
for (const n of [KiB, 64 * KiB, MiB]) {
  const data = rand(n);
  const ours = new Ctr256(key, iv16);
  const ctx = mtcute.createCtr256(key, iv16);
  const gram = new GramCtr(Buffer.from(key), Buffer.from(iv16));
  const nat = createCipheriv("aes-256-ctr", key, iv16);
  const gramjs = n === MiB ? {} : { gramjs: () => gram.encrypt(Buffer.from(data)) };
  row(
    `AES-256-CTR ${size(n)}`,
    n === KiB ? "µs" : "MB/s",
    n,
    interleaved({
      ours: () => ours.process(data),
      mtcute: () => mtcute.ctr256(ctx, data),
      native: () => nat.update(data),
      ...gramjs,
    }, budget(n > KiB)),
    "≥ 3× mtcute",
  );
  ours.free();
  mtcute.freeCtr256(ctx);
}

// SHA-256.
for (const n of [KiB, MiB]) {
  const data = rand(n);
  row(
    `SHA-256 ${size(n)}`,
    n === KiB ? "µs" : "MB/s",
    n,
    interleaved({
      ours: () => sha256(data),
      mtcute: () => mtcute.sha256(data),
      native: () => createHash("sha256").update(data).digest(),
    }, budget(n > KiB)),
  );
}

// Sealing + opening a message of `size` bytes; the peer does the same work with mtcute IGE and
// node hashes. 1 KiB is a typical message; 96 bytes is one small RPC (a help.getNearestDc with an
// ack riding along), where sealMessage picks the core over node:crypto on Node and Bun.
for (
  const [size, label, target] of [[1024, "1 KiB", "≥ 2× (mtcute IGE + node hashes)"], [
    96,
    "96-byte",
    undefined,
  ]] as const
) {
  const authKey = rand(256);
  const inner = rand(size);
  new DataView(inner.buffer).setUint32(28, size - 32, true);
  const ours = () => openMessage(authKey, sealMessage(authKey, inner, "client"), "client");
  const nodeSha = (...parts: Uint8Array[]) => {
    const h = createHash("sha256");
    for (const p of parts) h.update(p);
    return new Uint8Array(h.digest());
  };
  const kdf = (msgKey: Uint8Array, x: number) => {
    const a = nodeSha(msgKey, authKey.subarray(x, x + 36));
    const b = nodeSha(authKey.subarray(40 + x, 76 + x), msgKey);
    const k = new Uint8Array(32), v = new Uint8Array(32);
    k.set(a.subarray(0, 8)), k.set(b.subarray(8, 24), 8), k.set(a.subarray(24, 32), 24);
    v.set(b.subarray(0, 8)), v.set(a.subarray(8, 24), 8), v.set(b.subarray(24, 32), 24);
    return [k, v];
  };
  const authKeyId = createHash("sha1").update(authKey).digest().subarray(12, 20);
  const peer = () => {
    // The same padding rule as sealMessage: 12..15 bytes to a block boundary plus 0..7 random
    // blocks (MTProto asks for random padding), so both sides encrypt the same lengths on average.
    const extra = rand(1)[0] & 7;
    const padding = rand(12 + ((16 - ((inner.length + 12) % 16)) % 16) + 16 * extra);
    const plain = new Uint8Array(inner.length + padding.length);
    plain.set(inner), plain.set(padding, inner.length);
    const msgKey = nodeSha(authKey.subarray(88, 120), plain).subarray(8, 24);
    const [k, v] = kdf(msgKey, 0);
    const enc = mtcute.ige256Encrypt(plain, k, v);
    const wire = new Uint8Array(24 + enc.length);
    wire.set(authKeyId), wire.set(msgKey, 8), wire.set(enc, 24);
    // open
    const mk = wire.subarray(8, 24);
    const [k2, v2] = kdf(mk, 0);
    const dec = mtcute.ige256Decrypt(wire.subarray(24), k2, v2);
    const check = nodeSha(authKey.subarray(88, 120), dec).subarray(8, 24);
    if (check[0] !== mk[0]) throw new Error("peer seal/open mismatch");
    return dec.subarray(0, 32 + new DataView(dec.buffer, dec.byteOffset).getUint32(28, true));
  };
  row(
    `seal + open ${label} message`,
    "µs",
    size,
    interleaved({ ours, mtcute: peer }, 1500),
    target,
  );
}

// pq factorisation: products of two ~31-bit primes (as Telegram sends), mean over the set.
{
  // As Telegram sends: products of two random primes of 31..32 bits (seeded, reproducible).
  let seed = 0x9e3779b9;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const isPrime = (n: bigint) => {
    for (const p of [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n]) {
      if (n % p === 0n) return n === p;
    }
    let d = n - 1n, s = 0;
    while ((d & 1n) === 0n) [d, s] = [d >> 1n, s + 1];
    outer: for (const a of [2n, 3n, 5n, 7n, 11n, 13n, 17n]) {
      let x = 1n, b = a, e = d;
      for (; e > 0n; e >>= 1n, b = (b * b) % n) if (e & 1n) x = (x * b) % n;
      if (x === 1n || x === n - 1n) continue;
      for (let i = 1; i < s; i++) if ((x = (x * x) % n) === n - 1n) continue outer;
      return false;
    }
    return true;
  };
  const prime = () => {
    for (;;) {
      const v = BigInt(next() | 0x80000001) >> BigInt(next() & 1);
      if (isPrime(v)) return v;
    }
  };
  const pqs = Array.from({ length: 8 }, () => prime() * prime());
  const toBytes = (v: bigint) => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, v);
    return b;
  };
  const provider = {
    randomBytes: rand,
    randomFill: (b: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(b),
  };
  // Means over the set, passes interleaved (ours, mtcute, ours, ...) against load drift;
  // mtcute draws its starting point and batch size at random: many passes for a stable mean.
  const pass = (fn: (pq: bigint) => unknown) => {
    const t0 = performance.now();
    for (const pq of pqs) fn(pq);
    return (performance.now() - t0) / pqs.length;
  };
  const ours = (pq: bigint) => factorizePQ(pq);
  const mt = (pq: bigint) => factorizePQSync(provider as never, toBytes(pq));
  pass(ours);
  let sumOurs = 0, sumMt = 0;
  const passes = 25;
  for (let r = 0; r < passes; r++) {
    sumOurs += pass(ours);
    sumMt += pass(mt);
  }
  const gram = pass((pq) => Factorizator.factorize(bigInt(pq.toString())));
  row(
    "pq factorisation (mean over 64-bit pqs)",
    "ms",
    0,
    { ours: sumOurs / passes, mtcute: sumMt / passes, gramjs: gram },
    "≤ 0.1× mtcute factorizePQSync",
  );
}

// 2048-bit modPow (DH g^a mod p, full-size exponent).
{
  const p = BigInt(
    "0x" +
      "c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f642477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b",
  );
  const a = BigInt("0x" + Array.from(rand(256), (x) => x.toString(16).padStart(2, "0")).join("")) %
    p;
  const g = 3n;
  const jsPow = (b: bigint, e: bigint, m: bigint) => {
    let r = 1n;
    b %= m;
    while (e > 0n) {
      if (e & 1n) r = (r * b) % m;
      b = (b * b) % m;
      e >>= 1n;
    }
    return r;
  };
  if (modPow(g, a, p) !== jsPow(g, a, p)) throw new Error("modPow mismatch");
  const gp = bigInt(p.toString(16), 16), ga = bigInt(a.toString(16), 16);
  row(
    "modPow 2048-bit",
    "ms",
    0,
    interleaved({
      ours: () => modPow(g, a, p),
      js: () => jsPow(g, a, p),
      gramjs: () => bigInt(3).modPow(ga, gp),
    }, 3000),
    "≥ 2× JS BigInt",
  );
  // The WebAssembly Montgomery modexp alone (what rsaPad runs inside the core).
  const wasmPow = () => {
    const previous = setNativeCrypto(undefined);
    try {
      return modPow(g, a, p);
    } finally {
      setNativeCrypto(previous);
    }
  };
  if (wasmPow() !== jsPow(g, a, p)) throw new Error("modPow (core) mismatch");
  row(
    "modPow 2048-bit, WebAssembly core only",
    "ms",
    0,
    interleaved({ ours: wasmPow, js: () => jsPow(g, a, p) }, 3000),
    "(rsaPad; dhExchange when pinned)",
  );
}

// Start-up: decode the embedded base64 and instantiate, against mtcute's instantiation of its
// file bytes (read beforehand).
{
  const ours = await measureAsync(() => WebAssembly.instantiate(wasmBytes()), 300);
  const mt = await measureAsync(() => WebAssembly.instantiate(mtcuteBytes), 300);
  row("start-up: instantiate the module", "ms", 0, { ours, mtcute: mt });
  rows.push([
    "module size, KB (wasm)",
    "KB",
    (wasmBytes().length / 1000).toFixed(1),
    (mtcuteBytes.length / 1000).toFixed(1),
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
  ]);
}

const header = [
  "operation",
  "unit",
  "irenogram core",
  "@mtcute/wasm",
  "vs mtcute",
  "GramJS",
  "vs GramJS",
  "native",
  "vs native",
  "JS BigInt",
  "vs JS",
  "target",
];
const md = [
  `AES in the WebAssembly core: ${aesKind()}; the \`aes_chain\` sections compare it with the`,
  "T-table AES (secret-indexed lookups, measured only) and show each build of the module.",
  "Where node:crypto exists (Node, Bun, Deno) the core uses it for AES-CTR, SHA, IGE encryption",
  "(one AES-CBC pass), the hashes of sealMessage/openMessage on Node and Bun, and on Node and Bun",
  "modPow (a native DiffieHellman for large exponents, raw RSA for small ones). The seal + open",
  "peer pads like sealMessage (random 12..139 bytes). Ratios are peer time / our time (> 1×: the",
  `core is faster).\n\n${table(header, rows)}\n`,
].join("\n");
console.log(`\n${runtimeName()}\n${md}`);
writeSection("core", md);
