import { spanWidth } from "../../grid";
import type { ArticleMetrics, Grid, ImageMetrics, MakeupRules, Module, RuleBreak } from "../types";

// Rule: no photo enlarged below the minimum resolution (`minPhotoPpi`, the build's own minimum
// unless the house style sets one) when a narrower one fits: a 600 px photo across six columns
// prints at 62 ppi, soft and blocky. The photo layouts leave out every width above one column
// at which a photo would print below it (photos/photo-layouts.ts); at one column, a small photo
// is the editor's to replace (the build warns about it).

/** The photo's effective resolution `span` columns wide and `rows` lines tall, cropped to fill
 *  the slot: the source pixels across the slot's narrower side. */
export function effectivePpi(image: ImageMetrics, grid: Grid, span: number, rows: number): number | undefined {
  if (image.pixels === undefined) return undefined;
  const width = spanWidth(grid, span) / 72;
  const height = (rows * grid.linePitch) / 72;
  return Math.min(image.pixels.width / width, image.pixels.height / Math.max(height, 1e-9));
}

/** Whether a photo `span` wide and `rows` tall is enlarged too far while a narrower one fits. */
export function enlargedTooFar(image: ImageMetrics, grid: Grid, span: number, rows: number, rules: MakeupRules) {
  if (span <= 1) return false;
  const ppi = effectivePpi(image, grid, span, rows);
  return ppi !== undefined && ppi < rules.minPhotoPpi;
}

/** The rule over a finished page: each photo enlarged too far, with its resolution. */
export function enlargedPhotos(
  modules: Module[],
  articles: Map<string, ArticleMetrics>,
  grid: Grid,
  rules: MakeupRules,
): RuleBreak[] {
  return modules.flatMap((m) =>
    m.images.flatMap((placed) => {
      const image = articles.get(m.articleId)?.images[placed.index];
      if (image === undefined || !enlargedTooFar(image, grid, placed.span, placed.photoRows, rules)) return [];
      const measure = Math.round(effectivePpi(image, grid, placed.span, placed.photoRows) ?? 0);
      return [{ rule: "photo-resolution" as const, article: m.articleId, measure, limit: rules.minPhotoPpi }];
    }),
  );
}
