import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { PDFDocument } from "pdf-lib";
import { DEFAULTS } from "../config/defaults";
import { checkBoxes } from "./boxes-check";
import { checkColourSpaces } from "./colour-check";
import { checkFonts } from "./fonts-check";
import { checkImageResolution } from "./images-check";
import { checkBlackOnK, checkInkLimit, measurePages } from "./ink-check";
import { checkPdfx, readPdfxInfo } from "./pdfx-check";
import { listFonts, listImages } from "./poppler";
import type { FileReport, PreflightOptions, PreflightReport } from "./types";

// Checks any PDF as a newspaper plant's preflight would, each check named in the report.
// Files are checked one after another (each already runs Ghostscript and poppler in parallel).

export async function preflight(files: string[], opts: PreflightOptions = {}): Promise<PreflightReport> {
  const options = {
    minPpi: opts.minPpi ?? DEFAULTS.minPpi,
    maxInk: opts.maxInk ?? DEFAULTS.inkLimit,
    bleedMm: opts.bleedMm ?? DEFAULTS.bleedMm,
  };
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await preflightFile(resolve(file), options, opts.gsCommand));
  return { ok: reports.every((r) => r.ok), files: reports, options };
}

async function preflightFile(
  file: string,
  options: Required<Omit<PreflightOptions, "gsCommand">>,
  gsCommand?: string,
): Promise<FileReport> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  } catch (err) {
    return { file, readable: false, error: (err as Error).message, ok: false, pages: 0, checks: [], ms: ms() };
  }
  try {
    const [fonts, images, measured] = await Promise.all([
      listFonts(file),
      listImages(file),
      measurePages(file, gsCommand),
    ]);
    const strict = readPdfxInfo(doc).conformance?.startsWith("PDF/X-1a") ?? false;
    const checks = [
      ...checkBoxes(doc, options.bleedMm),
      checkFonts(fonts),
      checkColourSpaces(doc, images, strict),
      checkImageResolution(images, options.minPpi),
      checkInkLimit(measured.ink, options.maxInk),
      checkBlackOnK(measured.rich),
      checkPdfx(doc),
    ];
    const ok = checks.every((c) => c.status !== "fail");
    return { file, readable: true, ok, pages: doc.getPageCount(), checks, ms: ms() };
  } catch (err) {
    // pdf-lib read it, but Ghostscript or poppler could not: the plant's RIP would not either.
    return {
      file,
      readable: false,
      error: (err as Error).message,
      ok: false,
      pages: doc.getPageCount(),
      checks: [],
      ms: ms(),
    };
  }
}
