import type { ArticleMetrics } from "./types";

// The material of a page: an article from its start, or the rest of one jumped from an earlier
// page. Every concern of the make-up works on items.

/** One piece of material for a page: an article from its start, or the rest of a jumped one. */
export interface Item {
  article: ArticleMetrics;
  /** First body line still to set. */
  start: number;
  /** Page the rest comes from (a continuation); its head is the continuation head. */
  continuedFrom?: number;
  /** A later page can take the rest if this item is cut here. */
  canJump: boolean;
}

export function lineCount(item: Item): number {
  return Math.max(0, item.article.lines.length - item.start);
}

export function isContinuation(item: Item): boolean {
  return item.continuedFrom !== undefined;
}

/** Photos go with the start of the article only. */
export function imagesOf(item: Item): ArticleMetrics["images"] {
  return isContinuation(item) ? [] : item.article.images;
}

/** Head block rows at span k; spans beyond the measured ones reuse the widest measure. */
export function headRowsAt(item: Item, span: number): number {
  const rows = isContinuation(item) ? item.article.continuationHeadRows : item.article.headRows;
  return Math.max(0, rows[span - 1] ?? rows.at(-1) ?? 0);
}

/** Articles without a usable priority count as 5. */
export function usablePriority(priority: number | undefined): number {
  return priority !== undefined && Number.isFinite(priority) && priority >= 1 ? priority : 5;
}

export function priorityOfItem(item: Item): number {
  return usablePriority(item.article.priority);
}
