import { type GridRect, overlaps, rectLabel, standClash } from "../../grid";
import { MakeupError } from "../errors";
import type { FitCache } from "../module/fit-cache";
import type { Grid, Pin } from "../types";
import { obstacleName, obstacleOf } from "./obstacles";

// Pinned articles of an automatic page keep the editor's place; the make-up fills the rest of the
// page around them. A pin without a height gets the article's natural height at that width (as
// much as there is room for below the pin: what does not fit jumps, like any cut module).

export interface PinnedRect extends GridRect {
  articleId: string;
  /** Index of the article among the page's items. */
  item: number;
}

/** Rows free below `row` in columns [col, col + span) before the next obstacle or the grid's end. */
function roomBelow(grid: Grid, col: number, row: number, span: number, taken: GridRect[]): number {
  const below = { col, row, span, rows: grid.rows - row };
  let end = grid.rows;
  for (const t of taken) if (overlaps(t, below)) end = Math.min(end, Math.max(row, t.row));
  return end - row;
}

export function placePins(
  number: number,
  grid: Grid,
  pins: Pin[],
  itemOf: (articleId: string) => number,
  fits: FitCache,
  taken: GridRect[],
): PinnedRect[] {
  const placed: PinnedRect[] = [];
  for (const pin of pins) {
    const pinned = { ...pin, rows: pin.rows ?? 1 };
    const where = `article "${pin.articleId}" pinned at ${rectLabel(pinned)}`;
    const at = { page: number, articleId: pin.articleId };
    const item = itemOf(pin.articleId);
    if (item < 0) throw new MakeupError(`${where} is not an article of this page`, at);
    // Its first line inside the grid (its height may not be known yet).
    const leaves = () =>
      new MakeupError(`${where} leaves the ${grid.columns} × ${grid.rows} grid`, at, { kind: "leaves-grid" });
    if (standClash({ ...pinned, rows: 1 }, grid, []) !== undefined) throw leaves();
    const obstacles = [...taken, ...placed];
    const room = roomBelow(grid, pin.col, pin.row, pin.span, obstacles);
    let rows = pin.rows;
    if (rows === undefined) {
      const natural = fits.variants(item, pin.span).filter((fit) => fit.rows <= room);
      rows = natural.length > 0 ? natural.reduce((a, b) => (b.cost < a.cost ? b : a)).rows : room;
    }
    // No room at all below the pin: something already stands on its first line.
    const rect = { col: pin.col, row: pin.row, span: pin.span, rows: Math.max(rows, 1) };
    const clash = standClash(rect, grid, obstacles);
    if (clash?.kind === "leaves-grid") throw leaves();
    if (clash) {
      throw new MakeupError(`${where} overlaps ${obstacleName(clash.obstacle)}`, at, {
        kind: "overlaps",
        obstacle: obstacleOf(clash.obstacle),
      });
    }
    placed.push({ ...rect, articleId: pin.articleId, item });
  }
  return placed;
}
