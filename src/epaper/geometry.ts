import type { PageFormat } from "../load";

// Where a made-up module is on the printed page, and on a picture of that page. The make-up's
// rectangles are grid units; the proof places them in pt from the trim's top left (the type
// area's origin plus columns and lines, as render/page-view.ts does); a picture of the page
// covers the PDF's whole page box. Zones are kept in pt and drawn in an SVG whose viewBox is the
// page box, so the browser scales them with the picture at any size, with no rounding of ours.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A grid rectangle, 0-based as the make-up gives it. */
export interface GridRect {
  col: number;
  row: number;
  span: number;
  rows: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The module's rectangle on the page, in pt from the trim's top left. */
export function moduleRectPt(f: PageFormat, m: GridRect): Rect {
  return {
    x: f.areaLeft + m.col * (f.columnWidth + f.gutter),
    y: f.areaTop + m.row * f.linePitch,
    width: m.span * f.columnWidth + (m.span - 1) * f.gutter,
    height: m.rows * f.linePitch,
  };
}

/** The pixel size of a picture of a page `widthPx` wide: the page box's proportions, whole pixels. */
export function imageSize(pagePt: Size, widthPx: number): Size {
  return { width: widthPx, height: Math.round((widthPx * pagePt.height) / pagePt.width) };
}

/** A rectangle in pt on a picture of the page: each axis scaled by the picture's own pixels per
 *  pt, as a picture stretched over the page box shows it. */
export function toPixels(rect: Rect, pagePt: Size, imagePx: Size): Rect {
  const sx = imagePx.width / pagePt.width;
  const sy = imagePx.height / pagePt.height;
  return { x: rect.x * sx, y: rect.y * sy, width: rect.width * sx, height: rect.height * sy };
}

/** A length in pt as the SVG writes it: to the thousandth of a pt (a two-thousandth of a pixel on
 *  the large picture), no trailing zeros. */
export function svgNumber(pt: number): string {
  return String(Math.round(pt * 1000) / 1000);
}
