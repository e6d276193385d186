import type { Issue } from "../load";
import type { PageListing } from "./state";

// What the editor's page learns about a new version besides its pages: which printed pages differ
// from the version before (so an open page can swap just those in), and each page's list of
// articles as the issue file has it (the page lists of the warnings panel).

const SECTION = /(?=<section class="np-page[ "])/;

/**
 * The printed pages whose HTML differs between two versions, or undefined when more than pages
 * changed (the document around them, the number of pages): then the whole document loads again.
 */
export function changedPages(before: string, after: string): number[] | undefined {
  const [headA = "", ...pagesA] = before.split(SECTION);
  const [headB = "", ...pagesB] = after.split(SECTION);
  if (headA !== headB || pagesA.length !== pagesB.length) return undefined;
  return pagesB.flatMap((page, i) => (page === pagesA[i] ? [] : [i + 1]));
}

export function pageListing(issue: Issue): PageListing[] {
  return issue.data.pages.map((page, p) => ({
    page: p + 1,
    explicit: Array.isArray(page.layout),
    articles: page.articles.map((a) => {
      const placed = Array.isArray(page.layout) ? page.layout.find((pl) => pl.article === a.id) : undefined;
      const pin = placed
        ? { column: placed.column, line: placed.line, span: placed.span, height: placed.height }
        : a.place;
      return { id: a.id, ...(a.headline ? { headline: a.headline } : {}), ...(pin ? { pin } : {}) };
    }),
    ads: page.ads.map((ad) => ad.id),
  }));
}
