import type { TypoReport } from "./check";

// Two ways to show a typography report: lines for a person at a terminal, JSON for tools.

const KIND_LABEL = {
  "line-start": "line start",
  "line-end": "line end",
  ragged: "ragged",
  loose: "loose",
  "half-width": "half-width",
} as const;

export function formatText(report: TypoReport): string {
  const out: string[] = [`${report.pdf}`];
  for (const f of report.findings) {
    const short =
      f.shortBy !== undefined
        ? ` (short by ${f.shortBy} char)`
        : f.wordSpace !== undefined
          ? ` (word space ${f.wordSpace}× the natural)`
          : f.snippet !== undefined
            ? ` (half-width mark in “${f.snippet}”)`
            : "";
    out.push(`  p${f.page} ${KIND_LABEL[f.kind].padEnd(10)} at ${f.x},${f.y} pt  ${f.text}${short}`);
  }
  for (const p of report.pages) {
    if (p.lineStart + p.lineEnd + p.ragged + p.loose + p.halfWidth === 0) continue;
    out.push(`  page ${p.page}: ${counts(p)} in ${p.lines} lines`);
  }
  const t = report.totals;
  out.push(`  total: ${counts(t)} in ${t.lines} lines on ${t.pages} page${t.pages === 1 ? "" : "s"}`);
  return out.join("\n");
}

function counts(t: { lineStart: number; lineEnd: number; ragged: number; loose: number; halfWidth: number }): string {
  return `${t.lineStart} line-start, ${t.lineEnd} line-end, ${t.ragged} ragged, ${t.loose} loose, ${t.halfWidth} half-width`;
}

/** One report, or several as an array. */
export function formatJson(report: TypoReport | TypoReport[]): string {
  return JSON.stringify(report, null, 2);
}
