import type { GridRect } from "../../grid";
import type { Item } from "../items";
import { columnCounts } from "../module/module-fit";
import { columnOffsets } from "../module/module-space";
import type { PlacedItem } from "./packer";

// A page short of material leaves blank rows somewhere. The packing closes every block exactly,
// so it leaves them at the foot of modules — a module stretched past its text, a hole in the
// middle of the page with more stories under it. Settling trims each module to its content and
// lets the modules under it move up in their columns, so the blank rows gather at the foot of
// the columns, where a filler or a house ad goes. Nothing is moved across a pin, an ad or the
// masthead, and the empty cells stay as many: only where they are changes.

/** Rows a module needs: its head over the deepest of its photos and its text columns (the last
 *  with its jump line). */
function contentRows(item: Item, fit: PlacedItem["fit"], minLeg: number): number {
  const counts = columnCounts(item, fit, minLeg);
  const offsets = columnOffsets(fit.span - fit.side, fit.photo);
  let body = fit.photo.block;
  counts.forEach((count, c) => {
    const jumpLine = fit.jump && c === counts.length - 1 ? 1 : 0;
    if (count > 0 || jumpLine > 0) body = Math.max(body, (offsets[c] ?? 0) + count + jumpLine);
  });
  return fit.head + body;
}

const sharesColumns = (a: GridRect, b: GridRect) => a.col < b.col + b.span && b.col < a.col + a.span;

/** The page's automatic placements trimmed to their content and moved up as far as the modules,
 *  pins and boxes above them allow, and the cells so freed (now in no module, at the foot).
 *  `fixed` (indices into placements) stay where they are. */
export function settle(
  placements: PlacedItem[],
  items: Item[],
  fixed: ReadonlySet<number>,
  obstacles: GridRect[],
  minLeg: number,
): { placements: PlacedItem[]; freed: number } {
  let freed = 0;
  const trimmed = placements.map((p, i): PlacedItem => {
    const item = items[p.item];
    // A side head keeps its own depth beside the text: such a module is left as it is.
    if (fixed.has(i) || item === undefined || p.fit.side > 0) return p;
    const rows = contentRows(item, p.fit, minLeg);
    const spare = p.rect.rows - rows;
    if (spare <= 0) return p;
    freed += spare * p.rect.span;
    return {
      ...p,
      rect: { ...p.rect, rows },
      fit: { ...p.fit, rows, empty: p.fit.empty - spare * p.rect.span },
    };
  });
  const order = trimmed.map((_, i) => i).sort((a, b) => (trimmed[a]?.rect.row ?? 0) - (trimmed[b]?.rect.row ?? 0));
  const settled: GridRect[] = [...obstacles, ...trimmed.filter((_, i) => fixed.has(i)).map((p) => p.rect)];
  const out = [...trimmed];
  for (const i of order) {
    const p = trimmed[i];
    if (p === undefined || fixed.has(i)) continue;
    const top = settled
      .filter((r) => sharesColumns(r, p.rect) && r.row < p.rect.row)
      .reduce((row, r) => Math.max(row, r.row + r.rows), 0);
    const moved = top < p.rect.row ? { ...p, rect: { ...p.rect, row: top } } : p;
    out[i] = moved;
    settled.push(moved.rect);
  }
  return { placements: out, freed };
}
