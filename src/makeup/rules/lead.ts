import { type Item, isContinuation, priorityOfItem, usablePriority } from "../items";
import type { ArticleMetrics } from "../types";

// Rule: the page's lead is its most important story (priority, then the editor's order). It opens
// the page top left and no module is wider (the editor's `columns` hint apart); the pool's lead of
// a section opens the section's first page; a story moved to fix an overflow never becomes the
// lead of the page it goes to.

/** Own articles by priority then the editor's order; continuations after them, oldest first.
 *  The first item is the page's lead. */
export function readingOrder(items: Item[]): Item[] {
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

/** The lead among a page's own articles. */
export function leadOf(articles: ArticleMetrics[]): ArticleMetrics | undefined {
  return [...articles].sort((a, b) => usablePriority(a.priority) - usablePriority(b.priority) || a.order - b.order)[0];
}

/** Whether a module of item `index` may be `span` wide when the lead is `leadSpan` wide: the lead
 *  exactly that (when `exact`: the page's own lead is packed), every other module at most. */
export function spanAllowed(index: number, span: number, leadSpan: number, exact: boolean): boolean {
  return index === 0 && exact ? span === leadSpan : span <= leadSpan;
}
