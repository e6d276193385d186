import { usablePriority } from "../items";
import { freeCellCount } from "../page/regions";
import type { Grid, MakeupRules, PageInput, PoolStory } from "../types";
import { storyCells } from "./estimate";

// The story pool before it is planned: which stories may go on a page, in which order, and about
// how much room each page has for them (estimate.ts).

/** The pool in the order it is planned: by priority, then as the editor listed it. */
export function poolOrder(pool: PoolStory[]): PoolStory[] {
  return pool
    .map((story, index) => ({ story, index }))
    .sort((a, b) => usablePriority(a.story.priority) - usablePriority(b.story.priority) || a.index - b.index)
    .map((x) => x.story);
}

/** The stories a page may take, in the order it takes them: its section's first, then those of
 *  no section (which go on any page). Pages made up by hand take none. */
export function candidatesFor(page: PageInput, remaining: PoolStory[]): PoolStory[] {
  if (page.fixed !== undefined) return [];
  const own = page.section === undefined ? [] : remaining.filter((s) => s.section === page.section);
  return [...own, ...remaining.filter((s) => s.section === undefined)];
}

/** The cells a page has for stories: its type area less reserved rectangles and ads. */
export function storyArea(page: PageInput, grid: Grid): number {
  const booked = (page.booked ?? []).reduce((sum, b) => sum + b.span * b.rows, 0);
  return freeCellCount(grid, page.reserved) - booked;
}

/** About the free cells a page has for the pool before it is made up: its story area less its
 *  own stories. */
export function estimatedRoom(page: PageInput, grid: Grid, rules: MakeupRules): number {
  if (page.fixed !== undefined) return 0;
  const own = page.articles.reduce((sum, a) => sum + storyCells(a, grid, rules), 0);
  return Math.max(0, storyArea(page, grid) - own);
}

/** The section stories of the pool spread over their pages by estimate alone, each page taking
 *  them until it is full (a section's last page takes all its section has left): where the
 *  issue's make-up expects material when it chooses the page a rest jumps to. Stories of no
 *  section give way wherever a rest lands. */
export function provisionalPages(pages: PageInput[], pool: PoolStory[], grid: Grid, rules: MakeupRules): PageInput[] {
  let remaining = poolOrder(pool).filter((s) => s.section !== undefined);
  return pages.map((page, index) => {
    const taken: PoolStory[] = [];
    let room = estimatedRoom(page, grid, rules);
    const later = pages.slice(index + 1);
    for (const story of candidatesFor(page, remaining)) {
      const last = story.section !== undefined && !later.some((p) => candidatesFor(p, [story]).length > 0);
      if (room <= 0 && !last) continue;
      taken.push(story);
      room -= storyCells(story, grid, rules);
    }
    remaining = remaining.filter((s) => !taken.includes(s));
    return { ...page, articles: [...page.articles, ...taken] };
  });
}
