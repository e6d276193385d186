import type { BuildResult } from "../../../src/pipeline/build";
import { compact } from "./pdf";

/** Every composed body line of every article the make-up placed, as printed text. A dateline and
 *  the rest of its line are separate pieces: the wide space between them makes pdftotext read
 *  them apart. */
export function printedLines(r: BuildResult): { id: string; text: string }[] {
  const placed = new Set(r.layout.pages.flatMap((p) => p.modules.map((m) => m.articleId)));
  return [...r.measurements.articles.entries()]
    .filter(([id]) => placed.has(id))
    .flatMap(([id, m]) =>
      m.lines.flatMap((lines) =>
        lines.flatMap((line) =>
          line.runs
            .map((run) => run.text)
            .join("")
            .split("\u3000")
            .map((piece) => ({ id, text: compact(piece) })),
        ),
      ),
    )
    .filter((l) => l.text);
}
