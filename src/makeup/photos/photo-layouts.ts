import { enlargedTooFar } from "../rules/photo-resolution";
import type { Grid, ImageMetrics, MakeupRules } from "../types";
import { cropCost, distributeRows, type ImageRows, imageRows } from "./photo-rows";

// Where an article's photos go in its module, right under the head from column 0: stacked
// at one width, or (two or more) side by side at equal widths and one common height. Wider than
// one column, no photo is enlarged below the rules' minimum resolution (rules/photo-resolution.ts).

export interface PhotoSpot {
  /** Index into the article's images. */
  index: number;
  col: number;
  /** Rows from the top of the photo area (the module's first row under the head). */
  row: number;
  span: number;
  photoRows: number;
  captionRows: number;
}

/** One way to set the photos: the text of column c starts `depth[c]` rows under the head. */
export interface PhotoChoice {
  spots: PhotoSpot[];
  /** Rows taken by photos and captions in each column from column 0, and the most. */
  depth: number[];
  block: number;
  cells: number;
  crop: number;
}

export const NO_PHOTO: PhotoChoice = { spots: [], depth: [], block: 0, cells: 0, crop: 0 };

function choice(spots: PhotoSpot[], rows: ImageRows[], heights: number[]): PhotoChoice {
  const width = spots.reduce((most, s) => Math.max(most, s.col + s.span), 0);
  const depth = new Array<number>(width).fill(0);
  let cells = 0;
  for (const s of spots) {
    for (let c = s.col; c < s.col + s.span; c++)
      depth[c] = Math.max(depth[c] ?? 0, s.row + s.photoRows + s.captionRows);
    cells += s.span * (s.photoRows + s.captionRows);
  }
  return { spots, depth, block: Math.max(0, ...depth), cells, crop: cropCost(rows, heights) };
}

/** Whether every photo at width `span` and its height keeps the resolution the rules ask. */
function sharpEnough(images: ImageMetrics[], span: number, heights: number[], grid: Grid, rules: MakeupRules) {
  return images.every((image, i) => !enlargedTooFar(image, grid, span, heights[i] ?? 1, rules));
}

/** All images stacked at width p, for every total height cropping allows, lowest first. */
function stacked(images: ImageMetrics[], p: number, grid: Grid, rules: MakeupRules): PhotoChoice[] {
  const rows = images.map((image) => imageRows(image, p, grid));
  const min = rows.reduce((sum, r) => sum + r.min, 0);
  const max = rows.reduce((sum, r) => sum + r.max, 0);
  const result: PhotoChoice[] = [];
  for (let total = min; total <= max; total++) {
    const heights = distributeRows(rows, total);
    if (!sharpEnough(images, p, heights, grid, rules)) continue;
    let row = 0;
    const spots = rows.map((r, index): PhotoSpot => {
      const spot = { index, col: 0, row, span: p, photoRows: heights[index] ?? r.natural, captionRows: r.caption };
      row += spot.photoRows + r.caption;
      return spot;
    });
    result.push(choice(spots, rows, heights));
  }
  return result;
}

/** Images side by side at width q each, cropped towards one common height, lowest first. */
function sideBySide(images: ImageMetrics[], q: number, grid: Grid, rules: MakeupRules): PhotoChoice[] {
  const rows = images.map((image) => imageRows(image, q, grid));
  const low = Math.min(...rows.map((r) => r.min));
  const high = Math.max(...rows.map((r) => r.max));
  const result: PhotoChoice[] = [];
  for (let height = low; height <= high; height++) {
    const heights = rows.map((r) => Math.min(r.max, Math.max(r.min, height)));
    if (!sharpEnough(images, q, heights, grid, rules)) continue;
    const spots = rows.map(
      (r, index): PhotoSpot => ({
        index,
        col: index * q,
        row: 0,
        span: q,
        photoRows: heights[index] ?? r.natural,
        captionRows: r.caption,
      }),
    );
    result.push(choice(spots, rows, heights));
  }
  return result;
}

/** Photo widths in a module `span` wide: every width from the full module down to one column
 *  (a photo shrinks before its story is refused; a tall portrait may only fit narrow). */
function widths(span: number): number[] {
  return Array.from({ length: span }, (_, i) => span - i);
}

/** Photo layouts for a module `span` columns wide, in groups of growing height: stacked, or
 *  side by side at the widest equal width that fits and at one column (groups a photo's
 *  resolution rules out left out). */
function layouts(images: ImageMetrics[], span: number, grid: Grid, rules: MakeupRules): PhotoChoice[][] {
  if (images.length === 0) return [[NO_PHOTO]];
  const groups = widths(span).map((p) => stacked(images, p, grid, rules));
  const widest = Math.floor(span / images.length);
  if (images.length > 1 && widest >= 1) {
    for (const q of new Set([widest, 1])) groups.push(sideBySide(images, q, grid, rules));
  }
  return groups.filter((group) => group.length > 0);
}

// The same article is fitted in many searches (attempts, pages): layouts are kept per grid, rules
// and image list as long as they live.
const cache = new WeakMap<Grid, WeakMap<MakeupRules, WeakMap<ImageMetrics[], PhotoChoice[][][]>>>();

export function photoLayouts(images: ImageMetrics[], span: number, grid: Grid, rules: MakeupRules): PhotoChoice[][] {
  let byRules = cache.get(grid);
  if (byRules === undefined) {
    byRules = new WeakMap();
    cache.set(grid, byRules);
  }
  let byImages = byRules.get(rules);
  if (byImages === undefined) {
    byImages = new WeakMap();
    byRules.set(rules, byImages);
  }
  let bySpan = byImages.get(images);
  if (bySpan === undefined) {
    bySpan = [];
    byImages.set(images, bySpan);
  }
  let groups = bySpan[span];
  if (groups === undefined) {
    groups = layouts(images, span, grid, rules);
    bySpan[span] = groups;
  }
  return groups;
}
