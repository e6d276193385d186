import { type InkStats, inkStats, type RichBlackStats, renderSeparations, richBlackPixels } from "../pdf/ink";
import { type CheckResult, checkResult, type Finding } from "./types";

// Two checks on Ghostscript's separations of every page:
// - ink-limit: the highest total ink (C+M+Y+K) of any spot on the page, from a 50 dpi render;
// - black-on-k: text and line art (the page rendered without its images) must not be grey or
//   black built from C, M and Y — on newsprint that misregisters into coloured fringes.

export const INK_DPI = 50;
export const TEXT_DPI = 72;
/** Rounding of 8-bit separations. */
const INK_TOLERANCE = 1;
/** Fewer rich-black pixels than this are noise (a hairline crossing a pixel edge). */
const MIN_RICH_PIXELS = 4;

export async function measurePages(
  pdf: string,
  tool: { gsCommand: string; timeoutMs: number },
): Promise<{ ink: InkStats[]; rich: RichBlackStats[] }> {
  const ink = await renderSeparations(pdf, { dpi: INK_DPI, ...tool }, inkStats);
  const rich = await renderSeparations(pdf, { dpi: TEXT_DPI, withoutImages: true, ...tool }, (r) =>
    richBlackPixels(r, TEXT_DPI),
  );
  return { ink, rich };
}

export function checkInkLimit(ink: InkStats[], maxInk: number): CheckResult {
  const findings: Finding[] = [];
  ink.forEach((s, i) => {
    if (s.maxTac > maxInk + INK_TOLERANCE) {
      findings.push({ severity: "fail", page: i + 1, message: `${s.maxTac}% total ink, over the ${maxInk}% limit` });
    }
  });
  const max = Math.max(0, ...ink.map((s) => s.maxTac));
  return checkResult("ink-limit", findings, `highest total ink ${max}% (limit ${maxInk}%)`);
}

export function checkBlackOnK(rich: RichBlackStats[]): CheckResult {
  const findings: Finding[] = [];
  rich.forEach((s, i) => {
    if (s.pixels < MIN_RICH_PIXELS || !s.box) return;
    const b = s.box;
    findings.push({
      severity: "fail",
      page: i + 1,
      message:
        `text or lines in grey/black built from C, M and Y (${s.pixels} px at ${TEXT_DPI} dpi, ` +
        `within ${b.width}×${b.height} mm at ${b.x}, ${b.y} mm from the top left)`,
    });
  });
  return checkResult("black-on-k", findings, "black and grey text and lines on the K plate only");
}
