import { RULE_BREAK } from "../costs";
import type { MakeupRules, Module, RuleBreak } from "../types";

// Rule: no leg (a text column of a module) shorter than `minLegLines` — one-line legs under a
// photo, or a story spread so wide that each column holds two lines, read as scraps. The column
// split pays RULE_BREAK per short leg (module/columns.ts), and a fit whose columns are not split
// yet pays it where the module's geometry leaves a column room for only a few lines. A module
// whose text is shorter than a leg keeps it in one column.

/** What a column of `count` lines costs in a module setting `total` lines. */
export function legCost(count: number, total: number, minLeg: number): number {
  return count > 0 && count < minLeg && total >= minLeg ? RULE_BREAK : 0;
}

/** Columns that would get a short leg when `total` lines fill columns whose text starts at
 *  `offsets` and ends on row `end`: a column with room for only one to minLeg - 1 lines. */
export function crampedColumns(offsets: number[], end: number, total: number, minLeg: number): number {
  if (total < minLeg) return 0;
  let cramped = 0;
  for (const offset of offsets) {
    const room = end - offset;
    if (room > 0 && room < minLeg) cramped++;
  }
  return cramped;
}

/** The rule over a finished page: each module with a leg too short, its shortest leg. */
export function shortLegs(modules: Module[], rules: MakeupRules): RuleBreak[] {
  const limit = rules.minLegLines;
  return modules.flatMap((m) => {
    const legs = m.columns.map((c) => c.end - c.start).filter((n) => n > 0);
    const total = legs.reduce((a, b) => a + b, 0);
    const shortest = Math.min(...legs);
    if (legs.length === 0 || total < limit || shortest >= limit) return [];
    return [{ rule: "short-leg" as const, article: m.articleId, measure: shortest, limit }];
  });
}
