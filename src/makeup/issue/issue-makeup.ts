import { warning } from "../../diagnostics";
import { MakeupError } from "../errors";
import { type Item, isContinuation, lineCount } from "../items";
import { MAX_GRID_COLUMNS, MAX_GRID_ROWS, MAX_PAGE_ATTEMPTS, MAX_POOL_REPAIRS } from "../limits";
import { buildModule } from "../module/build-module";
import type { ModuleFit } from "../module/module-fit";
import { emptyOf, makeUpPage, type PageResult } from "../page/page-makeup";
import { emptyCells } from "../page/page-stats";
import { tallHeads } from "../rules/head-lines";
import { jumpStubs } from "../rules/jump-stub";
import { leadBreaks, leadByWeight, readingOrder } from "../rules/lead";
import { shortLegs } from "../rules/legs";
import { maxJumpsOf } from "../rules/max-jumps";
import { emptyWarnings, isFull, pageFill } from "../rules/page-fill";
import { enlargedPhotos } from "../rules/photo-resolution";
import { rulesOf } from "../rules/settings";
import { tombstones } from "../rules/tombstones";
import type {
  ArticleMetrics,
  Cut,
  Jump,
  Layout,
  MakeupInput,
  MakeupResult,
  MakeupRules,
  Module,
  PageInput,
  PageLayout,
  Unplaced,
} from "../types";
import { nextCut, withCuts } from "./copyfit";
import { itemCells } from "./estimate";
import { JumpTargets } from "./jump-targets";
import { PageMemo } from "./page-memo";
import { storyArea } from "./pool";

// The issue, page by page: each page gets its own articles plus the rests jumped to it. On each
// page the make-up first tries the page as it is; then, where the editor allowed it, drops
// cuttable paragraphs instead of jumping or failing, keeps to the page's most jumps, and sets
// fillers where the page is short of material. What a page cannot hold jumps on (only from the
// page where the story starts: no story is split across more than two pages), and what no later
// page can take is reported.

/** The rest of a cut article on its way to a later page, and where it was cut. */
interface Continuation {
  item: Item;
  module: Module;
  jump: Jump;
}

/** The choices the make-up of one page can change between attempts. */
export interface PageChoices {
  /** Paragraphs dropped per article. */
  cuts: Map<string, number[]>;
  /** Articles not allowed to jump off this page. */
  noJump: Set<string>;
  fillers: ArticleMetrics[];
  /** Articles whose cuts could not keep them from jumping or failing: they keep their text. */
  uncut: Set<string>;
}

export function checkGrid(input: MakeupInput): void {
  const { grid } = input;
  const whole = Number.isInteger(grid.columns) && Number.isInteger(grid.rows);
  if (!whole || grid.columns < 1 || grid.rows < 1 || grid.columns > MAX_GRID_COLUMNS || grid.rows > MAX_GRID_ROWS) {
    throw new MakeupError(`grid of ${grid.columns} columns × ${grid.rows} lines is not usable`);
  }
}

const cutsOf = (result: PageResult) => result.placements.filter((p) => p.fit.cut);

/** A page solved with the editor's allowances, not yet committed to the issue. */
export interface SolvedPage {
  result: PageResult;
  choices: PageChoices;
}

/** The issue's make-up, one page at a time in page order (the pool planner tries pages first). */
export class IssueMakeup {
  private readonly targets: JumpTargets;
  private readonly incoming: Continuation[][];
  private readonly issueIds: Set<string>;
  /** Every article that can be on a page, by id (the pages' own and the pool's). */
  private readonly originals: Map<string, ArticleMetrics>;
  readonly layouts: PageLayout[] = [];
  /** Cells settled to the foot of columns, by page index (page/settle.ts). */
  private readonly settled: number[] = [];
  readonly jumps: Jump[] = [];
  readonly unplaced: Unplaced[] = [];
  readonly cuts: Cut[] = [];
  /** Fillers not used yet, in order. */
  readonly fillers: ArticleMetrics[];
  /** Pages with a module cut for lack of room. */
  readonly cutPages = new Set<number>();
  /** The lead of each committed page, by index: the article its rules are checked for. */
  private readonly leads = new Map<number, string>();
  private readonly rules: MakeupRules;

  /** `kept`: "page:article" — stories that may not jump off that page (a repair of an earlier
   *  make-up whose rest pushed another page's text off it). */
  constructor(
    private readonly input: MakeupInput,
    private readonly memo?: PageMemo,
    private readonly kept: ReadonlySet<string> = new Set(),
  ) {
    this.rules = rulesOf(input);
    this.targets = new JumpTargets(input.pages, input.grid, this.rules);
    this.incoming = input.pages.map(() => []);
    const articles = [...input.pages.flatMap((p) => p.articles), ...(input.pool ?? [])];
    this.originals = new Map(articles.map((a) => [a.id, a]));
    this.issueIds = new Set(this.originals.keys());
    this.fillers = [...(input.fillers ?? [])];
  }

