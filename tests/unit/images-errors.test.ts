import { copyFile, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve";
import { ImageError, type ImageRequest, prepareImages, probeImage } from "../../src/images/index";

/** The default image settings, as a command without options resolves them. */
const DEFAULT_IMAGES = resolveConfig({}, undefined, {}).images;

// Bad input: each case is an ImageError naming article and file, and nothing is written.

// The sample issue carries copies of the shared sample photos.
const PHOTOS = fileURLToPath(new URL("../../issues/dongchangfu/photos", import.meta.url));
let root: string;
let issueDir: string;
let outside: string;
let n = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsprint-images-bad-"));
  issueDir = path.join(root, "issue");
  await mkdir(path.join(issueDir, "photos"), { recursive: true });
  await copyFile(path.join(PHOTOS, "rocket.jpg"), path.join(issueDir, "photos/ok.jpg"));
  // A real photo next to the issue folder, so path tests fail on the path and not on a missing file.
  outside = path.join(root, "secret.jpg");
  await copyFile(path.join(PHOTOS, "rocket.jpg"), outside);
  await symlink(outside, path.join(issueDir, "photos/link-out.jpg"));
  await symlink(path.join(issueDir, "photos/ok.jpg"), path.join(issueDir, "photos/link-in.jpg"));

  const jpeg = await readFile(path.join(PHOTOS, "rocket.jpg"));
  await writeFile(path.join(issueDir, "photos/truncated.jpg"), jpeg.subarray(0, jpeg.length / 2));
  await writeFile(path.join(issueDir, "photos/garbage.jpg"), "not an image at all");
  await writeFile(path.join(issueDir, "photos/bomb.png"), pngBomb(50_000, 50_000));
  await writeFile(
    path.join(issueDir, "photos/vector.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>',
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A 74-byte PNG whose header claims 2.5 gigapixels: decoding it would exhaust memory. */
function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (grey)
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(1000))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function req(src: string, articleId = "a1"): ImageRequest {
  return { articleId, index: 0, src, widthMm: 40, heightMm: 30, mono: false };
}

async function failure(src: string, maxPixels?: number): Promise<{ err: ImageError; cacheDir: string }> {
  const cacheDir = path.join(root, `cache-${n++}`);
  const err = await prepareImages([req(src, "bad-article")], {
    ...DEFAULT_IMAGES,
    issueDir,
    cacheDir,
    maxPixels: maxPixels ?? DEFAULT_IMAGES.maxPixels,
  }).then(
    () => {
      throw new Error(`${src} was accepted`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImageError);
  return { err: err as ImageError, cacheDir };
}

describe("bad input", () => {
  it.each([
    ["photos/missing.jpg", /file not found/],
    ["photos/truncated.jpg", /truncated/],
    ["photos/garbage.jpg", /not a readable image/],
    ["photos/bomb.png", /50000×50000 pixels exceeds the limit of 100 megapixels/],
    ["photos/vector.svg", /unsupported format svg/],
    ["../secret.jpg", /leaves the issue folder/],
    ["photos/../../secret.jpg", /leaves the issue folder/],
    ["photos/link-out.jpg", /symlink points outside/],
    ["photos", /not a file/],
    ["http://example.com/x.jpg", /URLs are not allowed/],
    ["https://example.com/x.jpg", /URLs are not allowed/],
    ["file:///etc/passwd", /URLs are not allowed/],
    ["data:image/png;base64,iVBORw0KGgo=", /URLs are not allowed/],
    ["//example.com/x.jpg", /absolute path/],
  ])("%s is refused", async (src, reason) => {
    const { err, cacheDir } = await failure(src);
    expect(err.message).toMatch(reason);
    expect(err.message.startsWith(`article bad-article: ${src}: `)).toBe(true);
    expect([err.articleId, err.src]).toEqual(["bad-article", src]);
    await expect(stat(cacheDir)).rejects.toThrow();
  });

  it("refuses an absolute path even to a file inside the issue folder", async () => {
    const { err } = await failure(path.join(issueDir, "photos/ok.jpg"));
    expect(err.message).toMatch(/absolute path/);
  });

  it("applies maxPixels to real images (rocket is 640×427)", async () => {
    const { err } = await failure("photos/ok.jpg", 200_000);
    expect(err.message).toMatch(/640×427 pixels exceeds the limit of 0.2 megapixels/);
  });

  it("applies maxPixels to cached images too", async () => {
    const cacheDir = path.join(root, `cache-${n++}`);
    await prepareImages([req("photos/ok.jpg")], { ...DEFAULT_IMAGES, issueDir, cacheDir });
    await expect(
      prepareImages([req("photos/ok.jpg")], { ...DEFAULT_IMAGES, issueDir, cacheDir, maxPixels: 200_000 }),
    ).rejects.toThrow(/640×427 pixels exceeds the limit/);
  });

  it("accepts paths that stay inside, including symlinks within the folder", async () => {
    const { images } = await prepareImages([req("photos/../photos/ok.jpg"), req("photos/link-in.jpg")], {
      ...DEFAULT_IMAGES,
      issueDir,
      cacheDir: path.join(root, `cache-${n++}`),
    });
    expect(images).toHaveLength(2);
  });

  it("reports every problem of a batch together, and writes nothing", async () => {
    const cacheDir = path.join(root, `cache-${n++}`);
    const reqs = [
      req("photos/ok.jpg"),
      req("photos/missing.jpg", "x1"),
      req("../secret.jpg", "x2"),
      req("https://a.b/c.jpg", "x3"),
    ];
    const err = await prepareImages(reqs, { ...DEFAULT_IMAGES, issueDir, cacheDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    const { problems, message } = err as ImageError;
    expect(problems.map((p) => [p.articleId, p.src])).toEqual([
      ["x1", "photos/missing.jpg"],
      ["x2", "../secret.jpg"],
      ["x3", "https://a.b/c.jpg"],
    ]);
    expect(message.split("\n")).toHaveLength(3);
    expect(message).toMatch(/^article x1: photos\/missing\.jpg: file not found/);
    await expect(stat(cacheDir)).rejects.toThrow();
  });

  it("a truncated file found only while decoding still fails the whole batch, writing nothing", async () => {
    const cacheDir = path.join(root, `cache-${n++}`);
    const reqs = [req("photos/ok.jpg"), req("photos/truncated.jpg", "t1")];
    await expect(prepareImages(reqs, { ...DEFAULT_IMAGES, issueDir, cacheDir })).rejects.toThrow(
      /^article t1: photos\/truncated\.jpg: unreadable or truncated image data \(VipsJpeg: premature end/,
    );
    await expect(stat(cacheDir)).rejects.toThrow();
  });
});

describe("probeImage", () => {
  it("reads the size without decoding, even of a huge header", async () => {
    expect(await probeImage(issueDir, "photos/ok.jpg", "a1")).toEqual({ width: 640, height: 427 });
    expect(await probeImage(issueDir, "photos/bomb.png", "a1")).toEqual({ width: 50_000, height: 50_000 });
  });

  it.each([
    "photos/missing.jpg",
    "../secret.jpg",
    "photos/link-out.jpg",
    "/etc/hostname",
    "https://x.y/z.jpg",
    "photos/garbage.jpg",
  ])("applies the same checks to %s", async (src) => {
    await expect(probeImage(issueDir, src, "p1")).rejects.toThrow(new RegExp(`^article p1: ${escapeRegExp(src)}: `));
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
