import type { BodyLine } from "../makeup/types";
import { type Paragraph, paragraphText, type Run, sliceRuns } from "./content";
import { SOFT_HYPHEN } from "./hyphenate";

// A text column holds body lines [start, end) of an article; these are the paragraph parts that
// fill it, cut at the line starts Chromium measured. Greedy line breaking sets a part that starts
// at a measured line start exactly as it was measured.

export interface ParagraphPart {
  kind: Paragraph["kind"];
  runs: Run[];
  /** The spacing the measure chose for the paragraph (Latin text kept free of loose lines). */
  spacing?: string;
  /** Begins mid-paragraph (no indent, no leading punctuation space). */
  cont: boolean;
  /** Ends mid-paragraph: its last line is justified like an inner line. */
  broken: boolean;
}

export function paragraphParts(
  paragraphs: Paragraph[],
  lineStarts: number[][],
  lines: BodyLine[],
  start: number,
  end: number,
  spacing: (string | undefined)[] = [],
): ParagraphPart[] {
  const out: ParagraphPart[] = [];
  let i = start;
  while (i < end) {
    const line = lines[i];
    if (!line) break;
    const p = line.paragraph;
    let j = i;
    while (j + 1 < end && lines[j + 1]?.paragraph === p) j++;
    const starts = lineStarts[p] ?? [0];
    const paragraph = paragraphs[p];
    if (!paragraph) break;
    const firstLine = i - lines.findIndex((l) => l.paragraph === p);
    const lastLine = firstLine + (j - i);
    const text = paragraphText(paragraph);
    const from = starts[firstLine] ?? 0;
    const to = starts[lastLine + 1] ?? text.length;
    const broken = lastLine < starts.length - 1;
    const runs = sliceRuns(paragraph, from, to);
    const space = spacing[p];
    out.push({
      kind: paragraph.kind,
      runs: broken ? hyphenAtBreak(runs, text[to]) : runs,
      cont: firstLine > 0,
      broken,
      ...(space ? { spacing: space } : {}),
    });
    i = j + 1;
  }
  return out;
}

/** A part that ends at a soft hyphen (or before one) shows the hyphen Chromium set there when it
 *  measured the line: at the end of an element a soft hyphen shows nothing, a hard one does. */
function hyphenAtBreak(runs: Run[], next: string | undefined): Run[] {
  const last = runs.at(-1);
  if (!last) return runs;
  const ends = last.text.endsWith(SOFT_HYPHEN);
  if (!ends && next !== SOFT_HYPHEN) return runs;
  const text = `${ends ? last.text.slice(0, -1) : last.text}-`;
  return [...runs.slice(0, -1), { ...last, text }];
}
