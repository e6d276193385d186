import type { Rect } from "./packer";
import type { Grid, Reserved } from "./types";

// The type area outside reserved rectangles, as a cell map and as rectangles the packer fills.

/** Cells of the grid, row-major; true where a reserved rectangle sits. */
export function reservedMap(grid: Grid, reserved: Reserved[]): boolean[] {
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

export function freeCellCount(grid: Grid, reserved: Reserved[]): number {
  return reservedMap(grid, reserved).filter((taken) => !taken).length;
}

function freeRuns(grid: Grid, taken: boolean[], row: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let col = 0; col <= grid.columns; col++) {
    const free = col < grid.columns && !taken[row * grid.columns + col];
    if (free && start < 0) start = col;
    if (!free && start >= 0) {
      runs.push([start, col]);
      start = -1;
    }
  }
  return runs;
}

/** The free area cut into rectangles: rows with the same free column runs form a band, each
 *  run of a band one rectangle. Sorted top to bottom, left to right (reading order). A full
 *  width masthead band leaves a single rectangle. */
export function freeRegions(grid: Grid, reserved: Reserved[]): Rect[] {
  const taken = reservedMap(grid, reserved);
  const regions: Rect[] = [];
  let open: Rect[] = [];
  let openKey = "";
  for (let row = 0; row < grid.rows; row++) {
    const runs = freeRuns(grid, taken, row);
    const key = runs.map(([a, b]) => `${a}-${b}`).join(",");
    if (key === openKey) {
      for (const rect of open) rect.rows++;
      continue;
    }
    open = runs.map(([a, b]) => ({ col: a, row, span: b - a, rows: 1 }));
    regions.push(...open);
    openKey = key;
  }
  return regions.sort((a, b) => a.row - b.row || a.col - b.col);
}
