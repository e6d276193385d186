import type { GridRect } from "../../grid";
import { DROP, JUMP_BASE, LOST_BASE, LOST_OVERFLOW, RULE_BREAK, UNCOVERED } from "../costs";
import { headRowsAt, type Item, imagesOf, isContinuation, lineCount } from "../items";
import { MAX_PAGE_ITEMS } from "../limits";
import { FitCache } from "../module/fit-cache";
import { photoLayouts } from "../photos/photo-layouts";
import { leadHolds } from "../rules/lead";
import { isFull } from "../rules/page-fill";
import type { Grid, MakeupRules } from "../types";
import { GuillotinePacker, type PlacedItem } from "./packer";

// Automatic make-up of one page: the free regions are filled with runs of the page's items in
// reading order (lead first, in the first region); the lead's span is searched so that it is
// the widest module, and a packing whose lead is not on the top row or not the largest module
// pays for it (rules/lead.ts).

export interface PagePacking {
  placements: PlacedItem[];
  /** The items the placements refer to (by index). */
  items: Item[];
  /** Items for which the page had no room at all. */
  dropped: Item[];
  hintsIgnored: boolean;
}

/** A lower bound of the cells an item needs in any module: at some width, its head over its
 *  shortest photo block or over its first line (two with a jump line, if it may be cut). */
function minArea(item: Item, grid: Grid, rules: MakeupRules): number {
  const lines = Math.min(lineCount(item), item.canJump ? 2 : 1);
  const images = imagesOf(item);
  let least = Number.POSITIVE_INFINITY;
  for (let span = 1; span <= grid.columns; span++) {
    let block = 0;
    if (images.length > 0) {
      block = Number.POSITIVE_INFINITY;
      for (const group of photoLayouts(images, span, grid, rules)) block = Math.min(block, group[0]?.block ?? 0);
    }
    const body = Math.max(block, Math.ceil(lines / span));
    least = Math.min(least, span * (headRowsAt(item, span) + body));
  }
  return least;
}

interface Attempt {
  cost: number;
  placements: PlacedItem[];
}

function packRegions(
  packer: GuillotinePacker,
  regions: GridRect[],
  count: number,
  emptyCost: number,
): { cost: number; runs: [number, number][] } {
  // best[r][i]: least cost of regions r.. holding items i..count-1.
  const best: number[][] = [];
  const next: number[][] = [];
  for (let r = regions.length; r >= 0; r--) {
    best[r] = [];
    next[r] = [];
    for (let i = 0; i <= count; i++) {
      const region = regions[r];
      if (region === undefined) {
        (best[r] as number[])[i] = i === count ? 0 : Number.POSITIVE_INFINITY;
        continue;
      }
      let cost = Number.POSITIVE_INFINITY;
      let to = i;
      // The lead opens the first region it fits in: regions in reading order, each taking
      // the next run of items (a region too small for any is left empty, at a price).
      for (let j = i; j <= count; j++) {
        const block =
          j === i ? UNCOVERED + region.span * region.rows * emptyCost : packer.cost(region.span, region.rows, i, j);
        const total = block + (best[r + 1]?.[j] ?? Number.POSITIVE_INFINITY);
        if (total < cost) {
          cost = total;
          to = j;
        }
      }
      (best[r] as number[])[i] = cost;
      (next[r] as number[])[i] = to;
    }
  }
  const runs: [number, number][] = [];
  let i = 0;
  for (let r = 0; r < regions.length; r++) {
    const j = next[r]?.[i] ?? i;
    runs.push([i, j]);
    i = j;
  }
  return { cost: best[0]?.[0] ?? Number.POSITIVE_INFINITY, runs };
}

/** Whether the lead (item 0, unless a continuation) of a packing is on its top row and the
 *  largest of the stories starting there. */
function leadPlaced(items: Item[], placements: PlacedItem[]): boolean {
  const starts = (p: PlacedItem) => {
    const item = items[p.item];
    return item !== undefined && !isContinuation(item);
  };
  const lead = placements.find((p) => p.item === 0 && starts(p));
  if (lead === undefined) return true;
  const others = placements.filter((p) => p !== lead && starts(p));
  const stories = others.filter((p) => lineCount(items[p.item] as Item) > 0);
  return leadHolds(
    lead.rect,
    others.map((p) => p.rect),
    stories.map((p) => p.rect),
  );
}

