import type { ArticleMetrics, BodyLine } from "../types";

// Copyfit with the editor's consent: only paragraphs marked cuttable may be dropped, the last
// first, and only to save a jump or a failure. A cut article is the same article with those
// paragraphs' lines taken out (each line keeps its paragraph index, so the text still maps).

/** The lines left when `cut` paragraphs are dropped. */
export function linesAfterCuts(lines: BodyLine[], cut: readonly number[]): BodyLine[] {
  if (cut.length === 0) return lines;
  const dropped = new Set(cut);
  return lines.filter((line) => !dropped.has(line.paragraph));
}

/** The article without the `cut` paragraphs. */
export function withCuts(article: ArticleMetrics, cut: readonly number[]): ArticleMetrics {
  return cut.length === 0 ? article : { ...article, lines: linesAfterCuts(article.lines, cut) };
}

/** The next paragraph to drop: the last cuttable one not dropped yet. */
export function nextCut(article: ArticleMetrics, cut: readonly number[]): number | undefined {
  const cuttable = article.cuttable ?? [];
  for (let i = cuttable.length - 1; i >= 0; i--) {
    const p = cuttable[i];
    if (p !== undefined && !cut.includes(p)) return p;
  }
  return undefined;
}
