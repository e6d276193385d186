import type { ComposedLine } from "./types";

// How render prints composed lines: each line its own box that never wraps (white-space: pre), its
// spacing written out (word-spacing, letter-spacing, a margin at each adjusted mark), so the text ends
// where the composer put it and Chromium has no line to break. templates/partials/lines.hbs and
// styles/lines.css take these views.

export interface LinePiece {
  text: string;
  /** Class of the run's style (the dateline's), if any. */
  cls?: string;
  /** Margins of an adjusted character. */
  css?: string;
}

export interface LineView {
  style: string;
  pieces: LinePiece[];
}

const px = (v: number) => `${Number(v.toFixed(5))}px`;

/** Views of lines for the lines partial; `classes[style]` is the class of a run style. */
export function lineViews(lines: ComposedLine[], classes: readonly (string | undefined)[] = []): LineView[] {
  return lines.map((line) => {
    const style = [
      line.left ? `padding-left:${px(line.left)}` : "",
      line.wordSpacing ? `word-spacing:${px(line.wordSpacing)}` : "",
      line.letterSpacing ? `letter-spacing:${px(line.letterSpacing)}` : "",
      // The composer shaped a letter-spaced line without ligatures: say so, not Chromium's heuristics.
      line.letterSpacing ? "font-variant-ligatures:none" : "",
    ]
      .filter(Boolean)
      .join(";");
    return { style, pieces: piecesOf(line, classes) };
  });
}

/** The line's text cut where the style changes, at each adjusted mark (its own piece with margins)
 *  and around tight ranges (a Latin word in CJK text, printed letter-spacing 0). */
function piecesOf(line: ComposedLine, classes: readonly (string | undefined)[]): LinePiece[] {
  const text = line.runs.map((r) => r.text).join("");
  const classAt: (string | undefined)[] = [];
  for (const run of line.runs) for (let i = 0; i < run.text.length; i++) classAt.push(classes[run.style]);
  const adjust = new Map(line.adjust.map((a) => [a.index, a]));
  const tight = new Uint8Array(text.length);
  const tr = line.tight ?? [];
  for (let k = 0; k + 1 < tr.length; k += 2) tight.fill(1, tr[k], tr[k + 1]);
  const pieces: LinePiece[] = [];
  let from = 0;
  const flush = (to: number, css?: string) => {
    if (to <= from) return;
    const cls = [classAt[from], tight[from] ? "np-tight" : undefined].filter(Boolean).join(" ");
    pieces.push({ text: text.slice(from, to), ...(cls ? { cls } : {}), ...(css !== undefined ? { css } : {}) });
    from = to;
  };
  for (let i = 0; i < text.length; i++) {
    const a = adjust.get(i);
    if (a) {
      flush(i);
      const end = i + (isHigh(text.charCodeAt(i)) ? 2 : 1);
      const margins = [a.before ? `margin-left:${px(a.before)}` : "", a.after ? `margin-right:${px(a.after)}` : ""];
      flush(end, margins.filter(Boolean).join(";"));
      i = end - 1;
    } else if (i > from && (classAt[i] !== classAt[i - 1] || tight[i] !== tight[i - 1])) flush(i);
  }
  flush(text.length);
  return pieces;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
