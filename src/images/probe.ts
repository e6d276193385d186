import { ImageError } from "./errors";
import { decodeReason, inspectSource } from "./pipeline";
import { resolveSource } from "./source-path";
import type { ImageOwner } from "./types";

/** Cheap read of a source's pixel size after EXIF orientation, for the make-up (aspect ratio). */
export async function probeImage(
  issueDir: string,
  src: string,
  articleId: string,
  owner?: ImageOwner,
): Promise<{ width: number; height: number }> {
  const file = await resolveSource(issueDir, src, articleId, owner);
  try {
    // Only the header is read; the pixel limit is prepareImages' business.
    const { width, height } = await inspectSource(file, Number.POSITIVE_INFINITY);
    return { width, height };
  } catch (err) {
    throw ImageError.of(articleId, src, decodeReason(err), owner);
  }
}
