import { NO_END, NO_START } from "../typography/linebreak";
import { type BboxBlock, type BboxLine, type BboxPage, isWide, lineText } from "./bbox";

// Finds the composition faults a reader sees on a printed page, from the lines pdftotext reads back:
// a line starting with a mark that must not start one, a line ending with an opening bracket, in
// justified text a full line that stops short of the column's right edge, and in justified Latin text
// a loose line: a word space wider than the limit (a multiple of the page's own word space, measured
// on the last lines of paragraphs, which are not stretched).

export type TypoKind = "line-start" | "line-end" | "ragged" | "loose";

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
}

// A paragraph's first line is indented by about two characters; one character is enough to tell.
const INDENT_EMS = 0.75;
// A full line may stop short by half a character (a half-width mark, justification that Chromium left
// after the last character); the margin keeps exact halves, measured with rounding noise, out.
const RAGGED_EMS = 0.55;
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
  return page.blocks.flatMap((block) => classifyBlock(block, page.number, bodyHeight, spacing));
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
  };
}

function classifyBlock(block: BboxBlock, page: number, bodyHeight: number, spacing: LatinSpacing): TypoFinding[] {
  const lines = block.lines.filter((l) => lineText(l) !== "");
  if (lines.length === 0) return [];
  const em = charWidth(lines);
  const { left, right } = columnEdges(lines);
  const pitch = median(lines.slice(1).map((l, i) => l.yMin - (lines[i] as BboxLine).yMin)) ?? Infinity;
  const indented = (l: BboxLine) => l.xMin - left >= INDENT_EMS * em;
  const isBody = (l: BboxLine) => Math.abs(l.yMax - l.yMin - bodyHeight) <= bodyHeight * BODY_SIZE;
  const justified = lines.length >= MIN_LINES;

  const findings: TypoFinding[] = [];
  lines.forEach((line, i) => {
    const text = lineText(line);
    const at = { page, text, x: round(line.xMin), y: round(line.yMin) };
    const chars = [...text];
    // An indented body line opens a paragraph, so a mark at its start was typed there, not broken there;
    // a centred headline's second line is indented too, and broken there.
    const opens = indented(line) && isBody(line);
    if (NO_START.has(chars[0] ?? "") && !opens) findings.push({ ...at, kind: "line-start" });
    if (NO_END.has(chars.at(-1) ?? "")) findings.push({ ...at, kind: "line-end" });
    if (!justified || !isBody(line) || NOTE.test(text)) return;
    const next = lines[i + 1];
    // A paragraph ends where the column ends, before an indented line (a paragraph start, a centred
    // subhead, a right-aligned credit), before a line of another size, before a blank line, and before
    // a credit in brackets that fills its line.
    const endsParagraph =
      next === undefined ||
      indented(next) ||
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