function attempt(
  items: Item[],
  grid: Grid,
  rules: MakeupRules,
  regions: GridRect[],
  emptyCost: number,
  hints: boolean,
  lead: boolean,
): Attempt {
  // Whether the page overflows however it is made up: then cutting text that no later page
  // takes is unavoidable, and a full page matters more than one more cut.
  const fits = new FitCache(items, { grid, rules, emptyCost, hints, lostCost: LOST_BASE });
  const cells = regions.reduce((sum, r) => sum + r.span * r.rows, 0);
  const compact = items.reduce((sum, _, i) => sum + fits.compactArea(i), 0);
  fits.setLostCost(compact > cells ? LOST_OVERFLOW : LOST_BASE);
  const areas = items.map((item) => minArea(item, grid, rules));
  const packWith = (packer: GuillotinePacker) => packLead(packer, items, grid, regions, emptyCost, lead);
  let best = packWith(new GuillotinePacker(fits, grid.columns, grid.rows, areas));
  // A lead smaller than another story's module: the page packed again with every other module
  // at most the lead's size (the others cut for a jump, or narrower), kept if cheaper.
  const leadModule = best.placements.find((p) => p.item === 0);
  if (lead && leadModule && !leadPlaced(items, best.placements)) {
    const cap = leadModule.rect.span * leadModule.rect.rows;
    const capped = packWith(new GuillotinePacker(fits, grid.columns, grid.rows, areas, cap));
    if (capped.cost < best.cost) best = capped;
  }
  return best;
}

/** The page packed by `packer` over the lead's spans: the cheapest whose lead is on its top row
 *  and largest, unless one whose lead is not is cheaper even paying for it. */
function packLead(
  packer: GuillotinePacker,
  items: Item[],
  grid: Grid,
  regions: GridRect[],
  emptyCost: number,
  lead: boolean,
): Attempt {
  const firstWidth = regions[0]?.span ?? 0;
  const hinted = packer.hintedLeadSpan();
  const tried: { cost: number; span: number; runs: [number, number][] }[] = [];
  const tryLead = (span: number) => {
    packer.setLeadSpan(span);
    tried.push({ ...packRegions(packer, regions, items.length, emptyCost), span });
  };
  if (!lead) {
    // The page's lead is pinned: no module here needs to be narrower than another.
    packer.setLeadSpan(grid.columns, false);
    tried.push({ ...packRegions(packer, regions, items.length, emptyCost), span: grid.columns });
  } else if (hinted !== undefined) tryLead(hinted);
  else for (let span = firstWidth; span >= 1; span--) tryLead(span);
  let best: Attempt = { cost: Number.POSITIVE_INFINITY, placements: [] };
  for (const t of tried.sort((a, b) => a.cost - b.cost)) {
    if (!Number.isFinite(t.cost) || t.cost >= best.cost) break;
    packer.setLeadSpan(t.span, lead);
    const placements: PlacedItem[] = [];
    t.runs.forEach(([from, to], r) => {
      const region = regions[r];
      if (region !== undefined && to > from) packer.place(region, from, to, placements);
    });
    const cost = t.cost + (lead && !leadPlaced(items, placements) ? RULE_BREAK : 0);
    if (cost < best.cost) best = { cost, placements };
  }
  return best;
}

/** Every order of `rects` (up to 4; more are only rotated). */
function permutations(rects: GridRect[]): GridRect[][] {
  if (rects.length > 4) return rects.map((_, i) => [...rects.slice(i), ...rects.slice(0, i)]);
  const orders: GridRect[][] = [];
  const permute = (rest: GridRect[], done: GridRect[]) => {
    if (rest.length === 0) orders.push(done);
    for (const [i, r] of rest.entries()) permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...done, r]);
  };
  permute(rects, []);
  return orders;
}

/** The orders in which to offer the regions to the page's items, as given first. Items fill
 *  regions in their own order, so the corners may want other items than the next ones: the
 *  regions after the lead's are tried in every order, and only then the lead's region itself. */
