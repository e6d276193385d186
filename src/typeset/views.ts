import type { HouseStyle, LangStyle } from "../config/house-style";
import { fillWords } from "../config/langs";
import type { ArticleData, IssueData, PageFormat } from "../load";
import type { PrintedDate } from "./dates";
import { headlineSize, kickerSize, subheadSize, verticalHeadlineSize } from "./head-style";

// View models shared by the measuring page and the final pages: what the head, caption and
// masthead partials are filled with, the house style's words already in them. Same view in, same
// markup out, same measure.

/** What the views of one article need of the house style. */
export interface ArticleStyle {
  lang: LangStyle;
  sizes: HouseStyle["sizes"];
}

export interface HeadView {
  article: ArticleData;
  head: { size: number; kicker: number; sub: number };
  continued: boolean;
  continuedFrom?: number;
  /** The continuation line, e.g. （上接第2版）. */
  jumpFrom?: string;
  subheadLead: string;
  /** A vertical head (竖排) at the right of the module. */
  vertical: boolean;
}

export function priorityOf(article: ArticleData, index: number): number {
  return article.priority ?? (index === 0 ? 1 : 3);
}

export function headView(
  t: { article: ArticleData; priority: number; style: ArticleStyle },
  span: number,
  f: PageFormat,
  continuedFrom?: number,
): HeadView {
  const { sizes, lang } = t.style;
  const continued = continuedFrom !== undefined;
  const vertical = !continued && t.article.headOrientation === "vertical";
  const size = vertical
    ? verticalHeadlineSize(t.priority, f.bodySize, sizes)
    : headlineSize(t.priority, span, f.bodySize, sizes);
  return {
    article: t.article,
    head: { size, kicker: kickerSize(size, f.bodySize, sizes), sub: subheadSize(size, f.bodySize, sizes) },
    continued,
    continuedFrom,
    ...(continued ? { jumpFrom: fillWords(lang.words.jumpFrom, { n: continuedFrom }) } : {}),
    subheadLead: lang.words.subheadLead,
    vertical,
  };
}

/** What the caption partial prints under a photo: the caption, then the credit in the paper's form. */
export interface CaptionView {
  caption?: string;
  credit?: string;
}

export function captionView(
  image: { caption?: string; credit?: string },
  t: { style: ArticleStyle },
): CaptionView | undefined {
  if (!image.caption && !image.credit) return undefined;
  const credit = image.credit ? fillWords(t.style.lang.words.photoCredit, { credit: image.credit }) : undefined;
  return { caption: image.caption, credit };
}

export interface IndexEntry {
  headline: string;
  /** The folio as printed ("第2版", "Page 2"). */
  page: string;
  number: number;
}

export interface MastheadView {
  paper: IssueData["paper"];
  logo?: string;
  date: PrintedDate;
  /** The lines under the name, in the paper's words. */
  number?: string;
  pageCount: string;
  serial?: string;
  publisher?: string;
  indexTitle: string;
  index: IndexEntry[];
  /** Where it sits in the type area, in pt (beside the ear, if there is one). */
  box: { left: number; width: number };
  /** Narrowed by an ear: the index goes under the name, which keeps the masthead's width. */
  stacked: boolean;
  height?: number;
  /** The name's size when shrunk to fit one line (pt); absent: the style's size. */
  nameSize?: number;
}

/** The index (导读): the leading stories of the inner pages, with their page numbers. A section's
 *  lead in the story pool counts on the section's first automatic page, where the make-up puts it. */
export function indexEntries(issue: IssueData, words: LangStyle["words"], max = 6): IndexEntry[] {
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
    if (lead?.a.headline)
      entries.push({ headline: lead.a.headline, page: fillWords(words.indexPage, { n: p + 1 }), number: p + 1 });
  });
  return entries.slice(0, max);
}

export function mastheadView(
  issue: IssueData,
  date: PrintedDate,
  box: MastheadView["box"],
  words: LangStyle["words"],
  logoUrl?: string,
  besideEar = false,
): MastheadView {
  const { paper } = issue;
  const n = issue.issue.number;
  return {
    box,
    stacked: besideEar,
    paper,
    logo: logoUrl,
    date,
    ...(n !== undefined ? { number: fillWords(words.issueNumber, { n }) } : {}),
    pageCount: fillWords(words.pageCount, { n: issue.pages.length }),
    ...(paper.serial ? { serial: fillWords(words.serial, { serial: paper.serial }) } : {}),
    ...(paper.publisher ? { publisher: fillWords(words.publisher, { publisher: paper.publisher }) } : {}),
    indexTitle: words.index,
    index: indexEntries(issue, words),
  };
}
