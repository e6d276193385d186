import { type GridRect, inside, overlaps, rectLabel } from "../../grid";
import { MakeupError } from "../errors";
import type { BookedBox, BoxModule, Grid } from "../types";

// Booked boxes (ads) go on the page before any editorial, exactly where and as large as booked.
// "bottom" and "top" boxes sit on that edge, from the page's outer side inward (right on odd
// pages, left on even ones: where a reader's eye and the ad department expect them), each next
// one beside the last, or above (below) it when the edge is full. Ears sit beside the masthead.

/** Columns to try for a box `span` wide, outer side first. */
function columnsFrom(grid: Grid, span: number, odd: boolean): number[] {
  const cols = Array.from({ length: grid.columns - span + 1 }, (_, i) => i);
  return odd ? cols.reverse() : cols;
}

function slide(
  grid: Grid,
  box: BookedBox,
  taken: GridRect[],
  odd: boolean,
  fromTop: boolean,
  top: number,
): GridRect | null {
  const rows = Array.from({ length: grid.rows - box.rows - top + 1 }, (_, i) => top + i);
  if (!fromTop) rows.reverse();
  for (const row of rows) {
    for (const col of columnsFrom(grid, box.span, odd)) {
      const rect = { col, row, span: box.span, rows: box.rows };
      if (!taken.some((t) => overlaps(rect, t))) return rect;
    }
  }
  return null;
}

/**
 * The boxes of page `number` as rectangles of the grid. Throws MakeupError naming the box for one
 * larger than the type area, outside the grid, over the masthead, or over another box.
 */
export function placeBoxes(grid: Grid, number: number, booked: BookedBox[], reserved: GridRect[]): BoxModule[] {
  const placed: BoxModule[] = [];
  const odd = number % 2 === 1;
  const top = reserved.filter((r) => r.row === 0).reduce((most, r) => Math.max(most, r.rows), 0);
  for (const box of booked) {
    const where = `ad "${box.id}"`;
    const at = { page: number, adId: box.id };
    if (box.span > grid.columns || box.rows > grid.rows || box.span < 1 || box.rows < 1) {
      throw new MakeupError(
        `${where} (${box.span} columns × ${box.rows} lines) is larger than the type area (${grid.columns} × ${grid.rows})`,
        at,
      );
    }
    const taken = [...reserved, ...placed];
    let rect: GridRect | null;
    const p = box.position;
    if (p === "bottom" || p === "top") {
      rect = slide(grid, box, taken, odd, p === "top", p === "top" ? top : 0);
      if (rect === null) throw new MakeupError(`${where}: no room left on the ${p} edge beside the other ads`, at);
    } else if (p === "ear-left" || p === "ear-right") {
      if (number !== 1) throw new MakeupError(`${where}: the ear (报眼) is on the front page only`, at);
      rect = { col: p === "ear-left" ? 0 : grid.columns - box.span, row: 0, span: box.span, rows: box.rows };
    } else {
      rect = { col: p.col, row: p.row, span: box.span, rows: box.rows };
      if (!inside(rect, grid)) {
        throw new MakeupError(`${where} leaves the grid: ${rectLabel(rect)} of ${grid.columns} × ${grid.rows}`, at);
      }
    }
    const found = rect;
    const clash = placed.find((other) => overlaps(found, other));
    if (clash) throw new MakeupError(`${where} overlaps ad "${clash.id}" (${rectLabel(found)})`, at);
    if (reserved.some((r) => overlaps(found, r)))
      throw new MakeupError(`${where} overlaps the masthead (${rectLabel(found)})`, at);
    placed.push({ id: box.id, ...found });
  }
  return placed;
}
