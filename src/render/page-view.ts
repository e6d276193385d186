import type { Issue, PageFormat } from "../load";
import type { Layout, Module, TextColumn } from "../makeup/types";
import { paragraphText, sliceRuns } from "../measure/content";
import type { MeasuredArticle, Measurements } from "../measure/measure";
import { headView, type MastheadView, spanWidth } from "../measure/views";
import type { PrintedDate } from "./dates";

// Turns the make-up's rectangles into what the templates print: positions in pt, and for every
// text column the exact paragraph parts (line ranges as Chromium measured them).

export interface ImageSource {
  /** URL of the photo prepared for its slot. */
  url: string;
}

export interface ViewInput {
  issue: Issue;
  layout: Layout;
  measurements: Measurements;
  date: PrintedDate;
  masthead?: MastheadView;
  /** Prepared photo URL by `${articleId}:${index}`. */
  images: Map<string, ImageSource>;
}

const x = (f: PageFormat, col: number) => col * (f.columnWidth + f.gutter);
const y = (f: PageFormat, row: number) => row * f.linePitch;

export function pageViews(input: ViewInput) {
  const { issue, layout, measurements } = input;
  const f = issue.format;
  return layout.pages.map((pl, p) => {
    const page = issue.data.pages[p];
    const front = p === 0 && input.masthead !== undefined;
    const topRow = front ? measurements.mastheadRows : 0;
    return {
      number: pl.number,
      odd: pl.number % 2 === 1,
      front,
      mono: (page?.color ?? issue.data.color) === "mono",
      section: page?.section ?? "",
      editor: page?.editor,
      designer: page?.designer,
      proofreader: page?.proofreader,
      date: input.date,
      paper: issue.data.paper,
      masthead: front ? { ...input.masthead, height: measurements.mastheadRows * f.linePitch } : undefined,
      modules: pl.modules.map((m) => moduleView(input, m, topRow)),
    };
  });
}

function moduleView(input: ViewInput, m: Module, topRow: number) {
  const f = input.issue.format;
  const measured = input.measurements.articles.get(m.articleId);
  if (!measured) throw new Error(`layout names unknown article ${m.articleId}`);
  const article = input.issue.data.pages.flatMap((p) => p.articles).find((a) => a.id === m.articleId);
  if (!article) throw new Error(`layout names unknown article ${m.articleId}`);
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
    ...headView(article, measured.metrics.priority, m.span, f, m.continuedFrom),
    photos: m.images.map((img) => {
      const source = article.images[img.index];
      const focus = source?.focus ?? [0.5, 0.5];
      return {
        x: x(f, img.col),
        y: y(f, img.row),
        width: spanWidth(f, img.span),
        height: (img.photoRows + img.captionRows) * f.linePitch,
        photoHeight: img.photoRows * f.linePitch,
        src: input.images.get(`${m.articleId}:${img.index}`)?.url ?? "",
        position: `${focus[0] * 100}% ${focus[1] * 100}%`,
        caption: source?.caption,
        credit: source?.credit,
        hasCaption: img.captionRows > 0 && Boolean(source?.caption || source?.credit),
      };
    }),
    columns: m.columns.map((c) => ({
      x: x(f, c.col),
      y: y(f, c.row),
      height: c.rows * f.linePitch,
      lines: c.end - c.start,
      paragraphs: fragments(measured, c.start, c.end),
      jumpTo: m.continuesOn !== undefined && c === lastColumn ? m.continuesOn : undefined,
    })),
  };
}

/** The paragraph parts that body lines [start, end) consist of. */
export function fragments(measured: MeasuredArticle, start: number, end: number) {
  const out = [];
  const lines = measured.metrics.lines;
  let i = start;
  while (i < end) {
    const line = lines[i];
    if (!line) break;
    const p = line.paragraph;
    let j = i;
    while (j + 1 < end && lines[j + 1]?.paragraph === p) j++;
    const starts = measured.lineStarts[p] ?? [0];
    const paragraph = measured.paragraphs[p];
    if (!paragraph) break;
    const firstLine = i - lines.findIndex((l) => l.paragraph === p);
    const lastLine = firstLine + (j - i);
    const text = paragraphText(paragraph);
    const from = starts[firstLine] ?? 0;
    const to = starts[lastLine + 1] ?? text.length;
    out.push({
      kind: paragraph.kind,
      runs: sliceRuns(paragraph, from, to),
      cont: firstLine > 0,
      broken: lastLine < starts.length - 1,
    });
    i = j + 1;
  }
  return out;
}
