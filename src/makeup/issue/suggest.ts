import { usablePriority } from "../items";
import { FIX_BEAM, MAX_ADVICE, MAX_FIX_EDITS, MAX_FIX_TRIES } from "../limits";
import { leadOf } from "../rules/lead";
import { maxJumpsOf } from "../rules/max-jumps";
import { rulesOf } from "../rules/settings";
import type { ArticleMetrics, MakeupInput, MakeupResult, PageInput, Unplaced } from "../types";
import { itemCells } from "./estimate";
import { makeUp } from "./make-up";
import type { PageMemo } from "./page-memo";

// What would make an issue that does not fit build: computed, not guessed. The edits an editor
// can make are tried on the whole issue's make-up, alone and then in combinations of up to
// three, the least destructive first — a page's jump allowance, a story moved to a page with
// room, a story let jump, a pool story freed of its section, and only then paragraphs marked
// cuttable — and only combinations that make every page fit (and break no rule the house style
// makes strict) are reported, each checked again exactly as it would be written.

export type Fix =
  /** Move a story to the end of page `to`'s list, from page `from` (absent: from the pool). */
  | { kind: "move"; articleId: string; lines: number; from?: number; to: number }
  /** Allow the jump: drop "jump": false or "jumpTo", or raise the page's "maxJumps". */
  | { kind: "jump"; articleId: string; page: number; change: "jump" | "jumpTo" | "maxJumps"; maxJumps?: number }
  /** Mark these paragraphs (indices into the typeset paragraphs, `lines` body lines) cuttable. */
  | { kind: "cut"; articleId: string; paragraphs: number[]; lines: number }
  /** A pool story: let it go on any page. */
  | { kind: "any-section"; articleId: string; section: string };

export interface Overflow {
  /** The page that is over; absent for pool stories no page took. */
  page?: number;
  /** Lines that did not fit. */
  lines: number;
  articles: string[];
  /** The page with most free lines (one-column cells), if any has some. */
  roomiest?: { page: number; lines: number };
}

export interface Advice {
  overflows: Overflow[];
  /** Edits that together make the whole issue fit, one combination each, least destructive first. */
  combinations: Fix[][];
  /** Make-ups of the issue tried. */
  tried: number;
  /** Every combination of up to MAX_FIX_EDITS of the edits found was tried. */
  complete: boolean;
}

export interface AdviceOptions {
  /** Page make-ups shared with the issue's own (the pages an edit leaves alone are not made up again). */
  memo?: PageMemo;
  /** The caller's clock: false once the search should stop (the make-up itself reads no clock). */
  timeLeft?: () => boolean;
}

/** One edit as the search holds it: how to apply it, how destructive it is, what it touches. */
interface Edit {
  fix: Fix;
  /** The story a cut shortens. */
  article?: ArticleMetrics;
  /** 0 least destructive: maxJumps, move, jump, any-section, cut. */
  rank: number;
  /** Edits on the same story or page setting do not combine. */
  key: string;
  apply: (input: MakeupInput) => MakeupInput;
}

interface Trial {
  edits: Edit[];
  fits: boolean;
  lost: number;
  result?: MakeupResult;
}

/** The input with one article changed wherever it is (on a page or in the pool). */
function withArticle(input: MakeupInput, id: string, change: (a: ArticleMetrics) => ArticleMetrics): MakeupInput {
  return {
    ...input,
    pages: input.pages.map((p) => ({ ...p, articles: p.articles.map((a) => (a.id === id ? change(a) : a)) })),
    pool: input.pool?.map((s) => (s.id === id ? { ...s, ...change(s) } : s)),
  };
}

/** A story moved to the end of page index `to`'s list, from a page or the pool. */
function moved(input: MakeupInput, id: string, to: number): MakeupInput {
  const fromPage = input.pages.find((p) => p.articles.some((a) => a.id === id));
  const found = fromPage?.articles.find((a) => a.id === id) ?? input.pool?.find((s) => s.id === id);
  if (found === undefined) return input;
  const { section: _, ...story } = found as ArticleMetrics & { section?: string };
  return {
    ...input,
    pages: input.pages.map((p, i) => {
      const kept = p.articles.filter((a) => a.id !== id);
      return i === to ? { ...p, articles: [...kept, { ...story, order: kept.length }] } : { ...p, articles: kept };
    }),
    pool: input.pool?.filter((s) => s.id !== id),
  };
}

