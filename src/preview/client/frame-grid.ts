// The page grid as the pages' editor sees it: the format's sizes from its CSS custom properties
// (format.css), each module's rectangle from the data attributes the templates give it (1-based
// grid units, as the issue format and layout.json write them). Nothing is guessed from pixels but
// where the pointer is.

/** A grid rectangle, 1-based. */
export interface GridRect {
  column: number;
  line: number;
  span: number;
  height: number;
}

export interface Geometry {
  /** Column width, gutter and line pitch in CSS px of the unscaled page. */
  column: number;
  gutter: number;
  pitch: number;
  columns: number;
  rows: number;
}

/** A length of the format's CSS (pt, mm or px) in CSS px. */
function px(value: string): number {
  const n = Number.parseFloat(value);
  const unit = value.trim().replace(/^[-\d.e+]+/, "");
  if (unit === "pt") return (n * 4) / 3;
  if (unit === "mm") return (n * 96) / 25.4;
  return n;
}

export function geometry(within: Element = document.documentElement): Geometry {
  const css = getComputedStyle(within);
  const v = (name: string) => px(css.getPropertyValue(name));
  const [column, gutter, pitch] = [v("--col-w"), v("--gutter"), v("--pitch")];
  return {
    column,
    gutter,
    pitch,
    columns: Math.round((v("--area-width") + gutter) / (column + gutter)),
    rows: Math.round(v("--area-height") / pitch),
  };
}

/** The rectangle a module or ad carries in its data attributes. */
export function rectOf(el: HTMLElement): GridRect | undefined {
  const d = el.dataset;
  const [column, line, span, height] = [d.col, d.row, d.span, d.rows].map(Number);
  if (!column || !line || !span || !height) return undefined;
  return { column, line, span, height };
}

/** Places an overlay box on the grid: its CSS (frame.css) turns these into lengths. */
export function placeBox(el: HTMLElement, r: GridRect): void {
  el.style.setProperty("--c", String(r.column - 1));
  el.style.setProperty("--l", String(r.line - 1));
  el.style.setProperty("--s", String(r.span));
  el.style.setProperty("--h", String(r.height));
}

export const insideGrid = (r: GridRect, g: Geometry) =>
  r.column >= 1 &&
  r.line >= 1 &&
  r.span >= 1 &&
  r.height >= 1 &&
  r.column + r.span - 1 <= g.columns &&
  r.line + r.height - 1 <= g.rows;

export const overlaps = (a: GridRect, b: GridRect) =>
  a.column < b.column + b.span &&
  b.column < a.column + a.span &&
  a.line < b.line + b.height &&
  b.line < a.line + a.height;

export const sameRect = (a: GridRect, b: GridRect) =>
  a.column === b.column && a.line === b.line && a.span === b.span && a.height === b.height;

/** "columns 2–4, lines 10–33" */
export function rectName(r: GridRect): string {
  const run = (from: number, n: number) => (n > 1 ? `${from}–${from + n - 1}` : `${from}`);
  return `column${r.span > 1 ? "s" : ""} ${run(r.column, r.span)}, line${r.height > 1 ? "s" : ""} ${run(r.line, r.height)}`;
}
