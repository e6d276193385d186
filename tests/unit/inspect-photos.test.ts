import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve";
import { ImageError, prepareImages } from "../../src/images/index";
import { inspectIssue } from "../../src/inspect/inspect";
import { IssueError, type IssueProblem } from "../../src/load";

// Issue 22, 7: `validate` (inspectIssue) refuses a photo that `build` refuses. A truncated JPEG has a
// sound header; only decoding it shows the data missing, so validate decodes, as the image stage does.

const PHOTOS = fileURLToPath(new URL("../../issues/dongchangfu/photos", import.meta.url));
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsprint-inspect-photos-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** An issue folder with photos/whole.jpg and photos/cut.jpg (its first 60 %), cut.png likewise. */
async function issueWith(images: string[], ads: string[] = []): Promise<string> {
  const dir = await mkdtemp(path.join(root, "issue-"));
  await mkdir(path.join(dir, "photos"));
  await copyFile(path.join(PHOTOS, "rocket.jpg"), path.join(dir, "photos/whole.jpg"));
  const jpeg = await readFile(path.join(PHOTOS, "rocket.jpg"));
  await writeFile(path.join(dir, "photos/cut.jpg"), jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
  const png = await readFile(path.join(PHOTOS, "camera.png"));
  await writeFile(path.join(dir, "photos/cut.png"), png.subarray(0, Math.floor(png.length * 0.6)));
  const issue = {
    paper: { name: "东昌府新闻" },
    issue: { date: "2022-11-14" },
    pages: [
      {
        articles: [{ id: "a", headline: "标题", body: ["正文。"], images: images.map((src) => ({ src })) }],
        ads: ads.map((file, i) => ({ id: `ad${i}`, file, span: 2, height: 40 })),
      },
    ],
  };
  await writeFile(path.join(dir, "issue.json"), JSON.stringify(issue));
  return dir;
}

async function problemsOf(dir: string): Promise<IssueProblem[]> {
  const err = await inspectIssue(dir, resolveConfig().images).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (err === undefined) return [];
  expect(err).toBeInstanceOf(IssueError);
  return (err as IssueError).problems;
}

describe("validate decodes photos as build does (issue 22, 7)", () => {
  it("passes whole photos", async () => {
    expect(await problemsOf(await issueWith(["photos/whole.jpg"]))).toEqual([]);
  });

  it("refuses the first 60 % of a real JPEG, naming its field, as the image stage does", async () => {
    const dir = await issueWith(["photos/whole.jpg", "photos/cut.jpg"]);
    const problems = await problemsOf(dir);
    expect(problems.map((p) => p.path)).toEqual(["pages[0].articles[0].images[1].src"]);
    expect(problems[0]?.found).toMatch(/^photos\/cut\.jpg: unreadable or truncated image data \(.*premature end/);
    // The build's image stage refuses the same file.
    const build = prepareImages(
      [{ articleId: "a", index: 1, src: "photos/cut.jpg", widthMm: 40, heightMm: 30, mono: false }],
      { ...resolveConfig().images, issueDir: dir, cacheDir: path.join(root, "cache") },
    );
    await expect(build).rejects.toBeInstanceOf(ImageError);
    await expect(build).rejects.toThrow(/truncated/);
  });

  it("refuses a truncated PNG photo and a truncated raster ad", async () => {
    const problems = await problemsOf(await issueWith(["photos/cut.png"], ["photos/cut.png", "photos/whole.jpg"]));
    expect(problems.map((p) => p.path)).toEqual(["pages[0].articles[0].images[0].src", "pages[0].ads[0].file"]);
    for (const p of problems) expect(p.found).toMatch(/^photos\/cut\.png: unreadable or truncated image data/);
  });
});
