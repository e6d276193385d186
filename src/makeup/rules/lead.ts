import type { GridRect } from "../../grid";
import { type Item, isContinuation, priorityOfItem, usablePriority } from "../items";
import { LEAD_WEIGHT } from "../limits";
import type { ArticleMetrics, Module, RuleBreak } from "../types";

// Rule: the page's lead is its most important story (priority, then the editor's order; below
// priority 1, a story one step lower and twice its size may lead instead: leadByWeight). It opens
// the page on the top row — no story above it — and its module is the page's largest story
// module (the rests continued from earlier pages and pictures without body text apart), and no
// module is wider (the editor's `columns` hint apart); the pool's lead of a section opens the
// section's first page; a story moved to fix an overflow never becomes the lead of the page it
// goes to. The packer puts the lead top left of the first region and pays RULE_BREAK for a
// packing that breaks the rule (page/packing.ts); a lead the editor pinned is where the editor
// wants it.

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

/** Below a section's lead (priority 1), a page whose most important story is short is led by a
 *  story one priority step lower that is at least LEAD_WEIGHT times its size (`size`, in cells):
 *  a few lines cannot carry a page, and a 版面编辑 leads it with the story that can — one that
 *  fits the page's `room` (cells) whole beside the story it displaces, not one that must jump.
 *  Stories the editor pinned are left where they are. `ordered`: in reading order. */
export function leadByWeight(
  ordered: Item[],
  size: (item: Item) => number,
  pinned: ReadonlySet<string>,
  room: number,
): Item[] {
  const lead = ordered[0];
  if (lead === undefined || isContinuation(lead) || pinned.has(lead.article.id)) return ordered;
  const priority = priorityOfItem(lead);
  if (priority <= 1) return ordered;
  const weight = size(lead);
  let promoted: Item | undefined;
  let most = 0;
  for (const item of ordered) {
    if (isContinuation(item) || item.article.filler || pinned.has(item.article.id)) continue;
    if (priorityOfItem(item) !== priority + 1) continue;
    const cells = size(item);
    if (cells >= LEAD_WEIGHT * weight && cells + weight <= room && cells > most) [promoted, most] = [item, cells];
  }
  return promoted === undefined ? ordered : [promoted, ...ordered.filter((item) => item !== promoted)];
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

const sharesColumns = (a: GridRect, b: GridRect) => a.col < b.col + b.span && b.col < a.col + a.span;

/** The lead's module against the other stories' modules of its page (continuations and pinned
 *  modules not among them): what stands above it, and the largest of them. */
export function leadStanding(lead: GridRect, others: GridRect[]): { above: GridRect[]; largest: number } {
  return {
    above: others.filter((o) => sharesColumns(o, lead) && o.row + o.rows <= lead.row),
    largest: others.reduce((most, o) => Math.max(most, o.span * o.rows), 0),
  };
}

/** Whether the lead is on the top row (none of `others` above it) and the largest of the
 *  `stories` (the others with body text: a picture alone may outweigh it). */
export function leadHolds(lead: GridRect, others: GridRect[], stories: GridRect[] = others): boolean {
  return leadStanding(lead, others).above.length === 0 && lead.span * lead.rows >= leadStanding(lead, stories).largest;
}

/** The rule over a finished page whose lead is `leadId`: its first line (1-based) against the
 *  first line it could have had, its cells against the largest other story's. */
export function leadBreaks(modules: Module[], leadId: string | undefined, taken: GridRect[]): RuleBreak[] {
  const lead = modules.find((m) => m.articleId === leadId && m.continuedFrom === undefined);
  if (lead === undefined || lead.origin !== "auto") return [];
  const others = modules.filter((m) => m !== lead && m.continuedFrom === undefined && m.origin === "auto");
  const { above } = leadStanding(lead, others);
  // Largest among the stories: a picture with only its caption is no story to outweigh the lead.
  const { largest } = leadStanding(
    lead,
    others.filter((m) => m.columns.some((c) => c.end > c.start)),
  );
  const breaks: RuleBreak[] = [];
  // The top of its columns: below the masthead, the ads and the editor's pins above it. A lead
  // already there is on top, whatever shares one of its columns above a pin.
  const fixed = [...taken, ...modules.filter((m) => m.origin !== "auto")];
  const top = fixed
    .filter((t) => sharesColumns(t, lead) && t.row + t.rows <= lead.row)
    .reduce((row, t) => Math.max(row, t.row + t.rows), 0);
  if (above.length > 0 && lead.row > top)
    breaks.push({ rule: "lead-top", article: lead.articleId, measure: lead.row + 1, limit: top + 1 });
  const cells = lead.span * lead.rows;
  if (cells < largest) breaks.push({ rule: "lead-largest", article: lead.articleId, measure: cells, limit: largest });
  return breaks;
}
