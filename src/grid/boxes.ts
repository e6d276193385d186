import { type GridRect, type GridSize, inside, overlaps } from "./rect";

// Booked boxes (ads) go on the page before any editorial, exactly where and as large as booked.
// "bottom" and "top" boxes sit on that edge, from the page's outer side inward (right on odd
// pages, left on even ones: where a reader's eye and the ad department expect them), each next
// one beside the last, or above (below) it when the edge is full. Ears sit beside the masthead.
// The one placement of boxes: the make-up runs it with the measured masthead, the inspection
// (validate, and build before any stage) with the masthead's first line, so an issue validate
// passes is not refused here by build for what the file alone shows.

/** Where a booked box goes: a page edge, the front page's ear beside the masthead, or a cell. */
export type BoxPosition = "bottom" | "top" | "ear-left" | "ear-right" | { col: number; row: number };

/** A box booked on a page before any editorial (an ad, a fixed box): its size is exact. */
export interface BookedBox {
  id: string;
  /** Basic columns, gutters included between them. */
  span: number;
  /** Whole grid lines the module takes (the artwork and its label). */
  rows: number;
  position: BoxPosition;
}

/** A booked box where it stands on the page. */
export interface PlacedBox extends GridRect {
  id: string;
}

/** Why a booked box cannot stand on its page, typed; `rect` is where it would stand. */
export type BoxClash =
  | { kind: "too-large" }
  | { kind: "no-room"; edge: "top" | "bottom" }
  | { kind: "ear-off-front" }
  | { kind: "leaves-grid"; rect: GridRect }
  | { kind: "overlaps-box"; rect: GridRect; other: string }
  | { kind: "overlaps-reserved"; rect: GridRect };

/** Columns to try for a box `span` wide, outer side first. */
function columnsFrom(size: GridSize, span: number, odd: boolean): number[] {
  const cols = Array.from({ length: size.columns - span + 1 }, (_, i) => i);
  return odd ? cols.reverse() : cols;
}

function slide(size: GridSize, box: BookedBox, taken: GridRect[], odd: boolean, fromTop: boolean, top: number) {
  const rows = Array.from({ length: size.rows - box.rows - top + 1 }, (_, i) => top + i);
  if (!fromTop) rows.reverse();
  for (const row of rows) {
    for (const col of columnsFrom(size, box.span, odd)) {
      const rect = { col, row, span: box.span, rows: box.rows };
      if (!taken.some((t) => overlaps(rect, t))) return rect;
    }
  }
  return null;
}

/**
 * Where box `box` of page `page` stands, after the boxes `placed` before it, clear of the
 * `reserved` rectangles (the masthead); or why it cannot.
 */
export function placeBox(
  size: GridSize,
  page: number,
  box: BookedBox,
  reserved: readonly GridRect[],
  placed: readonly PlacedBox[],
): PlacedBox | BoxClash {
  if (box.span > size.columns || box.rows > size.rows || box.span < 1 || box.rows < 1) return { kind: "too-large" };
  const p = box.position;
  let rect: GridRect;
  if (p === "bottom" || p === "top") {
    const top = reserved.filter((r) => r.row === 0).reduce((most, r) => Math.max(most, r.rows), 0);
    const found = slide(size, box, [...reserved, ...placed], page % 2 === 1, p === "top", p === "top" ? top : 0);
    if (found === null) return { kind: "no-room", edge: p };
    rect = found;
  } else if (p === "ear-left" || p === "ear-right") {
    if (page !== 1) return { kind: "ear-off-front" };
    rect = { col: p === "ear-left" ? 0 : size.columns - box.span, row: 0, span: box.span, rows: box.rows };
  } else {
    rect = { col: p.col, row: p.row, span: box.span, rows: box.rows };
    if (!inside(rect, size)) return { kind: "leaves-grid", rect };
  }
  const clash = placed.find((other) => overlaps(rect, other));
  if (clash) return { kind: "overlaps-box", rect, other: clash.id };
  if (reserved.some((r) => overlaps(rect, r))) return { kind: "overlaps-reserved", rect };
  return { id: box.id, ...rect };
}

export const isBoxClash = (r: PlacedBox | BoxClash): r is BoxClash => "kind" in r;
