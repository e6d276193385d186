import { type Item, isContinuation, lineCount, usablePriority } from "../items";
import { MAX_POOL_TRIALS, MAX_SQUEEZE, SQUEEZE_SHARE } from "../limits";
import { emptyOf } from "../page/page-makeup";
import { isStub } from "../rules/jump-stub";
import { isFull } from "../rules/page-fill";
import { rulesOf } from "../rules/settings";
import type {
  ArticleMetrics,
  MakeupInput,
  MakeupResult,
  MakeupRules,
  PageInput,
  PoolPlanPage,
  PoolPlanStep,
  PoolStory,
} from "../types";
import { itemCells, leastCells, storyCells } from "./estimate";
import { IssueMakeup, type SolvedPage } from "./issue-makeup";
import type { PageMemo } from "./page-memo";
import { candidatesFor, estimatedRoom, poolOrder, provisionalPages } from "./pool";
import { bannedKey, type PoolRules } from "./pool-repair";

// The story pool planned onto the pages, page by page in page order: each automatic page takes
// the next stories of its section (then stories of no section) in priority order until, by
// estimate, it is full; then the page's real make-up is tried and the choice repaired — a
// story the page has no room for moves on to a later page, one that would lose text is taken
// off and the next smaller one tried, a page still short takes one more (which may jump on).
// What is committed is the real make-up of the page, so the plan is the layout.

interface Outcome {
  chosen: PoolStory[];
  /** The page's articles as tried, and whether the pool's came first. */
  articles: ArticleMetrics[];
  first: boolean;
  /** Stories set here that no later page could take. */
  lastChance: number;
  solved: SolvedPage;
  /** Pool stories the page had no room for at all. */
  dropped: string[];
  /** Lines of the page's own stories and jumped rests it could not take, and lines cut with no
   *  page to go to: what a choice of pool stories must not make worse. */
  trouble: number;
  jumps: number;
  empty: number;
  full: boolean;
}

function outcome(
  chosen: PoolStory[],
  solved: SolvedPage,
  rules: MakeupRules,
): Omit<Outcome, "articles" | "first" | "lastChance"> {
  const { result } = solved;
  const ids = new Set(chosen.map((s) => s.id));
  const own = (item: Item) => ids.has(item.article.id) && !isContinuation(item);
  const dropped = result.dropped.filter(own).map((item) => item.article.id);
  let trouble = result.dropped
    .filter((item) => !own(item) && !item.article.filler)
    .reduce((n, i) => n + lineCount(i), 0);
  let jumps = 0;
  for (const p of result.placements) {
    const item = result.items[p.item];
    if (!p.fit.cut || item === undefined) continue;
    if (p.fit.jump) jumps++;
    else trouble += lineCount(item) - p.fit.lines;
  }
  const empty = emptyOf(result);
  return { chosen, solved, dropped, trouble, jumps, empty, full: isFull(empty, result.freeCells, rules.maxEmptyShare) };
}

/** Less trouble; more of the stories that have no later page; then a full page; among full
 *  pages more of the pool set (what a page leaves out may find no other), then fewer jumps;
 *  among short ones the fuller. */
function better(a: Outcome, b: Outcome | undefined): boolean {
  if (b === undefined) return true;
  if (a.trouble !== b.trouble) return a.trouble < b.trouble;
  if (a.lastChance !== b.lastChance) return a.lastChance > b.lastChance;
  if (a.full !== b.full) return a.full;
  if (a.full && a.chosen.length !== b.chosen.length) return a.chosen.length > b.chosen.length;
  if (a.full && a.jumps !== b.jumps) return a.jumps < b.jumps;
  return a.empty !== b.empty ? a.empty < b.empty : a.jumps < b.jumps;
}

/** The pool stories of a page, the largest (by estimate, photos counted) of those as important
 *  as the page's most important story first among them when none of the page's own is as
 *  important: it is the page's lead, and the lead is the page's largest module (rules/lead.ts). */
function leadStory(page: PageInput, pool: PoolStory[], size: (s: PoolStory) => number): PoolStory[] {
  const best = Math.min(...pool.map((s) => usablePriority(s.priority)));
  if (pool.length < 2 || page.articles.some((a) => usablePriority(a.priority) <= best)) return pool;
  const peers = pool.filter((s) => usablePriority(s.priority) === best);
  const lead = peers.reduce((a, b) => (size(b) > size(a) ? b : a));
  const first = Math.min(...peers.map((s) => s.order));
  if (lead.order === first) return pool;
  // The lead takes the first order of its peers, the one that had it takes the lead's.
  return pool.map((s) =>
    s === lead ? { ...s, order: first } : s.order === first && peers.includes(s) ? { ...s, order: lead.order } : s,
  );
}

