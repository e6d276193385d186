import { basename } from "node:path";
import type { ResolvedConfig } from "../config/resolve";
import { type Diagnostic, warning } from "../diagnostics";
import { type ImageWarning, type PreparedImage, prepareImages, probeArtwork } from "../images";
import { type AdData, ptToMm } from "../load";
import type { Layout } from "../makeup/types";
import { firstPagePng } from "../pdf/raster";
import { fitInside } from "../render/ad-artwork";
import type { AdArt } from "../render/page-view";
import { adBoxInModule } from "../typeset/ads";
import { IMAGES_URL_PREFIX } from "../typeset/assets";
import type { TypesetModel } from "../typeset/model";

// The ads of the made-up pages: PDF artwork is checked and kept for vector placement (with a raster
// proxy for the screen), raster artwork goes through the photo stage at the size it is fitted to;
// both are placed into the printed PDF by the render stage.
// Artwork of another aspect than its box is fitted inside, never distorted, and warned about.

/** Above this difference of aspect ratios the fit is reported. */
const ASPECT_TOLERANCE = 0.02;

export interface PreparedAds {
  art: Map<string, AdArt>;
  warnings: Diagnostic[];
  imageWarnings: ImageWarning[];
  images: PreparedImage[];
}

export async function prepareAds(
  model: TypesetModel,
  layout: Layout,
  cacheDir: string,
  settings: ResolvedConfig["images"],
): Promise<PreparedAds> {
  const { issue } = model;
  const f = issue.format;
  const art = new Map<string, AdArt>();
  const warnings: Diagnostic[] = [];
  const rasters: { ad: AdData; mono: boolean; fit: ReturnType<typeof fitInside> }[] = [];
  for (const page of layout.pages) {
    const data = issue.data.pages[page.number - 1];
    for (const box of page.boxes) {
      const ad = data?.ads.find((a) => a.id === box.id);
      if (!ad) throw new Error(`layout names unknown ad ${box.id}`);
      const artwork = await probeArtwork(issue.dir, ad.file, ad.id, { cacheDir });
      const booked = adBoxInModule(f, ad, box.rows);
      const fit = fitInside(booked, artwork);
      if (fit.difference > ASPECT_TOLERANCE) {
        const differs =
          `ad ${ad.id}: the artwork's aspect differs from the booked box by ${(fit.difference * 100).toFixed(1)} %: ` +
          `fitted inside (${ptToMm(fit.width).toFixed(1)} × ${ptToMm(fit.height).toFixed(1)} mm of ` +
          `${ptToMm(booked.width).toFixed(1)} × ${ptToMm(booked.height).toFixed(1)} mm), not distorted`;
        warnings.push(warning(differs, { adId: ad.id, page: page.number }));
      }
      if (artwork.kind === "pdf") {
        const proxy = await firstPagePng(artwork.file, cacheDir);
        art.set(ad.id, {
          url: `${IMAGES_URL_PREFIX}${basename(proxy)}`,
          fit,
          print: { file: artwork.file, kind: "pdf" },
        });
      } else {
        const mono = (data?.color ?? issue.data.color) === "mono";
        rasters.push({ ad, mono, fit });
      }
    }
  }
  const { images, warnings: imageWarnings } = await prepareImages(
    rasters.map(({ ad, mono, fit }) => ({
      articleId: ad.id,
      owner: "ad" as const,
      index: 0,
      src: ad.file,
      widthMm: ptToMm(fit.width),
      heightMm: ptToMm(fit.height),
      mono,
    })),
    { issueDir: issue.dir, cacheDir, ...settings },
  );
  for (const [i, { ad, fit }] of rasters.entries()) {
    const image = images[i];
    if (!image) continue;
    const kind = image.file.endsWith(".png") ? "png" : "jpeg";
    art.set(ad.id, { url: `${IMAGES_URL_PREFIX}${basename(image.file)}`, fit, print: { file: image.file, kind } });
  }
  return { art, warnings, imageWarnings, images };
}
