import { NO_END, NO_START } from "../typography/linebreak";
import { findHalfWidthPunctuation, snippetAround } from "../typography/punctuation";
import { type BboxLine, type BboxPage, isWide, lineText } from "./bbox";

// Finds the composition faults a reader sees on a printed page, from the lines pdftotext reads back:
// a line starting with a mark that must not start one, a line ending with an opening bracket, in
// justified text a full line that stops short of the column's right edge, and in justified Latin text
// a loose line: a word space wider than the limit (a multiple of the page's own word space, measured
// on the last lines of paragraphs, which are not stretched); and in any text half-width punctuation
// between Chinese characters (src/typography/punctuation.ts), each mark counted.

export type TypoKind = "line-start" | "line-end" | "ragged" | "loose" | "half-width";

export interface TypoFinding {
  page: number;
  kind: TypoKind;
  /** The line's visible text. */
  text: string;
  /** Top-left corner of the line, in PDF points from the page's top-left corner. */
  x: number;
  y: number;
  /** For ragged lines: how far the line stops short of the column's right edge, in characters. */
  shortBy?: number;
  /** For loose lines: the widest word space, as a multiple of the natural one. */
  wordSpace?: number;
  /** For half-width punctuation: the mark with a few characters either side. */
  snippet?: string;
}

export interface LatinSpacing {
  /** The natural word space of the body text (pt), from unjustified lines; undefined: no Latin text. */
  natural?: number;
  /** The widest word space allowed, as a multiple of the natural one. */
  limit: number;
}

export interface PageTotals {
  page: number;
  lines: number;
  lineStart: number;
  lineEnd: number;
  ragged: number;
  loose: number;
  halfWidth: number;
}

// A paragraph's first line is indented by about two characters; one character is enough to tell.
const INDENT_EMS = 0.75;
// A full line may stop short by half a character (a half-width mark, justification that Chromium left
// after the last character); the margin keeps exact halves, measured with rounding noise, out.
const RAGGED_EMS = 0.55;
// A centred line's margins differ by at most this many characters (half a character: an odd count).
const CENTRED_EMS = 0.6;
// A gap between lines this much larger than the usual line pitch separates paragraphs.
const PARAGRAPH_GAP = 1.4;
// Only body text is justified: lines within this share of the body size (the page header at 1.05 and a
// caption at 0.9 of it are not), in columns of at least MIN_LINES lines (a lone line has no measure).
const BODY_SIZE = 0.03;
const MIN_LINES = 2;
// A line of its own in brackets: a credit （融媒体 郭龙君）, a jump line （下转第2版）.
const NOTE = /^[（(][^（）()]*[）)]$/u;
const OPENS_NOTE = /^[（(]/u;
const SENTENCE_END = /[。！？…”’）」』]$/u;

/** The findings of a page; `bodyHeight` is the body text's line box height (the page's own if absent). */
export function classifyPage(
  page: BboxPage,
  bodyHeight = bodyLineHeight([page]),
  spacing: LatinSpacing = { limit: Infinity },
): TypoFinding[] {
  const isBody = (l: BboxLine) => Math.abs(l.yMax - l.yMin - bodyHeight) <= bodyHeight * BODY_SIZE;
  const blocks = page.blocks.map((b) => ({ lines: b.lines.filter((l) => lineText(l) !== "") }));
  // The measure of the page's columns: the commonest width of a body line (full lines are alike).
  const measure = mode(blocks.flatMap((b) => b.lines.filter(isBody).map((l) => Math.round(l.xMax - l.xMin))));
  const shapes = blocks.filter((b) => b.lines.length > 0).map((b) => blockShape(b.lines, measure));
  const context: PageContext = { number: page.number, isBody, spacing, indent: paragraphIndent(shapes, isBody) };
  return shapes.flatMap((shape) => classifyBlock(shape, context));
}

interface PageContext {
  number: number;
  isBody: (line: BboxLine) => boolean;
  spacing: LatinSpacing;
  /** The usual indent of a paragraph's first line on the page, in characters. */
  indent?: number;
}

/** A column's lines and where they stand. */
interface BlockShape {
  lines: BboxLine[];
  /** Width of one character. */
  em: number;
  /** The edges of the lines that do not overhang (columnEdges). */
  left: number;
  right: number;
  /** The column's left edge for a block that has no full line (a centred subhead over an indented
   *  line): its right edge less the page's measure. */
  columnLeft: number;
}

function blockShape(lines: BboxLine[], measure: number | undefined): BlockShape {
  const em = charWidth(lines);
  const { left, right } = columnEdges(lines);
  const short = measure !== undefined && right - left < measure - em;
  return { lines, em, left, right, columnLeft: short ? right - measure : left };
}

/** The most common indent (in quarter characters) of the page's indented body lines. */
function paragraphIndent(shapes: readonly BlockShape[], isBody: (l: BboxLine) => boolean): number | undefined {
  const indents = shapes.flatMap(({ lines, em, left }) => lines.filter(isBody).map((l) => (l.xMin - left) / em));
  return mode(indents.filter((indent) => indent >= INDENT_EMS).map((indent) => Math.round(indent * 4) / 4));
}

/** The value that occurs most often (the first of those, on a tie). */
function mode(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

/** A line of Latin text: no full-width character. */
function isLatin(line: BboxLine): boolean {
  return ![...lineText(line)].some(isWide);
}

/** The gaps between a line's words, in pt. */
function wordGaps(line: BboxLine): number[] {
  return line.words.slice(1).map((w, i) => w.xMin - (line.words[i] as BboxLine["words"][number]).xMax);
}

/**
 * The natural word space of the document's Latin body text: the median gap on the last lines of
 * paragraphs (set unjustified, so their spaces are the face's own), in pt.
 */
export function naturalWordSpace(pages: readonly BboxPage[], bodyHeight: number): number | undefined {
  const gaps: number[] = [];
  for (const block of pages.flatMap((p) => p.blocks)) {
    const lines = block.lines.filter((l) => lineText(l) !== "");
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      const isBody = Math.abs(line.yMax - line.yMin - bodyHeight) <= bodyHeight * BODY_SIZE;
      const last =
        next === undefined ||
        next.yMin - line.yMin > PARAGRAPH_GAP * (line.yMax - line.yMin) ||
        next.xMin > line.xMin + 1;
      if (isBody && last && isLatin(line) && line.words.length >= 2) gaps.push(...wordGaps(line));
    });
  }
  return median(gaps.filter((g) => g > 0));
}

