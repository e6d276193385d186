import { packPage } from "./auto-page";
import { buildModule } from "./build-module";
import { MakeupError } from "./errors";
import type { ModuleFit } from "./fit";
import { checkFixed, fillFixed } from "./fixed-page";
import { type Item, lineCount, sortItems } from "./items";
import { JumpTargets } from "./jump-targets";
import type { Placement } from "./packer";
import { emptyCells, emptyWarnings } from "./page-stats";
import { freeCellCount, freeRegions } from "./regions";
import type { Jump, MakeupInput, MakeupResult, Module, PageInput, PageLayout, Unplaced } from "./types";
import { emptyCellCost } from "./weights";

// The issue, page by page: each page gets its own articles plus the rests jumped to it; what a
// page cannot hold jumps on, and what no later page can take is reported.

/** The rest of a cut article on its way to a later page, and where it was cut. */
interface Continuation {
  item: Item;
  module: Module;
  jump: Jump;
}

interface PageResult {
  placements: Placement[];
  items: Item[];
  dropped: Item[];
  warnings: string[];
}

function checkGrid(input: MakeupInput): void {
  const { grid } = input;
  const whole = Number.isInteger(grid.columns) && Number.isInteger(grid.rows);
  if (!whole || grid.columns < 1 || grid.rows < 1 || grid.columns > 32 || grid.rows > 4000) {
    throw new MakeupError(`grid of ${grid.columns} columns × ${grid.rows} lines is not usable`);
  }
}

function makeUpPage(input: MakeupInput, page: PageInput, items: Item[]): PageResult {
  const { grid } = input;
  const cost = emptyCellCost(freeCellCount(grid, page.reserved));
  if (page.fixed !== undefined) {
    const known = new Set(input.pages.flatMap((p) => p.articles.map((a) => a.id)));
    checkFixed(page, grid, items, page.fixed, known);
    const placed = new Set(page.fixed.map((p) => p.articleId));
    const dropped = items.filter((item) => !placed.has(item.article.id));
    const { placements, warnings } = fillFixed(page, grid, items, page.fixed, cost);
    return { placements, items, dropped, warnings };
  }
  const packing = packPage(items, grid, freeRegions(grid, page.reserved), cost);
  const warnings = packing.hintsIgnored
    ? [`page ${page.number}: the columns/minLines hints could not all be honoured`]
    : [];
  return { ...packing, warnings };
}

class IssueMakeup {
  private readonly targets: JumpTargets;
  private readonly incoming: Continuation[][];
  readonly layouts: PageLayout[] = [];
  readonly jumps: Jump[] = [];
  readonly unplaced: Unplaced[] = [];
  /** Pages with a module cut for lack of room. */
  readonly cutPages = new Set<number>();

  constructor(private readonly input: MakeupInput) {
    this.targets = new JumpTargets(input.pages, input.grid);
    this.incoming = input.pages.map(() => []);
  }

  page(index: number, page: PageInput): void {
    const waiting = this.incoming[index] ?? [];
    const own = page.articles.map((article): Item => ({ article, start: 0, canJump: false }));
    const items = sortItems([...own, ...waiting.map((c) => c.item)]);
    for (const item of items) item.canJump = this.targets.exists(index, item.article.id);
    const result = makeUpPage(this.input, page, items);
    const layout: PageLayout = {
      number: page.number,
      modules: [],
      emptyCells: 0,
      totalCells: freeCellCount(this.input.grid, page.reserved),
      warnings: result.warnings,
    };
    this.layouts.push(layout);
    for (const { item: at, rect, fit } of result.placements) {
      const item = result.items[at];
      if (item === undefined) continue;
      const module = buildModule(item, rect, fit);
      layout.modules.push(module);
      if (fit.cut) this.jumpOn(index, item, module, fit);
    }
    for (const item of result.dropped) {
      layout.warnings.push(`page ${page.number}: no room for article "${item.article.id}"`);
      this.passOn(
        index,
        item,
        waiting.find((c) => c.item === item),
      );
    }
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
      const reason = `page ${page.number}: no later page can take the rest of the article`;
      this.unplaced.push({ articleId: item.article.id, lines: rest, reason });
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
      this.unplaced.push({ articleId: item.article.id, lines: lineCount(item), reason });
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
      this.unplaced.push({ articleId: item.article.id, lines: lost, reason });
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

  /** Empty cells and their warnings, once every jump is settled. */
  finish(): void {
    this.input.pages.forEach((page, index) => {
      const layout = this.layouts[index];
      if (layout === undefined) return;
      const { empty, outside } = emptyCells(this.input.grid, page.reserved, layout.modules);
      layout.emptyCells = empty;
      const cut = this.cutPages.has(index);
      layout.warnings.push(...emptyWarnings(page.number, empty, outside, layout.totalCells, cut));
    });
  }
}

/** Make up every page of the issue. Throws MakeupError for impossible explicit make-up. */
export function makeUp(input: MakeupInput): MakeupResult {
  checkGrid(input);
  const issue = new IssueMakeup(input);
  for (const [index, page] of input.pages.entries()) issue.page(index, page);
  issue.finish();
  const layout = { grid: input.grid, pages: issue.layouts, jumps: issue.jumps };
  return issue.unplaced.length === 0 ? { ok: true, layout } : { ok: false, layout, unplaced: issue.unplaced };
}
