import type { JsonProblem } from "./json-text";
import type { Placement } from "./schema";

// Explicit make-up checked against the grid before anything is measured: every placement inside
// the type area, one per article, none overlapping another. Grid units are 1-based as written.
// (The masthead's height is known only once measured: the make-up checks that overlap itself.)

export function placementProblems(
  pageIndex: number,
  layout: Placement[],
  grid: { columns: number; rows: number },
): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const at = (i: number) => `pages[${pageIndex}].layout[${i}]`;
  const first = new Map<string, number>();
  layout.forEach((p, i) => {
    const lastColumn = p.column + p.span - 1;
    const lastLine = p.line + p.height - 1;
    if (lastColumn > grid.columns || lastLine > grid.rows) {
      problems.push({
        path: at(i),
        expected: `a module inside the grid of ${grid.columns} columns × ${grid.rows} lines`,
        found: `columns ${p.column}–${lastColumn}, lines ${p.line}–${lastLine}`,
      });
    }
    const earlier = first.get(p.article);
    if (earlier !== undefined) {
      problems.push({
        path: `${at(i)}.article`,
        expected: "one placement per article",
        found: `"${p.article}" again, first placed at ${at(earlier)}`,
      });
    } else first.set(p.article, i);
    layout.slice(0, i).forEach((q, j) => {
      const columns = overlap(p.column, p.span, q.column, q.span);
      const lines = overlap(p.line, p.height, q.line, q.height);
      if (columns && lines) {
        problems.push({
          path: at(i),
          expected: "a module clear of the page's other modules",
          found: `"${p.article}" overlaps "${q.article}" (${at(j)}) at columns ${columns}, lines ${lines}`,
        });
      }
    });
  });
  return problems;
}

/** The shared range of two 1-based runs, as "a–b", or undefined. */
function overlap(start: number, length: number, otherStart: number, otherLength: number): string | undefined {
  const from = Math.max(start, otherStart);
  const to = Math.min(start + length, otherStart + otherLength) - 1;
  if (from > to) return undefined;
  return from === to ? String(from) : `${from}–${to}`;
}