/** The box height of body text: the height of the lines that carry the most characters. */
export function bodyLineHeight(pages: readonly BboxPage[]): number {
  const chars = new Map<number, number>();
  for (const line of pages.flatMap((p) => p.blocks.flatMap((b) => b.lines))) {
    const key = Math.round((line.yMax - line.yMin) * 10) / 10;
    chars.set(key, (chars.get(key) ?? 0) + [...lineText(line)].length);
  }
  return [...chars].reduce((best, e) => (e[1] > best[1] ? e : best), [0, 0])[0];
}

export function pageTotals(page: BboxPage, findings: readonly TypoFinding[]): PageTotals {
  const mine = findings.filter((f) => f.page === page.number);
  return {
    page: page.number,
    lines: page.blocks.reduce((n, b) => n + b.lines.length, 0),
    lineStart: mine.filter((f) => f.kind === "line-start").length,
    lineEnd: mine.filter((f) => f.kind === "line-end").length,
    ragged: mine.filter((f) => f.kind === "ragged").length,
    loose: mine.filter((f) => f.kind === "loose").length,
    halfWidth: mine.filter((f) => f.kind === "half-width").length,
  };
}

function classifyBlock(shape: BlockShape, page: PageContext): TypoFinding[] {
  const { lines, em, left, right, columnLeft } = shape;
  const { isBody, spacing } = page;
  const pitch = median(lines.slice(1).map((l, i) => l.yMin - (lines[i] as BboxLine).yMin)) ?? Infinity;
  const indented = (l: BboxLine) => l.xMin - left >= INDENT_EMS * em;
  const justified = lines.length >= MIN_LINES;
  // A centred line (an in-body subhead, 小标题) stops short of both edges alike: it is not justified
  // text. A paragraph's first line short by its own indent looks alike, and is still ragged.
  const centred = (l: BboxLine) => {
    const before = (l.xMin - columnLeft) / em;
    const after = (right - l.xMax) / em;
    const atIndent = page.indent !== undefined && Math.abs(before - page.indent) <= CENTRED_EMS;
    return before > RAGGED_EMS && after > RAGGED_EMS && Math.abs(before - after) <= CENTRED_EMS && !atIndent;
  };

  const findings: TypoFinding[] = [];
  lines.forEach((line, i) => {
    const text = lineText(line);
    const at = { page: page.number, text, x: round(line.xMin), y: round(line.yMin) };
    const chars = [...text];
    // A line that opens a paragraph starts with what was typed (or printed) there, not with a break:
    // in body text an indented line; in a head the first line of its block (a size of its own), such
    // as a subhead led by its dash (——副题). A centred headline's second line is indented too, and
    // broken there.
    const opens = isBody(line) ? indented(line) : i === 0;
    if (NO_START.has(chars[0] ?? "") && !opens) findings.push({ ...at, kind: "line-start" });
    if (NO_END.has(chars.at(-1) ?? "")) findings.push({ ...at, kind: "line-end" });
    // A mark at a line's start or end stands between the characters of two lines.
    const next = lines[i + 1];
    const behind = i > 0 ? ([...lineText(lines[i - 1] as BboxLine)].at(-1) ?? "") : "";
    const ahead = next ? ([...lineText(next)][0] ?? "") : "";
    for (const mark of findHalfWidthPunctuation(behind + text + ahead)) {
      const offset = mark.at - behind.length;
      if (offset >= 0 && offset < text.length)
        findings.push({ ...at, kind: "half-width", snippet: snippetAround(text, offset) });
    }
    if (!justified || !isBody(line) || NOTE.test(text) || centred(line)) return;
    // A paragraph ends where the column ends, before an indented or centred line (a paragraph start,
    // a subhead, a right-aligned credit), before a line of another size, before a blank line, and
    // before a credit in brackets that fills its line.
    const endsParagraph =
      next === undefined ||
      indented(next) ||
      centred(next) ||
      !isBody(next) ||
      !(next.yMin - line.yMin > 0 && next.yMin - line.yMin <= PARAGRAPH_GAP * pitch) ||
      (SENTENCE_END.test(text) && OPENS_NOTE.test(lineText(next)));
    const latin = isLatin(line);
    const shortBy = (right - line.xMax) / em;
    if (!endsParagraph && !latin && shortBy > RAGGED_EMS)
      findings.push({ ...at, kind: "ragged", shortBy: round(shortBy) });
    if (endsParagraph || !latin || spacing.natural === undefined) return;
    // A lone word on a justified line cannot be justified: as loose as a line gets.
    const widest =
      line.words.length < 2 ? (shortBy > RAGGED_EMS ? Infinity : 0) : Math.max(...wordGaps(line)) / spacing.natural;
    if (widest > spacing.limit) findings.push({ ...at, kind: "loose", wordSpace: round(widest) });
  });
  return findings;
}

