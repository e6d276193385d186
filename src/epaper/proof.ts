import { readFile } from "node:fs/promises";
import { PDFDocument } from "pdf-lib";
import { type DocumentMetadata, setDocumentMetadata } from "../pdf/metadata";
import { loadPdfBytes, savePdf } from "../pdf/pdf-lib-io";
import type { Size } from "./geometry";

// The proof the build printed, read once: each page's size in pt (the page box its pictures and
// zones are drawn on) and, asked for, a page on its own as a PDF of its own for readers to download.

export interface Proof {
  file: string;
  pages: Size[];
  /** Page `index` (0-based) as a PDF of one page with the given metadata. */
  pagePdf(index: number, meta: DocumentMetadata): Promise<Uint8Array>;
}

export async function readProof(file: string): Promise<Proof> {
  const doc = await loadPdfBytes(await readFile(file));
  // Chromium prints the whole page box: the crop box is the media box, origin at 0 0.
  const pages = doc.getPages().map((p) => {
    const { width, height } = p.getCropBox();
    return { width, height };
  });
  return {
    file,
    pages,
    async pagePdf(index, meta) {
      const single = await PDFDocument.create({ updateMetadata: false });
      const [copied] = await single.copyPages(doc, [index]);
      if (!copied) throw new Error(`the proof ${file} has no page ${index + 1}`);
      single.addPage(copied);
      setDocumentMetadata(single, meta);
      return savePdf(single);
    },
  };
}
