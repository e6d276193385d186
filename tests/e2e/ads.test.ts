import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { resolveConfig } from "../../src/config/resolve";
import { spanWidth } from "../../src/grid";
import { type BuildResult, buildIssue } from "../../src/pipeline/build";
import { preflight } from "../../src/preflight/index";
import { makePressFiles, pressOptionsForIssue } from "../../src/press";
import { adBoxInModule } from "../../src/typeset/ads";
import { mmToPt, ptToMm } from "../../src/units";
import { must } from "../helpers/must";
import { pdfFonts } from "./helpers/pdf";
import { placements } from "./helpers/placements";

// The ad sample (issues/ads): a bottom 通栏 with PDF artwork, a half-width PNG ad and a 公益广告
// beside it, a front-page ear, two pins, fillers and cut paragraphs. Checked from the PDF.

const root = join(import.meta.dirname, "..", "..");
let browser: Browser;
let result: BuildResult;
let out: string;
let pdf: string;

beforeAll(async () => {
  browser = await launchBrowser(resolveConfig().browser);
  out = mkdtempSync(join(tmpdir(), "newsprint-ads-"));
  result = await buildIssue(join(root, "issues/ads"), { outDir: out, browser });
  pdf = join(out, "ads.pdf");
  writeFileSync(pdf, result.pdf);
});
afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

const text = (page: number) =>
  execFileSync("pdftotext", ["-raw", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });

/** Where an ad's booked box is on its page, in mm from the trim's top left, from the make-up. */
function bookedBox(id: string) {
  const f = result.issue.format;
  const page = result.layout.pages.find((p) => p.boxes.some((b) => b.id === id));
  const box = page?.boxes.find((b) => b.id === id);
  const ad = result.issue.data.pages[(page?.number ?? 1) - 1]?.ads.find((a) => a.id === id);
  if (!page || !box || !ad) throw new Error(`no ad ${id}`);
  const inner = adBoxInModule(f, ad, box.rows);
  const left = f.areaLeft + box.col * (f.columnWidth + f.gutter) + inner.x;
  const top = f.areaTop + box.row * f.linePitch + inner.y;
  return {
    page: page.number,
    left: ptToMm(left),
    top: ptToMm(top),
    width: ptToMm(inner.width),
    height: ptToMm(inner.height),
  };
}

/**
 * The rectangle (mm from the page's top left) of the pixels near `rgb` in a 600 dpi rendering of
 * the area around `near`: the printed artwork, found in the PDF as a reader's eye would.
 */
async function printedRect(page: number, near: ReturnType<typeof bookedBox>, rgb: [number, number, number]) {
  const dpi = 600;
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const margin = 3;
  const [x, y] = [px(near.left - margin), px(near.top - margin)];
  const [w, h] = [px(near.width + 2 * margin), px(near.height + 2 * margin)];
  const args = ["-png", "-r", dpi, "-f", page, "-l", page, "-x", x, "-y", y, "-W", w, "-H", h, "-singlefile", pdf];
  const png = execFileSync("pdftoppm", args.map(String), { maxBuffer: 512 * 1024 * 1024 });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let [minX, minY, maxX, maxY] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, -1, -1];
  for (let j = 0; j < info.height; j++) {
    for (let i = 0; i < info.width; i++) {
      const o = (j * info.width + i) * 3;
      const d =
        Math.abs((data[o] ?? 0) - rgb[0]) +
        Math.abs((data[o + 1] ?? 0) - rgb[1]) +
        Math.abs((data[o + 2] ?? 0) - rgb[2]);
      if (d > 60) continue;
      minX = Math.min(minX, i);
      maxX = Math.max(maxX, i);
      minY = Math.min(minY, j);
      maxY = Math.max(maxY, j);
    }
  }
  const mm = (p: number) => (p / dpi) * 25.4;
  return { left: mm(x + minX), top: mm(y + minY), width: mm(maxX - minX + 1), height: mm(maxY - minY + 1) };
}

