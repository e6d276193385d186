import { firstPageSize, looksLikePdf, UnreadablePdfError } from "../pdf/open-pdf";
import { ImageError } from "./errors";
import { type ProbeOptions, probeImage } from "./probe";
import { resolveSource } from "./source-path";

// An ad's artwork, as delivered: a PDF (placed as vector) or a raster (through the photo stage).
// Found with the photos' path rules, and read far enough to know its size: an unreadable file is an
// input error naming the ad, before any stage runs.

export interface Artwork {
  /** Real path inside the issue folder. */
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
  opts: Pick<ProbeOptions, "decode" | "maxPixels"> = {},
): Promise<Artwork> {
  const file = await resolveSource(issueDir, src, adId, "ad");
  if (await looksLikePdf(file)) {
    const size = await firstPageSize(file).catch((err: unknown) => {
      if (err instanceof UnreadablePdfError) throw ImageError.of(adId, src, `PDF artwork that ${err.reason}`, "ad");
      throw err;
    });
    return { file, kind: "pdf", ...size };
  }
  return { file, kind: "raster", ...(await probeImage(issueDir, src, adId, { ...opts, owner: "ad" })) };
}
