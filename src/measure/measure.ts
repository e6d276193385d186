import { browserScript } from "../browser/scripts";
import type { WorkPage } from "../browser/work-page";
import { LANGS } from "../config/style-schema";
import { type Diagnostic, warning } from "../diagnostics";
import { spanWidth } from "../grid";
import type { BodyLine } from "../makeup/types";
import { measuringDocumentKey, PAGEDJS_SCRIPT, stylesheets } from "../typeset/assets";
import type { Paragraph } from "../typeset/content";
import { bodyOf } from "../typeset/html-parts";
import { type ArticleMeasure, editorsChoices, type Measurements } from "../typeset/measurements";
import { documentTitle, type TypesetArticle, type TypesetModel } from "../typeset/model";
import type { ComposedLine } from "../typeset/printed-lines";
import { usedFaces } from "../typeset/style-css";
import { captionView, headView } from "../typeset/views";
import { composeBody } from "./body";
import {
  appFiles,
  boxKey,
  type CachedBody,
  type CachedBox,
  environmentKey,
  type MeasureCache,
  type ModelFonts,
} from "./cache";
import { loadComposer } from "./composer/fonts";
import { setHeadsAndCaptions } from "./heads";
import { mastheadBox } from "./masthead";
import type * as MeasurePage from "./measure.browser";
import type { MeasuredBox } from "./measure.browser";

// One measuring pass per build: every article's body composed in Node at the column width (the
// composer decides each line; body.ts), its heads and captions at every span counted in Node as
// Chromium breaks them (heads.ts); vertical heads and the masthead set in Chromium, which starts
// only when one of them is not in the cache. The make-up then solves from these numbers without
// asking the browser again.

export interface MeasureInput {
  model: TypesetModel;
  /** The page to measure in, opened when something is not in the cache; the render stage later
   *  prints in it (its fonts are decoded). */
  page: () => Promise<WorkPage>;
  /** Chromium's version: part of what decides a line break. Asked only when something is measured
   *  there (a vertical head, the masthead): it may start the browser. */
  browserVersion: () => Promise<string>;
  /** Serves the measuring document on the loopback server, returns its URL. */
  serve: (path: string, html: string) => string;
  /** Source aspect ratio (width / height) of each article's photos. */
  aspects: Map<string, number[]>;
  /** Boxes measured before; only the others are set in the browser. */
  cache?: MeasureCache;
}

export interface MeasureResult extends Measurements {
  /** Articles set this time (body, heads or captions), in Node or in the browser: the rest came
   *  from the cache. */
  measured: number;
  /** Boxes measured in Chromium this time (vertical heads, the masthead): 0 when it was not needed. */
  inBrowser: number;
  /** Milliseconds the composer took to set every body (fonts opened included). */
  composeMs: number;
}

const MEASURE_SCRIPT = browserScript<typeof MeasurePage>("src/measure/measure.browser.ts", "npMeasure");

/** The key of the masthead box among the articles' ids (not a valid article id). */
const MASTHEAD = ":masthead";

export async function measure(input: MeasureInput): Promise<MeasureResult> {
  const { model, cache } = input;
  const fonts = {
    stylesheets: model.fontStylesheets,
    files: usedFaces(model.style, [...LANGS]).flatMap((f) => (f.kind === "file" ? [f.file] : [])),
  };
  const setStarted = performance.now();
  const { found, inBrowser, setIds } = await setInNode(model, fonts, cache);
  const composeHeadsMs = performance.now() - setStarted;
  const browser = await measureInBrowser(input, fonts, inBrowser, found);
  const composeStarted = performance.now();
  const { bodies, composed } = await composeBodies(model, fonts, cache);
  const composeMs = Math.round(performance.now() - composeStarted + composeHeadsMs);
  const articles = new Map<string, ArticleMeasure>();
  const warnings: Diagnostic[] = [];
  for (const [id, typeset] of model.articles) {
    const m = found.get(id);
    const body = bodies.get(id);
    if (!m || !body) throw new Error(`article ${id} was not measured`);
    articles.set(id, articleMeasure(model, typeset, m, body.lines, input.aspects.get(id) ?? []));
    warnings.push(...body.warnings);
  }
  const masthead = found.get(MASTHEAD);
  const mastheadRows = masthead ? rowsOf(masthead.pitchPx)(masthead.box.height ?? 0) : 0;
  const name = mastheadName(model, masthead?.box.name);
  return {
    articles,
    mastheadRows,
    ...name,
    warnings: [...(name.warnings ?? []), ...warnings],
    measured: new Set([...setIds, ...composed]).size + browser.articles,
    inBrowser: browser.boxes,
    composeMs,
  };
}

/** Heads and captions of every article without a vertical head, set in Node (heads.ts) or found
 *  in the cache, and the masthead without a logo (masthead.ts); the articles left are Chromium's. */
