import { type GridRect, type GridSize, inside, intersection, overlaps } from "./rect";

// The one check of a page made up by hand: every module inside the grid, one per article, none
// over another. Load runs it on the issue file (its messages name JSON paths), the make-up on its
// typed input (and adds what only it knows: the measured masthead and the ads it placed).

/** An explicit module of a page: the article and its rectangle. */
export interface PlacedRect {
  articleId: string;
  rect: GridRect;
}

/** What is wrong with placement `index` of a page's list (`first`, `other`: earlier ones). */
export type PlacementClash =
  | { kind: "outside"; index: number }
  | { kind: "twice"; index: number; first: number }
  | { kind: "overlap"; index: number; other: number; shared: GridRect };

/** Every clash of a page's placements, in list order. */
export function placementClashes(placements: readonly PlacedRect[], size: GridSize): PlacementClash[] {
  const clashes: PlacementClash[] = [];
  const first = new Map<string, number>();
  placements.forEach((p, index) => {
    if (!inside(p.rect, size)) clashes.push({ kind: "outside", index });
    const earlier = first.get(p.articleId);
    if (earlier !== undefined) clashes.push({ kind: "twice", index, first: earlier });
    else first.set(p.articleId, index);
    placements.slice(0, index).forEach((q, other) => {
      const shared = intersection(p.rect, q.rect);
      if (shared) clashes.push({ kind: "overlap", index, other, shared });
    });
  });
  return clashes;
}

/** Why a module cannot stand at `rect` among `obstacles` (the first it covers), or undefined: the
 *  one check of a pinned article, the make-up's on its measured rectangle, the inspection's on
 *  what the issue file fixes of it (its first line, or its height when given). */
export function standClash<T extends GridRect>(
  rect: GridRect,
  size: GridSize,
  obstacles: readonly T[],
): { kind: "leaves-grid" } | { kind: "overlaps"; obstacle: T } | undefined {
  if (!inside({ ...rect, rows: 1 }, size)) return { kind: "leaves-grid" };
  const obstacle = obstacles.find((o) => overlaps(rect, o));
  if (obstacle) return { kind: "overlaps", obstacle };
  return inside(rect, size) ? undefined : { kind: "leaves-grid" };
}
