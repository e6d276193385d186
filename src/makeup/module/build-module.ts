import type { GridRect } from "../../grid";
import type { Item } from "../items";
import type { Module, ModuleOrigin, PlacedImage, TextColumn } from "../types";
import { columnCounts, type ModuleFit } from "./module-fit";
import { columnOffsets } from "./module-space";

/** The render stage's view of one placed module (continuesOn is set once the jump target is
 *  known); its text columns split with legs of at least `minLeg` lines where they can be. */
export function buildModule(
  item: Item,
  rect: GridRect,
  fit: ModuleFit,
  minLeg: number,
  origin: ModuleOrigin = "auto",
): Module {
  const images: PlacedImage[] = fit.photo.spots.map((spot) => ({ ...spot, row: fit.head + spot.row }));
  const columns: TextColumn[] = [];
  const offsets = columnOffsets(fit.span - fit.side, fit.photo);
  let line = item.start;
  columnCounts(item, fit, minLeg).forEach((count, col) => {
    if (count === 0) return;
    const offset = offsets[col] ?? 0;
    const row = fit.head + offset;
    columns.push({ col, row, rows: rect.rows - row, start: line, end: line + count });
    line += count;
  });
  const module: Module = {
    articleId: item.article.id,
    origin,
    col: rect.col,
    row: rect.row,
    span: rect.span,
    rows: rect.rows,
    headRows: fit.head,
    images,
    columns,
  };
  if (item.continuedFrom !== undefined) module.continuedFrom = item.continuedFrom;
  const side = item.article.sideHead;
  if (fit.side > 0 && side) module.sideHead = { span: fit.side, rows: side.rows };
  return module;
}
