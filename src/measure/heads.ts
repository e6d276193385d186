import type { LangStyle } from "../config/house-style";
import type { FontRole } from "../config/style-schema";
import { spanWidth } from "../grid";
import type { PageFormat } from "../load";
import type { TypesetArticle } from "../typeset/model";
import { type CaptionView, captionView, type HeadView, headView } from "../typeset/views";
import { composeParagraph } from "./composer/compose";
import { LIGATURES_OFF, roleFaces, shapeFont } from "./composer/fonts";
import type { ComposeRun } from "./composer/prepare";
import type { ShapeFont } from "./composer/shape";
import type { ComposeOptions } from "./composer/types";
import { HEAD_CSS } from "./head-css";
import type { MeasuredBox } from "./measure.browser";

// Heads and captions set in Node: each part's lines counted as Chromium breaks the text it prints
// (first fit at natural spacing; a balanced head keeps that count), in the fonts and sizes
// article.css and the house style give them, and the block's height added up from the line heights
// and margins of HEAD_CSS, in CSS px as the measuring page read them. Vertical heads are not set here.

const PX_PER_PT = 4 / 3;

/** Chromium's layout unit: a line's height and a margin are whole 1/64 px, rounded down. */
export const layoutUnit = (px: number) => Math.floor(px * 64 + 1e-6) / 64;
/** A line's height: \`line-height: <number>\` times the font size taken in layout units first. */
export const lineHeight = (factor: number, sizePx: number) => layoutUnit((factor * Math.round(sizePx * 64)) / 64);

/** What the measuring page would have read of an article with no vertical head. */
export type SetBox = Required<Pick<MeasuredBox, "heads" | "headLines" | "captions">>;

const fonts = new Map<string, ShapeFont>();

/** A role's font at a size; `spaced`: letter-spacing set, so without ligatures (as Chromium prints). */
export function roleFont(lang: LangStyle, role: FontRole, sizePx: number, spaced: boolean): ShapeFont {
  const face = lang.fonts[role].face;
  const key = `${lang.lang}:${role}:${face.family}:${face.weight}:${sizePx}:${spaced}`;
  let found = fonts.get(key);
  if (!found) {
    found = shapeFont(roleFaces(lang.fonts[role], lang.fonts), sizePx, spaced ? { ...LIGATURES_OFF } : {});
    fonts.set(key, found);
  }
  return found;
}

/** Whether Node breaks the text as Chromium does: Chromium breaks between two hyphens (its own
 *  ASCII table, not UAX #14's, which the composer follows). */
export const sureOf = (text: string): boolean => !text.includes("--");

/** Text as HTML lays it out in a block: runs of white space one space, none at the ends. */
const collapsed = (text: string) => text.replace(/[ \t\r\n\f]+/g, " ").trim();

/** How heads and captions are set: as Chromium wraps them, line by line, no hyphens, marks full width. */
export const HEAD_SETTING = {
  align: "ragged",
  hyphenate: false,
  curlyQuotes: false,
  breaking: "first-fit",
  fullWidthMarks: true,
} as const satisfies Partial<ComposeOptions>;

/** Lines of runs set first-fit at a width, as Chromium wraps them. */
export function lineCount(
  runs: ComposeRun[],
  width: number,
  lang: string,
  options: Partial<ComposeOptions> = {},
): number {
  if (runs.every((r) => r.text.length === 0)) return 0;
  const set = composeParagraph(runs, { width, lang, ...HEAD_SETTING, ...options });
  return Math.max(1, set.lines.length);
}

/** The natural width of runs on one line (px). */
export function naturalWidth(runs: ComposeRun[], lang: string, tracking: number): number {
  const set = composeParagraph(runs, { width: 1e6, lang, ...HEAD_SETTING, tracking });
  return set.lines[0]?.natural ?? 0;
}

/** The headline's lines of one editor line: its phrases are inline blocks, kept whole on a line
 *  unless one is wider than the line, which then wraps inside itself on lines of its own. */
function headlineLineCount(line: string, font: ShapeFont, width: number, lang: string, tracking: number): number {
  const phrases = line.split(/[\s\u3000]+/).filter(Boolean);
  if (phrases.length === 0) return 0;
  const space =
    naturalWidth([{ text: "a a", font }], lang, tracking) - naturalWidth([{ text: "aa", font }], lang, tracking);
  let lines = 0;
  let used = -1;
  for (const phrase of phrases) {
    const w = naturalWidth([{ text: phrase, font }], lang, tracking);
    if (w > width + 1 / 64) {
      lines += lineCount([{ text: phrase, font }], width, lang, { tracking });
      used = -1;
    } else if (used >= 0 && used + space + w <= width + 1 / 64) {
      used += space + w;
    } else {
      lines++;
      used = w;
    }
  }
  return lines;
}

/** Lines of a head part of editor lines (each a block of its own). */
function partLines(text: string, font: ShapeFont, width: number, lang: string, tracking = 0, lead = ""): number {
  return text
    .split("\n")
    .map((line, i) =>
      lineCount([{ text: collapsed(`${i === 0 ? lead : ""}${line}`), font }], width, lang, { tracking }),
    )
    .reduce((a, b) => a + b, 0);
}

