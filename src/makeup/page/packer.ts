import type { GridRect } from "../../grid";
import type { FitCache } from "../module/fit-cache";
import type { ModuleFit } from "../module/module-fit";
import { spanAllowed } from "../rules/lead";

// Exact packing of a rectangular block with a run of items (in reading order) as a guillotine
// layout, by dynamic programming over (block width, block height, item run). A block is
//  - one module: its single item closes the block exactly (photo cropped, text cut or blank
//    rows at the bottom, whatever costs least);
//  - "stack": the first item across the block at one of its natural heights, the rest below;
//  - "foot": the last item across the bottom at a natural height, the rest above it;
//  - "side": the run split in two, left block beside right block, both the block's height;
//  - "corner": the first item top-left at a natural height, the next items in a block to its
//    right, the rest under it (reading order: lead, its neighbour, then below).
// Every block is covered exactly, so a packing leaves no holes. The first item of a block is
// always its top-left module, so item 0 (the lead) is top left of the page. Corners are tried
// only around the lead, and only the lead may sit on top of a block cut at any height (so a
// long lead stays top left across the page with stories under it): enough for good pages,
// and the search stays small.

/** An item of the page set in a rectangle: its module, not yet built. */
export interface PlacedItem {
  item: number;
  rect: GridRect;
  fit: ModuleFit;
}

type Choice =
  | { kind: "leaf"; fit: ModuleFit }
  | { kind: "stack"; fit: ModuleFit }
  | { kind: "foot"; fit: ModuleFit }
  | { kind: "side"; width: number; split: number }
  | { kind: "corner"; fit: ModuleFit; split: number };

interface Entry {
  cost: number;
  choice: Choice | null;
}

const NONE: Entry = { cost: Number.POSITIVE_INFINITY, choice: null };

export class GuillotinePacker {
  /** Memo of least costs: one table by rows per lead-span cap, item run and width; NaN is
   *  "not yet known". Choices are not stored: placing re-derives them from the costs. */
  private readonly tables: (Float64Array | null)[];
  /** Least cells each item needs, summed from item 0: prunes blocks that cannot hold a run. */
  private readonly areaPrefix: number[];
  private readonly count: number;
  private leadSpan = 1;
  /** The lead is exactly leadSpan wide (false: a packing without the page's lead, e.g. it is pinned). */
  private exactLead = true;

  /** `areaCap`: the most cells a module other than the lead's may take (rules/lead.ts), fixed
   *  for the packer's life (its tables hold costs under it). */
  constructor(
    private readonly fits: FitCache,
    private readonly maxColumns: number,
    private readonly maxRows: number,
    minAreas: number[],
    private readonly areaCap = Number.POSITIVE_INFINITY,
  ) {
    this.count = minAreas.length;
    // Dense, so lookups stay fast: caps up to 2 × columns, runs, widths.
    const n = this.count + 1;
    this.tables = new Array<Float64Array | null>((2 * maxColumns + 1) * n * n * (maxColumns + 1)).fill(null);
    this.areaPrefix = [0];
    for (const area of minAreas) this.areaPrefix.push((this.areaPrefix.at(-1) ?? 0) + area);
  }

  /** The lead's span; every other module is at most as wide (editor hints apart). */
  setLeadSpan(span: number, exact = true): void {
    this.leadSpan = span;
    this.exactLead = exact;
  }

  /** The lead's span hint, if honoured. */
  hintedLeadSpan(): number | undefined {
    return this.fits.hintedSpan(0);
  }

  /** Whether a module of item i this size stays within the cap on other modules than the lead. */
  private small(i: number, fit: ModuleFit): boolean {
    return i === 0 || fit.span * fit.rows <= this.areaCap;
  }

  private allowed(i: number, span: number): boolean {
    const hint = this.fits.hintedSpan(i);
    if (hint !== undefined) return span === hint;
    return spanAllowed(i, span, this.leadSpan, this.exactLead);
  }

  private table(width: number, from: number, to: number): Float64Array {
    // Runs without the lead depend on its span only through the cap on widths.
    const cap = from === 0 ? this.maxColumns + this.leadSpan : Math.min(width, this.leadSpan);
    const n = this.count + 1;
    const index = ((cap * n + from) * n + to) * (this.maxColumns + 1) + width;
    let table = this.tables[index];
    if (table === undefined || table === null) {
      table = new Float64Array(this.maxRows + 1).fill(Number.NaN);
      this.tables[index] = table;
    }
    return table;
  }

