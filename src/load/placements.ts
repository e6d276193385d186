import { fromIssueRect, type GridSize, type PlacementClash, placementClashes, rectLabel } from "../grid";
import type { JsonProblem } from "./json-text";
import type { ExplicitPlacement } from "./schema";

// Explicit make-up checked against the grid before anything is measured, by the grid's own check:
// every placement inside the type area, one per article, none overlapping another. (The masthead's
// height is known only once measured: the make-up checks that overlap itself.)

export function placementProblems(pageIndex: number, layout: ExplicitPlacement[], grid: GridSize): JsonProblem[] {
  const at = (i: number) => `pages[${pageIndex}].layout[${i}]`;
  const article = (i: number) => layout[i]?.article;
  const problem = (clash: PlacementClash): JsonProblem => {
    const path = at(clash.index);
    if (clash.kind === "twice") {
      const found = `"${article(clash.index)}" again, first placed at ${at(clash.first)}`;
      return { path: `${path}.article`, expected: "one placement per article", found };
    }
    if (clash.kind === "overlap") {
      const found = `"${article(clash.index)}" overlaps "${article(clash.other)}" (${at(clash.other)}) at ${rectLabel(clash.shared)}`;
      return { path, expected: "a module clear of the page's other modules", found };
    }
    const expected = `a module inside the grid of ${grid.columns} columns × ${grid.rows} lines`;
    return { path, expected, found: rectLabel(fromIssueRect(layout[clash.index] as ExplicitPlacement)) };
  };
  const placed = layout.map((p) => ({ articleId: p.article, rect: fromIssueRect(p) }));
  return placementClashes(placed, grid).map(problem);
}
