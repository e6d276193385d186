import { browserScript } from "../browser/scripts";
import type { WorkPage } from "../browser/work-page";
import type { BodyLine } from "../makeup/types";
import { measuringDocumentKey, PAGEDJS_SCRIPT, stylesheets } from "../typeset/assets";
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
  const raw = await page.call(MEASURE_SCRIPT, "measureAll", { maxWordSpace: model.style.maxWordSpace });
  if (page.errors.length) throw new Error(`measuring page failed: ${page.errors.join("; ")}`);
  const rows = (px: number) => Math.ceil(px / raw.pitchPx - 0.02);
  const spans = spansOf(model);
  const articles = new Map<string, ArticleMeasure>();
  const warnings: string[] = [];
  for (const [id, typeset] of model.articles) {
    const m = raw.articles[id];
    if (!m) throw new Error(`article ${id} was not measured`);
    const aspects = input.aspects.get(id) ?? [];
    const a = typeset.article;
    const side = m.verticalHead && sideHead(model, m.verticalHead, raw.pitchPx);
    const loose = m.paragraphs.reduce((n, p) => n + (p.loose ?? 0), 0);
    if (loose > 0)
      warnings.push(
        `article ${id}: ${loose} justified line(s) with word spaces wider than ${model.style.maxWordSpace}× the face's own`,
      );
    articles.set(id, {
      lineStarts: m.paragraphs.map((p) => p.starts),
      ...(m.paragraphs.some((p) => p.spacing) ? { spacing: m.paragraphs.map((p) => p.spacing) } : {}),
      metrics: {
        id,
        priority: typeset.priority,
        order: typeset.order,
        // A vertical head is a block at the module's right, not a band on top.
        headRows: spans.map((s) => (side ? 0 : rows(m.heads[`${s}`] ?? 0))),
        ...(side ? { sideHead: side } : {}),
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
        ...(typeset.page < 0 ? { filler: true } : {}),
      },
    });
  }
  const name = mastheadName(model, raw.mastheadName);
  return {
    articles,
    mastheadRows: rows(raw.masthead),
    ...name,
    warnings: [...(name.warnings ?? []), ...warnings],
  };
}

const spansOf = (model: TypesetModel) => Array.from({ length: model.issue.format.columns }, (_, i) => i + 1);

/** The measuring page: each article's body at the column width, heads and captions at every span. */
function measuringDocument(model: TypesetModel): string {
  const f = model.issue.format;
  const spans = spansOf(model);
  const box = (t: TypesetArticle) => ({
    id: t.article.id,
    lang: t.lang,
    latin: t.style.lang.latin,
    vertical: t.article.headOrientation === "vertical" ? { ...headView(t, 1, f), height: f.areaHeight } : undefined,
    paragraphs: t.paragraphs.map((p) => ({ kind: p.kind, runs: p.runs })),
    heads: spans.flatMap((span) => [
      { span, width: spanWidth(f, span), ...headView(t, span, f) },
      { span, width: spanWidth(f, span), ...headView(t, span, f, 0) },
    ]),
    captions: t.article.images.flatMap((img, image) => {
      const view = captionView(img, t);
      return view ? spans.map((span) => ({ image, span, width: spanWidth(f, span), captionView: view })) : [];
    }),
  });
  return model.templates.measure({
    title: documentTitle(model),
    htmlLang: model.htmlLang,
    stylesheets: stylesheets(model.fontStylesheets),
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

/** The name's size when shrunk to one line, and a warning when it had to go below the style's least. */
function mastheadName(model: TypesetModel, fit: MeasurePage.PageMeasurements["mastheadName"]) {
  if (!fit) return { warnings: [] };
  const size = Math.round(fit.sizePx * 0.75 * 2) / 2;
  const least = model.style.masthead.minScale;
  const warnings =
    fit.scale < least
      ? [
          `masthead: the paper's name fits one line only at ${Math.round(fit.scale * 100)}% of its size (the style's least is ${Math.round(least * 100)}%): a shorter name, a logo or a smaller masthead size`,
        ]
      : [];
  return { mastheadNameSize: size, warnings };
}

/** A vertical head's block in grid units: whole columns (with their gutters) and lines. */
function sideHead(model: TypesetModel, box: { width: number; height: number }, pitchPx: number) {
  const f = model.issue.format;
  const widthPt = box.width * 0.75;
  const span = Math.max(1, Math.ceil((widthPt + f.gutter - 0.5) / (f.columnWidth + f.gutter)));
  return { span, rows: Math.ceil(box.height / pitchPx - 0.02) };
}
