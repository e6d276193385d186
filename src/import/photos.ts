import sharp from "sharp";
import { ImportError } from "./errors";

// Pictures go into the photos/ folder in a format the images stage takes. Each is decoded
// once here, so a picture sharp cannot read stops the import (naming file and paragraph) instead of
// the build.

const KEPT = new Set(["jpeg", "png", "webp", "tiff"]);
const EXTENSION: Record<string, string> = { jpeg: "jpg", png: "png", webp: "webp", tiff: "tif" };

export interface CheckedPicture {
  data: Buffer;
  ext: string;
  width: number;
  height: number;
  /** Set when the picture was converted (e.g. GIF, BMP-like formats sharp reads) to PNG. */
  convertedFrom?: string;
}

export async function checkPicture(
  data: Buffer,
  file: string,
  at: number,
  origin: string,
  unit: "paragraph" | "line" = "paragraph",
): Promise<CheckedPicture> {
  try {
    const img = sharp(data, { failOn: "truncated", limitInputPixels: false });
    const meta = await img.metadata();
    await img.clone().stats(); // decodes every pixel: a truncated or corrupt file fails here
    const format = meta.format ?? "unknown";
    const width = meta.autoOrient?.width ?? meta.width ?? 0;
    const height = meta.autoOrient?.height ?? meta.height ?? 0;
    if (KEPT.has(format)) return { data, ext: EXTENSION[format] ?? format, width, height };
    const png = await sharp(data, { animated: false }).autoOrient().png().toBuffer();
    return { data: png, ext: "png", width, height, convertedFrom: format };
  } catch (err) {
    const reason = (err as Error).message.replace(/\s+/g, " ").trim();
    throw new ImportError(file, `the picture (${origin}) cannot be read as an image: ${reason}`, at, unit);
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
