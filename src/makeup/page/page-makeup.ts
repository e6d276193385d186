import { type Diagnostic, warning } from "../../diagnostics";
import type { GridRect } from "../../grid";
import { emptyCellCost, LOST_BASE } from "../costs";
import type { Item } from "../items";
import { FitCache } from "../module/fit-cache";
import { isFull } from "../rules/page-fill";
import type { BoxModule, Grid, MakeupRules, PageInput } from "../types";
import { placeBoxes } from "./booked-boxes";
import { checkFixed, fillFixed } from "./fixed-page";
import type { PlacedItem } from "./packer";
import { packPage } from "./packing";
import { placePins } from "./pins";
import { freeCellCount, freeRegionCuts } from "./regions";
import { settle } from "./settle";

// One page, once: booked boxes first, then pinned articles, then the automatic packing of the
// rest into what is left (or the editor's explicit layout). Pure and repeatable: the issue's
// make-up calls it again with other choices (cuts, fewer jumps, fillers) and keeps the best.

export interface PageResult {
  placements: PlacedItem[];
  /** The items the placements refer to (by index). */
  items: Item[];
  /** Items the page had no room for. */
  dropped: Item[];
  boxes: BoxModule[];
  /** Indices of items placed where the editor pinned them. */
  pinned: Set<number>;
  warnings: Diagnostic[];
  /** Cells of the type area outside reserved rectangles and boxes. */
  freeCells: number;
  /** Blank rows of modules moved to the foot of their columns (page/settle.ts): cells in no
   *  module on purpose. */
  settledCells: number;
}

/** Empty cells of a result: inside its modules, and outside every module. */
export function emptyOf(result: PageResult): number {
  const used = result.placements.reduce((sum, p) => sum + p.rect.span * p.rect.rows - p.fit.empty, 0);
  return result.freeCells - used;
}

export function makeUpPage(
  grid: Grid,
  rules: MakeupRules,
  page: PageInput,
  items: Item[],
  issueIds: Set<string>,
): PageResult {
  const boxes = placeBoxes(grid, page.number, page.booked ?? [], page.reserved);
  const taken: GridRect[] = [...page.reserved, ...boxes];
  const freeCells = freeCellCount(grid, taken);
  const cost = emptyCellCost(freeCells);
  if (page.fixed !== undefined) {
    checkFixed(page, grid, items, taken, issueIds);
    const placed = new Set(page.fixed.map((p) => p.articleId));
    const dropped = items.filter((item) => !placed.has(item.article.id));
    const { placements, warnings } = fillFixed(page, grid, rules, items, cost);
    const pinned = new Set(placements.map((p) => p.item));
    return { placements, items, dropped, boxes, pinned, warnings, freeCells, settledCells: 0 };
  }

  const fits = new FitCache(items, { grid, rules, emptyCost: cost, hints: false, lostCost: LOST_BASE });
  const pins = placePins(
    page.number,
    grid,
    page.pins ?? [],
    (id) => items.findIndex((item) => item.article.id === id),
    fits,
    taken,
  );
  const placements: PlacedItem[] = [];
  for (const pin of pins) {
    const fit = fits.leaf(pin.item, pin.span, pin.rows);
    if (fit !== null) placements.push({ item: pin.item, rect: pin, fit });
  }
  const pinnedItems = new Set(pins.map((p) => p.item));
  // A pinned article whose head and photos do not fit its rectangle is left out like any other.
  const unfit = pins.filter((p) => !placements.some((pl) => pl.item === p.item)).map((p) => items[p.item] as Item);
  const rest = items.filter((_, i) => !pinnedItems.has(i));
  // The page's lead is items[0]; pinned, the rest of the page has no lead of its own.
  const leadPinned = pinnedItems.has(0);
  const packing = packPage(rest, grid, rules, freeRegionCuts(grid, [...taken, ...pins]), cost, !leadPinned);
  for (const p of packing.placements) {
    const item = packing.items[p.item];
    if (item !== undefined) placements.push({ ...p, item: items.indexOf(item) });
  }
  const warnings = packing.hintsIgnored
    ? [warning("the columns/minLines hints could not all be honoured", { page: page.number })]
    : [];
  // A full page keeps its columns ending on the foot line; a page short of material gathers its
  // blank rows at the foot of its columns.
  const fixed = new Set(placements.flatMap((p, i) => (pinnedItems.has(p.item) ? [i] : [])));
  const used = placements.reduce((sum, p) => sum + p.rect.span * p.rect.rows - p.fit.empty, 0);
  const settled = isFull(freeCells - used, freeCells, rules.maxEmptyShare)
    ? { placements, freed: 0 }
    : settle(placements, items, fixed, taken, rules.minLegLines);
  return {
    placements: settled.placements,
    settledCells: settled.freed,
    items,
    dropped: [...unfit, ...packing.dropped],
    boxes,
    pinned: new Set(placements.filter((p) => pinnedItems.has(p.item)).map((p) => p.item)),
    warnings,
    freeCells,
  };
}
