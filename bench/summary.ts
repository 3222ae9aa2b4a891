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
 * The sections whose tables compare with peers but do not state a target (mtproto, client,
 * TestServer) are judged against the targets their issues state ({@link ISSUE_TARGETS}), on the
 * ratio columns they print: `irenogram vs mtcute` / `vs GramJS` (one ratio a column), or
 * `irenogram ÷ mtcute / GramJS` (one cell `0.96× / 1.54×`), or a server share `server … = 26.2%`.
 * A target whose row a section no longer has shows `no row` there, so a renamed row cannot drop
 * its target silently.
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
  /** The figure as its section prints it (`4.72×`, `26.2%`); empty where the row is missing. */
  ratio: string;
  /** Undefined: reported only (the issue names no figure), or the row is missing. */
  met?: boolean;
  /** The section exists on this runtime but has no row the target names. */
  noRow?: boolean;
}

/**
 * A target an issue states for a row whose section prints the comparison but not the target.
 * `against` names the peers judged (a `vs PEER` column, or PEER in `irenogram ÷ A / B`), or
 * `"server share"`: the percentage in the row's `server … = N%` cell (TestServer: the server's
 * share of a third-party client's round trip).
 */
interface IssueTarget {
  issue: number;
  area: string;
  /** Text the row's first cell contains. */
  row: string;
  /** Where the issue names a figure: the comparison and the figure (× a peer, or % share). */
  op?: "≥" | "≤";
  target?: number;
  against: string[];
  /** Why, where the label alone does not say it. */
  note?: string;
}

const PEERS = ["mtcute", "GramJS"];

/** The targets of issues 11–13 (their "Performance" paragraphs), by the rows that measure them. */
export const ISSUE_TARGETS: readonly IssueTarget[] = [
  // Issue 12: "Handshake time against theirs" (no figure), RPC/s ≥ 2× both.
  { issue: 12, area: "mtproto", row: "key exchange + first RPC", against: PEERS },
  {
    issue: 12,
    area: "mtproto",
    row: "help.getNearestDc one at a time",
    op: "≥",
    target: 2,
    against: PEERS,
  },
  {
    issue: 12,
    area: "mtproto",
    row: "help.getNearestDc, 1000 in flight",
    op: "≥",
    target: 2,
    against: PEERS,
  },
  // Issue 13: a fresh process to getMe ≤ 0.5× theirs; sendMessage and updates/s ≥ 2× both.
  {
    issue: 13,
    area: "client",
    row: "cold start → getMe (ms, whole process)",
    op: "≤",
    target: 0.5,
    against: PEERS,
  },
  { issue: 13, area: "client", row: "sendMessage", op: "≥", target: 2, against: PEERS },
  { issue: 13, area: "client", row: "pushed messages handled", op: "≥", target: 2, against: PEERS },
  // The rows above are judged on each client's own CPU (the server in its own process sets the
  // pace of every round trip and push); the wall rates, which include the server's work alike for
  // all, are shown beside them so that a reader sees both.
  {
    issue: 13,
    area: "client",
    row: "sendMessage one at a time, wall rate",
    against: PEERS,
    note: "beside the judged CPU rate",
  },
  {
    issue: 13,
    area: "client",
    row: "10000 pushed messages, wall rate",
    against: PEERS,
    note: "beside the judged CPU rate",
  },
  // Issue 12's one-at-a-time row includes the server's CPU and two wake-ups per round trip; the
  // client's own CPU per request is reported beside it.
  {
    issue: 12,
    area: "mtproto",
    row: "client CPU per request, one at a time",
    against: PEERS,
    note: "beside the judged wall rate",
  },
  // Issue 11: the server must not be the bottleneck of a third-party round trip: under half.
  ...PEERS.flatMap((peer) =>
    [
      "connect + auth-key exchange + first call",
      "help.getConfig, one at a time",
      "help.getConfig, 100 in flight",
    ]
      .map((row) => ({
        issue: 11,
        area: "TestServer",
        row: `${peer}: ${row}`,
        op: "≤" as const,
        target: 50,
        against: ["server share"],
        note: "not the bottleneck",
      }))
  ),
];

/** `ratio (op) target`, with the ratio as its section prints it. */
function judge(ratio: string, op: string, target: number, unit = "×"): Verdict {
  const r = Number(ratio);
  return { ratio: ratio + unit, met: op === "≥" ? r >= target - 1e-9 : r <= target + 1e-9 };
}