  /** Least cost of packing items [from, to) into a block, +Infinity if impossible. */
  cost(width: number, rows: number, from: number, to: number): number {
    if (width <= 0 || rows <= 0 || from >= to) return Number.POSITIVE_INFINITY;
    const need = (this.areaPrefix[to] ?? 0) - (this.areaPrefix[from] ?? 0);
    if (need > width * rows) return Number.POSITIVE_INFINITY;
    const table = this.table(width, from, to);
    const known = table[rows] ?? Number.NaN;
    if (!Number.isNaN(known)) return known;
    const { cost } = this.solve(width, rows, from, to);
    table[rows] = cost;
    return cost;
  }

  /** Least cost over the kinds of block above; with `track`, also which choice gives it
   *  (only when placing, so the search itself allocates nothing). */
  private solve(width: number, rows: number, from: number, to: number, track = false): Entry {
    let best = Number.POSITIVE_INFINITY;
    let choice: Choice | null = null;
    if (to === from + 1) {
      const fit = this.allowed(from, width) ? this.fits.leaf(from, width, rows) : null;
      return fit === null || !this.small(from, fit) ? NONE : { cost: fit.cost, choice: { kind: "leaf", fit } };
    }
    if (this.allowed(from, width)) {
      for (const fit of this.fits.tops(from, width)) {
        if (fit.rows >= rows) break;
        if (!this.small(from, fit)) continue;
        const cost = fit.cost + this.cost(width, rows - fit.rows, from + 1, to);
        if (cost < best) {
          best = cost;
          if (track) choice = { kind: "stack", fit };
        }
      }
    }
    const last = to - 1;
    if (this.allowed(last, width)) {
      for (const fit of this.fits.variants(last, width)) {
        if (fit.rows >= rows) break;
        if (!this.small(last, fit)) continue;
        const cost = this.cost(width, rows - fit.rows, from, last) + fit.cost;
        if (cost < best) {
          best = cost;
          if (track) choice = { kind: "foot", fit };
        }
      }
    }
    for (let w = 1; w < width; w++) {
      for (let split = from + 1; split < to; split++) {
        const left = this.cost(w, rows, from, split);
        if (left >= best) continue;
        const cost = left + this.cost(width - w, rows, split, to);
        if (cost < best) {
          best = cost;
          if (track) choice = { kind: "side", width: w, split };
        }
      }
    }
    for (let w = 1; w < width && from === 0; w++) {
      if (!this.allowed(from, w)) continue;
      const fits = this.fits.tops(from, w);
      for (let split = from + 2; split < to; split++) {
        const right = this.cost(width - w, rows, from + 1, split);
        if (right >= best) continue;
        for (const fit of fits) {
          if (fit.rows >= rows) break;
          if (right + fit.cost >= best) continue;
          const cost = right + fit.cost + this.cost(w, rows - fit.rows, split, to);
          if (cost < best) {
            best = cost;
            if (track) choice = { kind: "corner", fit, split };
          }
        }
      }
    }
    return best === Number.POSITIVE_INFINITY ? NONE : { cost: best, choice };
  }

  /** The modules of the best packing of items [from, to) into `rect`. */
  place(rect: GridRect, from: number, to: number, out: PlacedItem[]): void {
    const { choice } = this.solve(rect.span, rect.rows, from, to, true);
    if (choice === null) throw new Error(`no packing for items ${from}..${to - 1}`);
    const { col, row, span, rows } = rect;
    switch (choice.kind) {
      case "leaf":
        out.push({ item: from, rect, fit: choice.fit });
        return;
      case "stack": {
        const top = choice.fit.rows;
        out.push({ item: from, rect: { col, row, span, rows: top }, fit: choice.fit });
        this.place({ col, row: row + top, span, rows: rows - top }, from + 1, to, out);
        return;
      }
      case "foot": {
        const above = rows - choice.fit.rows;
        this.place({ col, row, span, rows: above }, from, to - 1, out);
        out.push({ item: to - 1, rect: { col, row: row + above, span, rows: choice.fit.rows }, fit: choice.fit });
        return;
      }
      case "side":
        this.place({ col, row, span: choice.width, rows }, from, choice.split, out);
        this.place({ col: col + choice.width, row, span: span - choice.width, rows }, choice.split, to, out);
        return;
      case "corner": {
        const { fit, split } = choice;
        out.push({ item: from, rect: { col, row, span: fit.span, rows: fit.rows }, fit });
        this.place({ col: col + fit.span, row, span: span - fit.span, rows }, from + 1, split, out);
        this.place({ col, row: row + fit.rows, span: fit.span, rows: rows - fit.rows }, split, to, out);
        return;
      }
    }
  }
}
