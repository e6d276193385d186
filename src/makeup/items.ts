import type { ArticleMetrics } from "./types";
import { usablePriority } from "./weights";

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

export function priorityOfItem(item: Item): number {
  return usablePriority(item.article.priority);
}

/** Own articles by priority then the editor's order; continuations after them, oldest first.
 *  The first item is the page's lead. */
export function sortItems(items: Item[]): Item[] {
  return [...items].sort((a, b) => {
    const contA = isContinuation(a) ? 1 : 0;
    const contB = isContinuation(b) ? 1 : 0;
    if (contA !== contB) return contA - contB;
    if (contA === 1 && a.continuedFrom !== b.continuedFrom) {
      return (a.continuedFrom ?? 0) - (b.continuedFrom ?? 0);
    }
    const byPriority = priorityOfItem(a) - priorityOfItem(b);
    return byPriority !== 0 ? byPriority : a.article.order - b.article.order;
  });
}