async function setInNode(model: TypesetModel, fonts: ModelFonts, cache: MeasureCache | undefined) {
  const environment = environmentKey(model.formatCss, "composer", fonts, appFiles("src/measure"));
  const pitchPx = (model.issue.format.linePitch * 4) / 3;
  const found = new Map<string, CachedBox>();
  const inBrowser: TypesetArticle[] = [];
  await loadComposer(usedFaces(model.style, [...LANGS]));
  const setIds: string[] = [];
  for (const [id, t] of model.articles) {
    if (t.article.headOrientation === "vertical") {
      inBrowser.push(t);
      continue;
    }
    const key = boxKey(environment, nodeBoxView(model, t));
    const hit = cache?.get(key);
    if (hit && "box" in hit) {
      found.set(id, hit);
      continue;
    }
    const box = setHeadsAndCaptions(t, model.issue.format);
    if (!box) {
      inBrowser.push(t);
      continue;
    }
    const value = { pitchPx, box };
    found.set(id, value);
    cache?.set(key, value);
    setIds.push(id);
  }
  // The masthead (without a logo) too: its height depends on the issue's index and date.
  const masthead = mastheadBox(model.masthead, model.style, model.issue.format);
  if (masthead) found.set(MASTHEAD, { pitchPx, box: masthead });
  return { found, inBrowser, setIds };
}

/** What decides an article's heads and captions set in Node: the measuring page's view without the
 *  body (its own cache key), the head's fields kept. */
function nodeBoxView(model: TypesetModel, t: TypesetArticle) {
  const view = boxView(model, t);
  const { label, kicker, headline, subhead } = t.article;
  return {
    ...view,
    heads: view.heads.map(({ article: _, ...head }) => head),
    fields: { label, kicker, headline, subhead },
    code: "node",
  };
}

/** The masthead and the given articles measured in Chromium where the cache has not got them;
 *  Chromium (and its version) is asked for only then. Says how many articles and boxes it measured. */
async function measureInBrowser(
  input: MeasureInput,
  fonts: ModelFonts,
  articles: TypesetArticle[],
  found: Map<string, CachedBox>,
): Promise<{ articles: number; boxes: number }> {
  const { model, cache } = input;
  if (articles.length === 0 && found.has(MASTHEAD)) return { articles: 0, boxes: 0 };
  const environment = environmentKey(
    model.formatCss,
    await input.browserVersion(),
    fonts,
    appFiles(MEASURE_SCRIPT.entry),
  );
  const views = articles.map((t) => boxView(model, t));
  const keys = new Map(views.map((view) => [view.id, boxKey(environment, { ...view, id: undefined })]));
  if (!found.has(MASTHEAD)) keys.set(MASTHEAD, boxKey(environment, model.masthead));
  for (const [id, key] of keys) {
    const hit = cache?.get(key);
    if (hit && "box" in hit) found.set(id, hit);
  }
  const missing = views.filter((v) => !found.has(v.id));
  if (missing.length === 0 && found.has(MASTHEAD)) return { articles: 0, boxes: 0 };
  const raw = await measureInChromium(input, missing, !found.has(MASTHEAD));
  const fresh: [string, MeasuredBox][] = Object.entries(raw.articles);
  if (raw.masthead) fresh.push([MASTHEAD, raw.masthead]);
  for (const [id, box] of fresh) {
    const value = { pitchPx: raw.pitchPx, box };
    found.set(id, value);
    const key = keys.get(id);
    if (key) cache?.set(key, value);
  }
  return { articles: missing.length, boxes: missing.length + (raw.masthead ? 1 : 0) };
}

/** Heads, captions and (if asked) the masthead of these articles as Chromium sets them on the
 *  measuring page: the build's way for vertical heads and logos, the tests' reference for the rest. */
export async function measureInChromium(
  input: Pick<MeasureInput, "model" | "page" | "serve">,
  views: ReturnType<typeof boxView>[],
  masthead: boolean,
): Promise<MeasurePage.PageMeasurements> {
  const html = measuringDocument(input.model, views, masthead);
  const url = input.serve("/measure.html", html);
  const page = await input.page();
  await page.show(url, measuringDocumentKey(input.model.formatCss), bodyOf(html));
  const raw = await page.call(MEASURE_SCRIPT, "measureAll");
  if (page.errors.length) throw new Error(`measuring page failed: ${page.errors.join("; ")}`);
  return raw;
}

/** Every article's body from the cache or, where it misses, set by the composer. The key holds the
 *  article (its warnings name it), its paragraphs, the language's style, the text setting, the
 *  format, the fonts and the code of src/measure: a change to any of them composes it again. */
