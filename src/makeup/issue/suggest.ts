import { usablePriority } from "../items";
import { MAX_FIX_MOVES, MAX_FIX_TRIES } from "../limits";
import { leadOf } from "../rules/lead";
import { maxJumpsOf } from "../rules/max-jumps";
import type { ArticleMetrics, MakeupInput, MakeupResult, PageInput, Unplaced } from "../types";
import { itemCells } from "./estimate";
import { makeUp } from "./make-up";

// What would make an issue that does not fit build: computed, not guessed. For each page that is
// over (and for pool stories no page took), the edits an editor can make are tried on the whole
// issue's make-up, and only those that make every page fit are reported: move a story of the
// page to a page with room, let a story jump, mark paragraphs cuttable, free a pool story of its
// section.

export type Fix =
  | { kind: "move"; articleId: string; lines: number; from: number; to: number }
  /** Allow the jump: drop "jump": false or "jumpTo", or raise the page's "maxJumps". */
  | { kind: "jump"; articleId: string; page: number; change: "jump" | "jumpTo" | "maxJumps"; maxJumps?: number }
  /** Mark these paragraphs (indices into the typeset paragraphs) cuttable. */
  | { kind: "cut"; articleId: string; paragraphs: number[] }
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
  fixes: Fix[];
}

type Variant = (input: MakeupInput) => MakeupInput;

/** The input with one article changed wherever it is (on a page or in the pool). */
function withArticle(input: MakeupInput, id: string, change: (a: ArticleMetrics) => ArticleMetrics): MakeupInput {
  return {
    ...input,
    pages: input.pages.map((p) => ({ ...p, articles: p.articles.map((a) => (a.id === id ? change(a) : a)) })),
    pool: input.pool?.map((s) => (s.id === id ? { ...s, ...change(s) } : s)),
  };
}

function moved(input: MakeupInput, id: string, from: number, to: number): MakeupInput {
  const story = input.pages[from]?.articles.find((a) => a.id === id);
  if (story === undefined) return input;
  return {
    ...input,
    pages: input.pages.map((p, i) => {
      if (i === from) return { ...p, articles: p.articles.filter((a) => a.id !== id) };
      if (i === to) return { ...p, articles: [...p.articles, { ...story, order: p.articles.length }] };
      return p;
    }),
  };
}

class Search {
  tries = 0;
  constructor(private readonly input: MakeupInput) {}

  /** The make-up with the change, if it fits every page. */
  fits(variant: Variant): MakeupResult | undefined {
    if (this.tries >= MAX_FIX_TRIES) return undefined;
    this.tries++;
    try {
      const result = makeUp(variant(this.input));
      return result.ok ? result : undefined;
    } catch {
      return undefined;
    }
  }
}

/** About the free lines (one-column cells) of each page: its type area less its stories at
 *  their whole length (a story that jumps off counts whole: the room is for more material) and
 *  the rests jumped to it. The make-up grows photos to fill a page, so its empty cells say less. */
export function roomByPage(input: MakeupInput, result: MakeupResult): number[] {
  const articles = new Map(
    [...input.pages.flatMap((p) => p.articles), ...(input.pool ?? []), ...(input.fillers ?? [])].map((a) => [a.id, a]),
  );
  return result.layout.pages.map((page) => {
    const used = page.modules.reduce((n, m) => {
      const article = articles.get(m.articleId);
      if (article === undefined) return n;
      const start = m.continuedFrom === undefined ? 0 : (m.columns[0]?.start ?? 0);
      return n + itemCells({ article, start, canJump: false, continuedFrom: m.continuedFrom }, input.grid);
    }, 0);
    return Math.max(0, page.totalCells - used);
  });
}

/** The stories of an over page worth moving, and the pages to move them to. */
function moves(input: MakeupInput, room: number[], index: number, over: number, lost: string[]) {
  const page = input.pages[index] as PageInput;
  const pinned = new Set((page.pins ?? []).map((p) => p.articleId));
  const lead = leadOf(page.articles);
  // Not the page's lead, nor a pinned story; those that did not fit first, then the shortest
  // that frees as many lines as the page is over, then the longer ones.
  const stories = page.articles
    .filter((a) => a !== lead && !pinned.has(a.id) && page.fixed === undefined)
    .sort((a, b) => {
      const rank = (x: ArticleMetrics) => (lost.includes(x.id) ? 0 : x.lines.length >= over ? 1 : 2);
      return rank(a) - rank(b) || (rank(a) === 2 ? b.lines.length - a.lines.length : a.lines.length - b.lines.length);
    });
  const free = room
    .map((lines, i) => ({ index: i, lines }))
    .filter((p) => p.index !== index && input.pages[p.index]?.fixed === undefined && p.lines > 0)
    .sort((a, b) => b.lines - a.lines);
  return { stories, free };
}

