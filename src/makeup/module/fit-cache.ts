import { RULE_BREAK } from "../costs";
import { headRowsAt, type Item, imagesOf, isContinuation, lineCount } from "../items";
import { type PhotoChoice, photoLayouts } from "../photos/photo-layouts";
import { tallHead } from "../rules/head-lines";
import type { Grid, SideHead } from "../types";
import { type FitPrices, fitLeaf, type ModuleFit, naturalFits } from "./module-fit";

// The fits of one page's items, cached: the packer asks for the same ones many times. An item with a
// vertical head (竖排) is fitted in the columns left of its head and widened by the head's columns;
// its module is at least as tall as the head. A module too narrow for its headline's lines pays
// for it (rules/head-lines.ts).

export interface FitOptions extends FitPrices {
  grid: Grid;
  /** Honour the editor's columns/minLines hints. */
  hints: boolean;
}

export class FitCache {
  private readonly variantCache = new Map<number, ModuleFit[]>();
  private readonly leafCache = new Map<number, ModuleFit | null>();
  private readonly topCache = new Map<number, ModuleFit[]>();

  constructor(
    readonly items: Item[],
    private readonly options: FitOptions,
  ) {}

  /** Decide the cost of lost text before the first leaf is fitted (leaves are cached). */
  setLostCost(cost: number): void {
    this.options.lostCost = cost;
  }

  /** The span hint of item i, if honoured. */
  hintedSpan(i: number): number | undefined {
    const hint = this.items[i]?.article.columns;
    if (!this.options.hints || hint === undefined || hint < 1 || hint > this.options.grid.columns) {
      return undefined;
    }
    return hint;
  }

  private minRows(item: Item): number {
    const hint = item.article.minLines;
    return this.options.hints && hint !== undefined ? Math.max(1, hint) : 1;
  }

  private layouts(item: Item, span: number): PhotoChoice[][] {
    return photoLayouts(imagesOf(item), span, this.options.grid, this.options.rules);
  }

  /** What a module `span` wide pays for a headline over its lines there (not a continuation's). */
  private headCost(item: Item, span: number): number {
    if (isContinuation(item)) return 0;
    return tallHead(item.article, span, this.options.grid.columns, this.options.rules) ? RULE_BREAK : 0;
  }

  private withHeadCost(fit: ModuleFit, item: Item): ModuleFit {
    const cost = this.headCost(item, fit.span);
    return cost === 0 ? fit : { ...fit, cost: fit.cost + cost };
  }

  /** The vertical head of an item (a continuation has the ordinary continuation head). */
  private side(item: Item): SideHead | undefined {
    return isContinuation(item) ? undefined : item.article.sideHead;
  }

  /** A fit of the text columns widened by the vertical head at their right. */
  private widen(fit: ModuleFit, side: SideHead): ModuleFit {
    const under = side.span * (fit.rows - side.rows);
    return {
      ...fit,
      span: fit.span + side.span,
      side: side.span,
      empty: fit.empty + under,
      cost: fit.cost + under * this.options.emptyCost,
    };
  }

  /** Least cells item i takes set whole at its own height in any width. */
  compactArea(i: number): number {
    let least = Number.POSITIVE_INFINITY;
    for (let span = 1; span <= this.options.grid.columns; span++) {
      for (const fit of this.variants(i, span)) least = Math.min(least, fit.rows * span);
    }
    return least;
  }

  /** Ways to set item i completely in `span` columns at its own height, lowest rows first. */
  variants(i: number, span: number): ModuleFit[] {
    const key = i * 64 + span;
    let fits = this.variantCache.get(key);
    if (fits === undefined) {
      const item = this.items[i];
      const side = item && this.side(item);
      if (item === undefined) fits = [];
      else if (side) {
        const inner = span - side.span;
        const minRows = Math.max(this.minRows(item), side.rows);
        fits =
          inner < 1
            ? []
            : naturalFits(this.options, item, inner, 0, minRows, this.layouts(item, inner)).map((f) =>
                this.widen(f, side),
              );
      } else
        fits = naturalFits(
          this.options,
          item,
          span,
          headRowsAt(item, span),
          this.minRows(item),
          this.layouts(item, span),
        );
      if (item !== undefined) fits = fits.map((fit) => this.withHeadCost(fit, item));
      this.variantCache.set(key, fits);
    }
    return fits;
  }

  /** Item i in a module of exactly `rows` rows (see fitLeaf); null if it cannot be. */
  leaf(i: number, span: number, rows: number): ModuleFit | null {
    const key = (i * 64 + span) * 8192 + rows;
    const known = this.leafCache.get(key);
    if (known !== undefined) return known;
    const item = this.items[i];
    let fit: ModuleFit | null = null;
    const side = item && this.side(item);
    if (item !== undefined && side) {
      const inner = span - side.span;
      if (inner >= 1 && rows >= Math.max(side.rows, this.minRows(item))) {
        const found = fitLeaf(this.options, item, i === 0, inner, rows, 0, this.layouts(item, inner));
        fit = found && this.widen(found, side);
      }
    } else if (item !== undefined && rows >= Math.max(1, this.minRows(item))) {
      const head = headRowsAt(item, span);
      if (rows >= head) fit = fitLeaf(this.options, item, i === 0, span, rows, head, this.layouts(item, span));
    }
    if (fit !== null && item !== undefined) fit = this.withHeadCost(fit, item);
    this.leafCache.set(key, fit);
    return fit;
  }

  /** Modules for item i at the top of a block with more below, lowest first: its natural
   *  heights, and for the lead also every height that cuts it for a jump (so a long lead can
   *  stay top left across the page with other stories under it). */
  tops(i: number, span: number): ModuleFit[] {
    const key = i * 64 + span;
    const known = this.topCache.get(key);
    if (known !== undefined) return known;
    const natural = this.variants(i, span);
    const item = this.items[i];
    const tops = [...natural];
    if (i === 0 && item !== undefined && lineCount(item) >= 2) {
      const tallest = natural.reduce((most, fit) => Math.max(most, fit.rows), 0);
      for (let rows = 1; rows < Math.min(tallest, this.options.grid.rows); rows++) {
        const fit = this.leaf(i, span, rows);
        if (fit?.cut) tops.push(fit);
      }
    }
    tops.sort((a, b) => a.rows - b.rows || a.cost - b.cost);
    this.topCache.set(key, tops);
    return tops;
  }
}