  /** The rests jumped to page `index` so far. */
  incomingItems(index: number): Item[] {
    return (this.incoming[index] ?? []).map((c) => c.item);
  }

  /** Page `index` made up with `page`'s articles (fillers not yet added), committing nothing. */
  trial(index: number, page: PageInput): SolvedPage {
    return this.solve(index, page, false);
  }

  private attempt(index: number, page: PageInput, choices: PageChoices): PageResult {
    const waiting = (this.incoming[index] ?? []).map((c) => c.item);
    const own = [...page.articles, ...choices.fillers].map(
      (a): Item => ({ article: withCuts(a, choices.cuts.get(a.id) ?? []), start: 0, canJump: false }),
    );
    const { grid } = this.input;
    const pinned = new Set((page.pins ?? []).map((pin) => pin.articleId));
    const size = (item: Item) => itemCells(item, grid, this.rules);
    const items = leadByWeight(readingOrder([...own, ...waiting]), size, pinned, storyArea(page, grid));
    for (const item of items) item.canJump = this.mayJump(index, item, choices);
    if (!this.memo) return makeUpPage(grid, this.rules, page, items, this.issueIds);
    // The same page with the same material comes out the same: an earlier make-up's is reused.
    const { articles: _, ...frame } = page;
    const key = JSON.stringify([grid, this.rules, frame, items]);
    const known = this.memo.get(key);
    if (known) return known;
    const result = makeUpPage(grid, this.rules, page, items, this.issueIds);
    this.memo.set(key, result);
    return result;
  }

  private mayJump(index: number, item: Item, choices: PageChoices): boolean {
    const a = item.article;
    if (isContinuation(item) || a.filler || a.jump === false || choices.noJump.has(a.id)) return false;
    return this.targets.exists(index, a.id, a.jumpTo);
  }

  /** The page with the editor's allowances used where they help: cuts, fewer jumps, fillers. */
  private solve(index: number, page: PageInput, withFillers = true): SolvedPage {
    const kept = page.articles.filter((a) => this.kept.has(`${page.number}:${a.id}`)).map((a) => a.id);
    const choices: PageChoices = { cuts: new Map(), noJump: new Set(kept), fillers: [], uncut: new Set() };
    let result = this.attempt(index, page, choices);
    for (let n = 0; n < MAX_PAGE_ATTEMPTS; n++) {
      const changed = this.cutParagraph(result, choices) || this.limitJumps(page, result, choices);
      if (!changed) break;
      result = this.attempt(index, page, choices);
    }
    return { result: withFillers ? this.addFillers(index, page, result, choices) : result, choices };
  }

  /** Drops one more cuttable paragraph where a story would jump, lose text or find no room; gives
   *  a story back its text when all its cuts did not save it from jumping or failing. */
  private cutParagraph(result: PageResult, choices: PageChoices): boolean {
    const troubled = [...cutsOf(result).map((p) => result.items[p.item] as Item), ...result.dropped];
    const original = (id: string) => this.originals.get(id);
    for (const item of troubled) {
      const id = item.article.id;
      const cut = choices.cuts.get(id);
      const model = original(id);
      if (cut && model && nextCut(model, cut) === undefined && !choices.uncut.has(id)) {
        choices.cuts.delete(id);
        choices.uncut.add(id);
        return true;
      }
    }
    // The stories in trouble first; when one has nothing to cut, any story of the page may give
    // room, the least important first.
    const others = [...result.items].sort((a, b) => b.article.priority - a.article.priority);
    const needRoom = result.dropped.length > 0 || cutsOf(result).some((p) => !p.fit.jump);
    for (const item of needRoom ? [...troubled, ...others] : troubled) {
      const id = item.article.id;
      if (isContinuation(item) || item.article.filler || choices.uncut.has(id)) continue;
      const model = original(id);
      const cut = choices.cuts.get(id) ?? [];
      const next = model ? nextCut(model, cut) : undefined;
      if (next === undefined) continue;
      choices.cuts.set(id, [...cut, next]);
      return true;
    }
    return false;
  }

  /** More stories jump than the page allows: the one with the shortest rest must fit instead. */
  private limitJumps(page: PageInput, result: PageResult, choices: PageChoices): boolean {
    const jumping = cutsOf(result).filter((p) => p.fit.jump);
    if (jumping.length <= maxJumpsOf(page)) return false;
    const rest = (p: { item: number; fit: ModuleFit }) => lineCount(result.items[p.item] as Item) - p.fit.lines;
    const shortest = jumping.reduce((a, b) => (rest(b) < rest(a) ? b : a));
    const id = result.items[shortest.item]?.article.id;
    if (id === undefined || choices.noJump.has(id)) return false;
    choices.noJump.add(id);
    return true;
  }

