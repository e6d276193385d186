import { overlaps } from "./boxes";
import { MakeupError } from "./errors";
import type { FitCache } from "./fit";
import type { Rect } from "./packer";
import type { Grid, Pin } from "./types";

// Pinned articles of an automatic page keep the editor's place; the make-up fills the rest of the
// page around them. A pin without a height gets the article's natural height at that width (as
// much as there is room for below the pin: what does not fit jumps, like any cut module).

export interface PinnedRect extends Rect {
  articleId: string;
  /** Index of the article among the page's items. */
  item: number;
}

const rectName = (r: Rect) => `columns ${r.col + 1}–${r.col + r.span}, lines ${r.row + 1}–${r.row + r.rows}`;

/** Rows free below `row` in columns [col, col + span) before the next obstacle or the grid's end. */
function roomBelow(grid: Grid, col: number, row: number, span: number, taken: Rect[]): number {
  let end = grid.rows;
  for (const t of taken) {
    if (t.col < col + span && col < t.col + t.span && t.row + t.rows > row) end = Math.min(end, Math.max(row, t.row));
  }
  return end - row;
}

export function placePins(
  number: number,
  grid: Grid,
  pins: Pin[],
  itemOf: (articleId: string) => number,
  fits: FitCache,
  taken: Rect[],
): PinnedRect[] {
  const placed: PinnedRect[] = [];
  for (const pin of pins) {
    const where = `article "${pin.articleId}" pinned at ${rectName({ ...pin, rows: pin.rows ?? 1 })}`;
    const at = { page: number, articleId: pin.articleId };
    const item = itemOf(pin.articleId);
    if (item < 0) throw new MakeupError(`${where} is not an article of this page`, at);
    if (pin.col < 0 || pin.row < 0 || pin.span < 1 || pin.col + pin.span > grid.columns || pin.row >= grid.rows) {
      throw new MakeupError(`${where} leaves the ${grid.columns} × ${grid.rows} grid`, at);
    }
    const obstacles = [...taken, ...placed];
    const room = roomBelow(grid, pin.col, pin.row, pin.span, obstacles);
    let rows = pin.rows;
    if (rows === undefined) {
      const natural = fits.variants(item, pin.span).filter((fit) => fit.rows <= room);
      rows = natural.length > 0 ? natural.reduce((a, b) => (b.cost < a.cost ? b : a)).rows : room;
    }
    // No room at all below the pin: something already stands on its first line.
    const rect = { col: pin.col, row: pin.row, span: pin.span, rows: Math.max(rows, 1) };
    const clash = obstacles.find((o) => overlaps(rect, o));
    if (!clash && rect.row + rect.rows > grid.rows)
      throw new MakeupError(`${where} leaves the ${grid.columns} × ${grid.rows} grid`, at);
    if (clash) {
      const what =
        "articleId" in clash
          ? `article "${(clash as PinnedRect).articleId}"`
          : "id" in clash
            ? `ad "${(clash as { id: string }).id}"`
            : "the masthead";
      throw new MakeupError(`${where} overlaps ${what}`, at);
    }
    placed.push({ ...rect, articleId: pin.articleId, item });
  }
  return placed;
}
