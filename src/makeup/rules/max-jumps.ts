import type { PageInput } from "../types";

// Rule: at most so many stories jump off a page (the page's `maxJumps`, else two). When more
// would, the one with the shortest rest must fit on the page instead.

export const DEFAULT_MAX_JUMPS = 2;

export function maxJumpsOf(page: PageInput): number {
  return page.maxJumps ?? DEFAULT_MAX_JUMPS;
}
