import { type Diagnostic, warning } from "../../diagnostics";
import { type GridRect, overlaps, type PlacementClash, placementClashes, rectLabel } from "../../grid";
import { LOST_BASE } from "../costs";
import { MakeupError, type MakeupSubject } from "../errors";
import type { Item } from "../items";
import { FitCache } from "../module/fit-cache";
import type { FixedRect, Grid, MakeupRules, PageInput } from "../types";
import { obstacleName } from "./obstacles";
import type { PlacedItem } from "./packer";

// Explicit make-up: the editor's rectangles are taken as they are, checked, and only filled.

// Messages count columns and lines from 1, as the issue file does, and give the placement's path.
function clashMessage(grid: Grid, fixed: FixedRect[], clash: PlacementClash): string {
  const p = fixed[clash.index] as FixedRect;
  if (clash.kind === "twice") return `article "${p.articleId}" is placed twice`;
  if (clash.kind === "overlap") return `articles "${fixed[clash.other]?.articleId}" and "${p.articleId}" overlap`;
  const whole = [p.col, p.row, p.span, p.rows].every(Number.isInteger);
  if (!whole || p.span < 1 || p.rows < 1) return `has a fixed placement of ${p.span} columns × ${p.rows} lines`;
  return `leaves the grid: ${rectLabel(p)} of a ${grid.columns} × ${grid.rows} grid`;
}

/** The placement's page, JSON path and article, rendered before a message about it. */
function placementAt(page: PageInput, p: FixedRect, i: number): MakeupSubject {
  return { page: page.number, path: `pages[${page.number - 1}].layout[${i}]`, articleId: p.articleId };
}

/** Throws MakeupError for placements that leave the grid, overlap each other (the grid's own
 *  check, as load's) or what stands on the page before them (the masthead, ads), name no article
 *  of the issue, or leave one of the page's own articles out. */
export function checkFixed(
  page: PageInput,
  grid: Grid,
  items: Item[],
  obstacles: GridRect[],
  issueIds: Set<string>,
): void {
  const fixed = page.fixed ?? [];
  const ids = new Set(items.map((item) => item.article.id));
  const clashes = placementClashes(
    fixed.map((p) => ({ articleId: p.articleId, rect: p })),
    grid,
  );
  fixed.forEach((p, i) => {
    if (!ids.has(p.articleId) && !issueIds.has(p.articleId)) {
      throw new MakeupError(`fixed placement names "${p.articleId}", not an article of the issue`, {
        page: page.number,
        articleId: p.articleId,
      });
    }
    const clash = clashes.find((c) => c.index === i);
    if (clash) throw new MakeupError(clashMessage(grid, fixed, clash), placementAt(page, p, i));
    const under = obstacles.find((o) => overlaps(p, o));
    if (under) {
      throw new MakeupError(`overlaps ${obstacleName(under)} (${rectLabel(under)})`, placementAt(page, p, i));
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
  rules: MakeupRules,
  items: Item[],
  emptyCost: number,
): { placements: PlacedItem[]; warnings: Diagnostic[] } {
  const fits = new FitCache(items, { grid, rules, emptyCost, hints: false, lostCost: LOST_BASE });
  const placements: PlacedItem[] = [];
  const warnings: Diagnostic[] = [];
  for (const p of page.fixed ?? []) {
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
