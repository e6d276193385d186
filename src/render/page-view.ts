import { fillWords } from "../config/langs";
import { columnLeft, spanWidth } from "../grid";
import type { PageFormat } from "../load";
import { linesAfterCuts } from "../makeup";
import type { BoxModule, Layout, Module, TextColumn } from "../makeup/types";
import { adBoxInModule, adLabel, adLabelSize } from "../typeset/ads";
import { paragraphParts } from "../typeset/fragments";
import type { Measurements } from "../typeset/measurements";
import { type TypesetModel, typesetArticle } from "../typeset/model";
import { captionView, headView } from "../typeset/views";

// Turns the make-up's rectangles into what the templates print: positions in pt, and for every
// text column the exact paragraph parts (its share of the composed lines).

/** An ad's artwork as the page shows it: a URL for the screen, its fit inside the booked box. */
export interface AdArt {
  url: string;
  fit: { x: number; y: number; width: number; height: number };
  /** The file placed into the printed PDF at the box's exact position (the URL is then only
   *  for the screen): PDF artwork as vector, raster artwork as prepared. */
  print: { file: string; kind: "pdf" | "jpeg" | "png" };
}

export interface PageViewInput {
  model: TypesetModel;
  layout: Layout;
  measurements: Measurements;
  /** Prepared photo URL by `${articleId}:${index}`. */
  images: Map<string, string>;
  /** Ad artwork by ad id. */
  ads: Map<string, AdArt>;
}

const x = columnLeft;
const y = (f: PageFormat, row: number) => row * f.linePitch;

export function pageViews(input: PageViewInput) {
  const { model, layout, measurements } = input;
  const { issue } = model;
  const f = issue.format;
  const words = model.style.langs[model.style.lang].words;
  return layout.pages.map((pl, p) => {
    const page = issue.data.pages[p];
    const front = p === 0;
    const topRow = front ? measurements.mastheadRows : 0;
    return {
      number: pl.number,
      odd: pl.number % 2 === 1,
      front,
      mono: (page?.color ?? issue.data.color) === "mono",
      section: page?.section ?? "",
      folio: fillWords(words.folio, { n: pl.number }),
      editor: page?.editor && fillWords(words.editor, { name: page.editor }),
      designer: page?.designer && fillWords(words.designer, { name: page.designer }),
      proofreader: page?.proofreader && fillWords(words.proofreader, { name: page.proofreader }),
      date: model.date,
      paper: issue.data.paper,
      masthead: front
        ? {
            ...model.masthead,
            height: measurements.mastheadRows * f.linePitch,
            nameSize: measurements.mastheadNameSize,
          }
        : undefined,
      modules: pl.modules.map((m) => moduleView(input, m, topRow)),
      ads: pl.boxes.map((b) => adView(input, p, b, topRow)),
    };
  });
}

function moduleView(input: PageViewInput, m: Module, topRow: number) {
  const f = input.model.issue.format;
  const measured = input.measurements.articles.get(m.articleId);
  if (!measured) throw new Error(`layout names unmeasured article ${m.articleId}`);
  const typeset = typesetArticle(input.model, m.articleId);
  const { article } = typeset;
  const cut = input.layout.cuts.find((c) => c.articleId === m.articleId)?.paragraphs ?? [];
  const lines = linesAfterCuts(measured.metrics.lines, cut);
  const lastColumn = m.columns.reduce<TextColumn | undefined>(
    (last, c) => (!last || c.end >= last.end ? c : last),
    undefined,
  );
  return {
    id: m.articleId,
    x: x(f, m.col),
    y: y(f, m.row),
    width: spanWidth(f, m.span),
    height: m.rows * f.linePitch,
    ruleLeft: m.col > 0,
    ruleTop: m.row > topRow,
    headHeight: m.headRows * f.linePitch,
    // A vertical head: its block at the module's right, as tall as the module.
    sideHead: m.sideHead && {
      x: x(f, m.span - m.sideHead.span),
      width: spanWidth(f, m.sideHead.span),
      height: m.rows * f.linePitch,
    },
    lang: typeset.lang,
    ...headView(typeset, m.span, f, m.continuedFrom),
    photos: m.images.map((img) => {
      const source = article.images[img.index];
      const focus = source?.focus ?? [0.5, 0.5];
      return {
        x: x(f, img.col),
        y: y(f, img.row),
        width: spanWidth(f, img.span),
        height: (img.photoRows + img.captionRows) * f.linePitch,
        photoHeight: img.photoRows * f.linePitch,
        src: input.images.get(`${m.articleId}:${img.index}`) ?? "",
        alt: source?.caption ?? "",
        position: `${focus[0] * 100}% ${focus[1] * 100}%`,
        captionView: img.captionRows > 0 && source ? captionView(source, typeset) : undefined,
      };
    }),
    columns: m.columns.map((c) => ({
      x: x(f, c.col),
      y: y(f, c.row),
      height: c.rows * f.linePitch,
      lines: c.end - c.start,
      paragraphs: paragraphParts(typeset.paragraphs, measured.lines, lines, c.start, c.end, !typeset.style.lang.latin),
      jumpLine:
        m.continuesOn !== undefined && c === lastColumn
          ? fillWords(typeset.style.lang.words.jumpTo, { n: m.continuesOn })
          : undefined,
    })),
  };
}

function adView(input: PageViewInput, pageIndex: number, b: BoxModule, topRow: number) {
  const f = input.model.issue.format;
  const ad = input.model.issue.data.pages[pageIndex]?.ads.find((a) => a.id === b.id);
  if (!ad) throw new Error(`layout names unknown ad ${b.id}`);
  const art = input.ads.get(b.id);
  const box = adBoxInModule(f, ad, b.rows);
  return {
    id: b.id,
    x: x(f, b.col),
    y: y(f, b.row),
    width: spanWidth(f, b.span),
    height: b.rows * f.linePitch,
    ruleTop: b.row > topRow,
    label: adLabel(ad),
    labelSize: adLabelSize(f),
    box,
    art: art && { ...art.fit, url: art.url },
  };
}
