// The PDF/X versions the press step can declare, apart from the PDF code that writes them, so that
// the command line lists them without loading pdf-lib.

/**
 * PDF/X-1a:2001 is the press default: all colour is final CMYK/grey, fonts embedded, no
 * transparency — the conservative exchange standard every newspaper plant (WAN-IFRA, SNAP, the
 * Ghent Workgroup's newspaper specs) accepts. Ghostscript 10.00 writes PDF/X-3:2002-structured files
 * (PDF 1.3, device CMYK/grey after ColorConversionStrategy) whose content meets X-1a's stricter
 * rules, so either can be declared. PDF/X-4 (PDF 1.6, live transparency) it cannot write: that
 * goes through Ghostscript 10.06 built to WebAssembly (src/press/ghostscript-wasm.ts).
 */
export type PdfxVersion = "PDF/X-1a:2001" | "PDF/X-3:2002" | "PDF/X-4";
export const PDFX_VERSIONS: readonly PdfxVersion[] = ["PDF/X-1a:2001", "PDF/X-3:2002", "PDF/X-4"];

/** The PDF version a PDF/X version's files declare in their header. */
export function pdfVersionOf(pdfx: PdfxVersion): "1.3" | "1.6" {
  return pdfx === "PDF/X-4" ? "1.6" : "1.3";
}
