import sharp from "sharp";
import type { Size, Window } from "./geometry";

// The sharp side of the stage: reading a source's header and turning it into the print file.

export interface SourceInfo extends Size {
  hasAlpha: boolean;
}

export interface RenderPlan {
  /** Explicit crop window (focus given); absent means sharp's attention strategy picks it. */
  window?: Window;
  out: Size;
  mono: boolean;
  hasAlpha: boolean;
  maxPixels: number;
}

export interface Rendered {
  data: Buffer;
  ext: "jpg" | "png";
  width: number;
  height: number;
}

/** Header read only (no pixel decoding), from bytes or a file path; throws a plain Error whose message is the reason. */
export async function inspectSource(input: Uint8Array | string, maxPixels: number): Promise<SourceInfo> {
  // No pixel limit here: the header is read without decoding, and we report the size ourselves.
  const meta = await sharp(input, { limitInputPixels: false }).metadata();
  const accepted =
    meta.format === "jpeg" ||
    meta.format === "png" ||
    meta.format === "webp" ||
    meta.format === "tiff" ||
    (meta.format === "heif" && meta.compression === "av1");
  if (!accepted) {
    throw new Error(`unsupported format ${meta.format}; use JPEG, PNG, WebP, TIFF or AVIF`);
  }
  const { width, height } = meta.autoOrient;
  if (width * height > maxPixels) throw new Error(pixelLimitReason(width, height, maxPixels));
  return { width, height, hasAlpha: meta.hasAlpha };
}

/**
 * Decodes every pixel of a source whose header inspectSource accepted, within the pixel limit, so
 * data the header does not show as broken (a truncated file) fails as it would when rendered. Shrunk
 * while decoding (JPEG scales on load): the whole file is read, little is kept.
 */
export async function decodeSource(input: Uint8Array | string, maxPixels: number): Promise<void> {
  const limitInputPixels = Number.isFinite(maxPixels) ? maxPixels : false;
  await sharp(input, { failOn: "truncated", limitInputPixels }).resize(64, 64, { fit: "inside" }).raw().toBuffer();
}

export async function render(bytes: Uint8Array, plan: RenderPlan): Promise<Rendered> {
  // autoOrient: crop coordinates and sizes are those of the upright picture. The embedded ICC
  // profile, if any, is applied on input (sharp converts to sRGB); output carries no metadata.
  let img = sharp(bytes, { autoOrient: true, failOn: "truncated", limitInputPixels: plan.maxPixels });
  const { window, out } = plan;
  if (window) {
    img = img.extract(window);
    if (out.width !== window.width || out.height !== window.height) {
      img = img.resize(out.width, out.height, { fit: "fill" });
    }
  } else {
    img = img.resize(out.width, out.height, { fit: "cover", position: sharp.strategy.attention });
  }
  // b-w gives a one-channel file, which print handles as true grey (greyscale() alone keeps 3).
  if (plan.mono) img = img.toColourspace("b-w");
  img = plan.hasAlpha ? img.png({ compressionLevel: 6 }) : img.jpeg({ quality: 90 });
  const { data, info } = await img.toBuffer({ resolveWithObject: true });
  return { data, ext: plan.hasAlpha ? "png" : "jpg", width: info.width, height: info.height };
}

/** A readable reason from an error thrown by sharp while reading. */
export function decodeReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/unsupported format|exceeds the limit/.test(message)) return message;
  if (/pixel limit/i.test(message)) return `too many pixels (${message})`;
  if (/unsupported image format|empty/i.test(message)) return `not a readable image (${message})`;
  return `unreadable or truncated image data (${message})`;
}

export function pixelLimitReason(width: number, height: number, maxPixels: number): string {
  const limit = `${Number((maxPixels / 1e6).toFixed(2))} megapixels`;
  return `${width}×${height} pixels exceeds the limit of ${limit} (possible decompression bomb)`;
}
