import { type Item, priorityOfItem } from "./items";
import {
  JUMP_BASE,
  JUMP_LEAD,
  JUMP_PER_PRIORITY,
  JUMP_SHORT_ARTICLE,
  JUMP_STUB,
  LOST_PER_LINE,
  SHALLOW_DEPTH,
  SHALLOW_PER_LINE,
  SHORT_ARTICLE_LINES,
} from "./weights";

// Costs of one module that do not depend on where it goes.

/** Multi-column modules holding only a few lines per column look scattered. */
export function shapeCost(span: number, lines: number): number {
  if (span < 2 || lines === 0) return 0;
  const depth = lines / span;
  return depth < SHALLOW_DEPTH ? (SHALLOW_DEPTH - depth) * span * SHALLOW_PER_LINE : 0;
}

/** Cutting item (the page's lead if `lead`) after `placed` of its `total` remaining lines:
 *  cheap for low-priority long articles, dear for the lead; without a later page to take the
 *  rest the lines are lost, which costs `lostBase`. */
export function cutCost(item: Item, lead: boolean, placed: number, total: number, lostBase: number): number {
  const rest = total - placed;
  const stubs = (placed < 2 ? JUMP_STUB : 0) + (rest < 2 ? JUMP_STUB : 0);
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
