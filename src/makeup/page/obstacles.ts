import type { GridRect } from "../../grid";
import type { Obstacle } from "../errors";

// What stands on a page before its articles are made up around it: the masthead (reserved), the
// booked ads, the pinned articles. A message names the one a module would cover.

export function obstacleOf(obstacle: GridRect): Obstacle {
  if ("articleId" in obstacle) return { article: (obstacle as { articleId: string }).articleId };
  if ("id" in obstacle) return { ad: (obstacle as { id: string }).id };
  return { masthead: true };
}

export function obstacleName(obstacle: GridRect): string {
  const o = obstacleOf(obstacle);
  return "article" in o ? `article "${o.article}"` : "ad" in o ? `ad "${o.ad}"` : "the masthead";
}