/** The head block's height (px) and its headline's lines, at one width. */
export function headBlock(view: HeadView & { labelSize: number }, lang: LangStyle, f: PageFormat, widthPt: number) {
  const c = HEAD_CSS;
  const width = widthPt * PX_PER_PT;
  const pitch = f.linePitch * PX_PER_PT;
  const body = f.bodySize * PX_PER_PT;
  const a = view.article;
  const code = lang.lang;
  let height = layoutUnit(c.head.paddingTop * pitch) + layoutUnit(c.head.paddingBottom * pitch);
  if (view.continued) {
    const jump = roleFont(lang, "label", body, false);
    const size = c.shortHeadline.size * body;
    const short = roleFont(lang, "label", size, true);
    height += partLines(view.jumpFrom ?? "", jump, width, code) * layoutUnit(pitch);
    const lines = partLines(a.headline ?? "", short, width, code, c.headline.letterSpacing * size);
    return { height: height + lines * lineHeight(c.headline.lineHeight, size), headlineLines: lines };
  }
  if (a.label) {
    const size = body * view.labelSize;
    const font = roleFont(lang, "label", size, false);
    const inner = width - 2 * layoutUnit(c.label.paddingX * size);
    const lines = lineCount([{ text: collapsed(a.label), font }], inner, code);
    height +=
      lines * lineHeight(c.label.lineHeight, size) +
      2 * layoutUnit(c.label.paddingY * size) +
      Math.floor(c.label.borderBottomPt * PX_PER_PT) +
      layoutUnit(c.label.marginBottom * size);
  }
  if (a.kicker) {
    const size = view.head.kicker * PX_PER_PT;
    height +=
      partLines(a.kicker, roleFont(lang, "deck", size, false), width, code) * lineHeight(c.kicker.lineHeight, size);
  }
  let headlineLines = 0;
  if (a.headline) {
    const size = view.head.size * PX_PER_PT;
    const font = roleFont(lang, "head", size, true);
    const tracking = c.headline.letterSpacing * size;
    headlineLines = a.headline
      .split("\n")
      .map((line) => headlineLineCount(line, font, width, code, tracking))
      .reduce((x, y) => x + y, 0);
    height += headlineLines * lineHeight(c.headline.lineHeight, size);
  }
  if (a.subhead) {
    const size = view.head.sub * PX_PER_PT;
    const lines = partLines(a.subhead, roleFont(lang, "deck", size, false), width, code, 0, view.subheadLead);
    height += layoutUnit(c.subhead.marginTop * size) + lines * lineHeight(c.subhead.lineHeight, size);
  }
  return { height, headlineLines };
}

/** A caption's height (px) with its credit, at one width. */
export function captionHeight(
  view: CaptionView,
  lang: LangStyle,
  f: PageFormat,
  widthPt: number,
  sizes: { caption: number; credit: number },
): number {
  const c = HEAD_CSS.caption;
  const body = f.bodySize * PX_PER_PT;
  const size = body * sizes.caption;
  const runs: ComposeRun[] = [];
  if (view.caption) runs.push({ text: collapsed(view.caption), font: roleFont(lang, "caption", size, false) });
  // The credit breaks only between names (word-break: keep-all): joiners hold each name together.
  if (view.credit)
    runs.push({ text: keepAll(view.credit), font: roleFont(lang, "caption", body * sizes.credit, false) });
  const lines = lineCount(runs, widthPt * PX_PER_PT, lang.lang);
  return layoutUnit(c.paddingTop * size) + lines * lineHeight(c.lineHeight, size);
}

/** Word joiners between the characters of each word: no break but at spaces. */
const keepAll = (text: string) =>
  collapsed(text)
    .split(" ")
    .map((word) => [...word].join("\u2060"))
    .join(" ");

/** Every span's head, continuation head, headline lines and captions of an article; undefined for
 *  a vertical head or text Node is not sure to break as Chromium does (Chromium measures them). */
export function setHeadsAndCaptions(t: TypesetArticle, f: PageFormat): SetBox | undefined {
  if (t.article.headOrientation === "vertical") return undefined;
  const { label, kicker, headline, subhead, images } = t.article;
  const texts = [label, kicker, headline, subhead, ...images.flatMap((i) => [i.caption, i.credit])];
  if (texts.some((text) => text !== undefined && !sureOf(text))) return undefined;
  const lang = t.style.lang;
  const out: SetBox = { heads: {}, headLines: {}, captions: {} };
  for (let span = 1; span <= f.columns; span++) {
    const width = spanWidth(f, span);
    const head = headBlock(withLabelSize(headView(t, span, f), t), lang, f, width);
    out.heads[`${span}`] = head.height;
    if (t.article.headline) out.headLines[`${span}`] = head.headlineLines;
    out.heads[`${span}c`] = headBlock(withLabelSize(headView(t, span, f, 0), t), lang, f, width).height;
    t.article.images.forEach((image, i) => {
      const view = captionView(image, t);
      if (view) out.captions[`${i}:${span}`] = captionHeight(view, lang, f, width, t.style.sizes);
    });
  }
  return out;
}

const withLabelSize = (view: HeadView, t: TypesetArticle) => ({ ...view, labelSize: t.style.sizes.label });
