import { type LoadOptions, ParseSpeeds, PDFDocument, type SaveOptions } from "pdf-lib";

// pdf-lib reads and writes in slices, yielding to the event loop every 50–100 objects by default:
// for a 64-page proof of some ten thousand objects that took seconds. Nothing else runs meanwhile
// in a build, so it reads and writes in one go (the bytes are the same).

const LOAD: LoadOptions = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest };
const SAVE: SaveOptions = { useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY };

export function loadPdfBytes(bytes: Uint8Array | ArrayBuffer): Promise<PDFDocument> {
  return PDFDocument.load(bytes, LOAD);
}

export function savePdf(doc: PDFDocument, options: SaveOptions = {}): Promise<Uint8Array> {
  return doc.save({ ...SAVE, ...options });
}