/** What the search of one page knows: the page, its candidates, the page without any pool
 *  story, and the stories ruled out for it with the reason. */
interface PageSearch {
  index: number;
  page: PageInput;
  candidates: PoolStory[];
  base: Outcome;
  /** Free cells for the pool: what the page leaves empty without it, or by estimate what its
   *  own stories and the rests jumped to it leave, if more (their photos grow to fill a page). */
  room: number;
  skipped: Map<string, string>;
  /** Outcomes by choice, so that no choice is made up twice. */
  tried: Map<string, Outcome>;
}

/** The pool planned onto the pages in page order; each page is committed as it is planned. */
export class PoolPlanner {
  private readonly issue: IssueMakeup;
  private remaining: PoolStory[];
  readonly pages: PoolPlanPage[] = [];
  readonly steps: PoolPlanStep[] = [];
  /** Sections whose lead has a page. */
  private readonly leads = new Set<string>();
  private readonly editorial: MakeupRules;
  trials = 0;

  constructor(
    private readonly input: MakeupInput,
    private readonly rules: PoolRules,
    memo?: PageMemo,
  ) {
    this.editorial = rulesOf(input);
    // The pages as the pool is expected to fill them, so that a rest jumps where room is left.
    const expected = provisionalPages(input.pages, input.pool ?? [], input.grid, this.editorial);
    this.issue = new IssueMakeup({ ...input, pages: expected }, memo);
    this.remaining = poolOrder(input.pool ?? []);
  }

  /** The page made up with `chosen`; `first`: ahead of the page's own stories of the same
   *  priority (the page's make-up fills its areas with runs of stories in that order). Each
   *  choice is made up once per page. */
  private trial(search: PageSearch, chosen: PoolStory[], first = false): Outcome {
    const key = `${first ? "^" : ""}${chosen.map((s) => s.id).join(" ")}`;
    const known = search.tried.get(key);
    if (known) return known;
    this.trials++;
    const { index, page } = search;
    const size = (s: PoolStory) => storyCells(s, this.input.grid, this.editorial);
    const pool = leadStory(page, first ? chosen.map((s, k) => ({ ...s, order: -chosen.length + k })) : chosen, size);
    const articles = [...page.articles, ...pool];
    const lastChance = chosen.filter((s) => !this.laterPage(index, s)).length;
    const solved = this.issue.trial(index, { ...page, articles });
    const tried = { ...outcome(chosen, solved, this.editorial), articles, first, lastChance };
    search.tried.set(key, tried);
    return tried;
  }

  /** The pool stories page `index` takes, tried on the page itself; the page is committed. */
  plan(index: number, page: PageInput): void {
    const forced = (this.rules.forced.get(page.number) ?? []).flatMap((id) =>
      this.remaining.filter((s) => s.id === id),
    );
    const open = candidatesFor(page, this.remaining).filter(
      (s) => !forced.includes(s) && !this.rules.banned.has(bannedKey(page.number, s.id)),
    );
    const candidates = [...forced, ...open];
    if (candidates.length === 0) {
      this.issue.page(index, page);
      return;
    }
    const tried = new Map<string, Outcome>();
    const base = this.trial({ index, page, tried } as PageSearch, []);
    const { grid } = this.input;
    const incoming = this.issue.incomingItems(index).reduce((n, item) => n + itemCells(item, grid, this.editorial), 0);
    const room = Math.max(base.empty, estimatedRoom(page, grid, this.editorial) - incoming);
    const search: PageSearch = { index, page, candidates, base, room, skipped: new Map(), tried };
    let best = this.repair(search, this.byEstimate(search, []));
    // Where the pool is more than the pages hold at ease, every page takes what it can (a
    // jump fills a page exactly); else a page avoids jumps where shorter stories fill it.
    best = this.noStubs(search, best);
    if (this.tight(index, page, room)) best = best.full ? this.squeeze(search, best) : best;
    else best = this.fewerJumps(search, best);
    this.commit(search, best);
  }