/** About the free lines (one-column cells) of each page: its type area less its stories at
 *  their whole length (a story that jumps off counts whole: the room is for more material) and
 *  the rests jumped to it. The make-up grows photos to fill a page, so its empty cells say less. */
export function roomByPage(input: MakeupInput, result: MakeupResult): number[] {
  const articles = new Map(
    [...input.pages.flatMap((p) => p.articles), ...(input.pool ?? []), ...(input.fillers ?? [])].map((a) => [a.id, a]),
  );
  const rules = rulesOf(input);
  return result.layout.pages.map((page) => {
    const used = page.modules.reduce((n, m) => {
      const article = articles.get(m.articleId);
      if (article === undefined) return n;
      const start = m.continuedFrom === undefined ? 0 : (m.columns[0]?.start ?? 0);
      return n + itemCells({ article, start, canJump: false, continuedFrom: m.continuedFrom }, input.grid, rules);
    }, 0);
    return Math.max(0, page.totalCells - used);
  });
}

const linesOf = (a: ArticleMetrics, paragraphs: number[]) =>
  a.lines.filter((l) => paragraphs.includes(l.paragraph)).length;

/** The edits worth trying, least destructive first. */
function edits(input: MakeupInput, result: MakeupResult): Edit[] {
  const found: Edit[] = [];
  const unplaced = result.ok ? [] : result.unplaced;
  const overPages = [...new Set(unplaced.flatMap((u) => (u.page === undefined ? [] : [u.page])))];
  const indexOf = (number: number) => input.pages.findIndex((p) => p.number === number);
  const all = [...input.pages.flatMap((p) => p.articles), ...(input.pool ?? [])];
  const article = (id: string) => all.find((a) => a.id === id);
  const lostIds = [...new Set(unplaced.map((u) => u.articleId))];

  // The jump allowance of an over page, or of a page whose stories' rests could not jump.
  const lastIndex = input.pages.length - 1;
  for (const [index, page] of input.pages.entries()) {
    if (index === lastIndex || page.fixed !== undefined) continue;
    const jumps = result.layout.jumps.filter((j) => j.fromPage === page.number).length;
    const max = maxJumpsOf(page);
    if (!overPages.includes(page.number) && jumps < max) continue;
    const story = unplaced.find((u) => u.page === page.number)?.articleId ?? page.articles[0]?.id ?? "";
    for (const raise of [1, 2]) {
      const maxJumps = Math.max(max, jumps) + raise;
      found.push({
        fix: { kind: "jump", articleId: story, page: page.number, change: "maxJumps", maxJumps },
        rank: 0,
        key: `maxJumps:${page.number}`,
        apply: (x) => ({ ...x, pages: x.pages.map((p, i) => (i === index ? { ...p, maxJumps } : p)) }),
      });
    }
  }

  // Moves to the pages with most room: stories of an over page (not its lead, nor pinned), and
  // pool stories no page took; never as the lead of the page they go to.
  const room = roomByPage(input, result);
  const roomy = room
    .map((lines, index) => ({ index, lines }))
    .filter((p) => p.lines > 0 && input.pages[p.index]?.fixed === undefined)
    .sort((a, b) => b.lines - a.lines)
    .slice(0, 3);
  const movable: { story: ArticleMetrics; from?: number }[] = [];
  for (const number of overPages) {
    const page = input.pages[indexOf(number)] as PageInput;
    if (page.fixed !== undefined) continue;
    const pinned = new Set((page.pins ?? []).map((p) => p.articleId));
    const lead = leadOf(page.articles);
    const over = unplaced.filter((u) => u.page === number).reduce((n, u) => n + u.lines, 0);
    // Those that did not fit first, then the shortest that frees as many lines as the page is
    // over, then the longer ones.
    const rank = (x: ArticleMetrics) => (lostIds.includes(x.id) ? 0 : x.lines.length >= over ? 1 : 2);
    const stories = page.articles
      .filter((a) => a !== lead && !pinned.has(a.id))
      .sort(
        (a, b) =>
          rank(a) - rank(b) || (rank(a) === 2 ? b.lines.length - a.lines.length : a.lines.length - b.lines.length),
      );
    for (const story of stories.slice(0, 3)) movable.push({ story, from: number });
  }
  for (const u of unplaced) {
    const story = input.pool?.find((s) => s.id === u.articleId);
    if (story && u.page === undefined) movable.push({ story });
  }
  // The stories a page holds as made up (the pool's included), whose lead a move must not outrank.
  const heldBy = (index: number) => {
    const ids = new Set(result.layout.pages[index]?.modules.map((m) => m.articleId));
    return all.filter((a) => ids.has(a.id));
  };
  for (const { story, from } of movable) {
    for (const target of roomy) {
      const page = input.pages[target.index] as PageInput;
      if (page.number === from) continue;
      if (usablePriority(story.priority) < usablePriority(leadOf(heldBy(target.index))?.priority)) continue;
      found.push({
        fix: {
          kind: "move",
          articleId: story.id,
          lines: story.lines.length,
          ...(from !== undefined ? { from } : {}),
          to: page.number,
        },
        rank: 1,
        key: `story:${story.id}`,
        apply: (x) => moved(x, story.id, target.index),
      });
    }
  }

  // Letting a story that did not fit jump.
  for (const id of lostIds) {
    const a = article(id);
    const page = input.pages.find((p) => p.articles.some((x) => x.id === id))?.number;
    if (a === undefined || page === undefined) continue;
    if (a.jump === false)
      found.push({
        fix: { kind: "jump", articleId: id, page, change: "jump" },
        rank: 2,
        key: `story:${id}`,
        apply: (x) => withArticle(x, id, ({ jump: _, ...rest }) => rest),
      });
    if (a.jumpTo !== undefined)
      found.push({
        fix: { kind: "jump", articleId: id, page, change: "jumpTo" },
        rank: 2,
        key: `story:${id}`,
        apply: (x) => withArticle(x, id, ({ jumpTo: _, ...rest }) => rest),
      });
  }

  // A pool story no page of its section took, on any page.
  for (const u of unplaced) {
    const story = input.pool?.find((s) => s.id === u.articleId);
    if (story?.section === undefined || u.page !== undefined) continue;
    const section = story.section;
    found.push({
      fix: { kind: "any-section", articleId: story.id, section },
      rank: 3,
      key: `story:${story.id}`,
      apply: (x) => ({ ...x, pool: x.pool?.map((s) => (s.id === story.id ? { ...s, section: undefined } : s)) }),
    });
  }

  // Cuts last: of the stories that did not fit, and of the longest stories of an over page (an
  // over-long story is the one to shorten, not the stories it pushed off). Every markable
  // paragraph made cuttable: the make-up cuts only what it must, the last first; those are the
  // paragraphs to mark.
  const longest = overPages.flatMap((number) =>
    [...(input.pages[indexOf(number)]?.articles ?? [])]
      .sort((a, b) => b.lines.length - a.lines.length)
      .slice(0, 2)
      .map((a) => a.id),
  );
  for (const id of [...new Set([...lostIds, ...longest])]) {
    const a = article(id);
    const markable = (a?.markable ?? []).filter((p) => !(a?.cuttable ?? []).includes(p));
    if (a === undefined || markable.length === 0) continue;
    const cuttable = [...(a.cuttable ?? []), ...markable].sort((x, y) => x - y);
    found.push({
      fix: { kind: "cut", articleId: id, paragraphs: markable, lines: linesOf(a, markable) },
      article: a,
      rank: 4,
      key: `cut:${id}`,
      apply: (x) => withArticle(x, id, (s) => ({ ...s, cuttable })),
    });
  }
  return found.sort((a, b) => a.rank - b.rank);
}

