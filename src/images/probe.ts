import sharp from "sharp";
import { ImageError } from "./errors";
import { decodeReason, inspectSource } from "./pipeline";
import { resolveSource } from "./source-path";
import type { ImageOwner } from "./types";

/** Cheap read of a source's pixel size after EXIF orientation, for the make-up (aspect ratio). */
export async function probeImage(
  issueDir: string,
  src: string,
  articleId: string,
  opts: { owner?: ImageOwner; maxPixels?: number } = {},
): Promise<{ width: number; height: number }> {
  const { owner, maxPixels = Number.POSITIVE_INFINITY } = opts;
  const file = await resolveSource(issueDir, src, articleId, owner);
  try {
    // Only the header is read.
    const { width, height } = await inspectSource(file, maxPixels);
    return { width, height };
  } catch (err) {
    throw ImageError.of(articleId, src, decodeReason(err), owner);
  }
}

/** Formats a browser shows as they are: the masthead logo is placed unprocessed. */
const LOGO_FORMATS = new Set(["png", "jpeg", "webp", "gif", "svg"]);

/** Checks the masthead logo: inside the issue folder (same rules as photos) and a picture a browser shows. */
export async function probeLogo(issueDir: string, src: string): Promise<void> {
  const file = await resolveSource(issueDir, src, "paper.logo");
  let format: string | undefined;
  try {
    format = (await sharp(file, { limitInputPixels: false }).metadata()).format;
  } catch (err) {
    throw ImageError.of("paper.logo", src, decodeReason(err));
  }
  if (!format || !LOGO_FORMATS.has(format)) {
    throw ImageError.of("paper.logo", src, `unsupported format ${format}; use PNG, SVG, JPEG, WebP or GIF`);
  }
}