  /** A page short of material takes the next fillers that fit whole, in their order. */
  private addFillers(index: number, page: PageInput, result: PageResult, choices: PageChoices): PageResult {
    let best = result;
    for (const filler of this.fillers) {
      if (cutsOf(best).length > 0 || best.dropped.length > 0) break;
      if (isFull(emptyOf(best), best.freeCells, this.rules.maxEmptyShare)) break;
      choices.fillers.push(filler);
      const next = this.attempt(index, page, choices);
      if (cutsOf(next).length === 0 && next.dropped.length === 0 && emptyOf(next) < emptyOf(best)) {
        best = next;
      } else {
        choices.fillers.pop();
      }
    }
    return best;
  }

  /** Makes up page `index` and commits it: its modules, cuts and jumps; `tried`, a trial of
   *  the same page, saves solving it again (fillers are added to it). */
  page(index: number, page: PageInput, tried?: SolvedPage): PageResult {
    const waiting = this.incoming[index] ?? [];
    const { result, choices } = tried
      ? { result: this.addFillers(index, page, tried.result, tried.choices), choices: tried.choices }
      : this.solve(index, page);
    for (const filler of choices.fillers) this.fillers.splice(this.fillers.indexOf(filler), 1);
    for (const [articleId, paragraphs] of choices.cuts) {
      this.cuts.push({ articleId, page: page.number, paragraphs: [...paragraphs].sort((a, b) => a - b) });
    }
    const layout: PageLayout = {
      number: page.number,
      modules: [],
      boxes: [...result.boxes],
      fillers: [],
      tombstones: [],
      rules: [],
      emptyCells: 0,
      totalCells: result.freeCells,
      warnings: [...result.warnings],
    };
    this.layouts.push(layout);
    this.settled[index] = result.settledCells;
    const lead = result.items[0];
    if (lead !== undefined && !isContinuation(lead)) this.leads.set(index, lead.article.id);
    for (const { item: at, rect, fit } of result.placements) {
      const item = result.items[at];
      if (item === undefined) continue;
      const origin = result.pinned.has(at) ? (page.fixed ? "fixed" : "pinned") : "auto";
      const module = buildModule(item, rect, fit, this.rules.minLegLines, origin);
      layout.modules.push(module);
      if (item.article.filler) layout.fillers.push(item.article.id);
      if (fit.cut) this.jumpOn(index, item, module, fit);
    }
    layout.tombstones = tombstones(layout.modules);
    for (const item of result.dropped) {
      if (item.article.filler) continue;
      const articleId = item.article.id;
      layout.warnings.push(warning(`no room for article "${articleId}"`, { page: page.number, articleId }));
      this.passOn(
        index,
        item,
        waiting.find((c) => c.item.article.id === item.article.id && c.item.start === item.start),
      );
    }
    return result;
  }

  /** A module cut for lack of room: its rest jumps to a later page, or is reported. */
  private jumpOn(index: number, item: Item, module: Module, fit: ModuleFit): void {
    const page = this.input.pages[index] as PageInput;
    this.cutPages.add(index);
    const rest = lineCount(item) - fit.lines;
    const atLine = item.start + fit.lines;
    const target = fit.jump ? this.targets.choose(index, item.article, rest) : undefined;
    const toPage = target === undefined ? undefined : this.input.pages[target];
    if (target === undefined || toPage === undefined) {
      const reason =
        item.article.jump === false
          ? `page ${page.number}: it may not jump ("jump": false) and does not fit its page`
          : isContinuation(item)
            ? `page ${page.number}: the rest jumped from page ${item.continuedFrom} does not fit here (a story jumps once)`
            : `page ${page.number}: no later page can take the rest of the article`;
      this.unplaced.push({ articleId: item.article.id, lines: rest, reason, page: page.number });
      return;
    }
    module.continuesOn = toPage.number;
    const jump: Jump = { articleId: item.article.id, fromPage: page.number, toPage: toPage.number, atLine };
    this.jumps.push(jump);
    const next: Item = { article: item.article, start: atLine, continuedFrom: page.number, canJump: false };
    this.incoming[target]?.push({ item: next, module, jump });
  }