function pageFixes(input: MakeupInput, result: MakeupResult, search: Search, index: number, lost: Unplaced[]): Fix[] {
  const page = input.pages[index] as PageInput;
  const over = lost.reduce((n, u) => n + u.lines, 0);
  const fixes: Fix[] = [];
  const room = roomByPage(input, result);
  const { stories, free } = moves(
    input,
    room,
    index,
    over,
    lost.map((u) => u.articleId),
  );
  for (const story of stories.slice(0, 3)) {
    if (fixes.length >= MAX_FIX_MOVES) break;
    const leadPriority = (i: number) => usablePriority(leadOf((input.pages[i] as PageInput).articles)?.priority);
    // It must not become the lead of the page it goes to.
    const target = free
      .slice(0, 2)
      .find(
        (p) =>
          usablePriority(story.priority) >= leadPriority(p.index) &&
          search.fits((x) => moved(x, story.id, index, p.index)),
      );
    const to = target === undefined ? undefined : input.pages[target.index]?.number;
    if (to !== undefined)
      fixes.push({ kind: "move", articleId: story.id, lines: story.lines.length, from: page.number, to });
  }
  for (const u of lost) {
    const article = page.articles.find((a) => a.id === u.articleId);
    if (article === undefined) continue;
    if (article.jump === false && search.fits((x) => withArticle(x, article.id, ({ jump: _, ...a }) => a)))
      fixes.push({ kind: "jump", articleId: article.id, page: page.number, change: "jump" });
    if (article.jumpTo !== undefined && search.fits((x) => withArticle(x, article.id, ({ jumpTo: _, ...a }) => a)))
      fixes.push({ kind: "jump", articleId: article.id, page: page.number, change: "jumpTo" });
  }
  const jumps = result.layout.jumps.filter((j) => j.fromPage === page.number).length;
  const maxJumps = maxJumpsOf(page);
  const lastIndex = input.pages.length - 1;
  if (jumps >= maxJumps && index < lastIndex) {
    const raised = (x: MakeupInput) => ({
      ...x,
      pages: x.pages.map((p, i) => (i === index ? { ...p, maxJumps: maxJumps + 1 } : p)),
    });
    const first = lost[0];
    if (first && search.fits(raised))
      fixes.push({
        kind: "jump",
        articleId: first.articleId,
        page: page.number,
        change: "maxJumps",
        maxJumps: maxJumps + 1,
      });
  }
  return [...fixes, ...cutFixes(input, search, lost)];
}

/** Each story that did not fit, with all its markable paragraphs cuttable: the make-up cuts
 *  only what it must (the last first), and those are the ones to mark. */
function cutFixes(input: MakeupInput, search: Search, lost: Unplaced[]): Fix[] {
  const fixes: Fix[] = [];
  const all = [...input.pages.flatMap((p) => p.articles), ...(input.pool ?? [])];
  for (const u of lost) {
    const article = all.find((a) => a.id === u.articleId);
    const markable = (article?.markable ?? []).filter((p) => !(article?.cuttable ?? []).includes(p));
    if (article === undefined || markable.length === 0) continue;
    const cuttable = [...(article.cuttable ?? []), ...markable].sort((a, b) => a - b);
    const fitted = search.fits((x) => withArticle(x, article.id, (a) => ({ ...a, cuttable })));
    const cut = fitted?.layout.cuts.filter((c) => c.articleId === article.id).flatMap((c) => c.paragraphs) ?? [];
    const paragraphs = cut.filter((p) => markable.includes(p));
    if (fitted && paragraphs.length > 0) fixes.push({ kind: "cut", articleId: article.id, paragraphs });
  }
  return fixes;
}

function poolFixes(input: MakeupInput, search: Search, lost: Unplaced[]): Fix[] {
  const fixes: Fix[] = [];
  for (const u of lost) {
    const story = input.pool?.find((s) => s.id === u.articleId);
    if (story?.section === undefined) continue;
    const section = story.section;
    const free = (x: MakeupInput) => ({
      ...x,
      pool: x.pool?.map((s) => (s.id === story.id ? { ...s, section: undefined } : s)),
    });
    if (search.fits(free)) fixes.push({ kind: "any-section", articleId: story.id, section });
  }
  return [...fixes, ...cutFixes(input, search, lost)];
}

/** For each page that is over, and for pool stories no page took: how much, where there is room,
 *  and the edits that make the whole issue fit. */
export function suggestFixes(input: MakeupInput, result: MakeupResult): Overflow[] {
  if (result.ok) return [];
  const byPage = new Map<number | undefined, Unplaced[]>();
  for (const u of result.unplaced) byPage.set(u.page, [...(byPage.get(u.page) ?? []), u]);
  const room = roomByPage(input, result);
  const search = new Search(input);
  return [...byPage.entries()]
    .sort(([a], [b]) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY))
    .map(([page, lost]) => {
      const index = input.pages.findIndex((p) => p.number === page);
      const roomiest = result.layout.pages
        .map((p, i) => ({ page: p.number, lines: room[i] ?? 0 }))
        .filter((p) => p.page !== page && p.lines > 0)
        .reduce<{ page: number; lines: number } | undefined>(
          (best, p) => (best && best.lines >= p.lines ? best : p),
          undefined,
        );
      const fixes = index >= 0 ? pageFixes(input, result, search, index, lost) : poolFixes(input, search, lost);
      return {
        ...(page !== undefined ? { page } : {}),
        lines: lost.reduce((n, u) => n + u.lines, 0),
        articles: lost.map((u) => u.articleId),
        ...(roomiest ? { roomiest } : {}),
        fixes,
      };
    });
}
