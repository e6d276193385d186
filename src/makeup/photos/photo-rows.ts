import { exactPhotoRows } from "../../grid";
import { CROP_ROW } from "../costs";
import { croppedRows } from "../rules/photo-crop";
import type { Grid, ImageMetrics } from "../types";

// Photo heights: rows follow the aspect ratio at the photo's width (src/grid); cropping may take
// them as far as rules/photo-crop.ts allows, at a price per row, to close gaps.

export interface ImageRows {
  natural: number;
  min: number;
  max: number;
  caption: number;
}

export function imageRows(image: ImageMetrics, span: number, grid: Grid): ImageRows {
  const exact = exactPhotoRows(grid, span, image.aspect);
  const natural = Math.max(1, Math.round(exact));
  const caption = Math.max(0, image.captionRows[span - 1] ?? image.captionRows.at(-1) ?? 0);
  return { natural, ...croppedRows(exact, natural), caption };
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
