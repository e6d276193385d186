import type { Module, Tombstone } from "../types";

// Rule: no tombstones, two heads side by side at the same height in neighbouring modules, which
// a reader takes for one headline. The search does not weigh them yet: they are found on the
// finished page, for the report.

export function tombstones(modules: Module[]): Tombstone[] {
  const found: Tombstone[] = [];
  for (const left of modules) {
    if (left.headRows === 0) continue;
    for (const right of modules) {
      if (right.headRows === 0 || right.row !== left.row || right.col !== left.col + left.span) continue;
      found.push({ left: left.articleId, right: right.articleId, row: left.row });
    }
  }
  return found;
}
