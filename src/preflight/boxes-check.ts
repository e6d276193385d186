import { PDFArray, type PDFDocument, PDFName, PDFNumber, type PDFPage } from "pdf-lib";
import { ptToMm } from "../units";
import { type CheckResult, checkResult, type Finding } from "./types";

// Page geometry as a plant's RIP reads it: the TrimBox (finished size) must be there, the
// BleedBox must reach the required bleed beyond it, and the MediaBox must hold the BleedBox.

type Rect = [number, number, number, number]; // x1 y1 x2 y2, normalised

/** Boxes are compared to 0.01 pt; bleed to 0.1 mm, the plants' tolerance. */
const EPS_PT = 0.01;
const BLEED_TOLERANCE_MM = 0.1;

/** A page's own box entry (TrimBox and BleedBox are not inherited; MediaBox is). */
function box(page: PDFPage, key: string, inherited = false): Rect | undefined {
  const raw = inherited ? page.node.getInheritableAttribute(PDFName.of(key)) : page.node.get(PDFName.of(key));
  const arr = raw ? page.node.context.lookup(raw) : undefined;
  if (!(arr instanceof PDFArray) || arr.size() !== 4) return undefined;
  const n = arr.asArray().map((v) => {
    const num = page.node.context.lookup(v);
    return num instanceof PDFNumber ? num.asNumber() : Number.NaN;
  });
  if (n.some(Number.isNaN)) return undefined;
  const [a, b, c, d] = n as Rect;
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

const contains = (outer: Rect, inner: Rect) =>
  inner[0] >= outer[0] - EPS_PT &&
  inner[1] >= outer[1] - EPS_PT &&
  inner[2] <= outer[2] + EPS_PT &&
  inner[3] <= outer[3] + EPS_PT;

const sizeMm = (r: Rect) => `${ptToMm(r[2] - r[0]).toFixed(1)} × ${ptToMm(r[3] - r[1]).toFixed(1)} mm`;

/** The smallest distance from the TrimBox to the BleedBox edge, in mm. */
export function bleedOf(trim: Rect, bleed: Rect): number {
  return ptToMm(Math.min(trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]));
}

export function checkBoxes(doc: PDFDocument, bleedMm: number): CheckResult[] {
  const boxFindings: Finding[] = [];
  const bleedFindings: Finding[] = [];
  const trimSizes = new Set<string>();
  doc.getPages().forEach((page, i) => {
    const p = i + 1;
    const media = box(page, "MediaBox", true);
    const trim = box(page, "TrimBox");
    const bleed = box(page, "BleedBox");
    if (!media) {
      boxFindings.push({ severity: "fail", page: p, message: "no valid MediaBox" });
      return;
    }
    if (!trim) {
      boxFindings.push({ severity: "fail", page: p, message: `no TrimBox (MediaBox ${sizeMm(media)})` });
    } else {
      trimSizes.add(sizeMm(trim));
      if (!contains(media, trim)) boxFindings.push({ severity: "fail", page: p, message: "TrimBox outside MediaBox" });
    }
    if (bleed && !contains(media, bleed)) {
      boxFindings.push({ severity: "fail", page: p, message: "MediaBox does not contain the BleedBox" });
    }
    if (!bleed) {
      bleedFindings.push({ severity: "fail", page: p, message: "no BleedBox" });
    } else if (trim) {
      const have = bleedOf(trim, bleed);
      if (!contains(bleed, trim)) {
        bleedFindings.push({ severity: "fail", page: p, message: "BleedBox does not contain the TrimBox" });
      } else if (have < bleedMm - BLEED_TOLERANCE_MM) {
        bleedFindings.push({
          severity: "fail",
          page: p,
          message: `bleed ${have.toFixed(1)} mm, ${bleedMm} mm needed`,
        });
      }
    }
  });
  if (trimSizes.size > 1) {
    boxFindings.push({ severity: "warn", message: `pages differ in trim size: ${[...trimSizes].join(", ")}` });
  }
  const sizes = [...trimSizes].join(", ");
  return [
    checkResult("page-boxes", boxFindings, `TrimBox ${sizes}; BleedBox inside MediaBox`),
    checkResult("bleed", bleedFindings, `at least ${bleedMm} mm bleed on every side`),
  ];
}
