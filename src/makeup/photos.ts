import type { Grid, ImageMetrics } from "./types";
import { CROP_ROW } from "./weights";

// Photo heights: rows follow the aspect ratio at the photo's width; cropping may change the
// aspect by at most ±25% to close gaps. Several photos of one article stack at the same width.

/** Largest allowed change of a photo's aspect ratio by cropping. */
export const MAX_CROP = 0.25;

export interface ImageRows {
  natural: number;
  min: number;
  max: number;
  caption: number;
}

/** The photo block of an article at one photo width: all its images stacked. */
export interface PhotoRange {
  span: number;
  images: ImageRows[];
  /** Sums over the images of photo rows (captions apart). */
  natural: number;
  min: number;
  max: number;
  /** Caption rows summed over the images. */
  caption: number;
}

export function photoWidth(grid: Grid, span: number): number {
  return span * grid.columnWidth + (span - 1) * grid.gutter;
}

function usableAspect(aspect: number): number {
  return Number.isFinite(aspect) && aspect > 0 ? aspect : 1.5;
}

export function imageRows(image: ImageMetrics, span: number, grid: Grid): ImageRows {
  const aspect = usableAspect(image.aspect);
  const exact = photoWidth(grid, span) / aspect / grid.linePitch;
  const natural = Math.max(1, Math.round(exact));
  // Rows r give aspect width / (r * pitch); keep it within ±25% of the source aspect.
  const min = Math.max(1, Math.min(natural, Math.ceil(exact / (1 + MAX_CROP) - 1e-9)));
  const max = Math.max(natural, Math.floor(exact / (1 - MAX_CROP) + 1e-9));
  const caption = Math.max(0, image.captionRows[span - 1] ?? image.captionRows.at(-1) ?? 0);
  return { natural, min, max, caption };
}

export function photoRange(images: ImageMetrics[], span: number, grid: Grid): PhotoRange {
  const rows = images.map((image) => imageRows(image, span, grid));
  const sum = (pick: (r: ImageRows) => number) => rows.reduce((total, r) => total + pick(r), 0);
  return {
    span,
    images: rows,
    natural: sum((r) => r.natural),
    min: sum((r) => r.min),
    max: sum((r) => r.max),
    caption: sum((r) => r.caption),
  };
}

/** Split a total of photo rows over the images: each starts at its natural height and the
 *  difference goes to the first images that can still take it. */
export function distributePhotoRows(range: PhotoRange, total: number): number[] {
  const rows = range.images.map((r) => r.natural);
  let rest = total - range.natural;
  for (let i = 0; i < rows.length && rest !== 0; i++) {
    const image = range.images[i];
    const current = rows[i];
    if (image === undefined || current === undefined) continue;
    const next = rest > 0 ? Math.min(image.max, current + rest) : Math.max(image.min, current + rest);
    rest -= next - current;
    rows[i] = next;
  }
  return rows;
}

export function cropCost(range: PhotoRange, total: number): number {
  return Math.abs(total - range.natural) * CROP_ROW;
}

/** Photo widths to try in a module of `span` columns: full width down to one column (a tall
 *  portrait may only fit narrow). */
export function photoSpans(span: number): number[] {
  const spans: number[] = [];
  for (let p = span; p >= 1; p--) spans.push(p);
  return spans;
}
