import { DEFAULTS } from "../config/defaults";
import { firstPageSize, looksLikePdf, UnreadablePdfError } from "../pdf/open-pdf";
import { withUnlockedPdf } from "../pdf/unlock";
import { ImageError } from "./errors";
import { type ProbeOptions, probeImage } from "./probe";
import { resolveSource } from "./source-path";

// An ad's artwork, as delivered: a PDF (placed as vector) or a raster (through the photo stage).
// Found with the photos' path rules, and read far enough to know its size: an unreadable file is an
// input error naming the ad, before any stage runs.

export interface Artwork {
  /** Real path inside the issue folder; with a cache, a PDF's copy without encryption there. */
  file: string;
  kind: "pdf" | "raster";
  /** Page size in pt (PDF) or pixels (raster): what the aspect is taken from. */
  width: number;
  height: number;
}

export async function probeArtwork(
  issueDir: string,
  src: string,
  adId: string,
  opts: Pick<ProbeOptions, "decode" | "maxPixels"> & { cacheDir?: string } = {},
): Promise<Artwork> {
  const file = await resolveSource(issueDir, src, adId, "ad");
  if (await looksLikePdf(file)) {
    // An owner password (against edits) is taken off by Ghostscript: the copy is what is placed.
    const unlocked = withUnlockedPdf(
      file,
      { cacheDir: opts.cacheDir, gsCommand: DEFAULTS.gsCommand },
      async (copy) => ({ copy, size: await firstPageSize(copy) }),
    );
    const { copy, size } = await unlocked.catch((err: unknown) => {
      if (err instanceof UnreadablePdfError) throw ImageError.of(adId, src, `PDF artwork that ${err.reason}`, "ad");
      throw err;
    });
    return { file: opts.cacheDir ? copy : file, kind: "pdf", ...size };
  }
  return { file, kind: "raster", ...(await probeImage(issueDir, src, adId, { ...opts, owner: "ad" })) };
}
