// Pure arithmetic of crop and resample: which source pixels fill the slot, and how many go out.

import { MM_PER_INCH } from "../units";

export { MM_PER_INCH };

export interface Size {
  width: number;
  height: number;
}

export interface Window extends Size {
  left: number;
  top: number;
}

/** Largest window of the slot's aspect that fits in the source. */
export function cropSize(source: Size, widthMm: number, heightMm: number): Size {
  const aspect = widthMm / heightMm;
  if (source.width / source.height > aspect) {
    return { width: clamp(Math.round(source.height * aspect), 1, source.width), height: source.height };
  }
  return { width: source.width, height: clamp(Math.round(source.width / aspect), 1, source.height) };
}

/** Place the crop window centred on the focus point, pushed back inside the image where needed. */
export function focusWindow(source: Size, crop: Size, focus: readonly [number, number]): Window {
  const left = Math.round(focus[0] * source.width - crop.width / 2);
  const top = Math.round(focus[1] * source.height - crop.height / 2);
  return {
    left: clamp(left, 0, source.width - crop.width),
    top: clamp(top, 0, source.height - crop.height),
    width: crop.width,
    height: crop.height,
  };
}

/** Pixels for the slot at the target resolution, but never more than the crop holds (no upscaling). */
export function outputSize(crop: Size, widthMm: number, heightMm: number, targetPpi: number): Size {
  const wanted = {
    width: Math.max(1, Math.round((widthMm / MM_PER_INCH) * targetPpi)),
    height: Math.max(1, Math.round((heightMm / MM_PER_INCH) * targetPpi)),
  };
  // Either side being short means resampling would invent pixels on at least one axis.
  if (crop.width <= wanted.width || crop.height <= wanted.height) return { ...crop };
  return wanted;
}

/** Resolution of the source pixels at the placed size. */
export function effectivePpi(cropWidth: number, widthMm: number): number {
  return cropWidth / (widthMm / MM_PER_INCH);
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
