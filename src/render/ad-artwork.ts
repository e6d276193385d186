import { readFile } from "node:fs/promises";
import { type PDFDocument, type PDFEmbeddedPage, PDFImage } from "pdf-lib";
import { InputError } from "../errors";

// Ad artwork goes into its booked box after Chromium prints the page with that box empty: a PDF's
// first page as a form XObject that keeps its fonts and paths (vector), a raster as an image at
// exact coordinates (Chromium would snap it to whole pixels, 0.26 mm). For the screen (the preview,
// the --html copy) an image shows in the box instead: a raster proxy of a PDF, or the raster itself.

export class AdArtworkError extends InputError {
  override name = "AdArtworkError";
  override readonly title = "ad artwork problem";
}

/** Where an artwork goes: proof page index (0-based) and rectangle in pt from the page's top left. */
export interface ArtworkPlacement {
  adId: string;
  file: string;
  kind: "pdf" | "jpeg" | "png";
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Draws each artwork into its box of the proof: PDF artwork as a form (vector), raster as an
 *  image, both at exact coordinates. */
export async function placeArtwork(doc: PDFDocument, placements: ArtworkPlacement[]): Promise<void> {
  const cache = new Map<string, PDFEmbeddedPage | PDFImage>();
  const embed = async (p: ArtworkPlacement) => {
    const bytes = await readFile(p.file);
    if (p.kind === "jpeg") return doc.embedJpg(bytes);
    if (p.kind === "png") return doc.embedPng(bytes);
    const [page] = await doc.embedPdf(bytes, [0]);
    if (!page) throw new AdArtworkError(`ad ${p.adId}: ${p.file} has no page`);
    return page;
  };
  for (const p of placements) {
    let art = cache.get(p.file);
    if (!art) {
      art = await embed(p);
      cache.set(p.file, art);
    }
    const page = doc.getPage(p.page);
    const rect = { x: p.x, y: page.getMediaBox().height - p.y - p.height, width: p.width, height: p.height };
    if (art instanceof PDFImage) page.drawImage(art, rect);
    else page.drawPage(art, rect);
  }
}

/** The largest rectangle of the artwork's aspect inside the box, centred; and how far the aspects differ. */
export function fitInside(
  box: { width: number; height: number },
  art: { width: number; height: number },
): { x: number; y: number; width: number; height: number; difference: number } {
  const scale = Math.min(box.width / art.width, box.height / art.height);
  const width = art.width * scale;
  const height = art.height * scale;
  const difference = Math.abs(art.width / art.height / (box.width / box.height) - 1);
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height, difference };
}
