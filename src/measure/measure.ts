import { browserScript } from "../browser/scripts";
import type { WorkPage } from "../browser/work-page";
import type { BodyLine } from "../makeup/types";
import { measuringDocumentKey, PAGEDJS_SCRIPT, STYLESHEETS } from "../typeset/assets";
import type { Paragraph } from "../typeset/content";
import { bodyOf } from "../typeset/html-parts";
import type { ArticleMeasure, Measurements } from "../typeset/measurements";
import { documentTitle, type TypesetArticle, type TypesetModel } from "../typeset/model";
import { captionView, headView, spanWidth } from "../typeset/views";
import type * as MeasurePage from "./measure.browser";

// One measuring pass per build: every article's body at the column width (where Chromium breaks
// each line), its head at every span, its captions at every span, and the masthead. The make-up
// then solves from these numbers without asking the browser again.

export interface MeasureInput {
  model: TypesetModel;
  /** The page to measure in; the render stage later prints in it (its fonts are decoded). */
  page: WorkPage;
  /** Serves the measuring document on the loopback server, returns its URL. */
  serve: (path: string, html: string) => string;
  /** Source aspect ratio (width / height) of each article's photos. */
  aspects: Map<string, number[]>;
}

const MEASURE_SCRIPT = browserScript<typeof MeasurePage>("src/measure/measure.browser.ts", "npMeasure");

export async function measure(input: MeasureInput): Promise<Measurements> {
  const { model, page } = input;
  const html = measuringDocument(model);
  const url = input.serve("/measure.html", html);
  await page.show(url, measuringDocumentKey(model.formatCss), bodyOf(html));
  const raw = await page.call(MEASURE_SCRIPT, "measureAll");
  if (page.errors.length) throw new Error(`measuring page failed: ${page.errors.join("; ")}`);
  const rows = (px: number) => Math.ceil(px / raw.pitchPx - 0.02);
  const spans = spansOf(model);
  const articles = new Map<string, ArticleMeasure>();
  for (const [id, typeset] of model.articles) {
    const m = raw.articles[id];
    if (!m) throw new Error(`article ${id} was not measured`);
    const aspects = input.aspects.get(id) ?? [];
    const a = typeset.article;
    articles.set(id, {
      lineStarts: m.paragraphs.map((p) => p.starts),
      metrics: {
        id,
        priority: typeset.priority,
        order: typeset.order,
        headRows: spans.map((s) => rows(m.heads[`${s}`] ?? 0)),
        continuationHeadRows: spans.map((s) => rows(m.heads[`${s}c`] ?? 0)),
        lines: bodyLines(
          typeset.paragraphs,
          m.paragraphs.map((p) => p.starts.length),
        ),
        images: a.images.map((_, i) => ({
          aspect: aspects[i] ?? 1.5,
          captionRows: spans.map((s) => rows(m.captions[`${i}:${s}`] ?? 0)),
        })),
        columns: a.columns,
        minLines: a.minLines,
        cuttable: typeset.paragraphs.flatMap((p, i) => (p.cuttable ? [i] : [])),
        ...(a.jump === false ? { jump: false } : {}),
        ...(a.jumpTo !== undefined ? { jumpTo: a.jumpTo } : {}),
        ...(typeset.page < 0 && !typeset.pool ? { filler: true } : {}),
      },
    });
  }
  return { articles, mastheadRows: rows(raw.masthead) };
}

const spansOf = (model: TypesetModel) => Array.from({ length: model.issue.format.columns }, (_, i) => i + 1);

/** The measuring page: each article's body at the column width, heads and captions at every span. */
function measuringDocument(model: TypesetModel): string {
  const f = model.issue.format;
  const spans = spansOf(model);
  const box = (t: TypesetArticle) => ({
    id: t.article.id,
    paragraphs: t.paragraphs.map((p) => ({ kind: p.kind, runs: p.runs })),
    heads: spans.flatMap((span) => [
      { span, width: spanWidth(f, span), ...headView(t.article, t.priority, span, f) },
      { span, width: spanWidth(f, span), ...headView(t.article, t.priority, span, f, 0) },
    ]),
    captions: t.article.images.flatMap((img, image) => {
      const view = captionView(img);
      return view ? spans.map((span) => ({ image, span, width: spanWidth(f, span), captionView: view })) : [];
    }),
  });
  return model.templates.measure({
    title: documentTitle(model),
    stylesheets: STYLESHEETS,
    pagedScript: PAGEDJS_SCRIPT,
    masthead: model.masthead,
    articles: [...model.articles.values()].map(box),
  });
}

function bodyLines(paragraphs: Paragraph[], counts: number[]): BodyLine[] {
  const lines: BodyLine[] = [];
  paragraphs.forEach((p, index) => {
    const n = counts[index] ?? 1;
    for (let i = 0; i < n; i++) {
      lines.push({ paragraph: index, first: i === 0, last: i === n - 1, keepWithNext: p.kind === "subhead" });
    }
  });
  return lines;
}