// Chromium sets an opening mark at a line start, and a closing one at a line end, half-width by
// trimming its blank half, but the PDF keeps the full glyph box: such lines overhang the column by
// half a character. Their edges are left out of the column's, unless no other line is there.
const OPENING = /^[（《「『“‘【〔〈〖［｛]/u;
const CLOSING = /[、，。．？！：；》」』”’）】〕〉〗］｝]$/u;

/** The column's left and right edges: the outermost edges of its lines that do not overhang. */
function columnEdges(lines: readonly BboxLine[]): { left: number; right: number } {
  const exact = (test: RegExp) => {
    const some = lines.filter((l) => !test.test(lineText(l)));
    return some.length > 0 ? some : lines;
  };
  return {
    left: Math.min(...exact(OPENING).map((l) => l.xMin)),
    right: Math.max(...exact(CLOSING).map((l) => l.xMax)),
  };
}

/** The width of one character cell: the median width per character of the block's all-CJK words. */
function charWidth(lines: readonly BboxLine[]): number {
  const perChar: number[] = [];
  for (const word of lines.flatMap((l) => l.words)) {
    const chars = [...word.text].filter((c) => c.trim() !== "" && c !== "\u2060");
    if (chars.length > 0 && chars.every(isWide)) perChar.push((word.xMax - word.xMin) / chars.length);
  }
  // Without CJK words, guess from the line height (CJK fonts' boxes are about 1.4 em tall).
  return median(perChar) ?? (median(lines.map((l) => l.yMax - l.yMin)) ?? 10) / 1.4;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
