import { cutCost, RULE_BREAK, shapeCost } from "../costs";
import { type Item, isContinuation, lineCount } from "../items";
import { MAX_VARIANTS } from "../limits";
import type { PhotoChoice } from "../photos/photo-layouts";
import { breakPenalty } from "../rules/column-breaks";
import { JUMP_SIDE_LINES, linesBeforeJump } from "../rules/jump-stub";
import { crampedColumns } from "../rules/legs";
import type { MakeupRules } from "../types";
import { minimalEnd, splitColumns } from "./columns";
import { capacityAt, columnOffsets, countsPenalty, fullColumns, naturalEnd, photoBlock } from "./module-space";

// How one item fills a module of a given span: at its natural height (modules with more
// material below them), or in a given height (modules closing a block at its bottom), where
// the photo is cropped to close the gap or the text is cut for a jump.

/** The content of one module, in module-relative rows. */
export interface ModuleFit {
  span: number;
  rows: number;
  head: number;
  /** Columns at the right taken by a vertical head (0: none); text and photos use the rest. */
  side: number;
  /** Where the photos go (NO_PHOTO without). */
  photo: PhotoChoice;
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

/** What a fit costs per empty cell and for text cut with no later page to take it, and the
 *  editorial rules it is held to. */
export interface FitPrices {
  emptyCost: number;
  lostCost: number;
  rules: MakeupRules;
}

function contentCost(prices: FitPrices, span: number, lines: number, empty: number, choice: PhotoChoice): number {
  return empty * prices.emptyCost + choice.crop + shapeCost(span, lines);
}

/** Lines per column of a fit, planned now if the search left it open. */
export function columnCounts(item: Item, fit: ModuleFit, minLeg: number): number[] {
  if (fit.counts !== null) return fit.counts;
  const offsets = columnOffsets(fit.span - fit.side, fit.photo);
  const split = splitColumns(item.article.lines, item.start, fit.lines, offsets, fit.rows - fit.head, fit.jump, minLeg);
  if (split === null) throw new Error(`no column split for ${item.article.id}`);
  fit.counts = split.counts;
  return split.counts;
}

/** All remaining lines in a module of the given height, or null if they do not fit. */
export function fitAll(
  prices: FitPrices,
  item: Item,
  span: number,
  rows: number,
  head: number,
  choice: PhotoChoice,
): ModuleFit | null {
  const n = lineCount(item);
  const capacity = capacityAt(span, choice, rows - head);
  if (capacity < n) return null;
  const empty = span * (rows - head) - choice.cells - n;
  const cost = contentCost(prices, span, n, empty, choice);
  const fit: ModuleFit = {
    span,
    rows,
    head,
    side: 0,
    photo: choice,
    lines: n,
    cut: false,
    jump: false,
    counts: null,
    empty,
    cost,
  };
  // With room to spare the columns can shift a line to dodge a bad break; a tight fit may
  // not, nor one whose photos leave a column room for only a short leg: split it now and count
  // its breaks and legs.
  const offsets = columnOffsets(span, choice);
  const minLeg = prices.rules.minLegLines;
  const cramped = () => crampedColumns(offsets, minimalEnd(offsets, n, rows - head, false), n, minLeg) > 0;
  if (capacity - n < span || cramped()) {
    const split = splitColumns(item.article.lines, item.start, n, offsets, rows - head, false, minLeg);
    if (split === null) return null;
    fit.counts = split.counts;
    fit.cost += split.penalty;
  }
  return fit;
}

/** As many lines as fill every column, cut for a jump; if a column would end on a subhead
 *  (or only one line would be left on either side), a line or two fewer. */
export function fitCut(
  prices: FitPrices,
  item: Item,
  lead: boolean,
  span: number,
  rows: number,
  head: number,
  choice: PhotoChoice,
): ModuleFit | null {
  const n = lineCount(item);
  const jump = item.canJump;
  const body = rows - head;
  const capacity = capacityAt(span, choice, body) - (jump ? 1 : 0);
  const lines = item.article.lines;
  const minLeg = prices.rules.minLegLines;
  let best: ModuleFit | null = null;
  for (let m = Math.min(capacity, n - 1); m >= Math.max(1, capacity - 2); m--) {
    let counts = m === capacity ? fullColumns(span, choice, body, jump) : null;
    let penalty = counts === null ? 0 : countsPenalty(lines, item.start, counts, minLeg);
    if (counts === null) {
      const split = splitColumns(lines, item.start, m, columnOffsets(span, choice), body, jump, minLeg);
      if (split === null) continue;
      counts = split.counts;
      penalty = split.penalty;
    }
    penalty += breakPenalty(lines, item.start + m);
    const empty = span * body - choice.cells - m - (jump ? 1 : 0);
    const stub = jump && !isContinuation(item) && m < linesBeforeJump(prices.rules, span);
    const cost =
      contentCost(prices, span, m, empty, choice) + penalty + cutCost(item, lead, m, n, prices.lostCost, stub);
    if (best === null || cost < best.cost) {
      best = { span, rows, head, side: 0, photo: choice, lines: m, cut: true, jump, counts, empty, cost };
    }
    // Good enough: no bad break or short leg, and enough lines on each side.
    if (penalty < RULE_BREAK && m >= JUMP_SIDE_LINES && n - m >= JUMP_SIDE_LINES) break;
  }
  return best;
}

/** The photo height for a module body of `body` rows: the largest that leaves room for all
 *  the text, else the least cropped (the text is cut anyway). Null if no height fits. */
function leafPhoto(choices: PhotoChoice[], span: number, body: number, n: number): PhotoChoice | null {
  let fitting: PhotoChoice | null = null;
  let natural: PhotoChoice | null = null;
  for (const choice of choices) {
    if (photoBlock(choice) > body) break;
    if (capacityAt(span, choice, body) >= n) fitting = choice;
    if (natural === null || choice.crop < natural.crop) natural = choice;
  }
  return fitting ?? natural;
}

/** The item in a module of exactly `rows` rows, over the photo layouts: everything with the
 *  photo grown to close the gap, or as much text as fits, cut. Null if no photo fits. */
export function fitLeaf(
  prices: FitPrices,
  item: Item,
  lead: boolean,
  span: number,
  rows: number,
  head: number,
  layouts: PhotoChoice[][],
): ModuleFit | null {
  const body = rows - head;
  const n = lineCount(item);
  let best: ModuleFit | null = null;
  for (const choices of layouts) {
    const choice = leafPhoto(choices, span, body, n);
    if (choice === null) continue;
    const fit = fitAll(prices, item, span, rows, head, choice) ?? fitCut(prices, item, lead, span, rows, head, choice);
    if (fit !== null && (best === null || fit.cost < best.cost)) best = fit;
  }
  return best;
}

/** Ways to set the whole item at its own height: the cheapest per height over the photo
 *  layouts (cropping gives several), lowest rows first. */
export function naturalFits(
  prices: FitPrices,
  item: Item,
  span: number,
  head: number,
  minRows: number,
  layouts: PhotoChoice[][],
): ModuleFit[] {
  const n = lineCount(item);
  // Cheap pass: rows and cost of every photo choice, the best per height; and the best of
  // each photo layout, so that short side-by-side layouts are not crowded out by tall ones.
  const best = new Map<number, { choice: PhotoChoice; cost: number }>();
  const firsts = new Set<number>();
  for (const choices of layouts) {
    let first: { rows: number; cost: number } | null = null;
    for (const choice of choices) {
      const end = naturalEnd(span, choice, n);
      const rows = Math.max(head + Math.max(end, photoBlock(choice)), minRows, 1);
      const empty = span * (rows - head) - choice.cells - n;
      const cost = contentCost(prices, span, n, empty, choice);
      const seen = best.get(rows);
      if (seen === undefined || cost < seen.cost) best.set(rows, { choice, cost });
      if (first === null || cost < first.cost) first = { rows, cost };
    }
    if (first !== null) firsts.add(first.rows);
  }
  const byCost = [...best.entries()].sort((a, b) => a[1].cost - b[1].cost || a[0] - b[0]);
  const cheapest = byCost.slice(0, MAX_VARIANTS);
  const kept = [...cheapest, ...byCost.slice(MAX_VARIANTS).filter(([rows]) => firsts.has(rows))];
  const fits: ModuleFit[] = [];
  for (const [rows, { choice }] of kept) {
    const fit = fitAll(prices, item, span, rows, head, choice);
    if (fit === null) continue;
    // Natural modules are few: split their columns now, so widows count in the choice.
    if (fit.counts === null) {
      const offsets = columnOffsets(span, choice);
      const split = splitColumns(
        item.article.lines,
        item.start,
        n,
        offsets,
        rows - head,
        false,
        prices.rules.minLegLines,
      );
      if (split === null) continue;
      fit.counts = split.counts;
      fit.cost += split.penalty;
    }
    fits.push(fit);
  }
  return fits.sort((a, b) => a.rows - b.rows);
}
