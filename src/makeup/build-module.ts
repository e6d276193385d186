import { columnCounts, type ModuleFit } from "./fit";
import type { Item } from "./items";
import { columnOffsets } from "./module-space";
import type { Rect } from "./packer";
import { distributePhotoRows } from "./photos";
import type { Module, PlacedImage, TextColumn } from "./types";

/** The render stage's view of one placed module (continuesOn is set once the jump target is
 *  known). */
export function buildModule(item: Item, rect: Rect, fit: ModuleFit): Module {
  const images: PlacedImage[] = [];
  if (fit.photo !== null) {
    const rows = distributePhotoRows(fit.photo, fit.photoRows);
    let row = fit.head;
    fit.photo.images.forEach((image, index) => {
      const photoRows = rows[index] ?? image.natural;
      images.push({ index, col: 0, row, span: fit.photo?.span ?? 1, photoRows, captionRows: image.caption });
      row += photoRows + image.caption;
    });
  }
  const columns: TextColumn[] = [];
  const offsets = columnOffsets(fit.span, { range: fit.photo, rows: fit.photoRows });
  let line = item.start;
  columnCounts(item, fit).forEach((count, col) => {
    if (count === 0) return;
    const offset = offsets[col] ?? 0;
    const row = fit.head + offset;
    columns.push({ col, row, rows: rect.rows - row, start: line, end: line + count });
    line += count;
  });
  const module: Module = {
    articleId: item.article.id,
    col: rect.col,
    row: rect.row,
    span: rect.span,
    rows: rect.rows,
    headRows: fit.head,
    images,
    columns,
  };
  if (item.continuedFrom !== undefined) module.continuedFrom = item.continuedFrom;
  return module;
}
