import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFStream, PDFString } from "pdf-lib";
import { type CheckResult, checkResult, type Finding } from "./types";

// PDF/X identification: the version in the document information, Trapped set, and an output
// intent of subtype GTS_PDFX that names the printing condition and carries its ICC profile.

export interface PdfxInfo {
  version?: string;
  conformance?: string;
}

function text(v: unknown): string | undefined {
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
}

export function readPdfxInfo(doc: PDFDocument): PdfxInfo {
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (!(info instanceof PDFDict)) return {};
  return {
    version: text(info.lookup(PDFName.of("GTS_PDFXVersion"))),
    conformance: text(info.lookup(PDFName.of("GTS_PDFXConformance"))),
  };
}

export function checkPdfx(doc: PDFDocument): CheckResult {
  const findings: Finding[] = [];
  const { version, conformance } = readPdfxInfo(doc);
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (!version) findings.push({ severity: "fail", message: "no GTS_PDFXVersion in the document information" });
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
      findings.push({
        severity: "warn",
        message: "output intent has no DestOutputProfile (fine only for a registered condition)",
      });
    }
  }
  return checkResult("pdfx", findings, `${conformance ?? version}, output intent "${condition}"`);
}
