import { type BoxClash, type GridRect, isBoxClash, placeBox, rectLabel } from "../../grid";
import { MakeupError } from "../errors";
import type { BookedBox, BoxModule, Grid } from "../types";

// The boxes are placed by the grid's one placement (src/grid/boxes.ts), which the inspection
// runs too; here with the measured masthead.

function clashText(grid: Grid, box: BookedBox, clash: BoxClash): string {
  const where = `ad "${box.id}"`;
  switch (clash.kind) {
    case "too-large":
      return `${where} (${box.span} columns × ${box.rows} lines) is larger than the type area (${grid.columns} × ${grid.rows})`;
    case "no-room":
      return `${where}: no room left on the ${clash.edge} edge beside the other ads`;
    case "ear-off-front":
      return `${where}: the ear (报眼) is on the front page only`;
    case "leaves-grid":
      return `${where} leaves the grid: ${rectLabel(clash.rect)} of ${grid.columns} × ${grid.rows}`;
    case "overlaps-box":
      return `${where} overlaps ad "${clash.other}" (${rectLabel(clash.rect)})`;
    case "overlaps-reserved":
      return `${where} overlaps the masthead (${rectLabel(clash.rect)})`;
  }
}

/**
 * The boxes of page `number` as rectangles of the grid. Throws MakeupError naming the box for one
 * larger than the type area, outside the grid, over the masthead, or over another box.
 */
export function placeBoxes(grid: Grid, number: number, booked: BookedBox[], reserved: GridRect[]): BoxModule[] {
  const placed: BoxModule[] = [];
  for (const box of booked) {
    const result = placeBox(grid, number, box, reserved, placed);
    if (isBoxClash(result)) throw new MakeupError(clashText(grid, box, result), { page: number, adId: box.id });
    placed.push(result);
  }
  return placed;
}