/** Lines that found no page, and a count of strict rules broken: how far an input is from fitting. */
function lostOf(input: MakeupInput, result: MakeupResult): number {
  const strict = new Set(rulesOf(input).strict);
  const broken = result.layout.pages.reduce((n, p) => n + p.rules.filter((b) => strict.has(b.rule)).length, 0);
  const lost = result.ok ? 0 : result.unplaced.reduce((n, u) => n + Math.max(1, u.lines), 0);
  return lost + broken;
}

class Search {
  tried = 0;
  private readonly seen = new Map<string, Trial>();

  constructor(
    private readonly input: MakeupInput,
    private readonly options: AdviceOptions,
  ) {}

  /** Whether the budget allows another make-up. */
  open(): boolean {
    return this.tried < MAX_FIX_TRIES && (this.options.timeLeft?.() ?? true);
  }

  /** The issue made up with `edits` applied in order (once per combination). */
  trial(edits: Edit[]): Trial | undefined {
    const key = edits
      .map((e) => JSON.stringify(e.fix))
      .sort()
      .join("|");
    const known = this.seen.get(key);
    if (known) return known;
    if (!this.open()) return undefined;
    this.tried++;
    const input = edits.reduce((x, e) => e.apply(x), this.input);
    let trial: Trial;
    try {
      const result = makeUp(input, this.options.memo);
      const lost = lostOf(input, result);
      trial = { edits, fits: lost === 0, lost, result };
    } catch {
      trial = { edits, fits: false, lost: Number.POSITIVE_INFINITY };
    }
    this.seen.set(key, trial);
    return trial;
  }
}

