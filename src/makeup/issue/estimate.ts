import { emptyCellCost, LOST_BASE } from "../costs";
import { headRowsAt, type Item, imagesOf, isContinuation, lineCount } from "../items";
import { FitCache } from "../module/fit-cache";
import type { ModuleFit } from "../module/module-fit";
import { imageRows } from "../photos/photo-rows";
import type { ArticleMetrics, Grid, MakeupRules, PoolStory } from "../types";

// About the cells a story takes on a page before the page is made up: what the pool's planner
// tries on a page, where a jumped rest goes, and where the fixes of an overflow find room. A story
// counts its lines, its head at the estimate's width, and its photos as the make-up itself sets
// them at that width (the photo layout of the story's cheapest module there). The estimates only
// choose what to try; the page's own make-up decides what fits.

/** The width the pool's planner and the fixes estimate a story at: half the page (three columns
 *  of a tabloid), as most modules of a made-up page are. */
export function poolSpan(grid: Grid): number {
  return Math.max(1, Math.min(grid.columns, Math.round(grid.columns / 2)));
}

/** The width the choice of a jump's page counts a page's stories and the jumped rest at: two
 *  columns, as jumps have always been chosen (at the pool's width the sample's rests would land
 *  on other pages). */
export function jumpSpan(grid: Grid): number {
  return Math.min(2, grid.columns);
}

// The same stories are estimated on every page: their photo cells are kept per grid, rules,
// article and width.
const photoCache = new WeakMap<Grid, WeakMap<MakeupRules, WeakMap<ArticleMetrics, Map<number, number>>>>();

/** Cells of an article's photos and captions in the cheapest module the make-up finds for it
 *  `span` columns wide. */
function photoCells(article: ArticleMetrics, grid: Grid, rules: MakeupRules, span: number): number {
  if (article.images.length === 0) return 0;
  let byRules = photoCache.get(grid);
  if (byRules === undefined) {
    byRules = new WeakMap();
    photoCache.set(grid, byRules);
  }
  let byArticle = byRules.get(rules);
  if (byArticle === undefined) {
    byArticle = new WeakMap();
    byRules.set(rules, byArticle);
  }
  let bySpan = byArticle.get(article);
  if (bySpan === undefined) {
    bySpan = new Map();
    byArticle.set(article, bySpan);
  }
  const known = bySpan.get(span);
  if (known !== undefined) return known;
  const prices = { emptyCost: emptyCellCost(grid.columns * grid.rows), lostCost: LOST_BASE };
  const fits = new FitCache([{ article, start: 0, canJump: false }], { grid, rules, hints: false, ...prices });
  let cheapest: ModuleFit | undefined;
  for (const fit of fits.variants(0, span)) if (cheapest === undefined || fit.cost < cheapest.cost) cheapest = fit;
  // No module holds it whole at that width (a vertical head as wide): its photos across it, uncropped.
  const cells =
    cheapest?.photo.cells ??
    article.images.reduce((sum, image) => {
      const rows = imageRows(image, span, grid);
      return sum + span * (rows.natural + rows.caption);
    }, 0);
  bySpan.set(span, cells);
  return cells;
}

/** About the cells an item takes on a page `span` columns wide: its lines, its head and its
 *  photos with captions. */
export function itemCells(item: Item, grid: Grid, rules: MakeupRules, span = poolSpan(grid)): number {
  const photos = isContinuation(item) ? 0 : photoCells(item.article, grid, rules, span);
  return lineCount(item) + headRowsAt(item, span) * span + photos;
}

export function storyCells(story: ArticleMetrics, grid: Grid, rules: MakeupRules, span = poolSpan(grid)): number {
  return itemCells({ article: story, start: 0, canJump: false }, grid, rules, span);
}

/** About the cells the last `lines` of an article take on a later page, under its continuation head. */
export function restCells(
  article: ArticleMetrics,
  lines: number,
  grid: Grid,
  rules: MakeupRules,
  span = poolSpan(grid),
): number {
  const rest: Item = { article, start: article.lines.length - lines, continuedFrom: 0, canJump: false };
  return itemCells(rest, grid, rules, span);
}

/** The fewest cells a story can take: its lines, its head at the width where it is smallest,
 *  its photos one column wide and cropped as far as allowed (rules/photo-crop.ts). */
export function leastCells(story: PoolStory, grid: Grid): number {
  let head = Number.POSITIVE_INFINITY;
  for (let span = 1; span <= grid.columns; span++) head = Math.min(head, (story.headRows[span - 1] ?? 0) * span);
  const photos = imagesOf({ article: story, start: 0, canJump: false }).reduce((sum, image) => {
    const rows = imageRows(image, 1, grid);
    return sum + rows.min + rows.caption;
  }, 0);
  return story.lines.length + (Number.isFinite(head) ? head : 0) + photos;
}
