import type { ArticleData, IssueData, PageFormat } from "../load";
import type { PrintedDate } from "./dates";
import { headlineSize, kickerSize, subheadSize } from "./head-style";

// View models shared by the measuring page and the final pages: what the head, caption and
// masthead partials are filled with. Same view in, same markup out, same measure.

export interface HeadView {
  article: ArticleData;
  head: { size: number; kicker: number; sub: number };
  continued: boolean;
  continuedFrom?: number;
}

export function spanWidth(f: PageFormat, span: number): number {
  return span * f.columnWidth + (span - 1) * f.gutter;
}

export function priorityOf(article: ArticleData, index: number): number {
  return article.priority ?? (index === 0 ? 1 : 3);
}

export function headView(
  article: ArticleData,
  priority: number,
  span: number,
  f: PageFormat,
  continuedFrom?: number,
): HeadView {
  const size = headlineSize(priority, span, f.bodySize);
  return {
    article,
    head: { size, kicker: kickerSize(size, f.bodySize), sub: subheadSize(size, f.bodySize) },
    continued: continuedFrom !== undefined,
    continuedFrom,
  };
}

/** What the caption partial prints under a photo: the caption, then the credit in （）. */
export interface CaptionView {
  caption?: string;
  credit?: string;
}

export function captionView(image: { caption?: string; credit?: string }): CaptionView | undefined {
  return image.caption || image.credit ? { caption: image.caption, credit: image.credit } : undefined;
}

export interface IndexEntry {
  headline: string;
  page: number;
}

export interface MastheadView {
  paper: IssueData["paper"];
  logo?: string;
  date: PrintedDate;
  number?: number;
  pageCount: number;
  index: IndexEntry[];
  /** Where it sits in the type area, in pt (beside the ear, if there is one). */
  box: { left: number; width: number };
  height?: number;
}

/** The index (导读): the leading stories of the inner pages, with their page numbers. A section's
 *  lead in the story pool counts on the section's first automatic page, where the make-up puts it. */
export function indexEntries(issue: IssueData, max = 6): IndexEntry[] {
  const entries: IndexEntry[] = [];
  const firstOfSection = new Map<string, number>();
  issue.pages.forEach((page, p) => {
    if (page.section !== undefined && page.layout === "auto" && !firstOfSection.has(page.section))
      firstOfSection.set(page.section, p);
  });
  issue.pages.forEach((page, p) => {
    if (p === 0) return;
    const pooled = page.section !== undefined && firstOfSection.get(page.section) === p;
    const pool = pooled ? issue.articles.filter((a) => a.section === page.section) : [];
    const ranked = [...page.articles.map((a, i) => ({ a, pr: priorityOf(a, i), i }))]
      .concat(pool.map((a, i) => ({ a, pr: a.priority ?? 3, i: 500 + i })))
      .filter((x) => x.a.headline)
      .sort((x, y) => x.pr - y.pr || x.i - y.i);
    const lead = ranked[0];
    if (lead?.a.headline) entries.push({ headline: lead.a.headline, page: p + 1 });
  });
  return entries.slice(0, max);
}

export function mastheadView(
  issue: IssueData,
  date: PrintedDate,
  box: MastheadView["box"],
  logoUrl?: string,
): MastheadView {
  return {
    box,
    paper: issue.paper,
    logo: logoUrl,
    date,
    number: issue.issue.number,
    pageCount: issue.pages.length,
    index: indexEntries(issue),
  };
}
