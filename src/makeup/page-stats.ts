import { type Diagnostic, warning } from "../diagnostics";
import { reservedMap } from "./regions";
import type { Grid, Module, Reserved } from "./types";

// Filled and empty cells of a finished page, counted from the modules as the renderer sees them.

/** Share of empty cells above which a page is reported. */
export const EMPTY_SHARE_LIMIT = 0.03;

export function usedCells(module: Module): number {
  const head = module.headRows * module.span + (module.sideHead ? module.sideHead.span * module.sideHead.rows : 0);
  const photos = module.images.reduce((sum, image) => sum + image.span * (image.photoRows + image.captionRows), 0);
  const lines = module.columns.reduce((sum, column) => sum + column.end - column.start, 0);
  return head + photos + lines + (module.continuesOn !== undefined ? 1 : 0);
}

/** Cells inside modules holding nothing, and free cells outside every module. */
export function emptyCells(grid: Grid, reserved: Reserved[], modules: Module[]): { empty: number; outside: number } {
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

/** Warnings for a page with too many empty cells: short of material, or (with a module cut
 *  for lack of room) a make-up that could not close its gaps; and for cells in no module. */
export function emptyWarnings(page: number, empty: number, outside: number, total: number, cut: boolean): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  if (outside > 0) warnings.push(warning(`${outside} cells in no module (no article fits there)`, { page }));
  if (total > 0 && empty / total >= EMPTY_SHARE_LIMIT) {
    const short = cut ? `${empty} cells left empty` : `not enough material, ${empty} lines missing`;
    warnings.push(warning(short, { page, code: "underfull" }));
  }
  return warnings;
}
