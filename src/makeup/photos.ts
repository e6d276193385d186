import type { Grid, ImageMetrics } from "./types";
import { CROP_ROW } from "./weights";

// Photo heights: rows follow the aspect ratio at the photo's width; cropping may change the
// aspect by at most ±25% to close gaps.

/** Largest allowed change of a photo's aspect ratio by cropping. */
export const MAX_CROP = 0.25;

export interface ImageRows {
  natural: number;
  min: number;
  max: number;
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
  const min = Math.max(1, Math.min(natural, Math.ceil(exact / (1 + MAX_CROP) - 1e-6)));
  const max = Math.max(natural, Math.floor(exact / (1 - MAX_CROP) + 1e-6));
  const caption = Math.max(0, image.captionRows[span - 1] ?? image.captionRows.at(-1) ?? 0);
  return { natural, min, max, caption };
}

/** Split a total of photo rows over stacked images: each starts at its natural height and
 *  the difference goes to the first images that can still take it. */
export function distributeRows(images: ImageRows[], total: number): number[] {
  const rows = images.map((r) => r.natural);
  let rest = total - rows.reduce((a, b) => a + b, 0);
  for (let i = 0; i < rows.length && rest !== 0; i++) {
    const image = images[i];
    const current = rows[i];
    if (image === undefined || current === undefined) continue;
    const next = rest > 0 ? Math.min(image.max, current + rest) : Math.max(image.min, current + rest);
    rest -= next - current;
    rows[i] = next;
  }
  return rows;
}

export function cropCost(images: ImageRows[], rows: number[]): number {
  return images.reduce((sum, image, i) => sum + Math.abs((rows[i] ?? image.natural) - image.natural), 0) * CROP_ROW;
}
