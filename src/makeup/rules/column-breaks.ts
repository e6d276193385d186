import { HARD_BREAK, ORPHAN, WIDOW } from "../costs";
import type { BodyLine } from "../types";

// Rule: a text column does not end on a subhead (keepWithNext), and avoids leaving a paragraph's
// first line alone at its foot (orphan) or its last line alone at the next column's head (widow).

/** Cost of a column (or page) break before line `next`: `next - 1` ends a column. */
export function breakPenalty(lines: BodyLine[], next: number): number {
  const before = lines[next - 1];
  const after = lines[next];
  if (before === undefined || after === undefined) return 0;
  let penalty = 0;
  if (before.keepWithNext) penalty += HARD_BREAK;
  if (before.first && !before.last) penalty += ORPHAN;
  if (after.last && !after.first) penalty += WIDOW;
  return penalty;
}
