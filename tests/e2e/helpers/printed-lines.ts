import type { BuildResult } from "../../../src/pipeline/build";
import { paragraphText } from "../../../src/typeset/content";
import { compact } from "./pdf";

/** Every measured body line of every article the make-up placed, as printed text. A dateline and
 *  the rest of its line are separate pieces: the wide space between them makes pdftotext read
 *  them apart. */
export function printedLines(r: BuildResult): { id: string; text: string }[] {
  const placed = new Set(r.layout.pages.flatMap((p) => p.modules.map((m) => m.articleId)));
  return [...r.measurements.articles.entries()]
    .filter(([id]) => placed.has(id))
    .flatMap(([id, m]) =>
      (r.model.articles.get(id)?.paragraphs ?? []).flatMap((p, i) => {
        const text = paragraphText(p);
        const starts = m.lineStarts[i] ?? [0];
        return starts.flatMap((s, k) =>
          text
            .slice(s, starts[k + 1] ?? text.length)
            .split("\u3000")
            .map((piece) => ({ id, text: compact(piece) })),
        );
      }),
    )
    .filter((l) => l.text);
}
