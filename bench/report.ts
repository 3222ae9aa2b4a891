/**
 * Shared plumbing of the benchmarks: which runtime is running, a timer that reports medians,
 * and `writeSection`, which puts one runtime's table for one area into `bench/README.md`
 * between markers, so that every benchmark owns its own part of the page.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { withSummary } from "./summary.ts";

/** `"deno"`, `"bun"` or `"node"`, with the version. */
export function runtimeName(): string {
  const g = globalThis as { Deno?: { version: { deno: string } }; Bun?: { version: string } };
  if (g.Deno) return `deno ${g.Deno.version.deno}`;
  if (g.Bun) return `bun ${g.Bun.version}`;
  return `node ${process.versions.node}`;
}

/**
 * Runs `fn` repeatedly (after a warm-up) for about `ms` milliseconds in rounds and returns the
 * median time of one call in milliseconds.
 */
export function measure(fn: () => unknown, ms = 300): number {
  const start = performance.now();
  while (performance.now() - start < ms / 10) fn();
  const samples: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end || samples.length < 5) {
    let n = 0;
    const t0 = performance.now();
    let t1 = t0;
    while (t1 - t0 < ms / 50) {
      fn();
      n++;
      t1 = performance.now();
    }
    samples.push((t1 - t0) / n);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

/** Same as {@link measure} for async work. */
export async function measureAsync(fn: () => Promise<unknown>, ms = 300): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) await fn();
  const end = performance.now() + ms;
  while (performance.now() < end || samples.length < 5) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

/** A figure with three significant digits at most (1234, 12.3, 1.23). */
export function fmt(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** Throughput in MB/s of `bytes` processed in `ms` milliseconds. */
export function mbps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1e3);
}

/** The median of `xs` (sorts a copy). */
export function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1];
}

/**
 * Median time (ms) of one call of each function, measured interleaved: rounds of short batches
 * in turn, so that load from other processes falls on all of them alike (the machine is shared).
 */
export function interleaved<K extends string>(
  fns: Partial<Record<K, () => unknown>>,
  ms: number,
  rounds = 12,
): Partial<Record<K, number>> {
  const entries = Object.entries(fns) as [K, () => unknown][];
  for (const [, fn] of entries) {
    const end = performance.now() + ms / 20;
    while (performance.now() < end) fn();
  }
  const slice = ms / (rounds * entries.length);
  const samples = entries.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    entries.forEach(([, fn], i) => {
      let n = 0;
      const t0 = performance.now();
      let t1 = t0;
      do {
        fn();
        n++;
        t1 = performance.now();
      } while (t1 - t0 < slice);
      samples[i].push((t1 - t0) / n);
    });
  }
  return Object.fromEntries(entries.map(([name], i) => [name, median(samples[i])])) as Partial<
    Record<K, number>
  >;
}

/** A markdown table from a header row and rows. */
export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

const readme = new URL("./README.md", import.meta.url);

/**
 * Replaces (or appends) the part of `bench/README.md` that belongs to `area` on the current
 * runtime, then rebuilds the summary table from every section (`summary.ts`). From the npm build
 * (`npm/bench/…`) it writes to the source tree's `bench/README.md`.
 */
export function writeSection(area: string, markdown: string): void {
  const runtime = runtimeName().split(" ")[0];
  let path = readme;
  const source = new URL("../../bench/README.md", import.meta.url);
  if (import.meta.url.includes("/npm/bench/")) path = source;
  const begin = `<!-- ${area}:${runtime}:begin -->`, end = `<!-- ${area}:${runtime}:end -->`;
  const block = `${begin}\n### ${area} on ${runtimeName()}\n\n${markdown}\n${end}`;
  let page = existsSync(path)
    ? readFileSync(path, "utf8")
    : "# Benchmarks\n\nWritten by `deno task bench`; ratios are against peers measured in the same process.\n";
  const i = page.indexOf(begin), j = page.indexOf(end);
  page = i >= 0 && j > i
    ? page.slice(0, i) + block + page.slice(j + end.length)
    : `${page.trimEnd()}\n\n${block}\n`;
  // The summary at the top is rebuilt from the sections, never kept by hand.
  writeFileSync(path, withSummary(page));
}
