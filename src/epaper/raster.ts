import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { runTool } from "../pdf/run-tool";
import { imageSize, type Size } from "./geometry";

// A page of the proof as pictures for screens: poppler draws the page box at the largest width
// (the page box stretched to exactly those pixels, so geometry.ts's scale holds), and sharp makes
// the smaller sizes from it, each to its exact pixel size, and encodes them as WebP.

export interface PagePicture extends Size {
  data: Uint8Array;
}

/** Pictures of page `page` (1-based) of `pdf`, one per width, in the order given. */
export async function rasterisePage(pdf: string, page: number, pagePt: Size, widths: number[]): Promise<PagePicture[]> {
  const largest = imageSize(pagePt, Math.max(...widths));
  const dir = await mkdtemp(join(tmpdir(), "newsprint-epaper-"));
  try {
    const base = join(dir, "page");
    const range = ["-f", String(page), "-l", String(page)];
    const size = ["-scale-to-x", String(largest.width), "-scale-to-y", String(largest.height)];
    await runTool("pdftoppm", [...range, ...size, "-png", "-singlefile", pdf, base], { timeoutMs: 300_000 });
    const png = await readFile(`${base}.png`);
    return await Promise.all(
      widths.map(async (width) => {
        const { height } = imageSize(pagePt, width);
        const data = await sharp(png)
          .resize({ width, height, fit: "fill", kernel: "lanczos3" })
          .webp({ quality: 82, smartSubsample: true })
          .toBuffer();
        return { width, height, data: new Uint8Array(data) };
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
