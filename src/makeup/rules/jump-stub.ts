import type { MakeupRules, Module, RuleBreak } from "../types";

// Rule: a story that jumps (下转) sets enough of itself first — at least `jumpMinLines` body lines,
// and `jumpMinLinesPerColumn` per text column of its module — so no story starts with a line or
// two and jumps the rest. The search pays RULE_BREAK for such a cut (costs.ts); the pool's
// planner sets a story that would start as a stub on a later page whole where it can. Any jump
// with fewer than two lines on a side also costs JUMP_STUB per side.

/** A pool story that starts with fewer lines than these, or than this share of its own, is set on
 *  a later page whole where it can (the planner's steer, above the rule's own limit). */
export const STUB_LINES = 10;
export const STUB_SHARE = 0.25;

/** Least lines on either side of a jump. */
export const JUMP_SIDE_LINES = 2;

/** Least body lines a story sets before it jumps, in a module of `columns` text columns. */
export function linesBeforeJump(rules: MakeupRules, columns: number): number {
  return Math.max(rules.jumpMinLines, rules.jumpMinLinesPerColumn * Math.max(1, columns));
}

/** Whether starting a story of `total` lines with `lines` of them and jumping the rest is a stub
 *  the pool's planner avoids. */
export function isStub(lines: number, total: number, rules: MakeupRules): boolean {
  return lines < Math.max(STUB_LINES, linesBeforeJump(rules, 1), STUB_SHARE * total);
}

/** Sides of a jump, after `placed` lines with `rest` to follow, with too few lines (0, 1 or 2). */
export function thinSides(placed: number, rest: number): number {
  return (placed < JUMP_SIDE_LINES ? 1 : 0) + (rest < JUMP_SIDE_LINES ? 1 : 0);
}

/** Body lines a module sets (the jump line is not one). */
export function moduleLines(module: Module): number {
  return module.columns.reduce((n, c) => n + c.end - c.start, 0);
}

/** The rule over a finished page: each story starting on it that jumps with too few lines. */
export function jumpStubs(modules: Module[], rules: MakeupRules): RuleBreak[] {
  return modules.flatMap((m) => {
    if (m.continuesOn === undefined || m.continuedFrom !== undefined) return [];
    const limit = linesBeforeJump(rules, m.span - (m.sideHead?.span ?? 0));
    const lines = moduleLines(m);
    return lines < limit ? [{ rule: "jump-stub" as const, article: m.articleId, measure: lines, limit }] : [];
  });
}
