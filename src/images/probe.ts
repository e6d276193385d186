import sharp, { type Metadata } from "sharp";
import { ImageError } from "./errors";
import { decodeReason, decodeSource, inspectSource, pixelLimitReason } from "./pipeline";
import { resolveSource } from "./source-path";
import type { ImageOwner } from "./types";

export interface ProbeOptions {
  owner?: ImageOwner;
  maxPixels?: number;
  /** Decode every pixel too (within maxPixels), as the image stage will: a truncated file fails
   *  here, not first in the build. Otherwise only the header is read. */
  decode?: boolean;
}

/** Read of a source's pixel size after EXIF orientation, for the make-up (aspect ratio). */
export async function probeImage(
  issueDir: string,
  src: string,
  articleId: string,
  opts: ProbeOptions = {},
): Promise<{ width: number; height: number }> {
  const { owner, maxPixels = Number.POSITIVE_INFINITY } = opts;
  const file = await resolveSource(issueDir, src, articleId, owner);
  try {
    const { width, height } = await inspectSource(file, maxPixels);
    if (opts.decode) await decodeSource(file, maxPixels);
    return { width, height };
  } catch (err) {
    throw ImageError.of(articleId, src, decodeReason(err), owner);
  }
}

/** Formats a browser shows as they are: the masthead logo is placed unprocessed. */
const LOGO_FORMATS = new Set(["png", "jpeg", "webp", "gif", "svg"]);

/** Checks the masthead logo: inside the issue folder (same rules as photos), a picture a browser
 *  shows, within the photos' pixel limit (Chromium decodes it whole, an SVG at its declared size). */
export async function probeLogo(issueDir: string, src: string, maxPixels: number): Promise<void> {
  await probeLogoFile(await resolveSource(issueDir, src, "paper.logo"), src, "paper.logo", maxPixels);
}

/** The same for a logo file already confined (the style's, src/load/style-file.ts). */
export async function probeLogoFile(file: string, src: string, owner: string, maxPixels: number): Promise<void> {
  let meta: Metadata;
  try {
    // The header only, and sharp refuses it already when it declares more pixels than the limit.
    meta = await sharp(file, { limitInputPixels: maxPixels }).metadata();
  } catch (err) {
    throw ImageError.of(owner, src, decodeReason(err));
  }
  const format = meta.format;
  if (!format || !LOGO_FORMATS.has(format)) {
    throw ImageError.of(owner, src, `unsupported format ${format}; use PNG, SVG, JPEG, WebP or GIF`);
  }
  if (meta.width * meta.height > maxPixels)
    throw ImageError.of(owner, src, pixelLimitReason(meta.width, meta.height, maxPixels));
}
