import type { GridRect } from "../../grid";
import type { Grid, Module } from "../types";
import { reservedMap } from "./regions";

// Filled and empty cells of a finished page, counted from the modules as the renderer sees them.

export function usedCells(module: Module): number {
  const head = module.headRows * module.span + (module.sideHead ? module.sideHead.span * module.sideHead.rows : 0);
  const photos = module.images.reduce((sum, image) => sum + image.span * (image.photoRows + image.captionRows), 0);
  const lines = module.columns.reduce((sum, column) => sum + column.end - column.start, 0);
  return head + photos + lines + (module.continuesOn !== undefined ? 1 : 0);
}

/** Cells inside modules holding nothing, and free cells outside every module. */
export function emptyCells(grid: Grid, reserved: GridRect[], modules: Module[]): { empty: number; outside: number } {
  const taken = reservedMap(grid, reserved);
  let empty = 0;
  for (const module of modules) {
    empty += module.span * module.rows - usedCells(module);
    for (let row = module.row; row < module.row + module.rows; row++) {
      for (let col = module.col; col < module.col + module.span; col++) {
        taken[row * grid.columns + col] = true;
      }
    }
  }
  const outside = taken.filter((cell) => !cell).length;
  return { empty: empty + outside, outside };
}
