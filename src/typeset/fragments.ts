import type { BodyLine } from "../makeup/types";
import type { Paragraph } from "./content";
import { type ComposedLine, type LineView, lineViews } from "./printed-lines";

// A text column holds body lines [start, end) of an article; these are the paragraph parts that
// fill it: each part the paragraph's composed lines in that range, printed one line box each, so a
// paragraph splits between columns and pages exactly between two composed lines (a line that ends
// in a hyphen prints it).

export interface ParagraphPart {
  kind: Paragraph["kind"];
  /** CJK text (its lines are set without ligatures). */
  cjk: boolean;
  lines: LineView[];
}

/** Class of each run style tag the measure gave the composer (src/measure/body.ts: RUN_TAGS). */
const RUN_CLASSES = [undefined, "np-dateline"] as const;

export function paragraphParts(
  paragraphs: Paragraph[],
  composed: ComposedLine[][],
  lines: BodyLine[],
  start: number,
  end: number,
  cjk: boolean,
): ParagraphPart[] {
  const out: ParagraphPart[] = [];
  let i = start;
  while (i < end) {
    const line = lines[i];
    if (!line) break;
    const p = line.paragraph;
    let j = i;
    while (j + 1 < end && lines[j + 1]?.paragraph === p) j++;
    const paragraph = paragraphs[p];
    if (!paragraph) break;
    const firstLine = i - lines.findIndex((l) => l.paragraph === p);
    const set = (composed[p] ?? []).slice(firstLine, firstLine + (j - i) + 1);
    out.push({ kind: paragraph.kind, cjk, lines: lineViews(set, RUN_CLASSES) });
    i = j + 1;
  }
  return out;
}
