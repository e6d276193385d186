import { breakPenalty, planColumns } from "./columns";
import { cutCost, shapeCost } from "./fit-costs";
import { headRowsAt, type Item, imagesOf, lineCount } from "./items";
import {
  capacityAt,
  columnOffsets,
  countsPenalty,
  fullColumns,
  NO_PHOTO,
  naturalEnd,
  type PhotoChoice,
  photoBlock,
  photoCells,
} from "./module-space";
import { cropCost, type PhotoRange, photoRange, photoSpans } from "./photos";
import type { Grid } from "./types";
import { HARD_BREAK } from "./weights";

// How one item fills a module of a given span: at its natural height (modules with more
// material below them), or in a given height (modules closing a block at its bottom), where
// the photo is cropped to close the gap or the text is cut for a jump. Results are cached:
// the packer asks for the same fits many times.

/** The content of one module, in module-relative rows. */
export interface ModuleFit {
  span: number;
  rows: number;
  head: number;
  /** Photo block at its width, or null without photos. */
  photo: PhotoRange | null;
  /** Photo rows summed over the images, captions apart. */
  photoRows: number;
  /** Body lines set here, from the item's start. */
  lines: number;
  /** Lines remain: the article continues elsewhere (or is reported unplaced). */
  cut: boolean;
  /** The last column keeps a row for the jump line. */
  jump: boolean;
  /** Lines per text column; null until placed (the search only needs the cost). */
  counts: number[] | null;
  empty: number;
  cost: number;
}

export interface FitOptions {
  grid: Grid;
  emptyCost: number;
  /** Honour the editor's columns/minLines hints. */
  hints: boolean;
}

/** Natural heights kept per item and span: each is one way to stack more below. */
const MAX_VARIANTS = 6;
const NO_PHOTOS: PhotoChoice[][] = [[NO_PHOTO]];

function choiceOf(fit: ModuleFit): PhotoChoice {
  return { range: fit.photo, rows: fit.photoRows };
}

/** Lines per column of a fit, planned now if the search left it open. */
export function columnCounts(item: Item, fit: ModuleFit): number[] {
  if (fit.counts !== null) return fit.counts;
  const offsets = columnOffsets(fit.span, choiceOf(fit));
  const plan = planColumns(item.article.lines, item.start, fit.lines, offsets, fit.rows - fit.head, fit.jump);
  if (plan === null) throw new Error(`no column plan for ${item.article.id}`);
  fit.counts = plan.counts;
  return plan.counts;
}

export class FitCache {
  private readonly variantCache = new Map<number, ModuleFit[]>();
  private readonly leafCache = new Map<number, ModuleFit | null>();
  private readonly topCache = new Map<number, ModuleFit[]>();
  private readonly choiceCache = new Map<number, PhotoChoice[]>();

  constructor(
    readonly items: Item[],
    private readonly options: FitOptions,
  ) {}

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

  /** Photo choices per photo width, each list by growing height. */
  private photoChoices(i: number, item: Item, span: number): PhotoChoice[][] {
    const images = imagesOf(item);
    if (images.length === 0) return NO_PHOTOS;
    return photoSpans(span).map((p) => {
      const key = i * 64 + p;
      let choices = this.choiceCache.get(key);
      if (choices === undefined) {
        const range = photoRange(images, p, this.options.grid);
        choices = [];
        for (let rows = range.min; rows <= range.max; rows++) choices.push({ range, rows });
        this.choiceCache.set(key, choices);
      }
      return choices;
    });
  }

