// Rectangles of the page grid. Inside newsprint they count from 0 (`GridRect`: col, row, span,
// rows); the issue file, layout.json and every message count columns and lines from 1, as editors
// do (`IssueRect`: column, line, span, height). The conversions and the one label are here.

/** A rectangle of the grid, 0-based: `span` columns from column `col`, `rows` lines from `row`. */
export interface GridRect {
  col: number;
  row: number;
  span: number;
  rows: number;
}

/** A grid's size in columns and lines. */
export interface GridSize {
  columns: number;
  rows: number;
}

/** A rectangle as the issue file and layout.json write it, 1-based. */
export interface IssueRect {
  column: number;
  line: number;
  span: number;
  height: number;
}

/** A pin as the issue file writes it: without a height the make-up sizes the module. */
export type IssuePin = Omit<IssueRect, "height"> & { height?: number };

/** A pin on the grid, 0-based; `rows` absent when the make-up sizes the module. */
export type GridPin = Omit<GridRect, "rows"> & { rows?: number };

/** The grid cell of a 1-based column and line. */
export const cellOf = (at: { column: number; line: number }) => ({ col: at.column - 1, row: at.line - 1 });

export const fromIssueRect = (r: IssueRect): GridRect => ({ ...cellOf(r), span: r.span, rows: r.height });

export const fromIssuePin = (p: IssuePin): GridPin => ({
  ...cellOf(p),
  span: p.span,
  ...(p.height !== undefined ? { rows: p.height } : {}),
});

export const toIssueRect = (r: GridRect): IssueRect => ({
  column: r.col + 1,
  line: r.row + 1,
  span: r.span,
  height: r.rows,
});

/** Whether two rectangles share a cell. */
export const overlaps = (a: GridRect, b: GridRect): boolean =>
  a.col < b.col + b.span && b.col < a.col + a.span && a.row < b.row + b.rows && b.row < a.row + a.rows;

/** The cells two rectangles share, or undefined. */
export function intersection(a: GridRect, b: GridRect): GridRect | undefined {
  if (!overlaps(a, b)) return undefined;
  const col = Math.max(a.col, b.col);
  const row = Math.max(a.row, b.row);
  const span = Math.min(a.col + a.span, b.col + b.span) - col;
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  return { col, row, span, rows };
}

/** Whether a rectangle of at least one cell lies within the grid. */
export const inside = (r: GridRect, size: GridSize): boolean =>
  r.col >= 0 &&
  r.row >= 0 &&
  r.span >= 1 &&
  r.rows >= 1 &&
  r.col + r.span <= size.columns &&
  r.row + r.rows <= size.rows;

export const sameRect = (a: GridRect, b: GridRect): boolean =>
  a.col === b.col && a.row === b.row && a.span === b.span && a.rows === b.rows;

/** "columns 2–4, lines 10–33", "column 1, line 5": counted from 1, as the issue file does. */
export function rectLabel(r: GridRect): string {
  const run = (from: number, n: number) => (n > 1 ? `${from + 1}–${from + n}` : `${from + 1}`);
  return `column${r.span > 1 ? "s" : ""} ${run(r.col, r.span)}, line${r.rows > 1 ? "s" : ""} ${run(r.row, r.rows)}`;
}
