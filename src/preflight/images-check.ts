import type { ImageRow } from "./poppler";
import { type CheckResult, checkResult, type Finding } from "./types";

// Effective resolution of every placed image: its pixels over the size it is printed at, as
// pdfimages reports it. Newsprint screens at 85–120 lpi want about 1.5–2 pixels per line.

export function checkImageResolution(images: ImageRow[], minPpi: number): CheckResult {
  const findings: Finding[] = [];
  const photos = images.filter((i) => i.type === "image" && Number.isFinite(i.xPpi) && Number.isFinite(i.yPpi));
  for (const img of photos) {
    const ppi = Math.min(img.xPpi, img.yPpi);
    if (ppi < minPpi) {
      findings.push({
        severity: "warn",
        page: img.page,
        message: `${img.width}×${img.height} px image at ${ppi} ppi (below ${minPpi})`,
      });
    }
  }
  const lowest = photos.length ? Math.min(...photos.map((i) => Math.min(i.xPpi, i.yPpi))) : undefined;
  return checkResult(
    "image-resolution",
    findings,
    lowest === undefined ? "no images" : `${photos.length} images, lowest ${lowest} ppi (≥ ${minPpi})`,
  );
}
