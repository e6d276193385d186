import { type Diagnostic, warning } from "../../diagnostics";
import type { MakeupRules, PageInput, RuleBreak } from "../types";

// Rule: a page is full when less than `maxEmptyShare` (3%) of its free cells are left empty, and
// the front page is filled first: a shortage of material belongs on the section's last page,
// where the fillers go. A page less full takes fillers, takes more pool stories, is repaired in
// the next pool plan, and is reported: short of material, or (with a module cut for lack of
// room) a make-up that could not close its gaps.

/** Share of empty cells at which a page is no longer full, unless the house style says otherwise. */
export const EMPTY_SHARE_LIMIT = 0.03;

/** Whether a page whose `cells` free cells leave `empty` empty is full. */
export function isFull(empty: number, cells: number, share = EMPTY_SHARE_LIMIT): boolean {
  return empty < share * cells;
}

/** Whether page `index` is the last of its section (pages of no section count as one section):
 *  the page a shortage belongs on. */
export function lastOfSection(pages: PageInput[], index: number): boolean {
  const section = pages[index]?.section;
  return !pages.slice(index + 1).some((p) => p.section === section);
}

/** The rule over a finished page: short of material where it is not its section's last page. */
export function pageFill(
  pages: PageInput[],
  index: number,
  empty: number,
  cells: number,
  rules: MakeupRules,
): RuleBreak[] {
  if (cells === 0 || lastOfSection(pages, index) || isFull(empty, cells, rules.maxEmptyShare)) return [];
  // Rounded up: a page just over the limit never reads as at it.
  const measure = Math.ceil((1000 * empty) / cells) / 1000;
  return [{ rule: "page-fill", measure, limit: rules.maxEmptyShare }];
}

/** Warnings for a page with too many empty cells, and for cells in no module. */
export function emptyWarnings(
  page: number,
  empty: number,
  outside: number,
  total: number,
  cut: boolean,
  share = EMPTY_SHARE_LIMIT,
): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  if (outside > 0) warnings.push(warning(`${outside} cells in no module (no article fits there)`, { page }));
  if (total > 0 && empty / total >= share) {
    const short = cut ? `${empty} cells left empty` : `not enough material, ${empty} lines missing`;
    warnings.push(warning(short, { page, code: "underfull" }));
  }
  return warnings;
}
