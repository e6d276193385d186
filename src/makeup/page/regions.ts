import type { GridRect } from "../../grid";
import type { Grid } from "../types";

// The type area outside reserved rectangles, as a cell map and as rectangles the packer fills.

/** Cells of the grid, row-major; true where a reserved rectangle sits. */
export function reservedMap(grid: Grid, reserved: GridRect[]): boolean[] {
  const cells = new Array<boolean>(grid.columns * grid.rows).fill(false);
  for (const r of reserved) {
    for (let row = Math.max(0, r.row); row < Math.min(grid.rows, r.row + r.rows); row++) {
      for (let col = Math.max(0, r.col); col < Math.min(grid.columns, r.col + r.span); col++) {
        cells[row * grid.columns + col] = true;
      }
    }
  }
  return cells;
}

export function freeCellCount(grid: Grid, reserved: GridRect[]): number {
  return reservedMap(grid, reserved).filter((taken) => !taken).length;
}

/** Free runs [from, to) along line `at`: a row (across columns) or a column (down rows). */
function freeRuns(grid: Grid, taken: boolean[], at: number, across: boolean): [number, number][] {
  const length = across ? grid.columns : grid.rows;
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const cell = across ? at * grid.columns + i : i * grid.columns + at;
    const free = i < length && !taken[cell];
    if (free && start < 0) start = i;
    if (!free && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

/** The free area cut into rectangles, line by line: neighbouring lines (rows for bands,
 *  columns for strips) with the same free runs merge. */
function sweep(grid: Grid, taken: boolean[], bands: boolean): GridRect[] {
  const regions: GridRect[] = [];
  let open: GridRect[] = [];
  let openKey = "";
  const lines = bands ? grid.rows : grid.columns;
  for (let at = 0; at < lines; at++) {
    const runs = freeRuns(grid, taken, at, bands);
    const key = runs.map(([a, b]) => `${a}-${b}`).join(",");
    if (key === openKey) {
      for (const rect of open) {
        if (bands) rect.rows++;
        else rect.span++;
      }
      continue;
    }
    open = runs.map(([a, b]) =>
      bands ? { col: a, row: at, span: b - a, rows: 1 } : { col: at, row: a, span: 1, rows: b - a },
    );
    regions.push(...open);
    openKey = key;
  }
  return regions.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The free area as rectangles the packer fills, cut into horizontal bands or vertical strips:
 *  whichever gives fewer (bigger) pieces, or both when they cut it into as many (an L beside an ad
 *  packs better one way or the other), fewest pieces first. Each cut is in reading order (top to
 *  bottom, left to right), except that small corners (left beside an ear, a pin or an ad: under
 *  half the largest piece) come last, so that the page's lead opens a real region and short items
 *  fill the corners. A full-width masthead band leaves a single rectangle. */
export function freeRegionCuts(grid: Grid, reserved: GridRect[]): GridRect[][] {
  const taken = reservedMap(grid, reserved);
  const bands = sweep(grid, taken, true);
  const strips = sweep(grid, taken, false);
  const cuts = strips.length < bands.length ? [strips] : strips.length > bands.length ? [bands] : [bands, strips];
  if (cuts.length === 2 && bands.length < 2) cuts.pop();
  return cuts.map(ordered);
}

function ordered(pieces: GridRect[]): GridRect[] {
  const largest = Math.max(0, ...pieces.map((r) => r.span * r.rows));
  const small = (r: GridRect) => (r.span * r.rows < largest / 2 ? 1 : 0);
  return pieces.sort((a, b) => small(a) - small(b) || a.row - b.row || a.col - b.col);
}
