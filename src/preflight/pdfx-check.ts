import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFStream,
  PDFString,
} from "pdf-lib";
import { type CheckResult, checkResult, type Finding } from "./types";

// PDF/X identification: the version in the document information (or, for PDF/X-4, the XMP),
// Trapped set, and an output intent of subtype GTS_PDFX that names the printing condition and
// carries its ICC profile. PDF/X-4 (ISO 15930-7) adds: PDF 1.6 or later, the version in the XMP
// metadata, the profile embedded; its boxes and embedded fonts are the page-boxes and fonts checks',
// and an encrypted file is unreadable (src/pdf/open-pdf.ts).

export interface PdfxInfo {
  version?: string;
  conformance?: string;
}

function text(v: unknown): string | undefined {
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
}

export function readPdfxInfo(doc: PDFDocument): PdfxInfo {
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  const infoVersion = info instanceof PDFDict ? text(info.lookup(PDFName.of("GTS_PDFXVersion"))) : undefined;
  const conformance = info instanceof PDFDict ? text(info.lookup(PDFName.of("GTS_PDFXConformance"))) : undefined;
  const version = infoVersion ?? xmpPdfxVersion(doc);
  return { ...(version ? { version } : {}), ...(conformance ? { conformance } : {}) };
}

/** pdfxid:GTS_PDFXVersion of the document's XMP, as an element or an attribute. */
export function xmpPdfxVersion(doc: PDFDocument): string | undefined {
  const stream = doc.catalog.lookup(PDFName.of("Metadata"));
  if (!(stream instanceof PDFRawStream)) return undefined;
  const xml = Buffer.from(decodePDFRawStream(stream).decode()).toString("utf8");
  const m = /pdfxid:GTS_PDFXVersion(?:>\s*([^<]+?)\s*<|\s*=\s*["']([^"']+)["'])/.exec(xml);
  return m?.[1] ?? m?.[2];
}

/** The PDF version the file declares: its header, raised by the catalog's /Version. */
export function pdfVersion(doc: PDFDocument): number {
  const header = /%PDF-(\d+\.\d+)/.exec(doc.context.header.toString());
  const catalog = doc.catalog.lookup(PDFName.of("Version"));
  const versions = [header?.[1], catalog instanceof PDFName ? catalog.decodeText() : undefined].map(Number);
  return Math.max(0, ...versions.filter((v) => Number.isFinite(v)));
}

export function checkPdfx(doc: PDFDocument): CheckResult {
  const findings: Finding[] = [];
  const { version, conformance } = readPdfxInfo(doc);
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  const x4 = version?.startsWith("PDF/X-4") ?? false;
  if (!version) findings.push({ severity: "fail", message: "no GTS_PDFXVersion in the document information" });
  if (x4) {
    const declared = pdfVersion(doc);
    if (declared < 1.6)
      findings.push({ severity: "fail", message: `${version} needs PDF 1.6 or later, the file is PDF ${declared}` });
    if (!xmpPdfxVersion(doc)?.startsWith("PDF/X-4")) {
      findings.push({ severity: "fail", message: `${version} needs pdfxid:GTS_PDFXVersion in the XMP metadata` });
    }
  }
  if (version?.startsWith("PDF/X-1") && !conformance) {
    findings.push({ severity: "fail", message: `${version} without GTS_PDFXConformance` });
  }
  const trapped = info instanceof PDFDict ? info.lookup(PDFName.of("Trapped")) : undefined;
  if (version && !(trapped instanceof PDFName && ["/True", "/False"].includes(trapped.asString()))) {
    findings.push({ severity: "fail", message: "Trapped is not set to True or False" });
  }
  const intents = doc.catalog.lookup(PDFName.of("OutputIntents"));
  const pdfx = (intents instanceof PDFArray ? intents.asArray() : [])
    .map((o) => doc.context.lookup(o))
    .filter((d): d is PDFDict => d instanceof PDFDict)
    .find((d) => d.lookup(PDFName.of("S"))?.toString() === "/GTS_PDFX");
  let condition = "";
  if (!pdfx) {
    findings.push({ severity: "fail", message: "no GTS_PDFX output intent" });
  } else {
    condition = text(pdfx.lookup(PDFName.of("OutputConditionIdentifier"))) ?? "";
    if (!condition) findings.push({ severity: "fail", message: "output intent without OutputConditionIdentifier" });
    if (!(pdfx.lookup(PDFName.of("DestOutputProfile")) instanceof PDFStream)) {
      findings.push(
        x4
          ? {
              severity: "fail",
              message: `${version} needs the output intent's ICC profile embedded (DestOutputProfile)`,
            }
          : {
              severity: "warn",
              message: "output intent has no DestOutputProfile (fine only for a registered condition)",
            },
      );
    }
  }
  return checkResult("pdfx", findings, `${conformance ?? version}, output intent "${condition}"`);
}
