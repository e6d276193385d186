import type { Diagnostic } from "../diagnostics";
import type { ArticleMetrics } from "../makeup/types";

// What the measure stage finds out about the typeset text, as plain numbers: the make-up solves
// from `metrics`, the render stage cuts paragraphs at `lineStarts`. Nothing here refers to a
// browser, so a cache can hold it and a later build can reuse it.

export interface ArticleMeasure {
  metrics: ArticleMetrics;
  /** Per paragraph of the article's typeset text, the text offsets where its lines start. */
  lineStarts: number[][];
  /** Per paragraph, the word and letter spacing (CSS) the measure chose to keep a Latin paragraph
   *  free of loose lines; absent: as the stylesheet sets it. */
  spacing?: (string | undefined)[];
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
