import { createHash } from "node:crypto";
import { PDFDict, PDFDocument, PDFName, PDFRef, PDFString } from "pdf-lib";
import { NEWSPRINT_VERSION } from "../version";
import { appendUpdate, type NewObject, pdfDate, pdfTextString } from "./incremental";
import { loadPdfBytes, savePdf } from "./pdf-lib-io";
import type { PdfxVersion } from "./pdfx";

// Document metadata of every PDF newsprint writes (proof and press files): the Info dictionary a
// plant's workflow files pages by and the same facts as XMP, which newer tools read instead. For
// PDF/X files the identification (GTS_PDFXVersion, GTS_PDFXConformance, Trapped) goes into both,
// always agreeing.

export { PDFX_VERSIONS, type PdfxVersion } from "./pdfx";

export interface DocumentMetadata {
  title: string;
  /** The publisher. */
  author?: string;
  subject?: string;
  keywords?: string[];
  /** Creation and modification date (fixed for reproducible builds). */
  date: Date;
  /** Who made the PDF's bytes, e.g. "newsprint press (pdf-lib, Ghostscript)". */
  producer?: string;
  /** Declares the file PDF/X of this version. */
  pdfx?: PdfxVersion;
}

export const CREATOR = `newsprint ${NEWSPRINT_VERSION}`;
const DEFAULT_PRODUCER = `newsprint ${NEWSPRINT_VERSION} (pdf-lib)`;

/** Sets Info and XMP on a loaded document; or loads, sets and saves bytes. */
export function setDocumentMetadata(pdf: PDFDocument, meta: DocumentMetadata): void;
export function setDocumentMetadata(pdf: Uint8Array, meta: DocumentMetadata): Promise<Uint8Array>;
export function setDocumentMetadata(
  pdf: PDFDocument | Uint8Array,
  meta: DocumentMetadata,
): undefined | Promise<Uint8Array> {
  if (pdf instanceof PDFDocument) {
    apply(pdf, meta);
    return;
  }
  return loadPdfBytes(pdf).then((doc) => {
    apply(doc, meta);
    return savePdf(doc);
  });
}

/**
 * Sets Info and XMP by appending an incremental update, the original bytes untouched (fast at any
 * size); undefined for a file it cannot update so (then use setDocumentMetadata).
 */
export function appendDocumentMetadata(pdf: Uint8Array, meta: DocumentMetadata): Uint8Array | undefined {
  const producer = meta.producer ?? DEFAULT_PRODUCER;
  const id = meta.pdfx ? pdfxIdentification(meta.pdfx) : undefined;
  return appendUpdate(pdf, (next, catalog) => {
    const [info, xmp] = [next, next + 1];
    const entries = [
      `/Title ${pdfTextString(meta.title)}`,
      ...(meta.author ? [`/Author ${pdfTextString(meta.author)}`] : []),
      ...(meta.subject ? [`/Subject ${pdfTextString(meta.subject)}`] : []),
      ...(meta.keywords?.length ? [`/Keywords ${pdfTextString(meta.keywords.join(" "))}`] : []),
      `/Creator ${pdfTextString(CREATOR)}`,
      `/Producer ${pdfTextString(producer)}`,
      `/CreationDate ${pdfDate(meta.date)}`,
      `/ModDate ${pdfDate(meta.date)}`,
      ...(id ? ["/Trapped /False", `/GTS_PDFXVersion (${id.version})`] : []),
      ...(id?.conformance ? [`/GTS_PDFXConformance (${id.conformance})`] : []),
    ];
    const xml = Buffer.from(xmpPacket(meta, producer, id), "utf8");
    const withMetadata = catalog.dict.includes("/Metadata")
      ? catalog.dict.replace(/\/Metadata\s+\d+\s+\d+\s+R/, `/Metadata ${xmp} 0 R`)
      : catalog.dict.replace(/>>\s*$/, `/Metadata ${xmp} 0 R\n>>`);
    return {
      info,
      objects: new Map<number, NewObject>([
        [info, { dict: `<<${entries.join("\n")}>>` }],
        [xmp, { dict: `<</Type /Metadata /Subtype /XML /Length ${xml.length}>>`, stream: xml }],
        [catalog.num, { dict: withMetadata }],
      ]),
    };
  });
}

