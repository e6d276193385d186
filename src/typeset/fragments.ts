import type { BodyLine } from "../makeup/types";
import { type Paragraph, paragraphText, type Run, sliceRuns } from "./content";

// A text column holds body lines [start, end) of an article; these are the paragraph parts that
// fill it, cut at the line starts Chromium measured. Greedy line breaking sets a part that starts
// at a measured line start exactly as it was measured.

export interface ParagraphPart {
  kind: Paragraph["kind"];
  runs: Run[];
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
