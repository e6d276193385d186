import type { Layout } from "../makeup/types";

// The per-page summary `build` prints: fill of the type area, jumps, warnings.
export function layoutSummary(layout: Layout): string[] {
  return layout.pages.map((p) => {
    const empty = p.totalCells ? (100 * p.emptyCells) / p.totalCells : 0;
    const out = layout.jumps.filter((j) => j.fromPage === p.number).map((j) => `${j.articleId} → p${j.toPage}`);
    const parts = [`page ${p.number}: ${p.modules.length} modules, ${empty.toFixed(1)}% of the type area empty`];
    if (out.length) parts.push(`jumps ${out.join(", ")}`);
    if (p.warnings.length) parts.push(p.warnings.join("; "));
    return parts.join(", ");
  });
}

/** layout.json: every module with its grid rectangle, lines used and available, and the jumps. */
export function layoutReport(layout: Layout) {
  return {
    grid: layout.grid,
    pages: layout.pages.map((p) => ({
      page: p.number,
      emptyShare: p.totalCells ? p.emptyCells / p.totalCells : 0,
      warnings: p.warnings,
      modules: p.modules.map((m) => ({
        article: m.articleId,
        column: m.col + 1,
        line: m.row + 1,
        span: m.span,
        height: m.rows,
        headLines: m.headRows,
        linesUsed: m.columns.reduce((n, c) => n + c.end - c.start, 0),
        linesAvailable: m.columns.reduce((n, c) => n + c.rows, 0),
        continuedFrom: m.continuedFrom,
        continuesOn: m.continuesOn,
      })),
    })),
    jumps: layout.jumps,
  };
}
