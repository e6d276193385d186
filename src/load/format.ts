import { InputError } from "../errors";
import { mmToPt, PT_PER_MM, ptToMm } from "../units";
import { PRESETS } from "./presets";
import type { FormatObject } from "./schema";

/** A format resolved into the numbers every later stage uses. Lengths in pt unless named Mm. */
export interface PageFormat {
  name: string;
  widthMm: number;
  heightMm: number;
  bleedMm: number;
  columns: number;
  bodySize: number;
  columnChars: number;
  linePitch: number;
  columnWidth: number;
  gutter: number;
  /** Type area: origin from the trim's top left, size. */
  areaLeft: number;
  areaTop: number;
  areaWidth: number;
  areaHeight: number;
  rows: number;
  marginsMm: { top: number; right: number; bottom: number; left: number };
}

export class FormatError extends InputError {
  override name = "FormatError";
  /** JSON path of the field at fault, below `format`; what was expected of it. */
  constructor(
    message: string,
    readonly path = "format",
    readonly expected = "a format whose columns fit the page",
  ) {
    super(message);
  }
}

/** At most this many lines in a column: the make-up's search grows with the grid. */
export const MAX_ROWS = 1000;

export function resolveFormat(format: string | FormatObject): PageFormat {
  const f = typeof format === "string" ? PRESETS[format as keyof typeof PRESETS] : format;
  if (!f) throw new FormatError(`unknown format "${String(format)}"`);
  const margins = f.margins ?? { top: 20, right: 12, bottom: 14, left: 12 };
  checkMargins(f, margins);
  const width = f.width * PT_PER_MM;
  const height = f.height * PT_PER_MM;
  const gutter = f.gutterChars * f.bodySize;
  const avail = width - (margins.left + margins.right) * PT_PER_MM;
  // Widest whole-character column that fits, unless the format fixes it.
  const columnChars = f.columnChars ?? Math.floor((avail + gutter) / f.columns / f.bodySize - f.gutterChars);
  const columnWidth = columnChars * f.bodySize;
  const areaWidth = f.columns * columnWidth + (f.columns - 1) * gutter;
  if (columnChars < 4 || areaWidth > avail + 0.01) {
    throw new FormatError(
      `format ${f.name ?? ""}: ${f.columns} columns of ${columnChars} characters (${(areaWidth / PT_PER_MM).toFixed(1)} mm) do not fit ${f.width} mm less margins`,
    );
  }
  const linePitch = f.bodySize * f.lineHeight;
  const areaHeightAvail = height - (margins.top + margins.bottom) * PT_PER_MM;
  const rows = Math.floor(areaHeightAvail / linePitch);
  if (rows < 1) {
    throw new FormatError(
      `${(areaHeightAvail / PT_PER_MM).toFixed(1)} mm of height, less than one line of ${(linePitch / PT_PER_MM).toFixed(1)} mm: the margins leave no type area`,
      "format.margins",
      "margins that leave a type area",
    );
  }
  if (rows > MAX_ROWS) {
    throw new FormatError(
      `${rows} lines in a column (${f.height} mm at ${f.bodySize} pt × ${f.lineHeight})`,
      "format",
      `at most ${MAX_ROWS} lines in a column: a larger body size or line height, or a smaller page`,
    );
  }
  return {
    name: f.name ?? "custom",
    widthMm: f.width,
    heightMm: f.height,
    bleedMm: f.bleed,
    columns: f.columns,
    bodySize: f.bodySize,
    columnChars,
    linePitch,
    columnWidth,
    gutter,
    areaLeft: margins.left * PT_PER_MM + (avail - areaWidth) / 2,
    areaTop: margins.top * PT_PER_MM,
    areaWidth,
    areaHeight: rows * linePitch,
    rows,
    marginsMm: margins,
  };
}

export { mmToPt, ptToMm };

function checkMargins(f: FormatObject, m: PageFormat["marginsMm"]): void {
  const across = m.left + m.right;
  const down = m.top + m.bottom;
  if (across < f.width && down < f.height) return;
  const what =
    across >= f.width
      ? `left ${m.left} + right ${m.right} mm on a page ${f.width} mm wide`
      : `top ${m.top} + bottom ${m.bottom} mm on a page ${f.height} mm high`;
  throw new FormatError(`${what}: the margins leave no type area`, "format.margins", "margins that leave a type area");
}