async function composeBodies(model: TypesetModel, fonts: ModelFonts, cache: MeasureCache | undefined) {
  const environment = environmentKey(model.formatCss, "composer", fonts, appFiles("src/measure"));
  const { maxWordSpace, text } = model.style;
  const bodies = new Map<string, CachedBody>();
  const composed: string[] = [];
  for (const [id, t] of model.articles) {
    const key = boxKey(environment, { id, paragraphs: t.paragraphs, lang: t.style.lang, maxWordSpace, text });
    const hit = cache?.get(key);
    if (hit && "lines" in hit) {
      bodies.set(id, hit);
      continue;
    }
    const body = composeBody(id, t.paragraphs, t.style.lang, model.style, model.issue.format);
    bodies.set(id, body);
    cache?.set(key, body);
    composed.push(id);
  }
  return { bodies, composed };
}

const rowsOf = (pitchPx: number) => (px: number) => Math.ceil(px / pitchPx - 0.02);

function articleMeasure(
  model: TypesetModel,
  typeset: TypesetArticle,
  m: CachedBox,
  composed: ComposedLine[][],
  aspects: number[],
): ArticleMeasure {
  const rows = rowsOf(m.pitchPx);
  const spans = spansOf(model);
  const a = typeset.article;
  const { box } = m;
  const side = box.verticalHead && sideHead(model, box.verticalHead, m.pitchPx);
  return {
    lines: composed,
    metrics: {
      id: a.id,
      priority: typeset.priority,
      order: typeset.order,
      // A vertical head is a block at the module's right, not a band on top.
      headRows: spans.map((s) => (side ? 0 : rows(box.heads[`${s}`] ?? 0))),
      ...(box.headLines && !side ? { headLines: spans.map((s) => box.headLines?.[`${s}`] ?? 0) } : {}),
      ...(side ? { sideHead: side } : {}),
      continuationHeadRows: spans.map((s) => rows(box.heads[`${s}c`] ?? 0)),
      lines: bodyLines(
        typeset.paragraphs,
        composed.map((lines) => lines.length),
      ),
      images: a.images.map((_, i) => ({
        aspect: aspects[i] ?? 1.5,
        captionRows: spans.map((s) => rows(box.captions[`${i}:${s}`] ?? 0)),
      })),
      ...editorsChoices(typeset),
    },
  };
}

const spansOf = (model: TypesetModel) => Array.from({ length: model.issue.format.columns }, (_, i) => i + 1);

/** What the measuring template sets for one article: its body, its head and captions at every span. */
export function boxView(model: TypesetModel, t: TypesetArticle) {
  const f = model.issue.format;
  const spans = spansOf(model);
  return {
    id: t.article.id,
    lang: t.lang,
    latin: t.style.lang.latin,
    vertical: t.article.headOrientation === "vertical" ? { ...headView(t, 1, f), height: f.areaHeight } : undefined,
    heads: spans.flatMap((span) => [
      { span, width: spanWidth(f, span), ...headView(t, span, f) },
      { span, width: spanWidth(f, span), ...headView(t, span, f, 0) },
    ]),
    captions: t.article.images.flatMap((img, image) => {
      const view = captionView(img, t);
      return view ? spans.map((span) => ({ image, span, width: spanWidth(f, span), captionView: view })) : [];
    }),
  };
}

/** The measuring page: the given articles and, if asked, the masthead. */
function measuringDocument(model: TypesetModel, boxes: ReturnType<typeof boxView>[], masthead: boolean): string {
  return model.templates.measure({
    title: documentTitle(model),
    htmlLang: model.htmlLang,
    stylesheets: stylesheets(model.fontStylesheets),
    pagedScript: PAGEDJS_SCRIPT,
    masthead: masthead ? model.masthead : undefined,
    articles: boxes,
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
function mastheadName(model: TypesetModel, fit: MeasuredBox["name"]) {
  if (!fit) return { warnings: [] };
  const size = Math.round(fit.sizePx * 0.75 * 2) / 2;
  const least = model.style.masthead.minScale;
  const shrunk = `masthead: the paper's name fits one line only at ${Math.round(fit.scale * 100)}% of its size (the style's least is ${Math.round(least * 100)}%)`;
  const warnings =
    fit.scale < least ? [warning(shrunk, { hint: "a shorter name, a logo or a smaller masthead size" })] : [];
  return { mastheadNameSize: size, warnings };
}

/** A vertical head's block in grid units: whole columns (with their gutters) and lines. */
function sideHead(model: TypesetModel, box: { width: number; height: number }, pitchPx: number) {
  const f = model.issue.format;
  const widthPt = box.width * 0.75;
  const span = Math.max(1, Math.ceil((widthPt + f.gutter - 0.5) / (f.columnWidth + f.gutter)));
  return { span, rows: Math.ceil(box.height / pitchPx - 0.02) };
}