const cells = (line: string) => line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());

/** The tables of a section's text: the header cells and the rows' cells. */
function tablesOf(text: string): { header: string[]; rows: string[][] }[] {
  const out: { header: string[]; rows: string[][] }[] = [];
  const lines = text.split("\n");
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith("|") || !/^\|[ -|]+\|$/.test(lines[i + 1].trim())) continue;
    const rows: string[][] = [];
    for (let j = i + 2; j < lines.length && lines[j].startsWith("|"); j++) {
      rows.push(cells(lines[j]));
    }
    out.push({ header: cells(lines[i]), rows });
  }
  return out;
}

/** The targets a section's text states itself: `[summary label, verdict]`. */
function statedTargets(area: string, text: string): [string, Verdict][] {
  const out: [string, Verdict][] = [];
  const sectionTarget = text.match(/target (≥|≤) ?([0-9.]+)×/);
  for (const { header, rows } of tablesOf(text)) {
    const targetColumn = header.findIndex((h) => h === "target" || h.startsWith("ratio (target"));
    for (const row of rows) {
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

/**
 * The figure `against` one peer (or the server share) in a row: a column `… vs PEER`, a column
 * `… ÷ A / B` whose cell is `a× / b×`, or a cell `server … = N%`.
 */
function figureOf(header: string[], row: string[], against: string): [string, string] | undefined {
  if (against === "server share") {
    const m = row.map((c) => c.match(/^server .*= ?([0-9.]+)%$/)).find((x) => x);
    return m ? [m[1], "%"] : undefined;
  }
  const vs = header.findIndex((h) => h === `vs ${against}` || h.endsWith(` vs ${against}`));
  if (vs >= 0) {
    const m = row[vs]?.match(RATIO);
    return m ? [m[1], "×"] : undefined;
  }
  for (const [col, h] of header.entries()) {
    const peers = h.match(/÷ (.+)$/)?.[1].split(" / ").map((p) => p.trim());
    const k = peers?.indexOf(against) ?? -1;
    if (k < 0) continue;
    const m = row[col]?.split("/")[k]?.match(RATIO);
    return m ? [m[1], "×"] : undefined;
  }
  return undefined;
}

/** The label of one issue target against one peer (or the server share). */
function issueLabel(t: IssueTarget, against: string): string {
  const why = `issue ${t.issue}${t.note ? `: ${t.note}` : ""}`;
  if (t.op === undefined) {
    return `${t.area}: ${t.row} vs ${against} (${t.note ? why : `${why}; no figure stated`})`;
  }
  if (against === "server share") {
    return `${t.area}: ${t.row}: server share ${t.op} ${t.target}% (${why})`;
  }
  return `${t.area}: ${t.row} ${t.op} ${t.target}× ${against} (${why})`;
}

/** The issue targets of one section: `[summary label, verdict]`, `no row` where it lacks one. */
function issueTargets(area: string, text: string, stated: Set<string>): [string, Verdict][] {
  const out: [string, Verdict][] = [];
  const tables = tablesOf(text);
  for (const t of ISSUE_TARGETS.filter((t) => t.area === area)) {
    const found = tables.flatMap(({ header, rows }) =>
      rows.filter((r) =>
        r[0].includes(t.row)
      ).map((row) => ({ header, row }))
    )[0];
    // A row that states its own target is judged on that (formats 1–3) only.
    if (found && stated.has(`${area}: ${found.row[0]}`)) continue;
    for (const against of t.against) {
      const figure = found && figureOf(found.header, found.row, against);
      const verdict: Verdict = !figure
        ? { ratio: "", noRow: true }
        : t.op === undefined
        ? { ratio: figure[0] + figure[1] }
        : judge(figure[0], t.op, t.target!, figure[1]);
      out.push([issueLabel(t, against), verdict]);
    }
  }
  return out;
}

/** Every target of one section's text: `[summary label, verdict]`. */
function targetsOf(area: string, text: string): [string, Verdict][] {
  const stated = statedTargets(area, text);
  const rowsWithTargets = new Set(stated.map(([label]) => label.replace(/ (≥|≤) .*$/, "")));
  return [...stated, ...issueTargets(area, text, rowsWithTargets)];
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
  const show = (v?: Verdict) =>
    !v
      ? "—"
      : v.noRow
      ? "no row"
      : `${v.met === undefined ? "reported" : v.met ? "met" : "missed"} (${v.ratio})`;
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
