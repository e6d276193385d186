// Page geometry of a press file, in PDF points. Everything is computed from the paper format in
// millimetres, never read back from the proof: Chromium rounds page sizes to 1/100 inch
// (275 mm becomes 780 pt instead of 779.53 pt), and plants check the TrimBox to ±0.1 mm.

import { mmToPt } from "../units";

export { mmToPt };

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CropMark {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PressGeometry {
  media: Box;
  bleed: Box;
  trim: Box;
  marks: CropMark[];
}

export interface GeometryInput {
  trimWidthMm: number;
  trimHeightMm: number;
  bleedMm: number;
}

/** Crop marks start this far outside the bleed, so that they never print into it. */
export const MARK_GAP_MM = 2;
export const MARK_LENGTH_MM = 8;
/** Free paper outside the end of the marks. */
export const MARK_MARGIN_MM = 2;

export function pressGeometry({ trimWidthMm, trimHeightMm, bleedMm }: GeometryInput): PressGeometry {
  if (!(trimWidthMm > 0 && trimHeightMm > 0)) throw new RangeError("trim size must be positive");
  if (!(bleedMm >= 0)) throw new RangeError("bleed must be zero or more");
  const outside = bleedMm + MARK_GAP_MM + MARK_LENGTH_MM + MARK_MARGIN_MM;
  const media: Box = {
    x: 0,
    y: 0,
    width: mmToPt(trimWidthMm + 2 * outside),
    height: mmToPt(trimHeightMm + 2 * outside),
  };
  const trim: Box = {
    x: mmToPt(outside),
    y: mmToPt(outside),
    width: mmToPt(trimWidthMm),
    height: mmToPt(trimHeightMm),
  };
  const bleed: Box = {
    x: mmToPt(outside - bleedMm),
    y: mmToPt(outside - bleedMm),
    width: mmToPt(trimWidthMm + 2 * bleedMm),
    height: mmToPt(trimHeightMm + 2 * bleedMm),
  };
  return { media, bleed, trim, marks: cropMarks(trim, bleedMm) };
}

/** Eight marks, two per corner, on the trim lines, from the bleed edge + gap outwards. */
function cropMarks(trim: Box, bleedMm: number): CropMark[] {
  const near = mmToPt(bleedMm + MARK_GAP_MM);
  const far = near + mmToPt(MARK_LENGTH_MM);
  const left = trim.x;
  const right = trim.x + trim.width;
  const bottom = trim.y;
  const top = trim.y + trim.height;
  const marks: CropMark[] = [];
  for (const x of [left, right]) {
    for (const y of [bottom, top]) {
      const dx = x === left ? -1 : 1;
      const dy = y === bottom ? -1 : 1;
      marks.push({ x1: x + dx * near, y1: y, x2: x + dx * far, y2: y }); // horizontal
      marks.push({ x1: x, y1: y + dy * near, x2: x, y2: y + dy * far }); // vertical
    }
  }
  return marks;
}

/** [x1 y1 x2 y2] as PDF boxes are written. */
export const boxArray = (b: Box): [number, number, number, number] => [b.x, b.y, b.x + b.width, b.y + b.height];
