import { createHash } from "node:crypto";
import { type PDFDocument, PDFHexString, PDFName } from "pdf-lib";
import { savePdf } from "../pdf/pdf-lib-io";
import { type PdfxVersion, pdfVersionOf } from "../pdf/pdfx";
import { boxArray, type PressGeometry } from "./boxes";

// The last touch on every press file, after Ghostscript: the exact boxes and — for reproducible
// builds — a document ID derived from the content instead of from the clock. The metadata
// (Info, XMP, PDF/X identification) is src/pdf/metadata.ts's.

export const PRODUCER = "newsprint press (pdf-lib, Ghostscript)";
const ZERO_ID = "0".repeat(32);

/** Sets MediaBox, BleedBox and TrimBox from the format (Ghostscript keeps them, this makes sure). */
export function setBoxes(doc: PDFDocument, geometry: PressGeometry): void {
  for (const page of doc.getPages()) {
    const set = (key: "MediaBox" | "BleedBox" | "TrimBox", box: number[]) =>
      page.node.set(PDFName.of(key), doc.context.obj(box));
    set("MediaBox", boxArray(geometry.media));
    set("BleedBox", boxArray(geometry.bleed));
    set("TrimBox", boxArray(geometry.trim));
    // CropBox and ArtBox as Ghostscript adds them equal the MediaBox: drop them as noise.
    page.node.delete(PDFName.of("CropBox"));
    page.node.delete(PDFName.of("ArtBox"));
  }
}

/**
 * Saves with a document ID that is the MD5 of the file itself (written with a zero ID first), so
 * that unchanged input gives byte-identical output. Object streams stay off: PDF/X-1a:2001 and
 * 2002 are PDF 1.3, which has none. The header says the version `pdfx` requires.
 */
export async function saveWithContentId(doc: PDFDocument, pdfx: PdfxVersion): Promise<Uint8Array> {
  const placeholder = PDFHexString.of(ZERO_ID);
  doc.context.trailerInfo.ID = doc.context.obj([placeholder, placeholder]);
  const bytes = await savePdf(doc, { updateFieldAppearances: false });
  setHeaderVersion(bytes, pdfVersionOf(pdfx));
  const id = createHash("md5").update(bytes).digest("hex").toUpperCase();
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const marker = Buffer.from(`<${ZERO_ID}>`, "latin1");
  const replacement = Buffer.from(`<${id}>`, "latin1");
  let replaced = 0;
  // Only the trailer carries the placeholder, written twice; search from the end.
  for (let at = text.lastIndexOf(marker); at >= 0 && replaced < 2; at = text.lastIndexOf(marker, at - 1)) {
    replacement.copy(text, at);
    replaced++;
  }
  if (replaced !== 2) throw new Error("document ID placeholder not found in the saved PDF");
  return bytes;
}

/** pdf-lib always writes "%PDF-1.7"; PDF/X-1a:2001 and X-3:2002 require 1.3, X-4 1.6 (same length: in place). */
function setHeaderVersion(bytes: Uint8Array, version: string): void {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, 8).toString("latin1");
  if (!/^%PDF-\d\.\d$/.test(head)) throw new Error("saved PDF has no header");
  Buffer.from(bytes.buffer, bytes.byteOffset, 8).write(`%PDF-${version}`, "latin1");
}
