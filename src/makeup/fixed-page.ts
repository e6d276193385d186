import { type Diagnostic, warning } from "../diagnostics";
import { MakeupError } from "./errors";
import { FitCache } from "./fit";
import type { Item } from "./items";
import type { Placement } from "./packer";
import type { FixedPlacement, Grid, PageInput } from "./types";
import { LOST_BASE } from "./weights";

// Explicit make-up: the editor's rectangles are taken as they are, checked, and only filled.

function overlaps(a: FixedPlacement, b: { col: number; row: number; span: number; rows: number }): boolean {
  return a.col < b.col + b.span && b.col < a.col + a.span && a.row < b.row + b.rows && b.row < a.row + a.rows;
}

// Messages count columns and lines from 1, as the issue file does, and give the placement's path.
function checkPlacement(page: PageInput, grid: Grid, p: FixedPlacement, i: number): void {
  const at = { page: page.number, path: `pages[${page.number - 1}].layout[${i}]`, articleId: p.articleId };
  const whole = [p.col, p.row, p.span, p.rows].every(Number.isInteger);
  if (!whole || p.span < 1 || p.rows < 1) {
    throw new MakeupError(`has a fixed placement of ${p.span} columns × ${p.rows} lines`, at);
  }
  if (p.col < 0 || p.row < 0 || p.col + p.span > grid.columns || p.row + p.rows > grid.rows) {
    throw new MakeupError(
      `leaves the grid: columns ${p.col + 1}–${p.col + p.span}, lines ${p.row + 1}–${p.row + p.rows}` +
        ` of a ${grid.columns} × ${grid.rows} grid`,
      at,
    );
  }
  const reserved = page.reserved.find((r) => overlaps(p, r));
  if (reserved !== undefined) {
    const area = `columns ${reserved.col + 1}–${reserved.col + reserved.span}, lines ${reserved.row + 1}–${reserved.row + reserved.rows}`;
    throw new MakeupError(`overlaps the reserved area of the masthead (${area})`, at);
  }
}

/** Throws MakeupError for placements that leave the grid, overlap a reserved area or each
 *  other, name no article of the issue, or leave one of the page's own articles out. */
export function checkFixed(
  page: PageInput,
  grid: Grid,
  items: Item[],
  fixed: FixedPlacement[],
  issueIds: Set<string>,
): void {
  const ids = new Set(items.map((item) => item.article.id));
  fixed.forEach((p, i) => {
    if (!ids.has(p.articleId) && !issueIds.has(p.articleId)) {
      throw new MakeupError(`fixed placement names "${p.articleId}", not an article of the issue`, {
        page: page.number,
        articleId: p.articleId,
      });
    }
    checkPlacement(page, grid, p, i);
    for (const other of fixed.slice(0, i)) {
      if (other.articleId === p.articleId) {
        throw new MakeupError(`article "${p.articleId}" is placed twice`, {
          page: page.number,
          articleId: p.articleId,
        });
      }
      if (overlaps(p, other)) {
        throw new MakeupError(`articles "${other.articleId}" and "${p.articleId}" overlap`, {
          page: page.number,
          articleId: p.articleId,
        });
      }
    }
  });
  const placed = new Set(fixed.map((p) => p.articleId));
  const missing = page.articles.find((a) => !placed.has(a.id));
  if (missing !== undefined) {
    throw new MakeupError(`article "${missing.id}" has no fixed placement`, {
      page: page.number,
      articleId: missing.id,
    });
  }
}

/** Fill each fixed rectangle with its article: photo cropped to the space, text balanced, or
 *  cut for a jump when it does not fit. A rectangle kept for a continuation that did not come
 *  stays empty, with a warning. */
export function fillFixed(
  page: PageInput,
  grid: Grid,
  items: Item[],
  fixed: FixedPlacement[],
  emptyCost: number,
): { placements: Placement[]; warnings: Diagnostic[] } {
  const fits = new FitCache(items, { grid, emptyCost, hints: false, lostCost: LOST_BASE });
  const placements: Placement[] = [];
  const warnings: Diagnostic[] = [];
  for (const p of fixed) {
    const index = items.findIndex((item) => item.article.id === p.articleId);
    if (index < 0) {
      const kept = `the module kept for "${p.articleId}" stays empty: nothing of it jumps here`;
      warnings.push(warning(kept, { page: page.number, articleId: p.articleId }));
      continue;
    }
    const fit = fits.leaf(index, p.span, p.rows);
    if (fit === null) {
      throw new MakeupError(
        `article "${p.articleId}" does not fit its fixed module: ` +
          `${p.span} columns × ${p.rows} lines cannot hold its head and photos`,
        { page: page.number, articleId: p.articleId },
      );
    }
    placements.push({ item: index, rect: { col: p.col, row: p.row, span: p.span, rows: p.rows }, fit });
  }
  return { placements, warnings };
}
