import { PDFArray, PDFDocument, PDFName, PDFObjectCopier } from "pdf-lib";

// The whole issue as one press proof, put together from the finished per-page files, so that it
// shows exactly what the plant gets page by page (colour, boxes, marks) without converting twice.

export async function mergePressPages(pages: Uint8Array[]): Promise<PDFDocument> {
  const merged = await PDFDocument.create({ updateMetadata: false });
  for (const [i, bytes] of pages.entries()) {
    const src = await PDFDocument.load(bytes, { updateMetadata: false });
    const copied = await merged.copyPages(src, src.getPageIndices());
    for (const page of copied) merged.addPage(page);
    if (i > 0) continue;
    // Every page has the same output intent; one copy of it (and its ICC profile) is enough.
    const intents = src.catalog.lookup(PDFName.of("OutputIntents"));
    if (intents instanceof PDFArray) {
      const copier = PDFObjectCopier.for(src.context, merged.context);
      merged.catalog.set(PDFName.of("OutputIntents"), copier.copy(intents));
    }
  }
  return merged;
}
