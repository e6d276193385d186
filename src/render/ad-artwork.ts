import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";
import { InputError } from "../errors";

// Ad artwork delivered as PDF stays vector: Chromium prints the page with an empty booked box, and
// the artwork's first page is then placed into that box with pdf-lib, as a form XObject that keeps
// its fonts and paths. For the screen (the preview, the --html copy) a raster proxy of it is shown
// in the box instead; the PDF print hides the proxy.

const run = promisify(execFile);

export class AdArtworkError extends InputError {
  override name = "AdArtworkError";
}

/** The artwork's page size in pt (its CropBox), for the aspect check and the fit. */
export async function probePdfArtwork(file: string, adId: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new AdArtworkError(`ad ${adId}: cannot read ${file}: ${err.code ?? err.message}`);
  });
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false });
    const page = doc.getPage(0);
    const { width, height } = page.getCropBox();
    if (!(width > 0 && height > 0)) throw new Error("its first page has no size");
    return { width, height };
  } catch (err) {
    throw new AdArtworkError(`ad ${adId}: ${file} is not a readable PDF (${(err as Error).message})`);
  }
}

/** A PNG of the artwork's first page for the screen, cached by the PDF's content. */
export async function pdfProxy(file: string, cacheDir: string, dpi = 120): Promise<string> {
  const hash = createHash("sha256")
    .update(await readFile(file))
    .update(`${dpi}`)
    .digest("hex")
    .slice(0, 24);
  const out = join(cacheDir, `ad-${hash}.png`);
  if (await stat(out).catch(() => null)) return out;
  await mkdir(cacheDir, { recursive: true });
  const base = join(cacheDir, `ad-${hash}.${process.pid}.tmp`);
  await run("pdftoppm", ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", file, base]);
  await rename(`${base}.png`, out);
  return out;
}

/** Where a PDF artwork goes: proof page index (0-based) and rectangle in pt from the page's top left. */
export interface ArtworkPlacement {
  adId: string;
  file: string;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The proof with each PDF artwork drawn into its box, as vector. */
export async function placePdfArtwork(proof: Uint8Array, placements: ArtworkPlacement[]): Promise<Uint8Array> {
  if (placements.length === 0) return proof;
  const doc = await PDFDocument.load(proof, { updateMetadata: false });
  const cache = new Map<string, Awaited<ReturnType<PDFDocument["embedPdf"]>>[number]>();
  for (const p of placements) {
    let art = cache.get(p.file);
    if (!art) {
      [art] = await doc.embedPdf(await readFile(p.file), [0]);
      if (!art) throw new AdArtworkError(`ad ${p.adId}: ${p.file} has no page`);
      cache.set(p.file, art);
    }
    const page = doc.getPage(p.page);
    const { height } = page.getMediaBox();
    page.drawPage(art, { x: p.x, y: height - p.y - p.height, width: p.width, height: p.height });
  }
  return doc.save({ useObjectStreams: false });
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