  /** An item the page had no room for: a jumped rest goes on to a later page if one can take
   *  it; otherwise it, or the whole article, is reported. */
  private passOn(index: number, item: Item, origin: Continuation | undefined): void {
    const number = this.input.pages[index]?.number;
    if (origin === undefined) {
      const reason = `page ${number}: no room for the article's head and first lines`;
      this.unplaced.push({ articleId: item.article.id, lines: lineCount(item), reason, page: number });
      return;
    }
    const target = this.targets.choose(index, item.article, lineCount(item));
    const toPage = target === undefined ? undefined : this.input.pages[target];
    if (target !== undefined && toPage !== undefined) {
      origin.module.continuesOn = toPage.number;
      origin.jump.toPage = toPage.number;
      this.incoming[target]?.push(origin);
      return;
    }
    const lost = this.cancelJump(origin);
    if (lost > 0) {
      const reason = `page ${number}: no room for the rest jumped from page ${origin.jump.fromPage}`;
      this.unplaced.push({ articleId: item.article.id, lines: lost, reason, page: number });
    }
  }

  /** A jump whose rest found no page: drop the jump line and set one more line in its row,
   *  so the page it came from stays full. Returns the lines still left over. */
  private cancelJump(origin: Continuation): number {
    delete origin.module.continuesOn;
    this.jumps.splice(this.jumps.indexOf(origin.jump), 1);
    const last = origin.module.columns.at(-1);
    const line = origin.item.article.lines[origin.item.start];
    // Not if that would end the column on a subhead.
    if (last === undefined || line === undefined || line.keepWithNext) return lineCount(origin.item);
    last.end += 1;
    return lineCount(origin.item) - 1;
  }

  /** Empty cells and their warnings, and the editorial rules each page breaks, once every jump
   *  is settled. */
  private finish(): void {
    const { grid, pages } = this.input;
    const articles = new Map([...this.originals, ...(this.input.fillers ?? []).map((f) => [f.id, f] as const)]);
    pages.forEach((page, index) => {
      const layout = this.layouts[index];
      if (layout === undefined) return;
      const taken = [...page.reserved, ...layout.boxes];
      const { empty, outside: uncovered } = emptyCells(grid, taken, layout.modules);
      // Blank rows settled at the foot of columns are the page's shortage, not an area no module fits.
      const outside = Math.max(0, uncovered - (this.settled[index] ?? 0));
      layout.emptyCells = empty;
      const cut = this.cutPages.has(index);
      const share = this.rules.maxEmptyShare;
      layout.warnings.push(...emptyWarnings(page.number, empty, outside, layout.totalCells, cut, share));
      const { modules } = layout;
      layout.rules = [
        ...leadBreaks(modules, this.leads.get(index), taken),
        ...jumpStubs(modules, this.rules),
        ...shortLegs(modules, this.rules),
        ...tallHeads(modules, articles, grid.columns, this.rules),
        ...enlargedPhotos(modules, articles, grid, this.rules),
        ...pageFill(pages, index, empty, layout.totalCells, this.rules),
      ];
    });
  }

  /** Material that fits nowhere, found by whoever drives the pages (the pool planner). */
  report(unplaced: Unplaced): void {
    this.unplaced.push(unplaced);
  }

  /** The issue made up: settles the empty cells, then the layout and what did not fit. */
  result(): MakeupResult {
    this.finish();
    const layout: Layout = {
      grid: this.input.grid,
      pages: this.layouts,
      jumps: this.jumps,
      cuts: this.cuts,
      unusedFillers: this.fillers.map((f) => f.id),
    };
    return this.unplaced.length === 0 ? { ok: true, layout } : { ok: false, layout, unplaced: this.unplaced };
  }
}

/** Make up every page of the issue with the articles the editor put on it (no pool). Where a
 *  story's jumped rest made a later page lose text, the issue is made up again with that story
 *  kept on its own page, as long as that loses fewer lines. Throws MakeupError for impossible
 *  ads, pins or explicit make-up. */
export function makeUpPages(input: MakeupInput, memo?: PageMemo): MakeupResult {
  checkGrid(input);
  // A repair makes the pages before the first story kept the same again: they are remembered.
  let pages = memo;
  const run = (kept: ReadonlySet<string>) => {
    const issue = new IssueMakeup(input, pages, kept);
    for (const [index, page] of input.pages.entries()) issue.page(index, page);
    return issue.result();
  };
  let kept = new Set<string>();
  let best = run(kept);
  for (let round = 0; round < MAX_POOL_REPAIRS && !best.ok; round++) {
    const next = new Set(kept);
    for (const lost of best.unplaced)
      for (const jump of best.layout.jumps)
        if (jump.toPage === lost.page) next.add(`${jump.fromPage}:${jump.articleId}`);
    if (next.size === kept.size) break;
    pages ??= new PageMemo();
    const tried = run(next);
    if (lostLines(tried) >= lostLines(best)) break;
    best = tried;
    kept = next;
  }
  return best;
}

/** Lines a make-up could not place. */
export function lostLines(result: MakeupResult): number {
  return result.ok ? 0 : result.unplaced.reduce((n, u) => n + Math.max(1, u.lines), 0);
}