function apply(doc: PDFDocument, meta: DocumentMetadata): void {
  const producer = meta.producer ?? DEFAULT_PRODUCER;
  doc.setTitle(meta.title);
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  doc.setCreator(CREATOR);
  doc.setProducer(producer);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  // setTitle above made sure the trailer has an Info dictionary.
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  const id = meta.pdfx ? pdfxIdentification(meta.pdfx) : undefined;
  for (const key of ["GTS_PDFXVersion", "GTS_PDFXConformance", "Trapped"]) info.delete(PDFName.of(key));
  if (id) {
    info.set(PDFName.of("Trapped"), PDFName.of("False"));
    info.set(PDFName.of("GTS_PDFXVersion"), PDFString.of(id.version));
    if (id.conformance) info.set(PDFName.of("GTS_PDFXConformance"), PDFString.of(id.conformance));
  }
  setXmp(doc, xmpPacket(meta, producer, id));
}

/** Info's GTS_PDFXVersion and GTS_PDFXConformance for a version (ISO 15930-1 and -3). */
export function pdfxIdentification(pdfx: PdfxVersion): { version: string; conformance?: string } {
  return pdfx === "PDF/X-1a:2001" ? { version: "PDF/X-1:2001", conformance: "PDF/X-1a:2001" } : { version: pdfx };
}

function setXmp(doc: PDFDocument, xml: string): void {
  const old = doc.catalog.get(PDFName.of("Metadata"));
  if (old instanceof PDFRef) doc.context.delete(old);
  // Uncompressed, as XMP in PDF is meant to be findable by tools that do not parse PDF.
  const stream = doc.context.stream(Buffer.from(xml, "utf8"), { Type: "Metadata", Subtype: "XML" });
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(stream));
}

/** A UUID-shaped name made from `text` (the first 128 bits of its SHA-256). */
function uuidOf(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** XMP dates are ISO 8601; Info's are D:… — both from the same Date, in UTC. */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

function xmpPacket(
  meta: DocumentMetadata,
  producer: string,
  id: { version: string; conformance?: string } | undefined,
): string {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
  const lines = [
    "<dc:format>application/pdf</dc:format>",
    `<dc:title>${alt(meta.title)}</dc:title>`,
    ...(meta.author ? [`<dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`] : []),
    ...(meta.subject ? [`<dc:description>${alt(meta.subject)}</dc:description>`] : []),
    ...(meta.keywords?.length
      ? [
          `<dc:subject><rdf:Bag>${meta.keywords.map((k) => `<rdf:li>${escapeXml(k)}</rdf:li>`).join("")}</rdf:Bag></dc:subject>`,
          `<pdf:Keywords>${escapeXml(meta.keywords.join(" "))}</pdf:Keywords>`,
        ]
      : []),
    `<pdf:Producer>${escapeXml(producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${escapeXml(CREATOR)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${xmpDate(meta.date)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(meta.date)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${xmpDate(meta.date)}</xmp:MetadataDate>`,
    ...(id
      ? [
          "<pdf:Trapped>False</pdf:Trapped>",
          `<pdfxid:GTS_PDFXVersion>${id.version}</pdfxid:GTS_PDFXVersion>`,
          `<pdfx:GTS_PDFXVersion>${id.version}</pdfx:GTS_PDFXVersion>`,
          ...(id.conformance ? [`<pdfx:GTS_PDFXConformance>${id.conformance}</pdfx:GTS_PDFXConformance>`] : []),
        ]
      : []),
    // PDF/X-4 (ISO 15930-7) also asks for the document's identity in the XMP; derived from the
    // metadata, so that reproducible builds stay byte-identical.
    ...(id?.version === "PDF/X-4"
      ? [
          `<xmpMM:DocumentID>uuid:${uuidOf(`${meta.title}\n${xmpDate(meta.date)}`)}</xmpMM:DocumentID>`,
          "<xmpMM:VersionID>1</xmpMM:VersionID>",
          "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>",
        ]
      : []),
  ];
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/"',
    ' xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"',
    ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    ...lines.map((l) => ` ${l}`),
    "</rdf:Description>",
    "</rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}