  /** The next candidates, by estimate, until the page is full. */
  private byEstimate(search: PageSearch, taken: PoolStory[]): PoolStory[] {
    const chosen = [...taken];
    const { result } = search.base.solved;
    let left = search.room - taken.reduce((n, s) => n + storyCells(s, this.input.grid, this.editorial), 0);
    for (const story of search.candidates) {
      if (isFull(left, result.freeCells, this.editorial.maxEmptyShare)) break;
      if (chosen.includes(story) || search.skipped.has(story.id)) continue;
      chosen.push(story);
      left -= storyCells(story, this.input.grid, this.editorial);
    }
    return chosen;
  }

  /** The page tried with `chosen` and repaired: stories it has no room for are taken off, one
   *  that makes it lose text gives way to the next, a page still short takes one more. */
  private repair(search: PageSearch, chosen: PoolStory[]): Outcome {
    const { base, skipped, page } = search;
    const seen = new Set<string>();
    let best = base;
    let current = chosen;
    let first = false;
    let reordered = false;
    // After a story made the page lose text, only shorter ones are added.
    let below = Number.POSITIVE_INFINITY;
    for (let n = 0; n < MAX_POOL_TRIALS && current.length > 0; n++) {
      const key = current.map((s) => s.id).join(" ");
      if (seen.has(key)) break;
      seen.add(key);
      let o = this.trial(search, current, first);
      if (o.trouble > base.trouble && !reordered && page.articles.length > 0) {
        // The same stories ahead of the page's own may fill its areas without loss.
        reordered = true;
        const early = this.trial(search, current, true);
        if (early.trouble <= base.trouble) [o, first] = [early, true];
      }
      if (o.dropped.length > 0) {
        for (const id of o.dropped) skipped.set(id, `page ${page.number} had no room for its head and first lines`);
        current = current.filter((s) => !o.dropped.includes(s.id));
        continue;
      }
      if (better(o, best)) best = o;
      if (o.trouble > base.trouble) {
        // The last story taken made the page lose text: the page without it, then shorter ones.
        const last = current.at(-1) as PoolStory;
        skipped.set(last.id, `page ${page.number} could not take it without losing text`);
        below = Math.min(below, leastCells(last, this.input.grid));
        current = current.slice(0, -1);
        // Without it the page may be as it was: the next shorter story is tried in its place.
        if (current.length === 0) {
          const instead = this.next(search, [], below);
          if (instead !== undefined) current = [instead];
        }
        continue;
      }
      const next = o.full ? undefined : this.next(search, current, below);
      if (next === undefined) break;
      current = [...current, next];
    }
    return best;
  }

  /** Pool stories that start on the page and jump off it, with the lines they set there. */
  private jumpers(best: Outcome): { story: PoolStory; lines: number }[] {
    const { result } = best.solved;
    return result.placements.flatMap((p) => {
      const item = result.items[p.item];
      const story = item && !isContinuation(item) ? best.chosen.find((s) => s.id === item.article.id) : undefined;
      return p.fit.jump && story ? [{ story, lines: p.fit.lines }] : [];
    });
  }

  /** The page without `story`, the next shorter stories in its place; kept if the page is
   *  still full and `keep` agrees. */
  private without(search: PageSearch, best: Outcome, story: PoolStory, reason: string, keep: (o: Outcome) => boolean) {
    search.skipped.set(story.id, reason);
    const other = this.repair(
      search,
      this.byEstimate(
        search,
        best.chosen.filter((s) => s !== story),
      ),
    );
    if (other.full && other.trouble <= best.trouble && keep(other)) return other;
    search.skipped.delete(story.id);
    return best;
  }

  /** A story that would start with a few lines and jump the rest goes on a later page whole,
   *  where shorter stories fill this one. */
  private noStubs(search: PageSearch, best: Outcome): Outcome {
    const stub = this.jumpers(best).find(
      (j) => isStub(j.lines, j.story.lines.length, this.editorial) && this.laterPage(search.index, j.story),
    );
    if (stub === undefined) return best;
    const reason = `it would have started on page ${search.page.number} with ${stub.lines} lines and jumped the rest`;
    return this.without(search, best, stub.story, reason, () => true);
  }

  /** A pool story that jumps off a full page (not its lead) may give way to the next, shorter
   *  ones, and go on a later page whole. */
  private fewerJumps(search: PageSearch, best: Outcome): Outcome {
    if (!best.full || best.jumps <= search.base.jumps) return best;
    const lead = best.chosen[0];
    const jumping = this.jumpers(best).find((j) => j.story !== lead && this.laterPage(search.index, j.story));
    if (jumping === undefined) return best;
    const reason = `it would have jumped off page ${search.page.number}; shorter stories filled the page`;
    return this.without(search, best, jumping.story, reason, (o) => o.jumps < best.jumps);
  }

