import sharp, { type Metadata } from "sharp";
import { DEFAULTS } from "../config/defaults";
import { ImportError, type SourceUnit } from "./errors";
import type { CheckedPicture } from "./types";

// Pictures go into the photos/ folder in a format the images stage takes. Each is decoded
// once here, so a picture sharp cannot read stops the import (naming file and paragraph) instead of
// the build. The photo stage's pixel limit holds here too: the header is read first, and a picture
// declaring more pixels is refused before a single one is decoded.

const KEPT = new Set(["jpeg", "png", "webp", "tiff"]);
/** Converted to PNG: formats a Word file or a web page may hold. */
const CONVERTED = new Set(["gif", "heif"]);
const EXTENSION: Record<string, string> = { jpeg: "jpg", png: "png", webp: "webp", tiff: "tif" };

/** What went wrong, in our words: sharp's messages name its internals. */
function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/unsupported image format|bad seek|not a known file format/i.test(message))
    return "not a picture in a format newsprint reads (JPEG, PNG, WebP, TIFF, GIF, HEIF)";
  if (/pixel limit/i.test(message)) return "more pixels than the photo limit";
  if (/premature end|truncat|corrupt|invalid|bad|error/i.test(message))
    return "the picture's data is damaged or cut short";
  return "its data cannot be decoded";
}

export async function checkPicture(
  data: Buffer,
  file: string,
  at: number,
  origin: string,
  unit: SourceUnit = "paragraph",
): Promise<CheckedPicture> {
  const fail = (reason: string) =>
    new ImportError(file, `the picture (${origin}) cannot be read as an image: ${reason}`, at, unit);
  const maxPixels = DEFAULTS.maxPhotoPixels;
  let meta: Metadata;
  try {
    // The header only: nothing is decoded here whatever size it declares.
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw fail(reasonOf(err));
  }
  const format = meta.format ?? "unknown";
  if (!KEPT.has(format) && !CONVERTED.has(format)) throw fail(`a ${format} picture; save it as JPEG or PNG`);
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (width * height > maxPixels)
    throw fail(
      `${width}×${height} pixels exceeds the limit of ${maxPixels / 1e6} megapixels (possible decompression bomb)`,
    );
  try {
    const img = sharp(data, { failOn: "truncated", limitInputPixels: maxPixels });
    await img.clone().stats(); // decodes every pixel: a truncated or corrupt file fails here
    if (KEPT.has(format)) return { data, ext: EXTENSION[format] ?? format, width, height };
    const png = await sharp(data, { animated: false, limitInputPixels: maxPixels }).autoOrient().png().toBuffer();
    return { data: png, ext: "png", width, height, convertedFrom: format };
  } catch (err) {
    throw fail(reasonOf(err));
  }
}

/** A grey frame with a cross: stands in for a photo the source only captions, until the editor's one. */
export async function placeholderPicture(): Promise<Buffer> {
  const w = 1600;
  const h = 1200;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="${w}" height="${h}" fill="#d0d0d0"/>
    <path d="M0 0L${w} ${h}M${w} 0L0 ${h}" stroke="#a8a8a8" stroke-width="6"/>
    <rect x="3" y="3" width="${w - 6}" height="${h - 6}" fill="none" stroke="#a8a8a8" stroke-width="6"/></svg>`;
  return sharp(Buffer.from(svg)).png({ palette: true }).toBuffer();
}