describe("ads", () => {
  it("prints the artwork in the booked box, to a tenth of a millimetre, vector and raster alike", async () => {
    // 通栏: span 6 columns with their gutters × 70 mm; the artwork's red fills its box.
    const tonglan = bookedBox("tonglan-jiadian");
    expect(tonglan.width).toBeCloseTo(ptToMm(spanWidth(result.issue.format, 6)), 6);
    expect(tonglan.height).toBeCloseTo(70, 6);
    const red = await printedRect(tonglan.page, tonglan, [0xc8, 0x10, 0x2e]);
    for (const k of ["left", "top", "width", "height"] as const)
      expect(Math.abs(red[k] - tonglan[k]), k).toBeLessThan(0.1);
    // The PNG ad, 3 columns × 60 mm: the image the page draws, read from its content stream, is
    // the artwork fitted inside the box (aspects 0.1 % apart) and centred.
    const swim = bookedBox("jianshen-youyong");
    const art = must(result.ads.get("jianshen-youyong"), "the swimming ad's artwork");
    const prepared = result.images.find((i) => i.articleId === "jianshen-youyong");
    const drawn = must(
      (await placements(pdf, swim.page - 1)).find(
        (p) => p.pixels?.width === prepared?.widthPx && p.pixels?.height === prepared?.heightPx,
      ),
      "the PNG ad drawn at its prepared size",
    );
    const fitted = {
      left: swim.left + ptToMm(art.fit.x),
      top: swim.top + ptToMm(art.fit.y),
      width: ptToMm(art.fit.width),
      height: ptToMm(art.fit.height),
    };
    for (const k of ["left", "top", "width", "height"] as const) {
      expect(Math.abs(ptToMm(drawn[k]) - fitted[k]), k).toBeLessThan(0.1);
      expect(Math.abs(fitted[k] - swim[k]), k).toBeLessThan(0.1);
    }
  });

  it("keeps PDF artwork vector: its text is text, its fonts are listed, no raster is made of it", () => {
    expect(text(2)).toContain("水城惠民家电");
    expect(text(3)).toContain("文明出行");
    // The artwork's headline face (Serif 900) is one the pages never use.
    expect(pdfFonts(pdf).some((f) => /NotoSerifSC.*-Black/.test(f.name) && f.embedded)).toBe(true);
    // Images: the photos and the two PNG ads, at their prepared sizes; nothing from the PDF ads.
    const listed = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(listed.length).toBe(result.images.length);
    const sizes = listed.map((l) => l.trim().split(/\s+/).slice(3, 5).join("x")).sort();
    expect(sizes).toEqual(result.images.map((i) => `${i.widthPx}x${i.heightPx}`).sort());
  });

  it("labels every ad as an ad, as the advertising law requires", () => {
    expect(text(1)).toContain("广告");
    expect(text(2)).toContain("广告");
    const page3 = text(3);
    expect(page3).toContain("公益广告");
    expect(page3.replace("公益广告", "")).toContain("广告");
  });

  it("reports the make-up steered by the editor: ear, pins, fillers, cuts, all in layout.json", () => {
    const [p1, , , p4] = result.layout.pages;
    expect(p1?.boxes.map((b) => b.id)).toEqual(["baoyan-dingyue"]);
    // The ear sits beside the masthead, at its right, as high as it.
    expect(p1?.boxes[0]?.row).toBe(0);
    expect((p1?.boxes[0]?.col ?? 0) + (p1?.boxes[0]?.span ?? 0)).toBe(result.issue.format.columns);
    const pinned = result.layout.pages.flatMap((p) => p.modules.filter((m) => m.origin === "pinned"));
    expect(pinned.map((m) => m.articleId).sort()).toEqual(["hanji-renda-daibiao", "liuyuan-wenming-dashi"]);
    expect(pinned.find((m) => m.articleId === "liuyuan-wenming-dashi")).toMatchObject({ col: 0, row: 0, span: 4 });
    expect(p4?.fillers.length).toBeGreaterThan(0);
    expect(result.layout.cuts.map((c) => c.articleId)).toEqual(["kangyi-jiceng-fangxian"]);
    // The front pages are filled first; a shortage of copy (the photos are no longer enlarged
    // below their resolution to fill) sits on the section's last page, and is said.
    const pages = result.layout.pages;
    for (const page of pages.slice(0, -1)) expect(page.emptyCells / page.totalCells).toBeLessThan(0.03);
    const last = pages.at(-1);
    const short = (last?.emptyCells ?? 0) / (last?.totalCells ?? 1) >= 0.03;
    expect(last?.warnings.some((w) => w.code === "underfull")).toBe(short);
  });

  it("makes press files that still pass preflight with the ads on them", async () => {
    const config = resolveConfig({ preflight: { minPpi: 50 } });
    const options = pressOptionsForIssue(result.issue, out, { deterministic: true }).options;
    const press = await makePressFiles(pdf, options, config.press);
    const report = await preflight(
      press.pages.map((p) => p.file),
      config.preflight,
    );
    const failed = report.files.flatMap((f) =>
      f.checks.filter((c) => c.status === "fail").map((c) => `${f.file}: ${c.name}`),
    );
    expect(failed).toEqual([]);
    // The ad's text is still text in the press file, after Ghostscript.
    const second = press.pages[1]?.file ?? "";
    expect(execFileSync("pdftotext", ["-raw", second, "-"], { encoding: "utf8" })).toContain("水城惠民家电");
  });
});

