import { test } from "node:test";
import assert from "node:assert/strict";
import { summaryOf, withSummary } from "./summary.ts";

const page = `# Benchmarks

<!-- summary:begin -->
stale hand-written numbers: Node TL serialise 6.7×
<!-- summary:end -->

<!-- TL:node:begin -->
Median µs per call; ratio = faster peer's time / ours (target ≥ 1.5×).

| operation | irenogram µs | mtcute µs | vs faster peer |
| --- | --- | --- | --- |
| serialise | 91.0 | 406.8 | 4.72× |
| parse | 81.6 | 110.0 | 1.35× |
<!-- TL:node:end -->

<!-- core:bun:begin -->
| operation | unit | ours | vs mtcute | JS BigInt | vs JS | target |
| --- | --- | --- | --- | --- | --- | --- |
| AES-256-CTR 1 KiB | µs | 3.80 | 2.29× | — | — | ≥ 3× mtcute |
| pq factorisation | ms | 0.07 | 10.8× | — | — | ≤ 0.1× mtcute factorizePQSync |
| modPow 2048-bit | ms | 4.27 | — | 6.29 | 2.47× | ≥ 2× JS BigInt |
| SHA-256 1 KiB | µs | 2.29 | 2.68× | — | — |  |
<!-- core:bun:end -->

<!-- storage:deno:begin -->
| operation | SqliteStorage | node:sqlite | ratio (target) |
| --- | --- | --- | --- |
| upsert 100k, ms | 1600 | 1000 | 1.60× (≤ 1.5×) |
| lookup by id, µs | 10 | 10 | 1.00× (≤ 2×) |
| cold open of a 10k-peer file + 1 lookup, ms | 108 | 10 | 10.79× |
<!-- storage:deno:end -->
`;

test("bench summary: every stated target, judged from its own section's ratio", () => {
  const summary = summaryOf(page);
  const row = (label: string) => summary.split("\n").find((l) => l.startsWith(`| ${label}`));
  assert.equal(row("TL: serialise"), "| TL: serialise ≥ 1.5× | — | — | met (4.72×) |");
  assert.equal(row("TL: parse"), "| TL: parse ≥ 1.5× | — | — | missed (1.35×) |");
  assert.match(row("core: AES-256-CTR 1 KiB")!, /\| — \| missed \(2\.29×\) \| — \|$/);
  assert.match(row("core: pq factorisation")!, /met \(10\.8×\)/);
  assert.match(row("core: modPow 2048-bit")!, /met \(2\.47×\)/, "judged on its own vs column");
  assert.match(row("storage: upsert 100k")!, /\| missed \(1\.60×\) \| — \| — \|$/);
  assert.match(row("storage: lookup by id")!, /met \(1\.00×\)/);
  assert.equal(row("core: SHA-256"), undefined, "rows without a target are not summarised");
  assert.equal(row("storage: cold open"), undefined);
  const rebuilt = withSummary(page);
  assert.doesNotMatch(rebuilt, /6\.7×/, "the hand-written summary is gone");
  assert.equal(withSummary(rebuilt), rebuilt, "rebuilding is stable");
});
