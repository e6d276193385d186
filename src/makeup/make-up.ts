import { packPage } from "./auto-page";
import { buildModule } from "./build-module";
import { MakeupError } from "./errors";
import { checkFixed, fillFixed } from "./fixed-page";
import { type Item, lineCount, sortItems } from "./items";
import { JumpTargets } from "./jump-targets";
import type { Placement } from "./packer";
import { emptyCells, emptyWarning } from "./page-stats";
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
    checkFixed(page, grid, items, page.fixed);
    const placed = new Set(page.fixed.map((p) => p.articleId));
    const dropped = items.filter((item) => !placed.has(item.article.id));
    return { placements: fillFixed(page, grid, items, page.fixed, cost), items, dropped, warnings: [] };
  }
  const packing = packPage(items, grid, freeRegions(grid, page.reserved), cost);
  const warnings = packing.hintsIgnored
    ? [`page ${page.number}: the columns/minLines hints could not all be honoured`]
    : [];
  return { ...packing, warnings };
}

export function makeUp(input: MakeupInput): MakeupResult {
  checkGrid(input);
  const targets = new JumpTargets(input.pages, input.grid);
  const incoming: Continuation[][] = input.pages.map(() => []);
  const layouts: PageLayout[] = [];
  const jumps: Jump[] = [];
  const unplaced: Unplaced[] = [];
  const cutPages = new Set<number>();

  input.pages.forEach((page, index) => {
    const waiting = incoming[index] ?? [];
    const own = page.articles.map((article): Item => ({ article, start: 0, canJump: false }));
    const items = sortItems([...own, ...waiting.map((c) => c.item)]);
    for (const item of items) item.canJump = targets.exists(index, item.article.id);
    const result = makeUpPage(input, page, items);
    const layout: PageLayout = {
      number: page.number,
      modules: [],
      emptyCells: 0,
      totalCells: freeCellCount(input.grid, page.reserved),
      warnings: result.warnings,
    };
    layouts.push(layout);

    for (const { item: at, rect, fit } of result.placements) {
      const item = result.items[at];
      if (item === undefined) continue;
      const module = buildModule(item, rect, fit);
      layout.modules.push(module);
      if (!fit.cut) continue;
      cutPages.add(index);
      const rest = lineCount(item) - fit.lines;
      const atLine = item.start + fit.lines;
      const target = fit.jump ? targets.choose(index, item.article, rest) : undefined;
      const toPage = target === undefined ? undefined : input.pages[target];
      if (target === undefined || toPage === undefined) {
        unplaced.push({
          articleId: item.article.id,
          lines: rest,
          reason: `page ${page.number}: no later page can take the rest of the article`,
        });
        continue;
      }
      module.continuesOn = toPage.number;
      const jump: Jump = { articleId: item.article.id, fromPage: page.number, toPage: toPage.number, atLine };
      jumps.push(jump);
      const next: Item = { article: item.article, start: atLine, continuedFrom: page.number, canJump: false };
      incoming[target]?.push({ item: next, module, jump });
    }

    for (const item of result.dropped) {
      const origin = waiting.find((c) => c.item === item);
      layout.warnings.push(`page ${page.number}: no room for article "${item.article.id}"`);
      const target = origin === undefined ? undefined : targets.choose(index, item.article, lineCount(item));
      const toPage = target === undefined ? undefined : input.pages[target];
      if (origin !== undefined && target !== undefined && toPage !== undefined) {
        // Send the rest on to a later page instead.
        origin.module.continuesOn = toPage.number;
        origin.jump.toPage = toPage.number;
        incoming[target]?.push(origin);
        continue;
      }
      if (origin !== undefined) {
        delete origin.module.continuesOn;
        jumps.splice(jumps.indexOf(origin.jump), 1);
      }
      unplaced.push({
        articleId: item.article.id,
        lines: lineCount(item),
        reason: `page ${page.number}: no room for the article's head and first lines`,
      });
    }
  });

  input.pages.forEach((page, index) => {
    const layout = layouts[index];
    if (layout === undefined) return;
    layout.emptyCells = emptyCells(input.grid, page.reserved, layout.modules);
    const warning = emptyWarning(page.number, layout.emptyCells, layout.totalCells, cutPages.has(index));
    if (warning !== undefined) layout.warnings.push(warning);
  });

  const layout = { grid: input.grid, pages: layouts, jumps };
  return unplaced.length === 0 ? { ok: true, layout } : { ok: false, layout, unplaced };
}
