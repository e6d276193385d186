// Rule: a jump leaves enough text on both sides. A story that would start on a page with only a
// few lines and jump the rest is a stub: the pool's planner sets it on a later page whole where it
// can. Any jump with fewer than two lines on a side costs the search JUMP_STUB per side (costs.ts),
// and a cut with two lines or more on each side and no bad break is good enough to stop looking.

/** A story that starts with fewer lines than this, or than this share of its lines, is a stub. */
export const STUB_LINES = 10;
export const STUB_SHARE = 0.25;

/** Least lines on either side of a jump. */
export const JUMP_SIDE_LINES = 2;

/** Whether starting a story of `total` lines with `lines` of them and jumping the rest is a stub. */
export function isStub(lines: number, total: number): boolean {
  return lines < Math.max(STUB_LINES, STUB_SHARE * total);
}

/** Sides of a jump, after `placed` lines with `rest` to follow, with too few lines (0, 1 or 2). */
export function thinSides(placed: number, rest: number): number {
  return (placed < JUMP_SIDE_LINES ? 1 : 0) + (rest < JUMP_SIDE_LINES ? 1 : 0);
}