const compatible = (edits: Edit[]) => new Set(edits.map((e) => e.key)).size === edits.length;
const rankOf = (edits: Edit[]) => edits.reduce((n, e) => n + e.rank, 0);

/** Every combination of `size` of the edits, least destructive first. */
function subsets(all: Edit[], size: number): Edit[][] {
  const out: Edit[][] = [];
  const pick = (from: number, chosen: Edit[]) => {
    if (chosen.length === size) {
      if (compatible(chosen)) out.push(chosen);
      return;
    }
    for (let i = from; i < all.length; i++) pick(i + 1, [...chosen, all[i] as Edit]);
  };
  pick(0, []);
  return out.sort((a, b) => rankOf(a) - rankOf(b));
}

/** Combinations of one more edit than the best smaller ones tried (fewest lines left over),
 *  each with one of the edits that helped alone; least destructive first. */
function extended(all: Edit[], helpful: Edit[], smaller: Trial[]): Edit[][] {
  const out: Edit[][] = [];
  const seen = new Set<string>();
  const best = [...smaller].sort((a, b) => a.lost - b.lost || rankOf(a.edits) - rankOf(b.edits)).slice(0, FIX_BEAM);
  for (const base of best)
    for (const edit of helpful) {
      const edits = [...base.edits, edit];
      const key = edits
        .map((e) => all.indexOf(e))
        .sort((a, b) => a - b)
        .join(",");
      if (base.edits.includes(edit) || !compatible(edits) || seen.has(key)) continue;
      seen.add(key);
      out.push(edits);
    }
  return out.sort((a, b) => rankOf(a) - rankOf(b));
}

/** How many combinations of up to `size` of `n` edits there are. */
function combinationCount(n: number, size: number): number {
  let total = 0;
  let ways = 1;
  for (let k = 1; k <= size; k++) {
    ways = (ways * (n - k + 1)) / k;
    total += ways;
  }
  return total;
}

/** A combination that fits as it will be written, checked again: a cut marks only the paragraphs
 *  the make-up cut, with their lines. Undefined if it does not fit so. */
function confirmed(search: Search, trial: Trial): Fix[] | undefined {
  const cuts = trial.result?.layout.cuts ?? [];
  let changed = false;
  const exact = trial.edits.map((edit): Edit => {
    const { fix, article } = edit;
    if (fix.kind !== "cut" || article === undefined) return edit;
    const cut = cuts.filter((c) => c.articleId === fix.articleId).flatMap((c) => c.paragraphs);
    const paragraphs = cut.filter((p) => fix.paragraphs.includes(p)).sort((a, b) => a - b);
    changed = true;
    const cuttable = [...new Set([...(article.cuttable ?? []), ...paragraphs])].sort((a, b) => a - b);
    return {
      ...edit,
      fix: { ...fix, paragraphs, lines: linesOf(article, paragraphs) },
      apply: (x) => withArticle(x, fix.articleId, (a) => ({ ...a, cuttable })),
    };
  });
  if (exact.some((e) => e.fix.kind === "cut" && e.fix.paragraphs.length === 0)) return undefined;
  const again = changed ? search.trial(exact) : trial;
  return again?.fits ? exact.map((e) => e.fix) : undefined;
}

