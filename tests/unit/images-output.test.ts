import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve";
import { ImageError, type ImageRequest, prepareImages } from "../../src/images/index";

/** The default image settings, as a command without options resolves them. */
const DEFAULT_IMAGES = resolveConfig({}, undefined, {}).images;

// What the processed files are: colour, metadata, format; the resolution check; the cache.

// The sample issue carries copies of the shared sample photos.
const PHOTOS = fileURLToPath(new URL("../../issues/dongchangfu/photos", import.meta.url));
let root: string;
let issueDir: string;
let n = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsprint-images-out-"));
  issueDir = path.join(root, "issue");
  await mkdir(issueDir, { recursive: true });
  for (const f of ["chelsea.png", "coffee.png", "hubble_deep_field.jpg", "rocket.jpg"]) {
    await copyFile(path.join(PHOTOS, f), path.join(issueDir, f));
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

function opts(extra: { strict?: boolean; minPpi?: number; targetPpi?: number } = {}) {
  return { ...DEFAULT_IMAGES, issueDir, cacheDir: path.join(root, `cache-${n++}`), ...extra };
}
function req(src: string, widthMm: number, heightMm: number, extra: Partial<ImageRequest> = {}): ImageRequest {
  return { articleId: "a1", index: 0, src, widthMm, heightMm, mono: false, ...extra };
}
async function only(reqs: ImageRequest[], o = opts()) {
  const { images } = await prepareImages(reqs, o);
  const img = images[0];
  if (!img) throw new Error("no image");
  return img;
}

describe("colour and metadata", () => {
  it("mono gives a one-channel grey file; colour keeps three", async () => {
    const grey = await only([req("coffee.png", 60, 40, { mono: true })]);
    const colour = await only([req("coffee.png", 60, 40)]);
    expect((await sharp(grey.file).metadata()).channels).toBe(1);
    expect((await sharp(colour.file).metadata()).channels).toBe(3);
  });

  it("strips EXIF, XMP and ICC, converting through the embedded profile to sRGB", async () => {
    // Stored as Display P3: sRGB (200, 100, 50) becomes roughly (187, 105, 62) in the file.
    await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 100, b: 50 } } })
      .withIccProfile("p3")
      .withExif({ IFD0: { Artist: "Li Fengguo", Copyright: "Liaocheng Daily" } })
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>',
      )
      .jpeg({ quality: 100 })
      .toFile(path.join(issueDir, "p3.jpg"));
    const before = await sharp(path.join(issueDir, "p3.jpg")).metadata();
    expect([!!before.exif, !!before.xmp, !!before.icc]).toEqual([true, true, true]);

    const img = await only([req("p3.jpg", 20, 15)]);
    const after = await sharp(img.file).metadata();
    expect([after.exif, after.xmp, after.icc]).toEqual([undefined, undefined, undefined]);
    const { data } = await sharp(img.file).raw().toBuffer({ resolveWithObject: true });
    const [r, g, b] = [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0];
    expect(Math.abs(r - 200) + Math.abs(g - 100) + Math.abs(b - 50)).toBeLessThan(12);
  });

  it("drops the EXIF of a real camera file", async () => {
    expect((await sharp(path.join(issueDir, "hubble_deep_field.jpg")).metadata()).exif).toBeDefined();
    const img = await only([req("hubble_deep_field.jpg", 50, 40)]);
    expect((await sharp(img.file).metadata()).exif).toBeUndefined();
  });
});

describe("formats", () => {
  it.each(["webp", "tiff", "avif"] as const)("reads %s and writes JPEG", async (format) => {
    // Small, so the AVIF encoder stays quick.
    await sharp(path.join(issueDir, "rocket.jpg"))
      .resize(320)
      .toFormat(format)
      .toFile(path.join(issueDir, `rocket.${format}`));
    const img = await only([req(`rocket.${format}`, 60, 40)]);
    expect(img.file.endsWith(".jpg")).toBe(true);
    expect((await sharp(img.file).metadata()).format).toBe("jpeg");
  });

  it("keeps PNG only when the source has alpha", async () => {
    await sharp(path.join(issueDir, "coffee.png")).ensureAlpha(0.5).png().toFile(path.join(issueDir, "alpha.png"));
    const withAlpha = await only([req("alpha.png", 60, 40)]);
    expect((await sharp(withAlpha.file).metadata()).format).toBe("png");
    expect((await sharp(withAlpha.file).metadata()).hasAlpha).toBe(true);
    const opaque = await only([req("coffee.png", 60, 40)]);
    expect((await sharp(opaque.file).metadata()).format).toBe("jpeg");
  });
});

