import type { Diagnostic } from "../diagnostics";
import type { ArticleMetrics } from "../makeup/types";
import type { TypesetArticle } from "./model";
import type { ComposedLine } from "./printed-lines";

// What the measure stage finds out about the typeset text, as plain data: the make-up solves from
// `metrics`, the render stage prints the composed `lines`, a column's share of them. Nothing here
// refers to a browser, so a cache can hold it and a later build can reuse it.

export interface ArticleMeasure {
  metrics: ArticleMetrics;
  /** Per paragraph of the article's typeset text, its lines as the composer set them. */
  lines: ComposedLine[][];
}

export interface Measurements {
  articles: Map<string, ArticleMeasure>;
  /** Height of the front page's masthead, in grid lines. */
  mastheadRows: number;
  /** The paper's name shrunk to fit its one line, in pt; absent: it fits at the style's size. */
  mastheadNameSize?: number;
  /** What the measuring found wrong but could set (a name shrunk below the style's least size). */
  warnings?: Diagnostic[];
}

/** The editor's choices for an article that the make-up takes as they are, beside its measures:
 *  column hint, least lines, cuttable paragraphs, jumps, and whether it is a filler. */
export function editorsChoices(typeset: TypesetArticle) {
  const a = typeset.article;
  return {
    columns: a.columns,
    minLines: a.minLines,
    cuttable: typeset.paragraphs.flatMap((p, i) => (p.cuttable ? [i] : [])),
    ...(a.jump === false ? { jump: false } : {}),
    ...(a.jumpTo !== undefined ? { jumpTo: a.jumpTo } : {}),
    ...(typeset.page < 0 && !typeset.pool ? { filler: true } : {}),
  } satisfies Partial<ArticleMetrics>;
}
