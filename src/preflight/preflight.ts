import { resolve } from "node:path";
import type { PDFDocument } from "pdf-lib";
import type { PreflightConfig } from "../config/resolve";
import type { Diagnostic } from "../diagnostics";
import { PdfFaultError } from "../errors";
import { damaged, loadPdf, UnreadablePdfError } from "../pdf/open-pdf";
import { ToolError } from "../pdf/run-tool";
import { checkBoxes } from "./boxes-check";
import { checkColourSpaces } from "./colour-check";
import { checkFonts } from "./fonts-check";
import { checkImageResolution } from "./images-check";
import { checkBlackOnK, checkInkLimit, measurePages } from "./ink-check";
import { checkPdfx, readPdfxInfo } from "./pdfx-check";
import { listFonts, listImages } from "./poppler";
import type { FileReport, PreflightReport } from "./types";

// Checks any PDF as a newspaper plant's preflight would, each check named in the report.
// Files are checked one after another (each already runs Ghostscript and poppler in parallel),
// and each gets its own report: a damaged one is "unreadable" and the others are still checked.

/** Checks each file against the limits of `settings` (the resolved configuration's preflight). */
export async function preflight(files: string[], settings: PreflightConfig): Promise<PreflightReport> {
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await preflightFile(resolve(file), settings));
  const { minPpi, maxInk, bleedMm } = settings;
  return { ok: reports.every((r) => r.ok), files: reports, options: { minPpi, maxInk, bleedMm } };
}

async function preflightFile(file: string, options: PreflightConfig): Promise<FileReport> {
  const started = performance.now();
  const unreadable = (reason: string, pages = 0): FileReport => ({
    file,
    readable: false,
    error: reason,
    ok: false,
    pages,
    checks: [],
    ms: Math.round(performance.now() - started),
  });
  let doc: PDFDocument;
  try {
    doc = await loadPdf(file);
  } catch (err) {
    if (err instanceof UnreadablePdfError) return unreadable(err.reason);
    throw err;
  }
  const pages = doc.getPageCount();
  try {
    const [fonts, images, measured] = await Promise.all([
      listFonts(file),
      listImages(file),
      measurePages(file, { gsCommand: options.gsCommand, timeoutMs: options.gsTimeoutMs }),
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
    return { file, readable: true, ok, pages, checks, ms: Math.round(performance.now() - started) };
  } catch (err) {
    // A tool missing or out of time is our failure (exit 1); one that gave up on the file, or a
    // check that tripped over a structure pdf-lib half-read, means the plant's RIP would not read it.
    if (err instanceof ToolError && err.kind !== "failed") throw err;
    if (err instanceof ToolError) return unreadable(damaged(file, err).reason, pages);
    return unreadable(`is damaged (${(err as Error).message})`, pages);
  }
}

/**
 * The verdict on a report: throws UnreadablePdfError (exit 2) when a file could not be read, else
 * PdfFaultError (exit 4) with every failing finding when a check failed. Warnings pass.
 */
export function assertPreflightPassed(report: PreflightReport): void {
  const unreadable = report.files.find((f) => !f.readable);
  if (unreadable) throw new UnreadablePdfError(unreadable.file, unreadable.error ?? "cannot be read");
  const faults = report.files.flatMap((f) =>
    f.checks
      .filter((c) => c.status === "fail")
      .flatMap((c): Diagnostic[] => {
        const at = { severity: "error" as const, file: f.file, code: c.name };
        const failing = c.findings.filter((finding) => finding.severity === "fail");
        if (failing.length === 0) return [{ ...at, message: `${c.name}: ${c.message}` }];
        return failing.map((finding) => ({
          ...at,
          message: `${c.name}: ${finding.message}`,
          ...(finding.page !== undefined ? { page: finding.page } : {}),
        }));
      }),
  );
  if (faults.length > 0) throw new PdfFaultError(faults);
}