  private contentCost(span: number, lines: number, empty: number, choice: PhotoChoice): number {
    const crop = choice.range === null ? 0 : cropCost(choice.range, choice.rows);
    return empty * this.options.emptyCost + crop + shapeCost(span, lines);
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

  /** Ways to set item i completely in `span` columns at its own height, lowest rows first. */
  variants(i: number, span: number): ModuleFit[] {
    const key = i * 64 + span;
    const known = this.variantCache.get(key);
    if (known !== undefined) return known;
    const item = this.items[i];
    const result = item === undefined ? [] : this.computeVariants(i, item, span);
    this.variantCache.set(key, result);
    return result;
  }

  private computeVariants(i: number, item: Item, span: number): ModuleFit[] {
    const head = headRowsAt(item, span);
    const n = lineCount(item);
    // Cheap pass: rows and cost of every photo choice, the best per height.
    const best = new Map<number, { choice: PhotoChoice; cost: number }>();
    for (const choices of this.photoChoices(i, item, span)) {
      for (const choice of choices) {
        const end = naturalEnd(span, choice, n);
        const rows = Math.max(head + Math.max(end, photoBlock(choice)), this.minRows(item), 1);
        const empty = span * (rows - head) - photoCells(choice) - n;
        const cost = this.contentCost(span, n, empty, choice);
        const seen = best.get(rows);
        if (seen === undefined || cost < seen.cost) best.set(rows, { choice, cost });
      }
    }
    const kept = [...best.entries()].sort((a, b) => a[1].cost - b[1].cost || a[0] - b[0]);
    const fits: ModuleFit[] = [];
    for (const [rows, { choice }] of kept.slice(0, MAX_VARIANTS)) {
      const fit = this.fitAll(item, span, rows, head, choice);
      if (fit === null) continue;
      // Natural modules are few: plan their columns now, so widows count in the choice.
      const offsets = columnOffsets(span, choice);
      const plan = planColumns(item.article.lines, item.start, n, offsets, rows - head, false);
      if (plan === null) continue;
      fits.push({ ...fit, counts: plan.counts, cost: fit.cost + plan.penalty });
    }
    return fits.sort((a, b) => a.rows - b.rows);
  }

  /** All remaining lines in a module of the given height, or null if they do not fit. */
  private fitAll(item: Item, span: number, rows: number, head: number, choice: PhotoChoice): ModuleFit | null {
    const n = lineCount(item);
    if (capacityAt(span, choice, rows - head) < n) return null;
    const empty = span * (rows - head) - photoCells(choice) - n;
    const { range: photo, rows: photoRows } = choice;
    const cost = this.contentCost(span, n, empty, choice);
    return { span, rows, head, photo, photoRows, lines: n, cut: false, jump: false, counts: null, empty, cost };
  }

  /** Item i in a module of exactly `rows` rows: everything with the photo grown to close the
   *  gap, or as much text as fits, cut for a jump. Null if not even the head and photo fit. */
  leaf(i: number, span: number, rows: number): ModuleFit | null {
    const key = (i * 64 + span) * 8192 + rows;
    const known = this.leafCache.get(key);
    if (known !== undefined) return known;
    const item = this.items[i];
    const fit = item === undefined ? null : this.computeLeaf(i, item, span, rows);
    this.leafCache.set(key, fit);
    return fit;
  }

  private computeLeaf(i: number, item: Item, span: number, rows: number): ModuleFit | null {
    const head = headRowsAt(item, span);
    const body = rows - head;
    const n = lineCount(item);
    if (body < 0 || rows < this.minRows(item) || rows < 1) return null;
    let best: ModuleFit | null = null;
    for (const choices of this.photoChoices(i, item, span)) {
      const choice = leafPhoto(choices, span, body, n);
      if (choice === null) continue;
      const fit = this.fitAll(item, span, rows, head, choice) ?? this.fitCut(i, item, span, rows, head, choice);
      if (fit !== null && (best === null || fit.cost < best.cost)) best = fit;
    }
    return best;
  }

  /** As many lines as fill every column, cut for a jump; if a column would end on a subhead
   *  (or only one line would be left on either side), a line or two fewer. */
  private fitCut(i: number, item: Item, span: number, rows: number, head: number, choice: PhotoChoice) {
    const n = lineCount(item);
    const jump = item.canJump;
    const body = rows - head;
    const capacity = capacityAt(span, choice, body) - (jump ? 1 : 0);
    const lines = item.article.lines;
    let best: ModuleFit | null = null;
    for (let m = Math.min(capacity, n - 1); m >= Math.max(1, capacity - 2); m--) {
      let counts = m === capacity ? fullColumns(span, choice, body, jump) : null;
      let penalty = counts === null ? 0 : countsPenalty(lines, item.start, counts);
      if (counts === null) {
        const plan = planColumns(lines, item.start, m, columnOffsets(span, choice), body, jump);
        if (plan === null) continue;
        counts = plan.counts;
        penalty = plan.penalty;
      }
      const empty = span * body - photoCells(choice) - m - (jump ? 1 : 0);
      const cost =
        this.contentCost(span, m, empty, choice) +
        penalty +
        breakPenalty(lines, item.start + m) +
        cutCost(item, i === 0, m, n);
      if (best === null || cost < best.cost) {
        const { range: photo, rows: photoRows } = choice;
        best = { span, rows, head, photo, photoRows, lines: m, cut: true, jump, counts, empty, cost };
      }
      // Good enough: no bad break and two lines on each side.
      if (penalty + breakPenalty(lines, item.start + m) < HARD_BREAK && m >= 2 && n - m >= 2) break;
    }
    return best;
  }
}

/** The photo height for a module body of `body` rows: the largest that leaves room for all
 *  the text, else the natural one (the text is cut anyway). Null if no photo height fits. */
function leafPhoto(choices: PhotoChoice[], span: number, body: number, n: number): PhotoChoice | null {
  let fitting: PhotoChoice | null = null;
  let natural: PhotoChoice | null = null;
  for (const choice of choices) {
    if (photoBlock(choice) > body) break;
    if (capacityAt(span, choice, body) >= n) fitting = choice;
    if (natural === null || choice.rows <= (choice.range?.natural ?? 0)) natural = choice;
  }
  return fitting ?? natural;
}
