// The grid in points: where columns are and how wide a span is, and how many lines a photo takes
// at a span. The format resolves these numbers (load/format.ts); the make-up, the measuring and
// rendering pages and the editor all size from them here.

/** The type area of a page as a grid: its size, and its geometry in pt. */
export interface Grid {
  columns: number;
  rows: number;
  columnWidth: number;
  gutter: number;
  linePitch: number;
}

/** The grid of a resolved format (or anything carrying its numbers). */
export const gridOf = (f: Grid): Grid => ({
  columns: f.columns,
  rows: f.rows,
  columnWidth: f.columnWidth,
  gutter: f.gutter,
  linePitch: f.linePitch,
});

/** Width in pt of `span` columns and the gutters between them. */
export function spanWidth(g: Pick<Grid, "columnWidth" | "gutter">, span: number): number {
  return span * g.columnWidth + (span - 1) * g.gutter;
}

/** The left edge in pt of column `col` (0-based) from the type area's left. */
export function columnLeft(g: Pick<Grid, "columnWidth" | "gutter">, col: number): number {
  return col * (g.columnWidth + g.gutter);
}

/** The aspect ratio (width / height) of a photo, with a landscape 3:2 for one that has none. */
export function usableAspect(aspect: number): number {
  return Number.isFinite(aspect) && aspect > 0 ? aspect : 1.5;
}

/** Lines a photo of this aspect ratio takes at `span` columns, uncropped and unrounded. */
export function exactPhotoRows(g: Grid, span: number, aspect: number): number {
  return spanWidth(g, span) / usableAspect(aspect) / g.linePitch;
}

/** Whole lines a photo of this aspect ratio takes at `span` columns: at least one. */
export function photoRows(g: Grid, span: number, aspect: number): number {
  return Math.max(1, Math.round(exactPhotoRows(g, span, aspect)));
}