describe("resolution check", () => {
  // chelsea is 451×300: in a 70×50 mm slot the crop is 420×300, i.e. 420 / (70 / 25.4) = 152 ppi;
  // in a 120×80 mm slot 451 px over 4.72 in = 95 ppi.
  it("warns below minPpi, naming article, image and ppi", async () => {
    const { warnings } = await prepareImages(
      [req("chelsea.png", 70, 50), req("chelsea.png", 120, 80, { articleId: "weisheng-yundong", index: 1 })],
      opts(),
    );
    expect(warnings).toEqual([
      {
        articleId: "weisheng-yundong",
        src: "chelsea.png",
        ppi: 95,
        detail: "chelsea.png is 95 ppi at 120×80 mm, below 150 ppi",
        message: "article weisheng-yundong: chelsea.png is 95 ppi at 120×80 mm, below 150 ppi",
      },
    ]);
  });

  it("strict makes it an error and writes nothing", async () => {
    const o = opts({ strict: true });
    const err = await prepareImages([req("chelsea.png", 120, 80), req("hubble_deep_field.jpg", 50, 40)], o).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).message).toBe("article a1: chelsea.png: 95 ppi at 120×80 mm, below 150 ppi");
    await expect(stat(o.cacheDir)).rejects.toThrow();
  });
});

describe("cache", () => {
  it("a second run with the same inputs does no work and rewrites nothing", async () => {
    const o = opts();
    const reqs = [req("rocket.jpg", 60, 40), req("coffee.png", 40, 40, { index: 1, mono: true, focus: [0.2, 0.3] })];
    const first = await prepareImages(reqs, o);
    expect(first.images.map((i) => i.cached)).toEqual([false, false]);
    const mtimes = await Promise.all(first.images.map(async (i) => (await stat(i.file)).mtimeMs));
    await new Promise((r) => setTimeout(r, 30));

    const second = await prepareImages(reqs, o);
    expect(second.images.map((i) => i.cached)).toEqual([true, true]);
    expect(second.images.map(({ cached: _, ...rest }) => rest)).toEqual(
      first.images.map(({ cached: _, ...rest }) => rest),
    );
    expect(await Promise.all(second.images.map(async (i) => (await stat(i.file)).mtimeMs))).toEqual(mtimes);
    // No temporary files left behind.
    expect((await readdir(o.cacheDir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("misses when a parameter or the source bytes change", async () => {
    const o = opts();
    await copyFile(path.join(issueDir, "rocket.jpg"), path.join(issueDir, "changing.jpg"));
    await prepareImages([req("changing.jpg", 60, 40)], o);
    expect((await only([req("changing.jpg", 60, 40, { mono: true })], o)).cached).toBe(false);
    expect((await only([req("changing.jpg", 60, 41)], o)).cached).toBe(false);
    expect((await only([req("changing.jpg", 60, 40, { focus: [0.5, 0.5] })], o)).cached).toBe(false);
    expect((await only([req("changing.jpg", 60, 40)], { ...o, targetPpi: 150 })).cached).toBe(false);
    expect((await only([req("changing.jpg", 60, 40)], o)).cached).toBe(true);

    await writeFile(
      path.join(issueDir, "changing.jpg"),
      await sharp(path.join(issueDir, "coffee.png")).jpeg().toBuffer(),
    );
    const changed = await only([req("changing.jpg", 60, 40)], o);
    expect(changed.cached).toBe(false);
    expect(changed.effectivePpi).toBeCloseTo(600 / (60 / 25.4), 6);
  });
});
