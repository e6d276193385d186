import { type BboxBlock, type BboxLine, type BboxPage, isWide, lineText } from "./bbox";
import { NO_END, NO_START } from "./linebreak";

// Finds the composition faults a reader sees on a printed page, from the lines pdftotext reads back:
// a line starting with a mark that must not start one, a line ending with an opening bracket, and in
// justified text a full line that stops short of the column's right edge.

export type TypoKind = "line-start" | "line-end" | "ragged";

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
}

export interface PageTotals {
  page: number;
  lines: number;
  lineStart: number;
  lineEnd: number;
  ragged: number;
}

// A paragraph's first line is indented by about two characters; one character is enough to tell.
const INDENT_EMS = 0.75;
// A full line may stop short by half a character (a half-width mark, justification that Chromium left
// after the last character); the margin keeps exact halves, measured with rounding noise, out.
const RAGGED_EMS = 0.55;
// A gap between lines this much larger than the usual line pitch separates paragraphs.
const PARAGRAPH_GAP = 1.4;

export function classifyPage(page: BboxPage): TypoFinding[] {
  return page.blocks.flatMap((block) => classifyBlock(block, page.number));
}

export function pageTotals(page: BboxPage, findings: readonly TypoFinding[]): PageTotals {
  const mine = findings.filter((f) => f.page === page.number);
  return {
    page: page.number,
    lines: page.blocks.reduce((n, b) => n + b.lines.length, 0),
    lineStart: mine.filter((f) => f.kind === "line-start").length,
    lineEnd: mine.filter((f) => f.kind === "line-end").length,
    ragged: mine.filter((f) => f.kind === "ragged").length,
  };
}

function classifyBlock(block: BboxBlock, page: number): TypoFinding[] {
  const lines = block.lines.filter((l) => lineText(l) !== "");
  if (lines.length === 0) return [];
  const em = charWidth(lines);
  const { left, right } = columnEdges(lines);
  const pitch = median(lines.slice(1).map((l, i) => l.yMin - (lines[i] as BboxLine).yMin)) ?? Infinity;
  const indented = (l: BboxLine) => l.xMin - left >= INDENT_EMS * em;

  const findings: TypoFinding[] = [];
  lines.forEach((line, i) => {
    const text = lineText(line);
    const at = { page, text, x: round(line.xMin), y: round(line.yMin) };
    const chars = [...text];
    // An indented line opens a paragraph, so a mark at its start was typed there, not broken there.
    if (NO_START.has(chars[0] ?? "") && !indented(line)) findings.push({ ...at, kind: "line-start" });
    if (NO_END.has(chars.at(-1) ?? "")) findings.push({ ...at, kind: "line-end" });
    const next = lines[i + 1];
    const endsParagraph =
      next === undefined ||
      indented(next) ||
      !(next.yMin - line.yMin > 0 && next.yMin - line.yMin <= PARAGRAPH_GAP * pitch);
    const shortBy = (right - line.xMax) / em;
    if (!endsParagraph && shortBy > RAGGED_EMS) findings.push({ ...at, kind: "ragged", shortBy: round(shortBy) });
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
