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

// The forms of the sections that compare with peers without stating the target (issues 11–13).
const peerPage = `
<!-- summary:begin -->
<!-- summary:end -->

<!-- mtproto:deno:begin -->
| measure | irenogram | mtcute | GramJS | irenogram vs mtcute | vs GramJS |
| --- | --- | --- | --- | --- | --- |
| key exchange + first RPC | 57.4 ms | 128 ms | 146 ms | 2.23× | 2.55× |
| help.getNearestDc one at a time | 7470 RPC/s | 3614 RPC/s | 1583 RPC/s | 2.07× | 1.99× |
| help.getNearestDc, 1000 in flight | 92890 RPC/s | 12477 RPC/s | 4539 RPC/s | 7.44× | 20.5× |

| part | per request | share |
| --- | --- | --- |
| crypto (seal out + open in) | 0.60 µs | 5.54% |
<!-- mtproto:deno:end -->

<!-- mtproto:node:begin -->
| measure | irenogram | mtcute | GramJS | irenogram vs mtcute | vs GramJS |
| --- | --- | --- | --- | --- | --- |
| key exchange + first RPC | 18.5 ms | 71.9 ms | 168 ms | 3.88× | 9.06× |
| help.getNearestDc, 1000 in flight | 59856 RPC/s | 20536 RPC/s | 10944 RPC/s | 2.91× | 5.47× |
<!-- mtproto:node:end -->

<!-- client:bun:begin -->
| row | irenogram | mtcute | GramJS | irenogram ÷ mtcute / GramJS |
| --- | --- | --- | --- | --- |
| cold start → getMe (ms, in-process, lower is better) | 907 | 632 | 582 | 0.40× / 0.30× |
| cold start → getMe (ms, whole process) | 951 | 680 | 658 | 0.50× / 1.45× |
| sendMessage, one at a time (msg/s) | 2332 | 1136 | 598 | 2.05× / 1.90× |
| 10000 pushed messages handled (updates/s) | 13390 | 7929 | 1463 | 1.69× / 9.15× |
<!-- client:bun:end -->

<!-- TestServer:node:begin -->
| what | rate / figure | server |
| --- | --- | --- |
| help.getConfig, 1 connections | 625/s | 669 µs |
| mtcute: connect + auth-key exchange + first call | 515 ms | server 4.30 ms = 0.83% |
| mtcute: help.getConfig, one at a time | 560/s (1785 µs each) | server 616 µs = 50.0% |
| mtcute: help.getConfig, 100 in flight | 1244/s (804 µs each) | server 237 µs = 50.1% |
| GramJS: help.getConfig, one at a time | 130/s (7672 µs each) | server 1813 µs = 23.6% |
| GramJS: help.getConfig, 100 in flight | 615/s (1626 µs each) | server 68.2 µs = 4.19% |
<!-- TestServer:node:end -->
`;

const rowOf = (summary: string, label: string) =>
  summary.split("\n").find((l) => l.startsWith(`| ${label} |`));

test("bench summary: mtproto's `irenogram vs PEER` / `vs PEER` columns, one row per peer", () => {
  const summary = summaryOf(peerPage);
  assert.equal(
    rowOf(summary, "mtproto: help.getNearestDc one at a time ≥ 2× mtcute (issue 12)"),
    "| mtproto: help.getNearestDc one at a time ≥ 2× mtcute (issue 12) | met (2.07×) | — | no row |",
  );
  assert.equal(
    rowOf(summary, "mtproto: help.getNearestDc one at a time ≥ 2× GramJS (issue 12)"),
    "| mtproto: help.getNearestDc one at a time ≥ 2× GramJS (issue 12) | missed (1.99×) | — | no row |",
  );
  assert.match(
    rowOf(summary, "mtproto: help.getNearestDc, 1000 in flight ≥ 2× GramJS (issue 12)")!,
    /\| met \(20\.5×\) \| — \| met \(5\.47×\) \|$/,
  );
  // Handshake time: the issue names no figure, so the ratio is reported, not judged.
  assert.match(
    rowOf(summary, "mtproto: key exchange + first RPC vs GramJS (issue 12; no figure stated)")!,
    /\| reported \(2\.55×\) \| — \| reported \(9\.06×\) \|$/,
  );
  assert.doesNotMatch(summary, /crypto \(seal/, "a table without a target gives no rows");
});

test("bench summary: the client's `irenogram ÷ A / B` cell, judged per peer", () => {
  const summary = summaryOf(peerPage);
  const cold = "client: cold start → getMe (ms, whole process)";
  assert.match(rowOf(summary, `${cold} ≤ 0.5× mtcute (issue 13)`)!, /\| met \(0\.50×\) \| — \|$/);
  assert.match(
    rowOf(summary, `${cold} ≤ 0.5× GramJS (issue 13)`)!,
    /\| missed \(1\.45×\) \| — \|$/,
  );
  assert.match(rowOf(summary, "client: sendMessage ≥ 2× mtcute (issue 13)")!, /met \(2\.05×\)/);
  assert.match(rowOf(summary, "client: sendMessage ≥ 2× GramJS (issue 13)")!, /missed \(1\.90×\)/);
  assert.match(
    rowOf(summary, "client: pushed messages handled ≥ 2× GramJS (issue 13)")!,
    /met \(9\.15×\)/,
  );
  assert.equal(summary.includes("in-process"), false, "the issue's cold start is a fresh process");
});

test("bench summary: TestServer's `server … = N%` share, under half; a missing row says so", () => {
  const summary = summaryOf(peerPage);
  const share = (row: string) =>
    rowOf(summary, `TestServer: ${row}: server share ≤ 50% (issue 11: not the bottleneck)`);
  assert.match(share("mtcute: connect + auth-key exchange + first call")!, /met \(0\.83%\) \|$/);
  assert.match(share("mtcute: help.getConfig, one at a time")!, /met \(50\.0%\) \|$/);
  assert.match(share("mtcute: help.getConfig, 100 in flight")!, /missed \(50\.1%\) \|$/);
  assert.match(share("GramJS: help.getConfig, 100 in flight")!, /met \(4\.19%\) \|$/);
  assert.match(share("GramJS: connect + auth-key exchange + first call")!, /\| no row \|$/);
});

test("bench summary: a row that states its own target is not judged twice", () => {
  const page = peerPage.replace(
    "| sendMessage, one at a time (msg/s) | 2332 | 1136 | 598 | 2.05× / 1.90× |",
    "| sendMessage, one at a time (msg/s) | 2332 | 1136 | 598 | 2.05× (≥ 2×) / 1.90× |",
  );
  const summary = summaryOf(page);
  assert.match(summary, /\| client: sendMessage, one at a time \(msg\/s\) ≥ 2× \| — \| met/);
  assert.equal(rowOf(summary, "client: sendMessage ≥ 2× mtcute (issue 13)"), undefined);
});
