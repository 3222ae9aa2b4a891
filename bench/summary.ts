/**
 * The "Targets at a glance" table of `bench/README.md`, built from the sections below it (never
 * kept by hand, so it cannot drift from them): every table row that states a target gives one
 * summary row, with each runtime's verdict and the ratio its own section shows. `writeSection`
 * rebuilds it whenever a benchmark writes its section; `deno run -A bench/summary.ts` rebuilds it
 * alone.
 *
 * A row states its target in one of three ways: a cell `1.24× (≤ 1.5×)` (storage), a `target`
 * column `≥ 3× mtcute` judged on the column `vs mtcute` (core; `≤ 0.1× mtcute` of time is
 * judged as ≥ 10× on a peer-time/our-time column), or a section text saying
 * `target ≥ 1.5×` for its last column (TL).
 *
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const BEGIN = "<!-- summary:begin -->", END = "<!-- summary:end -->";
const RUNTIMES = ["deno", "bun", "node"] as const;
const RATIO = /([0-9]+(?:\.[0-9]+)?)×/;

interface Verdict {
  /** The ratio as its section prints it. */
  ratio: string;
  met: boolean;
}

/** `ratio (op) target`, with the ratio as its section prints it. */
function judge(ratio: string, op: string, target: number): Verdict {
  const r = Number(ratio);
  return { ratio, met: op === "≥" ? r >= target - 1e-9 : r <= target + 1e-9 };
}

const cells = (line: string) => line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());

/** The targets of one section's text: `[row label, target text, verdict]`. */
function targetsOf(area: string, text: string): [string, Verdict][] {
  const out: [string, Verdict][] = [];
  const sectionTarget = text.match(/target (≥|≤) ?([0-9.]+)×/);
  const lines = text.split("\n");
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith("|") || !/^\|[ -|]+\|$/.test(lines[i + 1].trim())) continue;
    const header = cells(lines[i]);
    const targetColumn = header.findIndex((h) => h === "target" || h.startsWith("ratio (target"));
    for (let j = i + 2; j < lines.length && lines[j].startsWith("|"); j++) {
      const row = cells(lines[j]);
      const label = `${area}: ${row[0]}`;
      // 1. "1.24× (≤ 1.5×)" in any cell
      const inline = row.map((c) => c.match(/([0-9.]+)× \((≥|≤) ?([0-9.]+)×\)/)).find((m) => m);
      if (inline) {
        out.push([
          `${label} ${inline[2]} ${inline[3]}×`,
          judge(inline[1], inline[2], Number(inline[3])),
        ]);
        continue;
      }
      // 2. a target column naming the peer whose "vs" column is judged
      const t = targetColumn >= 0 ? row[targetColumn]?.match(/^(≥|≤) ?([0-9.]+)× ?\(?(\S*)/) : null;
      if (t) {
        const peer = t[3].replace(/[()]/g, "");
        let col = header.findIndex((h) => peer && h === `vs ${peer}`);
        if (col < 0) col = header.findIndex((h) => h.startsWith("vs "));
        const m = row[col]?.match(RATIO);
        if (!m) continue;
        let [op, target] = [t[1], Number(t[2])];
        // "≤ 0.1× of the peer's time" on a column of peer time / our time: ≥ 10×.
        if (op === "≤" && target < 1) [op, target] = ["≥", 1 / target];
        out.push([`${label} ${row[targetColumn]}`, judge(m[1], op, target)]);
        continue;
      }
      // 3. the section's own target for its last column
      if (sectionTarget && targetColumn < 0) {
        const m = row[row.length - 1].match(RATIO);
        if (m) {
          out.push([
            `${label} ${sectionTarget[1]} ${sectionTarget[2]}×`,
            judge(m[1], sectionTarget[1], Number(sectionTarget[2])),
          ]);
        }
      }
    }
  }
  return out;
}

/** The summary table (markdown) for `page`, from its sections. */
export function summaryOf(page: string): string {
  const rows = new Map<string, Partial<Record<(typeof RUNTIMES)[number], Verdict>>>();
  const section = /<!-- ([a-z_A-Z]+):(deno|bun|node):begin -->([\s\S]*?)<!-- \1:\2:end -->/g;
  for (const [, area, runtime, text] of page.matchAll(section)) {
    for (const [label, verdict] of targetsOf(area, text)) {
      const row = rows.get(label) ?? {};
      row[runtime as (typeof RUNTIMES)[number]] = verdict;
      rows.set(label, row);
    }
  }
  const show = (v?: Verdict) => (v ? `${v.met ? "met" : "missed"} (${v.ratio}×)` : "—");
  const lines = [
    "| target (section: row) | Deno | Bun | Node |",
    "| --- | --- | --- | --- |",
    ...[...rows].map(([label, r]) =>
      `| ${label} | ${show(r.deno)} | ${show(r.bun)} | ${show(r.node)} |`
    ),
  ];
  return lines.join("\n");
}

/** `page` with its summary block rebuilt (unchanged when it has no summary markers). */
export function withSummary(page: string): string {
  const i = page.indexOf(BEGIN), j = page.indexOf(END);
  if (i < 0 || j < i) return page;
  return `${page.slice(0, i + BEGIN.length)}\n${summaryOf(page)}\n${page.slice(j)}`;
}

// Run directly (not imported by report.ts): rebuild the summary of bench/README.md.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = fileURLToPath(new URL("./README.md", import.meta.url));
  writeFileSync(file, withSummary(readFileSync(file, "utf8")));
}
