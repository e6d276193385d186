import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, printPdf } from "../../src/browser/browser";
import { LANG_DEFAULTS } from "../../src/config/langs";
import { resolveConfig } from "../../src/config/resolve";
import { preflight } from "../../src/preflight/index";
import { makePressFiles, type PressOptions, type PressResult } from "../../src/press/index";
import { NOTO_SERIF_SC_CSS } from "../helpers/paths";

// The press step on a real Chromium proof: two tabloid pages, one of black CJK text with grey
// rules, one with a red headline, black text and a photo. Checked with poppler and Ghostscript.

const run = promisify(execFile);
const PHOTO = fileURLToPath(new URL("../../issues/dongchangfu/photos/rocket.jpg", import.meta.url));
const MM = 72 / 25.4;

const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${NOTO_SERIF_SC_CSS}">
<style>
  @page { size: 275mm 390mm; margin: 0 }
  body { margin: 0; font-family: 'Noto Serif SC'; font-weight: 400 }
  .page { width: 275mm; height: 390mm; box-sizing: border-box; padding: 20mm; break-after: page }
  p { font-size: 10pt; color: #000; margin: 0 0 4mm }
  hr { border: 0; border-top: 1pt solid #808080; margin: 6mm 0 }
  .grey { color: #555 }
  h1 { color: #cc0000; font-size: 40pt; font-weight: 400; margin: 0 0 6mm }
  img { width: 120mm; display: block }
</style></head><body>
<div class="page">
  <p>东昌府报讯 本报记者 这是一段黑色的正文文字，用来检查黑色文字只在黑版上。</p>
  <hr><p class="grey">灰色的说明文字与灰色的线条也只能在黑版上。</p><hr>
</div>
<div class="page">
  <h1>红色大标题</h1>
  <p>黑色正文紧挨着红色标题，黑色仍然只在黑版上。</p>
  <img src="file://${PHOTO}">
</div>
</body></html>`;

let dir: string;
let proof: string;
let result: PressResult;
let options: PressOptions;
const config = resolveConfig();

async function inkcov(pdf: string, extra: string[] = []): Promise<number[][]> {
  const { stdout } = await run("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=inkcov", ...extra, "-o", "-", pdf]);
  return stdout
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).slice(0, 4).map(Number));
}

async function boxes(pdf: string): Promise<Record<string, number[]>> {
  const { stdout } = await run("pdfinfo", ["-box", pdf]);
  const out: Record<string, number[]> = {};
  for (const m of stdout.matchAll(/^(\w+Box):\s+([\d.\s-]+)$/gm))
    out[m[1] as string] = (m[2] as string).trim().split(/\s+/).map(Number);
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "newsprint-press-e2e-"));
  await writeFile(join(dir, "proof.html"), html);
  const browser = await launchBrowser(config.browser);
  try {
    const { page } = await openPage(browser);
    await page.goto(`file://${join(dir, "proof.html")}`, { waitUntil: "networkidle0" });
    await page.evaluate(() => document.fonts.ready);
    proof = join(dir, "proof.pdf");
    await writeFile(proof, await printPdf(page, { widthMm: 275, heightMm: 390 }));
  } finally {
    await browser.close();
  }
  options = {
    trim: { widthMm: 275, heightMm: 390 },
    outDir: join(dir, "out"),
    metadata: {
      paperName: "东昌府报",
      words: LANG_DEFAULTS["zh-Hans"].words,
      publisher: "中共聊城市东昌府区委宣传部",
      issueNumber: 1234,
      paperSlug: "dongchangfu",
      issueDate: "2022-11-14",
      sections: ["要闻", "时政"],
    },
    deterministic: true,
  };
  result = await makePressFiles(proof, options, config.press);
  for (const p of result.pages) {
    console.log(`press page ${p.pageNumber}: ${p.convertMs} ms convert, ${p.totalMs} ms with ink check`);
  }
  console.log(`press: ${result.timing.totalMs} ms in all, ${result.timing.perPageMs} ms per page`);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("press files from a Chromium proof", () => {
  it("names one file per page and the issue proof by the pattern, ASCII only", async () => {
    expect((await readdir(options.outDir)).sort()).toEqual([
      "dongchangfu_20221114_01.pdf",
      "dongchangfu_20221114_02.pdf",
      "dongchangfu_20221114_press.pdf",
    ]);
    expect(result.issueFile).toBe(join(options.outDir, "dongchangfu_20221114_press.pdf"));
  });

  it("has the TrimBox exact to 0.1 mm and the BleedBox 3 mm outside it, in the MediaBox", async () => {
    for (const file of [...result.pages.map((p) => p.file), result.issueFile]) {
      const b = await boxes(file);
      const [tx1, ty1, tx2, ty2] = b.TrimBox as number[];
      const [bx1, by1, bx2, by2] = b.BleedBox as number[];
      const [mx1, my1, mx2, my2] = b.MediaBox as number[];
      // pdfinfo prints two decimals of a point (±0.005 pt = ±0.002 mm).
      expect(Math.abs(((tx2 as number) - (tx1 as number)) / MM - 275)).toBeLessThan(0.1);
      expect(Math.abs(((ty2 as number) - (ty1 as number)) / MM - 390)).toBeLessThan(0.1);
      for (const d of [
        (tx1 as number) - (bx1 as number),
        (ty1 as number) - (by1 as number),
        (bx2 as number) - (tx2 as number),
        (by2 as number) - (ty2 as number),
      ]) {
        expect(Math.abs(d / MM - 3)).toBeLessThan(0.1);
      }
      expect((mx1 as number) <= (bx1 as number) && (my1 as number) <= (by1 as number)).toBe(true);
      expect((mx2 as number) >= (bx2 as number) && (my2 as number) >= (by2 as number)).toBe(true);
    }
  });

  it("embeds every font, none as Type 3", async () => {
    const { stdout } = await run("pdffonts", [result.issueFile]);
    const rows = stdout.trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).not.toMatch(/Type 3/);
      // The last columns: emb sub uni object ID.
      expect(row, row).toMatch(/\syes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    }
  });

  it("puts black text and grey rules on the K plate only", async () => {
    const [[c, m, y, k]] = (await inkcov(result.pages[0]?.file as string)) as [number[]];
    expect([c, m, y]).toEqual([0, 0, 0]);
    expect(k).toBeGreaterThan(0);
  });

  it("keeps the red headline red while the black text next to it stays K only", async () => {
    const [[, m, y]] = (await inkcov(result.pages[1]?.file as string)) as [number[]];
    expect(m).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(0);
    // Without the photo only the headline and the text are left: red has no cyan, and any rich
    // black would; so no cyan at all means the black text is on K alone.
    const [[tc, tm, ty, tk]] = (await inkcov(result.pages[1]?.file as string, ["-dFILTERIMAGE"])) as [number[]];
    expect(tc).toBe(0);
    expect(tm).toBeGreaterThan(0);
    expect(ty).toBeGreaterThan(0);
    expect(tk).toBeGreaterThan(0);
  });

  it("converts the photo to CMYK at its full resolution", async () => {
    const list = async (pdf: string) =>
      (await run("pdfimages", ["-list", pdf])).stdout
        .trim()
        .split("\n")
        .slice(2)
        .map((l) => l.trim().split(/\s+/));
    const [before] = await list(proof);
    const [after] = await list(result.pages[1]?.file as string);
    expect(after?.[5]).toBe("cmyk");
    expect([after?.[3], after?.[4]]).toEqual([before?.[3], before?.[4]]);
  });

  it("keeps total ink within the 220% limit, measured", () => {
    for (const p of result.pages) expect(p.ink.maxTac).toBeLessThanOrEqual(222);
    expect(result.pages[1]?.ink.maxTac).toBeGreaterThan(150);
  });

  it("passes preflight: no RGB, PDF/X-1a with output intent, boxes, fonts, ink, K-only black", async () => {
    const report = await preflight([...result.pages.map((p) => p.file), result.issueFile], config.preflight);
    for (const f of report.files) {
      const failed = f.checks.filter((c) => c.status === "fail");
      expect(failed, `${f.file}: ${JSON.stringify(failed)}`).toEqual([]);
    }
    expect(report.ok).toBe(true);
    expect((await run("pdfinfo", [result.issueFile])).stdout).toMatch(/PDF version:\s+1\.3/);
  });

  it("carries the paper, date and 第N版 as Title, the publisher as Author, and the same in XMP", async () => {
    const version = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")).version;
    const page = (await run("pdfinfo", [result.pages[0]?.file as string])).stdout;
    expect(page).toMatch(/^Title:\s+东昌府报 2022年11月14日 总第1234期 第1版$/m);
    expect(page).toMatch(/^Author:\s+中共聊城市东昌府区委宣传部$/m);
    expect(page).toMatch(/^Keywords:.*第1版 要闻$/m);
    expect(page).toMatch(new RegExp(`^Creator:\\s+newsprint ${version.replace(/\./g, "\\.")}$`, "m"));
    expect(page).toMatch(/^Metadata Stream:\s+yes$/m);
    expect(page).toMatch(/^PDF subtype:\s+PDF\/X-1:2001$/m);
    expect((await run("pdfinfo", [result.pages[1]?.file as string])).stdout).toMatch(/^Title:.* 第2版$/m);
    const issue = (await run("pdfinfo", [result.issueFile])).stdout;
    expect(issue).toMatch(/^Title:\s+东昌府报 2022年11月14日 总第1234期$/m);
    const xmp = (await run("pdfinfo", ["-meta", result.pages[0]?.file as string])).stdout;
    expect(xmp).toContain('<rdf:li xml:lang="x-default">东昌府报 2022年11月14日 总第1234期 第1版</rdf:li>');
    expect(xmp).toContain("<dc:creator><rdf:Seq><rdf:li>中共聊城市东昌府区委宣传部</rdf:li></rdf:Seq></dc:creator>");
    expect(xmp).toContain(`<xmp:CreatorTool>newsprint ${version}</xmp:CreatorTool>`);
    expect(xmp).toContain("<pdf:Producer>newsprint press (pdf-lib, Ghostscript)</pdf:Producer>");
    expect(xmp).toContain("<xmp:CreateDate>2022-11-14T00:00:00Z</xmp:CreateDate>");
    // The XMP identification agrees with the Info dictionary's.
    expect(xmp).toContain("<pdfxid:GTS_PDFXVersion>PDF/X-1:2001</pdfxid:GTS_PDFXVersion>");
    expect(xmp).toContain("<pdfx:GTS_PDFXConformance>PDF/X-1a:2001</pdfx:GTS_PDFXConformance>");
  });

  it("builds byte-identical files from unchanged input when deterministic", async () => {
    const again = await makePressFiles(proof, { ...options, outDir: join(dir, "again") }, config.press);
    const files = [...result.pages.map((p) => p.file), result.issueFile];
    const others = [...again.pages.map((p) => p.file), again.issueFile];
    for (const [i, f] of files.entries()) {
      expect(Buffer.compare(await readFile(f), await readFile(others[i] as string)), f).toBe(0);
    }
  });

  it("prints mono pages in grey only, photo included", async () => {
    const mono = await makePressFiles(proof, { ...options, outDir: join(dir, "mono"), monoPages: [2] }, config.press);
    const [[c, m, y, k]] = (await inkcov(mono.pages[1]?.file as string)) as [number[]];
    expect([c, m, y]).toEqual([0, 0, 0]);
    expect(k).toBeGreaterThan(0);
    expect(mono.pages[1]?.colour).toBe("gray");
    const { stdout } = await run("pdfimages", ["-list", mono.pages[1]?.file as string]);
    expect(stdout).toMatch(/\bgray\b/);
  });

  it("stops Ghostscript and removes the staging folder when its signal aborts", async () => {
    const outDir = join(dir, "aborted");
    const controller = new AbortController();
    const attempt = makePressFiles(proof, { ...options, outDir, signal: controller.signal }, config.press);
    // Abort once the staging folder is there, i.e. while pages are being converted.
    for (let i = 0; i < 200 && !(existsSync(outDir) && (await readdir(outDir)).length > 0); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    controller.abort(new Error("interrupted by the test"));
    await expect(attempt).rejects.toThrow("interrupted by the test");
    expect(existsSync(outDir)).toBe(false);
  });

  it("leaves nothing behind when a page fails (here: a profile that does not cap ink at 220%)", async () => {
    const outDir = join(dir, "failing");
    await mkdir(outDir);
    await writeFile(join(outDir, "keep.txt"), "from before");
    const swop = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
    await expect(makePressFiles(proof, { ...options, outDir, profile: swop }, config.press)).rejects.toThrow(
      /total ink exceeds the limit of 220%/,
    );
    expect(await readdir(outDir)).toEqual(["keep.txt"]);
    // A folder the failed run created itself is removed again.
    const fresh = join(dir, "fresh");
    await expect(makePressFiles(proof, { ...options, outDir: fresh, profile: swop }, config.press)).rejects.toThrow();
    expect(existsSync(fresh)).toBe(false);
  });
});
