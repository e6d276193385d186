import { type Diagnostic, warning } from "../diagnostics";
import { type ArticleData, bodyText } from "../load";
import type { Layout } from "../makeup/types";
import type { TypesetModel } from "../typeset/model";
import { FULL_WIDTH, findHalfWidthPunctuation, snippetAround } from "../typography/punctuation";

// Half-width punctuation left between Chinese characters (import replaces what it reads; an issue
// written by hand or edited later may still hold some): one warning per article, with the count
// and the first place, so the editor finds them in issue.json.

/** Every printed text of an article, in reading order. */
function printedTexts(article: ArticleData): string[] {
  return [
    article.label,
    article.kicker,
    article.headline,
    article.subhead,
    article.dateline,
    ...article.body.map(bodyText),
    article.byline,
    ...article.images.flatMap((image) => [image.caption, image.credit]),
  ].filter((text): text is string => text !== undefined);
}

/** The warnings of the articles the pages print (an unused filler is not printed). */
export function punctuationWarnings(model: TypesetModel, layout: Layout): Diagnostic[] {
  const fullWidth = Object.values(FULL_WIDTH).join("");
  const printed = new Set(layout.pages.flatMap((p) => p.modules.map((m) => m.articleId)));
  return [...model.articles.values()].flatMap(({ article }) => {
    if (!printed.has(article.id)) return [];
    const found = printedTexts(article).flatMap((text) =>
      findHalfWidthPunctuation(text).map((mark) => snippetAround(text, mark.at)),
    );
    if (found.length === 0) return [];
    const marks = found.length === 1 ? "1 half-width punctuation mark" : `${found.length} half-width punctuation marks`;
    return [
      warning(`article ${article.id}: ${marks} between Chinese characters (first: “${found[0]}”)`, {
        articleId: article.id,
        code: "half-width-punctuation",
        hint: `set them full-width: ${fullWidth}`,
      }),
    ];
  });
}
