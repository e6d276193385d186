import type { HouseStyle } from "../config/house-style";
import type { Lang } from "../config/style-schema";
import type { ArticleData, Issue } from "../load";
import { protectBreaks } from "../typography/linebreak";
import { type Ear, earOf, mastheadBox } from "./ads";
import { issueFileUrl, styleFileUrl } from "./assets";
import { type Paragraph, paragraphsOf } from "./content";
import { type PrintedDate, printedDate } from "./dates";
import { formatCss } from "./format-css";
import { hyphenator } from "./hyphenate";
import { fontStylesheets, styleCss } from "./style-css";
import { loadTemplates, type Templates } from "./templates";
import { type ArticleStyle, type MastheadView, mastheadView, priorityOf } from "./views";

// The typesetting model of an issue: every article's text as the typesetter sets it (paragraphs of
// styled runs, line breaks protected, Latin text hyphenated), its priority, the printed date and the
// masthead, the house style as CSS, and the templates that turn them into HTML. The measure stage
// sets it in Chromium to find line breaks; the render stage sets the same model into pages. One
// model, so a line measured is the line printed.

export interface TypesetArticle {
  article: ArticleData;
  /** Index of the page the editor put it on; -1 for a filler or a pool story (the make-up
   *  chooses its page). */
  page: number;
  /** A story of the pool (`articles` at the top level), not a filler. */
  pool?: boolean;
  /** Position in its page's list: the reading order the editor gave. */
  order: number;
  /** 1 = lead story. */
  priority: number;
  paragraphs: Paragraph[];
  /** Its language's words and fonts, the paper's sizes. */
  style: ArticleStyle;
  /** The html lang of its module, when it is not the issue's. */
  lang?: string;
}

export interface TypesetModel {
  issue: Issue;
  style: HouseStyle;
  /** The html lang attribute of the pages. */
  htmlLang: string;
  date: PrintedDate;
  masthead: MastheadView;
  /** The front page's ear beside the masthead, if an ad or article takes it. */
  ear?: Ear;
  /** The format's numbers and the house style as CSS (served as /format.css). */
  formatCss: string;
  /** The @fontsource stylesheets of the faces the pages use. */
  fontStylesheets: string[];
  articles: Map<string, TypesetArticle>;
  templates: Templates;
}

export function typesetIssue(issue: Issue, templates: Templates = loadTemplates()): TypesetModel {
  const data = issue.data;
  const style = issue.style;
  const paper = style.langs[style.lang];
  const date = printedDate(data.issue.date, paper);
  const logoFile = data.paper.logo ? issueFileUrl(data.paper.logo) : undefined;
  const logo = logoFile ?? (style.masthead.logo ? `/${styleFileUrl(style.masthead.logo, issue.dir)}` : undefined);
  const ear = earOf(data, issue.format);
  const articles = new Map<string, TypesetArticle>();
  const langs = new Set<Lang>([style.lang]);
  const add = (article: ArticleData, page: number, order: number, priority: number, pool?: boolean) => {
    const lang = article.lang ?? style.lang;
    langs.add(lang);
    const own = style.langs[lang];
    const hyphenate = hyphenator(own);
    const protect = hyphenate ? (text: string) => hyphenate(protectBreaks(text)) : protectBreaks;
    articles.set(article.id, {
      article,
      page,
      order,
      priority,
      paragraphs: paragraphsOf(article, protect, own.words),
      style: { lang: own, sizes: style.sizes },
      ...(lang !== style.lang ? { lang: own.htmlLang } : {}),
      ...(pool ? { pool } : {}),
    });
  };
  for (const [p, page] of data.pages.entries()) {
    for (const [order, article] of page.articles.entries()) add(article, p, order, priorityOf(article, order));
  }
  // Pool stories follow the editor's own stories of the page the make-up gives them.
  for (const [order, article] of data.articles.entries()) add(article, -1, 500 + order, article.priority ?? 3, true);
  // Fillers come last on any page, whatever their place in the list.
  for (const [order, article] of data.fillers.entries()) add(article, -1, 1000 + order, article.priority ?? 9);
  const used = [...langs];
  return {
    issue,
    style,
    htmlLang: paper.htmlLang,
    date,
    // A zoned edition shares the base's front page: the index lists the base's stories.
    masthead: mastheadView(
      issue.edition?.base ?? data,
      date,
      mastheadBox(issue.format, ear),
      paper.words,
      logo,
      ear !== undefined,
    ),
    ear,
    formatCss: formatCss(issue.format) + styleCss(style, used, (file) => styleFileUrl(file, issue.dir)),
    fontStylesheets: fontStylesheets(style, used),
    articles,
    templates,
  };
}

/** The model's article, or an error naming it (a layout or measurement naming an unknown id is a bug). */
export function typesetArticle(model: TypesetModel, id: string): TypesetArticle {
  const found = model.articles.get(id);
  if (!found) throw new Error(`no article "${id}" in the issue`);
  return found;
}

/** The issue's title as documents and PDFs carry it: paper and printed date. */
export function documentTitle(model: TypesetModel): string {
  return `${model.issue.data.paper.name} ${model.date.solar}`;
}
