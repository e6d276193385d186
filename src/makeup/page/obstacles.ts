import type { GridRect } from "../../grid";

// What stands on a page before its articles are made up around it: the masthead (reserved), the
// booked ads, the pinned articles. A message names the one a module would cover.

export function obstacleName(obstacle: GridRect): string {
  if ("articleId" in obstacle) return `article "${(obstacle as { articleId: string }).articleId}"`;
  if ("id" in obstacle) return `ad "${(obstacle as { id: string }).id}"`;
  return "the masthead";
}
