import { reservedMap } from "./regions";
import type { Grid, Module, Reserved } from "./types";

// Filled and empty cells of a finished page, counted from the modules as the renderer sees them.

/** Share of empty cells above which a page is reported. */
export const EMPTY_SHARE_LIMIT = 0.03;

export function usedCells(module: Module): number {
  const head = module.headRows * module.span;
  const photos = module.images.reduce((sum, image) => sum + image.span * (image.photoRows + image.captionRows), 0);
  const lines = module.columns.reduce((sum, column) => sum + column.end - column.start, 0);
  return head + photos + lines + (module.continuesOn !== undefined ? 1 : 0);
}

/** Cells inside modules holding nothing, plus free cells outside every module. */
export function emptyCells(grid: Grid, reserved: Reserved[], modules: Module[]): number {
  const taken = reservedMap(grid, reserved);
  let empty = 0;
  for (const module of modules) {
    empty += module.span * module.rows - usedCells(module);
    for (let row = module.row; row < module.row + module.rows; row++) {
      for (let col = module.col; col < module.col + module.span; col++) taken[row * grid.columns + col] = true;
    }
  }
  return empty + taken.filter((cell) => !cell).length;
}

export function emptyWarning(page: number, empty: number, total: number, cut: boolean): string | undefined {
  if (total === 0 || empty / total < EMPTY_SHARE_LIMIT) return undefined;
  return cut ? `page ${page}: ${empty} cells left empty` : `page ${page}: not enough material, ${empty} lines missing`;
}
