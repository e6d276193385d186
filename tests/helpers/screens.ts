import { mkdirSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";

// Screenshots in tests are either compared (pixelsDiffering) or kept only when someone asked to
// look at them: NEWSPRINT_SCREENS=<folder> npx vitest run tests/e2e/<file> writes them there.

interface Screenshotter {
  screenshot(options: { path: string }): Promise<unknown>;
}

/** Saves a screenshot for a look by eye when NEWSPRINT_SCREENS names a folder; else takes none. */
export async function keepForEye(page: Screenshotter, name: string): Promise<void> {
  const dir = process.env.NEWSPRINT_SCREENS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name) });
}

/** Share of pixels (0–1) whose colour differs by more than `tolerance` on any channel. */
export async function pixelsDiffering(a: Uint8Array, b: Uint8Array, tolerance = 8): Promise<number> {
  const [x, y] = await Promise.all(
    [a, b].map((png) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })),
  );
  if (!x || !y) throw new Error("no image");
  if (x.info.width !== y.info.width || x.info.height !== y.info.height) return 1;
  let differing = 0;
  for (let i = 0; i < x.data.length; i += 3) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs((x.data[i + c] as number) - (y.data[i + c] as number)) > tolerance) {
        differing++;
        break;
      }
    }
  }
  return differing / (x.data.length / 3);
}
