import { grayscale, PDFDocument, type PDFDocument as PDFDocumentType } from "pdf-lib";
import { savePdf } from "../pdf/pdf-lib-io";
import { boxArray, type PressGeometry } from "./boxes";

// Puts one proof page, centred, on a sheet that is large enough for bleed and crop marks, and
// declares the boxes a plant's RIP reads. The proof page keeps its own (rounded) size; centring
// it puts its content on the exact trim, and the bleed outside stays white paper.

export const CROP_MARK_WIDTH_PT = 0.25;

export async function imposePage(
  proof: PDFDocumentType,
  pageIndex: number,
  geometry: PressGeometry,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const source = proof.getPage(pageIndex);
  const [embedded] = await doc.embedPages([source]);
  if (!embedded) throw new Error(`proof page ${pageIndex + 1} could not be embedded`);
  const { media, bleed, trim } = geometry;
  const page = doc.addPage([media.width, media.height]);
  page.drawPage(embedded, {
    x: trim.x + (trim.width - embedded.width) / 2,
    y: trim.y + (trim.height - embedded.height) / 2,
  });
  // Crop marks in DeviceGray, which the CMYK conversion puts on the K plate only.
  for (const m of geometry.marks) {
    page.drawLine({
      start: { x: m.x1, y: m.y1 },
      end: { x: m.x2, y: m.y2 },
      thickness: CROP_MARK_WIDTH_PT,
      color: grayscale(0),
    });
  }
  const [bx1, by1, bx2, by2] = boxArray(bleed);
  const [tx1, ty1, tx2, ty2] = boxArray(trim);
  page.setBleedBox(bx1, by1, bx2 - bx1, by2 - by1);
  page.setTrimBox(tx1, ty1, tx2 - tx1, ty2 - ty1);
  return savePdf(doc);
}