  /** Some later page could take the story. */
  private laterPage(index: number, story: PoolStory): boolean {
    return this.input.pages.slice(index + 1).some((page) => candidatesFor(page, [story]).length > 0);
  }

  /** More of the pool is left for this page's section, or for any page, than this page and the
   *  later ones hold at the widths the make-up likes to give: this page must take more. */
  private tight(index: number, page: PageInput, room: number): boolean {
    const later = this.input.pages.slice(index + 1);
    const cells = (stories: PoolStory[]) =>
      stories.reduce((n, s) => n + storyCells(s, this.input.grid, this.editorial), 0);
    const capacity = (pages: PageInput[]) =>
      room + pages.reduce((n, p) => n + estimatedRoom(p, this.input.grid, this.editorial), 0);
    if (cells(this.remaining) > capacity(later)) return true;
    if (page.section === undefined) return false;
    const own = this.remaining.filter((s) => s.section === page.section);
    return cells(own) > capacity(later.filter((p) => p.section === page.section));
  }

  /** A full page takes more stories as long as they fit whole: photos get smaller, heads
   *  narrower, but no story is lost for want of room. */
  private squeeze(search: PageSearch, full: Outcome): Outcome {
    let best = full;
    const { freeCells } = search.base.solved.result;
    // Only stories small enough that smaller photos and narrower heads could make room for them.
    const small = search.candidates.filter(
      (s) => !search.skipped.has(s.id) && storyCells(s, this.input.grid, this.editorial) <= SQUEEZE_SHARE * freeCells,
    );
    for (const next of small.filter((s) => !full.chosen.includes(s)).slice(0, MAX_SQUEEZE)) {
      const o = this.trial(search, [...best.chosen, next], best.first);
      // One more jump only for a story that has no later page to go to.
      const jumps = o.jumps <= best.jumps || !this.laterPage(search.index, next);
      if (o.dropped.length === 0 && o.trouble <= search.base.trouble && jumps) best = o;
    }
    return best;
  }

  /** The next candidate not taken or ruled out on this page. */
  private next(search: PageSearch, taken: PoolStory[], below = Number.POSITIVE_INFINITY): PoolStory | undefined {
    const { grid } = this.input;
    return search.candidates.find(
      (s) => !taken.includes(s) && !search.skipped.has(s.id) && leastCells(s, grid) < below,
    );
  }

  private commit(search: PageSearch, best: Outcome): void {
    const { index, page, room, skipped } = search;
    this.issue.page(index, { ...page, articles: best.articles }, best.solved);
    const where = `page ${page.number}${page.section ? ` (${page.section})` : ""}`;
    this.pages.push({
      number: page.number,
      section: page.section,
      stories: best.chosen.map((s) => s.id),
      room,
    });
    for (const story of best.chosen) {
      const lead = story.section !== undefined && !this.leads.has(story.section);
      if (lead) this.leads.add(story.section as string);
      const why = lead ? `, the lead of ${story.section}` : "";
      const reason = `${where} had about ${room} free lines for the pool; taken in priority order (${usablePriority(story.priority)}${why})`;
      this.steps.push({ articleId: story.id, page: page.number, outcome: "placed", reason });
    }
    for (const [articleId, reason] of skipped) {
      if (best.chosen.some((s) => s.id === articleId)) continue;
      this.steps.push({ articleId, page: page.number, outcome: "moved-on", reason });
    }
    this.remaining = this.remaining.filter((s) => !best.chosen.includes(s));
  }

  finish(): MakeupResult {
    for (const story of this.remaining) {
      const where = story.section === undefined ? "no page" : `no page of section ${story.section}`;
      const reason = `${where} had room for it`;
      this.issue.report({ articleId: story.id, lines: story.lines.length, reason });
      this.steps.push({ articleId: story.id, outcome: "unplaced", reason });
    }
    const result = this.issue.result();
    const pool = new Set((this.input.pool ?? []).map((s) => s.id));
    for (const jump of result.layout.jumps) {
      if (!pool.has(jump.articleId)) continue;
      this.steps.push({
        articleId: jump.articleId,
        page: jump.fromPage,
        outcome: "jumped",
        reason: `the rest from line ${jump.atLine + 1} did not fit page ${jump.fromPage}: it jumps to page ${jump.toPage}`,
      });
    }
    result.layout.plan = { pages: this.pages, steps: this.steps, trials: this.trials };
    return result;
  }
}