function regionOrders(regions: GridRect[]): GridRect[][] {
  if (regions.length < 2) return [regions];
  const [first, ...rest] = regions as [GridRect, ...GridRect[]];
  const keepLead = permutations(rest).map((order) => [first, ...order]);
  const others = permutations(regions).filter((order) => order[0] !== first);
  return [...keepLead, ...others];
}

function feasible(
  items: Item[],
  grid: Grid,
  rules: MakeupRules,
  cuts: GridRect[][],
  emptyCost: number,
  lead: boolean,
): (PagePacking & { cost: number }) | null {
  const hinted = items.some((item) => item.article.columns !== undefined || item.article.minLines !== undefined);
  for (const hints of hinted ? [true, false] : [true]) {
    let best: { cost: number; placements: PlacedItem[] } | null = null;
    search: for (const regions of cuts) {
      for (const order of regionOrders(regions)) {
        const tried = attempt(items, grid, rules, order, emptyCost, hints, lead);
        if (best === null || tried.cost < best.cost) best = tried;
        if (cuts.length === 1 && regions.length === 1) break search;
        // Nothing lost, no region bare: the first order that manages it is kept.
        if (best.cost < LOST_BASE) break search;
      }
    }
    if (best !== null && Number.isFinite(best.cost)) {
      return { placements: best.placements, items, dropped: [], hintsIgnored: !hints, cost: best.cost };
    }
  }
  return null;
}

/** Whether a packing leaves the page short of full (rules/page-fill.ts). */
function holes(packing: PagePacking, cells: number, rules: MakeupRules): boolean {
  const used = packing.placements.reduce((sum, p) => sum + p.rect.span * p.rect.rows - p.fit.empty, 0);
  return !isFull(cells - used, cells, rules.maxEmptyShare);
}

/** Whether the item fits some region on its own (an oversized head or photo may not). */
function fitsAlone(item: Item, grid: Grid, rules: MakeupRules, regions: GridRect[], emptyCost: number): boolean {
  const fits = new FitCache([item], { grid, rules, emptyCost, hints: false, lostCost: LOST_BASE });
  return regions.some((r) => {
    for (let span = 1; span <= r.span; span++) if (fits.leaf(0, span, r.rows) !== null) return true;
    return false;
  });
}

/** Pack the page; items that fit nowhere are left out, and when even the least modules of
 *  the rest do not fit, the last items (continuations first, then the lowest priority) too,
 *  one by one from what the area allows. `lead`: items[0] is the page's lead (top left, widest). */
export function packPage(
  items: Item[],
  grid: Grid,
  rules: MakeupRules,
  cuts: GridRect[][],
  emptyCost: number,
  lead = true,
): PagePacking {
  const regions = cuts[0] ?? [];
  const cells = regions.reduce((sum, r) => sum + r.span * r.rows, 0);
  const fitting = items.filter((item) => fitsAlone(item, grid, rules, regions, emptyCost));
  const misfits = items.filter((item) => !fitting.includes(item));
  let count = 0;
  let area = 0;
  while (count < Math.min(fitting.length, MAX_PAGE_ITEMS)) {
    area += minArea(fitting[count] as Item, grid, rules);
    if (area > cells) break;
    count++;
  }
  for (; count > 0; count--) {
    let packing = feasible(fitting.slice(0, count), grid, rules, cuts, emptyCost, lead);
    if (packing === null) continue;
    // Leaving out one more item may buy a page without holes: a continuation that can go on
    // to a later page, or anything once the page cannot hold all of its own anyway.
    for (let fewer = count - 1; fewer >= 1 && fewer >= count - 3 && holes(packing, cells, rules); fewer--) {
      const last = fitting[fewer] as Item;
      const price = isContinuation(last) && last.canJump ? JUMP_BASE : count < items.length ? DROP : null;
      if (price === null) break;
      const other = feasible(fitting.slice(0, fewer), grid, rules, cuts, emptyCost, lead);
      if (other === null || other.cost + price * (count - fewer) >= packing.cost) break;
      packing = other;
    }
    const { cost: _, ...placed } = packing;
    return { ...placed, dropped: [...fitting.slice(placed.items.length), ...misfits] };
  }
  return { placements: [], items: [], dropped: items, hintsIgnored: false };
}
