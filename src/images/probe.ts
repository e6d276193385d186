import sharp from "sharp";
import { ImageError } from "./errors";
import { decodeReason, decodeSource, inspectSource } from "./pipeline";
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
