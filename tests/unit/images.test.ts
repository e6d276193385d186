import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve";
import { type ImageRequest, prepareImages, probeImage } from "../../src/images/index";

/** The default image settings, as a command without options resolves them. */
const DEFAULT_IMAGES = resolveConfig({}, undefined, {}).images;

// Geometry of the image stage on real pixels: orientation, crop window, output size.

// The sample issue carries copies of the shared sample photos.
const PHOTOS = fileURLToPath(new URL("../../issues/dongchangfu/photos", import.meta.url));
let root: string;
let issueDir: string;
let n = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsprint-images-"));
  issueDir = path.join(root, "issue");
  await mkdir(path.join(issueDir, "photos"), { recursive: true });
  await copyFile(path.join(PHOTOS, "chelsea.png"), path.join(issueDir, "photos/chelsea.png"));
  await copyFile(path.join(PHOTOS, "hubble_deep_field.jpg"), path.join(issueDir, "photos/hubble.jpg"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A fresh cache per run, so each test does the image work it means to test. */
function opts(extra: { targetPpi?: number; minPpi?: number } = {}) {
  return { ...DEFAULT_IMAGES, issueDir, cacheDir: path.join(root, `cache-${n++}`), ...extra };
}
function req(src: string, widthMm: number, heightMm: number, extra: Partial<ImageRequest> = {}): ImageRequest {
  return { articleId: "a1", index: 0, src, widthMm, heightMm, mono: false, ...extra };
}
async function rgbAt(file: string, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i] ?? -1, data[i + 1] ?? -1, data[i + 2] ?? -1];
}

describe("orientation", () => {
  it("applies EXIF orientation 6 before cropping", async () => {
    // 300×100 landscape, red band on the left; orientation 6 shows it 100×300 with the band on top.
    await sharp({ create: { width: 300, height: 100, channels: 3, background: { r: 0, g: 0, b: 255 } } })
      .composite([{ input: { create: { width: 60, height: 100, channels: 3, background: "#f00" } }, left: 0, top: 0 }])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toFile(path.join(issueDir, "photos/rotated.jpg"));

    expect(await probeImage(issueDir, "photos/rotated.jpg", "a1")).toEqual({ width: 100, height: 300 });
    // Slot of the upright aspect 1:3, at a resolution above the source's: pixels are kept as they are.
    const { images } = await prepareImages([req("photos/rotated.jpg", 20, 60)], opts({ targetPpi: 400 }));
    const img = images[0];
    expect(img).toMatchObject({ widthPx: 100, heightPx: 300 });
    const meta = await sharp(img?.file).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([100, 300, undefined]);
    const [r, g, b] = await rgbAt(img?.file ?? "", 50, 10);
    expect(r).toBeGreaterThan(200);
    expect(g + b).toBeLessThan(60);
  });
});

describe("crop and size", () => {
  it.each([
    [50, 30],
    [30, 80],
    [60, 60],
    [91.3, 47.7],
  ])("crops hubble to the aspect of a %s×%s mm slot (±1 px)", async (w, h) => {
    const { images } = await prepareImages([req("photos/hubble.jpg", w, h)], opts({ targetPpi: 100 }));
    const img = images[0];
    if (!img) throw new Error("no image");
    const meta = await sharp(img.file).metadata();
    expect([meta.width, meta.height]).toEqual([img.widthPx, img.heightPx]);
    expect(Math.abs(img.heightPx - (img.widthPx * h) / w)).toBeLessThanOrEqual(1);
  });

  it("resamples to the target resolution at the placed size", async () => {
    await sharp({ create: { width: 3000, height: 2000, channels: 3, background: "#8a6" } })
      .jpeg()
      .toFile(path.join(issueDir, "photos/big.jpg"));
    const at200 = await prepareImages([req("photos/big.jpg", 80, 50)], opts());
    // 80 mm and 50 mm at 200 ppi: 629.9 and 393.7 px.
    expect(at200.images[0]).toMatchObject({ widthPx: 630, heightPx: 394 });
    // Crop is the full 3000 px width (source 1.5 is narrower than slot 1.6): 3000 / (80 / 25.4).
    expect(at200.images[0]?.effectivePpi).toBeCloseTo(952.5, 1);
    expect(at200.warnings).toEqual([]);

    const at300 = await prepareImages([req("photos/big.jpg", 80, 50)], opts({ targetPpi: 300 }));
    expect(at300.images[0]).toMatchObject({ widthPx: 945, heightPx: 591 });
  });

  it("never upscales: a small source keeps the pixels of its crop", async () => {
    // chelsea is 451×300; a 100×50 mm slot at 200 ppi would want 787×394.
    const { images, warnings } = await prepareImages([req("photos/chelsea.png", 100, 50)], opts());
    expect(images[0]).toMatchObject({ widthPx: 451, heightPx: 226 });
    expect(images[0]?.effectivePpi).toBeCloseTo(451 / (100 / 25.4), 6);
    expect(warnings).toHaveLength(1);
  });
});

describe("crop position", () => {
  let ramp: string;
  beforeAll(async () => {
    // Red rises 0→255 left to right, so a column's red value tells which source column it was.
    const width = 400;
    const height = 100;
    const raw = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) raw[(y * width + x) * 3] = Math.round((x / (width - 1)) * 255);
    }
    ramp = "photos/ramp.png";
    await sharp(raw, { raw: { width, height, channels: 3 } })
      .png()
      .toFile(path.join(issueDir, ramp));
  });

  it.each([
    // focus x, expected source column at the crop's left edge (crop is 100 px wide)
    [0.5, 150],
    [0.3, 70],
    [0, 0], // pushed back inside on the left
    [1, 300], // and on the right
  ])("centres the crop on focus x=%s as far as the image allows", async (fx, left) => {
    const { images } = await prepareImages([req(ramp, 40, 40, { focus: [fx, 0.5] })], opts({ targetPpi: 1000 }));
    const img = images[0];
    expect(img).toMatchObject({ widthPx: 100, heightPx: 100 });
    const [red] = await rgbAt(img?.file ?? "", 0, 50);
    expect(Math.abs(red - (left / 399) * 255)).toBeLessThanOrEqual(4);
  });

  it("without focus, crops to what the attention strategy finds", async () => {
    // Flat grey with a saturated, busy patch near the right edge: attention must keep the patch.
    const patch = await sharp({
      create: {
        width: 120,
        height: 120,
        channels: 3,
        background: "#e03020",
        noise: { type: "gaussian", mean: 128, sigma: 60 },
      },
    })
      .png()
      .toBuffer();
    await sharp({ create: { width: 600, height: 200, channels: 3, background: "#808080" } })
      .composite([{ input: patch, left: 460, top: 40 }])
      .png()
      .toFile(path.join(issueDir, "photos/patch.png"));
    const { images } = await prepareImages([req("photos/patch.png", 30, 30)], opts({ targetPpi: 1000 }));
    const stats = await sharp(images[0]?.file).stats();
    // A centred crop (200..400) would be flat grey: no spread at all.
    expect(stats.channels[0]?.stdev).toBeGreaterThan(20);
  });
});