describe("ads that cannot be printed as booked", () => {
  /** A copy of the ad sample with its ad department's file changed. */
  function withAds(change: (ads: Record<string, unknown[]>) => void): string {
    const dir = mkdtempSync(join(tmpdir(), "newsprint-ads-bad-"));
    cpSync(join(root, "issues/ads"), dir, { recursive: true });
    const file = join(dir, "ads.json");
    const ads = JSON.parse(readFileSync(file, "utf8"));
    change(ads);
    writeFileSync(file, JSON.stringify(ads));
    return dir;
  }
  const cli = (dir: string, outDir: string) =>
    spawnSync("node", [join(root, "bin/newsprint.js"), "build", dir, "-o", outDir], { encoding: "utf8" });

  it("exits 2 naming the ad, with nothing written, for overlapping ads and for unreadable artwork", () => {
    const overlap = withAds((ads) => {
      ads["3"]?.push({
        id: "extra",
        file: "ads/jianshen-youyong.png",
        span: 3,
        height: 60,
        position: { column: 1, line: 50 },
      });
    });
    const outA = join(overlap, "out");
    const a = cli(overlap, outA);
    expect(a.status, a.stderr).toBe(2);
    // Named in the ad department's file by the inspection, as validate names it (issue 26).
    expect(a.stderr).toMatch(
      /ads\.json: 3\[2\] \(ad extra\): expected an ad clear of the page's other ads, found columns \d–\d, lines 50–\d+, over ad "gongyi-wenming"/,
    );
    expect(existsSync(outA)).toBe(false);

    const broken = withAds(() => undefined);
    writeFileSync(join(broken, "ads/tonglan-jiadian.pdf"), "%PDF-1.7\nnot really a PDF");
    const outB = join(broken, "out");
    const b = cli(broken, outB);
    expect(b.status, b.stderr).toBe(2);
    // Named in the ad department's file, where the ad is booked, before any stage runs.
    expect(b.stderr).toMatch(
      /ads\.json: 2\[0\]\.file \(ad tonglan-jiadian\): expected the artwork of ad "tonglan-jiadian" in the issue folder, found ads\/tonglan-jiadian\.pdf: PDF artwork that is damaged/,
    );
    expect(existsSync(join(outB, "ads.pdf"))).toBe(false);
  });

  it("places an agency's PDF with an owner password (issue 26, 9), from Ghostscript's copy, still vector", async () => {
    const dir = withAds(() => undefined);
    const art = join(dir, "ads/tonglan-jiadian.pdf");
    const locked = join(dir, "ads/locked.pdf");
    execFileSync("gs", [
      ...["-q", "-o", locked, "-sDEVICE=pdfwrite", "-sOwnerPassword=agency", "-dEncryptionR=3"],
      ...["-dKeyLength=128", "-dPermissions=-3904", art],
    ]);
    cpSync(locked, art);
    expect(readFileSync(art, "latin1")).toContain("/Encrypt");
    const out = join(dir, "out");
    const built = cli(dir, out);
    expect(built.status, built.stderr).toBe(0);
    const pdf = /^wrote (\S+\.pdf) /m.exec(built.stdout)?.[1] ?? "";
    // Placed as vector, as the other PDF artwork: its fonts embedded, the file not encrypted.
    // (Ghostscript 10.00's rewrite keeps the look, pixel for pixel, not the text's Unicode mapping.)
    expect(pdfFonts(pdf).some((f) => /NotoSerifSC.*-Black/.test(f.name) && f.embedded)).toBe(true);
    expect(readFileSync(pdf, "latin1")).not.toContain("/Encrypt");
  });

  it("fits artwork of another aspect inside its box, never distorted, and names the ad", async () => {
    const dir = withAds((ads) => {
      const half = ads["3"]?.[0] as { height: number };
      half.height = 48; // the 60 mm artwork in a 48 mm box: 20 % apart
    });
    const other = await buildIssue(dir, { outDir: join(dir, "out"), browser });
    const aspect = other.warnings.filter((w) => w.adId === "jianshen-youyong");
    expect(aspect.map((w) => w.message).join("\n")).toMatch(
      /ad jianshen-youyong: the artwork's aspect differs from the booked box by 2\d\.\d %: fitted inside/,
    );
    const art = other.ads.get("jianshen-youyong");
    // Height-limited: the box's full height, a narrower width, centred.
    expect(art?.fit.height).toBeCloseTo(mmToPt(48), 6);
    expect(art?.fit.width).toBeCloseTo((mmToPt(48) * 1458) / 709, 0);
    expect(art?.fit.x).toBeGreaterThan(0);
  });
});