/** For each page that is over, and for pool stories no page took: how much, and where there is
 *  room; and the combinations of edits, up to three, that make the whole issue fit. */
export function adviseFixes(input: MakeupInput, result: MakeupResult, options: AdviceOptions = {}): Advice {
  const overflows = overflowsOf(input, result);
  const base = lostOf(input, result);
  if (base === 0) return { overflows, combinations: [], tried: 0, complete: true };
  const all = edits(input, result);
  const search = new Search(input, options);
  const found: Fix[][] = [];
  let previous: Trial[] = [];
  let helpful: Edit[] = [];
  let complete = true;
  for (let size = 1; size <= MAX_FIX_EDITS && found.length === 0; size++) {
    // Every combination while there are few; else the best smaller ones, one edit more.
    const every = combinationCount(all.length, size) <= MAX_FIX_TRIES;
    if (!every) complete = false;
    const candidates = every ? subsets(all, size) : extended(all, helpful, previous);
    const tried: Trial[] = [];
    for (const edits of candidates) {
      const trial = search.trial(edits);
      if (trial === undefined) {
        complete = false;
        break;
      }
      tried.push(trial);
      const fixes = trial.fits ? confirmed(search, trial) : undefined;
      if (fixes) found.push(fixes);
      if (found.length >= MAX_ADVICE) break;
    }
    if (size === 1) {
      // The edits that brought the issue closer to fitting are the ones worth combining.
      helpful = tried.filter((t) => t.lost < base).map((t) => t.edits[0] as Edit);
      // An edit may place its story and push another off (a story moved onto a page with room
      // leaves no room there for the next): that other story's own edits pair with it.
      const followUps = tried.flatMap((t) => (t.fits ? [] : followUpEdits(input, t)));
      const known = new Set(all.map((e) => JSON.stringify(e.fix)));
      const fresh = followUps.filter((e) => !known.has(JSON.stringify(e.fix)) && known.add(JSON.stringify(e.fix)));
      // Only while every pair can still be tried: a larger search would crowd out the edits found first.
      if (combinationCount(all.length + fresh.length, 2) <= MAX_FIX_TRIES) {
        all.push(...fresh.slice(0, FIX_BEAM));
        all.sort((a, b) => a.rank - b.rank);
      }
      if (helpful.length < 2) helpful = [...new Set([...helpful, ...all.slice(0, FIX_BEAM)])];
    }
    previous = tried;
  }
  return { overflows, combinations: found, tried: search.tried, complete: complete && found.length === 0 };
}

/** The edits of what a one-edit trial left unplaced, for stories that edit did not touch (so
 *  that they apply to the issue as it is): never cuts, which come only from the issue itself. */
function followUpEdits(input: MakeupInput, trial: Trial): Edit[] {
  if (trial.result === undefined || trial.result.ok) return [];
  const touched = new Set(trial.edits.map((e) => e.fix.articleId));
  const changed = trial.edits.reduce((x, e) => e.apply(x), input);
  return edits(changed, trial.result).filter((e) => e.fix.kind !== "cut" && !touched.has(e.fix.articleId));
}

function overflowsOf(input: MakeupInput, result: MakeupResult): Overflow[] {
  if (result.ok) return [];
  const byPage = new Map<number | undefined, Unplaced[]>();
  for (const u of result.unplaced) byPage.set(u.page, [...(byPage.get(u.page) ?? []), u]);
  const room = roomByPage(input, result);
  return [...byPage.entries()]
    .sort(([a], [b]) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY))
    .map(([page, lost]) => {
      const roomiest = result.layout.pages
        .map((p, i) => ({ page: p.number, lines: room[i] ?? 0 }))
        .filter((p) => p.page !== page && p.lines > 0)
        .reduce<{ page: number; lines: number } | undefined>(
          (best, p) => (best && best.lines >= p.lines ? best : p),
          undefined,
        );
      return {
        ...(page !== undefined ? { page } : {}),
        lines: lost.reduce((n, u) => n + u.lines, 0),
        articles: lost.map((u) => u.articleId),
        ...(roomiest ? { roomiest } : {}),
      };
    });
}
