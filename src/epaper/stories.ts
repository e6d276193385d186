import { type ArticleData, bodyText } from "../load";
import type { Layout, Module } from "../makeup/types";
import { creditText } from "../typeset/content";
import type { TypesetArticle, TypesetModel } from "../typeset/model";

// The stories as the pages print them: each article the make-up placed, with the parts it
// has on its pages (a jumped story has two), the body items it printed (paragraphs the make-up
// cut are left out, as in print) and its photos. Reading order: page by page, each page's own
// stories in the order the editor gave them; a continued part belongs to its story's first page.

export interface StoryPart {
  page: number;
  module: Module;
}

export type StoryBlock = { kind: "text"; text: string; dateline?: string } | { kind: "subhead"; text: string };

export interface Story {
  id: string;
  typeset: TypesetArticle;
  /** What names the story: its headline, else the opening of its text or caption. */
  title: string;
  parts: StoryPart[];
  blocks: StoryBlock[];
  /** Indices of the article's images the pages show, in order. */
  photos: number[];
}

export function storiesOf(model: TypesetModel, layout: Layout): Story[] {
  const stories = new Map<string, Story>();
  for (const page of layout.pages) {
    const order = (m: Module) => model.articles.get(m.articleId)?.order ?? 0;
    for (const module of [...page.modules].sort((a, b) => order(a) - order(b))) {
      const typeset = model.articles.get(module.articleId);
      if (!typeset) throw new Error(`layout names unknown article ${module.articleId}`);
      const known = stories.get(module.articleId);
      if (known) {
        known.parts.push({ page: page.number, module });
        continue;
      }
      const cut = new Set(
        layout.cuts
          .filter((c) => c.articleId === module.articleId)
          .flatMap((c) => c.paragraphs.map((p) => typeset.paragraphs[p]?.source)),
      );
      stories.set(module.articleId, {
        id: module.articleId,
        typeset,
        title: storyTitle(typeset.article, typeset.style.lang.latin),
        parts: [{ page: page.number, module }],
        blocks: blocksOf(typeset.article, cut),
        photos: [],
      });
    }
  }
  const list = [...stories.values()];
  for (const story of list) {
    const placed = new Set(story.parts.flatMap((p) => p.module.images.map((i) => i.index)));
    story.photos = story.typeset.article.images.map((_, i) => i).filter((i) => placed.has(i));
  }
  return list;
}

/** The body items printed, the dateline leading the first paragraph as in print. */
function blocksOf(article: ArticleData, cut: Set<number | undefined>): StoryBlock[] {
  const blocks: StoryBlock[] = [];
  let dateline = article.dateline;
  article.body.forEach((item, source) => {
    if (cut.has(source)) return;
    if (typeof item === "object" && "subhead" in item) {
      blocks.push({ kind: "subhead", text: item.subhead });
      return;
    }
    blocks.push({ kind: "text", text: bodyText(item), ...(dateline ? { dateline } : {}) });
    dateline = undefined;
  });
  if (dateline) blocks.unshift({ kind: "text", text: "", dateline });
  return blocks;
}

/** A headline names a story; a follow-up (又讯) or a photo item without one is named by its
 *  dateline and first words, or its caption. */
export function storyTitle(article: ArticleData, latin: boolean): string {
  if (article.headline) return article.headline;
  const first = article.body.map(bodyText)[0];
  const opening = first ? shorten(first, latin ? 60 : 24) : undefined;
  if (article.dateline && opening) return `${article.dateline}${latin ? ": " : "："}${opening}`;
  const caption = article.images[0]?.caption;
  return opening ?? (caption ? shorten(caption, latin ? 60 : 24) : undefined) ?? article.kicker ?? article.id;
}

/** The first `max` characters of a text, an ellipsis after when it is longer. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : text;
}

/** The story's printed credit line, e.g. （融媒体 徐振鑫）. */
export function bylineText(story: Story): string | undefined {
  const { byline } = story.typeset.article;
  return byline ? creditText(byline, story.typeset.style.lang.words) : undefined;
}
