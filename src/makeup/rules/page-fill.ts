import { type Diagnostic, warning } from "../../diagnostics";

// Rule: a page is full when less than 3% of its free cells are left empty. A page less full takes
// fillers, takes more pool stories, is repaired in the next pool plan, and is reported: short of
// material, or (with a module cut for lack of room) a make-up that could not close its gaps.

/** Share of empty cells at which a page is no longer full. */
export const EMPTY_SHARE_LIMIT = 0.03;

/** Whether a page whose `cells` free cells leave `empty` empty is full. */
export function isFull(empty: number, cells: number): boolean {
  return empty < EMPTY_SHARE_LIMIT * cells;
}

/** Warnings for a page with too many empty cells, and for cells in no module. */
export function emptyWarnings(page: number, empty: number, outside: number, total: number, cut: boolean): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  if (outside > 0) warnings.push(warning(`${outside} cells in no module (no article fits there)`, { page }));
  if (total > 0 && empty / total >= EMPTY_SHARE_LIMIT) {
    const short = cut ? `${empty} cells left empty` : `not enough material, ${empty} lines missing`;
    warnings.push(warning(short, { page, code: "underfull" }));
  }
  return warnings;
}
