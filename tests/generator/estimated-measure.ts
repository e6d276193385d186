import type { BodyLine } from "../../src/makeup/types";
import { editorsChoices, type Measurements } from "../../src/typeset/measurements";
import type { TypesetModel } from "../../src/typeset/model";

// Measurements estimated from the text instead of set in Chromium: lines from characters per
// line, heads and captions from their length at each span. Close enough to the browser's that the
// make-up and its advice can be run on random issues in the fast test layer; the e2e layer
// measures for real.

/** Body lines of a paragraph of `chars` characters, a line holding `perLine`: clreq keeps some
 *  punctuation off line starts, so lines run a little shorter than the column. */
const linesOf = (chars: number, perLine: number) => Math.max(1, Math.ceil((chars * 1.06) / perLine));

export function estimatedMeasure(model: TypesetModel, aspects: Map<string, number[]>): Measurements {
  const f = model.issue.format;
  const latin = (lang: { latin: boolean }) => (lang.latin ? 2 : 1);
  const articles: Measurements["articles"] = new Map();
  for (const [id, t] of model.articles) {
    const perLine = f.columnChars * latin(t.style.lang);
    const lines: BodyLine[] = [];
    t.paragraphs.forEach((p, paragraph) => {
      const chars = p.runs.reduce((n, r) => n + r.text.replace(/\u2060/g, "").length, 0);
      const n = p.kind === "subhead" ? 1 : linesOf(chars, perLine);
      for (let i = 0; i < n; i++)
        lines.push({ paragraph, first: i === 0, last: i === n - 1, keepWithNext: p.kind === "subhead" });
    });
    const a = t.article;
    const spans = Array.from({ length: f.columns }, (_, k) => k + 1);
    const sizes = model.style.sizes;
    const scale = t.priority === 1 ? sizes.leadHeadline : t.priority >= 4 ? sizes.minorHeadline : 1;
    const headSize = (span: number) => Math.min(sizes.maxHeadline, (sizes.headlineBySpan[span - 1] ?? 3.4) * scale);
    // Characters of a headline line at a span: the span's body characters over the head's size.
    const headLines = spans.map((span) => {
      const perHeadLine = Math.max(1, Math.floor((span * perLine + (span - 1)) / headSize(span)));
      return a.headline ? Math.ceil(a.headline.length / perHeadLine) : 0;
    });
    // A head block: label, kicker and subhead a line each, the headline's lines at its size, a gap.
    const headRows = spans.map((span, k) => {
      const decks = (a.label ? 1 : 0) + (a.kicker ? 1 : 0) + (a.subhead ? 1 : 0);
      return decks + Math.ceil(((headLines[k] ?? 0) * headSize(span) * 1.15 * f.bodySize) / f.linePitch) + 1;
    });
    const images = a.images.map((image, i) => ({
      aspect: aspects.get(id)?.[i] ?? 1.5,
      captionRows: spans.map((span) => {
        const text = (image.caption ?? "").length + (image.credit ?? "").length;
        return text === 0 ? 0 : linesOf(text, span * perLine * 1.1);
      }),
    }));
    articles.set(id, {
      lines: [],
      metrics: {
        id,
        priority: t.priority,
        order: t.order,
        headRows,
        headLines,
        continuationHeadRows: spans.map(() => 2),
        lines,
        images,
        ...editorsChoices(t),
      },
    });
  }
  return { articles, mastheadRows: Math.round(f.rows / 6) };
}
