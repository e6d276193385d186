import { type Item, priorityOfItem } from "./items";
import { thinSides } from "./rules/jump-stub";

// What the make-up's search pays, in one place so the trade-offs can be read together: the
// prices of the editorial rules it weighs (a rule's own limit lives in its file under rules/) and
// the costs of one module that do not depend on where it goes.
// Unit: roughly "one empty cell on a 600-cell page".

/** A column break that ends on a keepWithNext line: never, unless nothing else fits. */
export const HARD_BREAK = 1000;
/** A paragraph's first line alone at a column bottom, or its last line alone at a column top. */
export const ORPHAN = 3;
export const WIDOW = 3;
/** Per photo row away from the photo's own aspect ratio. */
export const CROP_ROW = 0.3;
/** Cutting an article for a jump: base, plus more the more important it is. Even the lead's
 *  jump costs less than 3% of a page left empty (90), so a full page always wins. */
export const JUMP_BASE = 24;
export const JUMP_PER_PRIORITY = 8;
export const JUMP_LEAD = 24;
/** Jumping a short article reads badly. */
export const JUMP_SHORT_ARTICLE = 12;
export const SHORT_ARTICLE_LINES = 30;
/** Per side of a jump with too few lines (rules/jump-stub.ts). */
export const JUMP_STUB = 20;
/** Cutting text when no later page can take it: the build fails, so only as a last resort,
 *  unless the page overflows whatever the make-up (then filling it matters more). */
export const LOST_BASE = 400;
export const LOST_OVERFLOW = 40;
export const LOST_PER_LINE = 0.1;
/** Multi-column modules whose columns hold only a few lines look scattered. */
export const SHALLOW_DEPTH = 6;
export const SHALLOW_PER_LINE = 0.5;
/** Leaving one more article off a page that cannot hold all of its own anyway. */
export const DROP = 120;
/** Breaking an editorial rule (rules/): a stub before a jump, a short leg, a headline over its
 *  lines, a lead that is not the page's largest module. More than 6% of a page left empty, so a
 *  page breaks a rule only where nothing else fills it. */
export const RULE_BREAK = 100;
/** A page area left without any module (not enough articles for a region). */
export const UNCOVERED = 10_000;

/** Empty cells cost more on small pages, so the share of the page, not the count, is traded
 *  against jumps: 3% of any page costs 90, more than jumping the lead. */
export function emptyCellCost(totalCells: number): number {
  return 3000 / Math.max(totalCells, 1);
}

/** Multi-column modules holding only a few lines per column look scattered. */
export function shapeCost(span: number, lines: number): number {
  if (span < 2 || lines === 0) return 0;
  const depth = lines / span;
  return depth < SHALLOW_DEPTH ? (SHALLOW_DEPTH - depth) * span * SHALLOW_PER_LINE : 0;
}

/** Cutting item (the page's lead if `lead`) after `placed` of its `total` remaining lines:
 *  cheap for low-priority long articles, dear for the lead; without a later page to take the
 *  rest the lines are lost, which costs `lostBase`; `stub`: too few lines before the jump
 *  (rules/jump-stub.ts). */
export function cutCost(
  item: Item,
  lead: boolean,
  placed: number,
  total: number,
  lostBase: number,
  stub: boolean,
): number {
  const rest = total - placed;
  const stubs = thinSides(placed, rest) * JUMP_STUB + (stub ? RULE_BREAK : 0);
  if (!item.canJump) return lostBase + LOST_PER_LINE * rest + stubs;
  const priority = Math.min(priorityOfItem(item), 5);
  return (
    JUMP_BASE +
    JUMP_PER_PRIORITY * (5 - priority) +
    (lead ? JUMP_LEAD : 0) +
    (item.article.lines.length < SHORT_ARTICLE_LINES ? JUMP_SHORT_ARTICLE : 0) +
    stubs
  );
}
