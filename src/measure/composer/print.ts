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
    const pieces: LinePiece[] = [];
    const adjust = new Map(line.adjust.map((a) => [a.index, a]));
    let at = 0;
    for (const run of line.runs) {
      const cls = classes[run.style];
      let from = 0;
      for (let i = 0; i < run.text.length; i++) {
        const a = adjust.get(at + i);
        if (!a) continue;
        if (i > from) pieces.push({ text: run.text.slice(from, i), ...(cls ? { cls } : {}) });
        const margins = [a.before ? `margin-left:${px(a.before)}` : "", a.after ? `margin-right:${px(a.after)}` : ""];
        pieces.push({ text: run.text[i] as string, ...(cls ? { cls } : {}), css: margins.filter(Boolean).join(";") });
        from = i + 1;
      }
      if (from < run.text.length) pieces.push({ text: run.text.slice(from), ...(cls ? { cls } : {}) });
      at += run.text.length;
    }
    return { style, pieces };
  });
}
