import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, printPdf } from "../../src/browser/browser";
import { LANG_DEFAULTS } from "../../src/config/langs";
import { resolveConfig } from "../../src/config/resolve";
import { preflight } from "../../src/preflight/index";
import { resolveGsWasm } from "../../src/press/ghostscript-wasm";
import { makePressFiles, type PressOptions, type PressResult } from "../../src/press/index";
import { NOTO_SERIF_SC_CSS } from "../helpers/paths";

// --pdfx PDF/X-4 on a real Chromium proof with a photo and a half-transparent panel: through
// Ghostscript 10.06 in WebAssembly the file is PDF 1.6 with its transparency live, passes
// newsprint's own preflight with X-4's rules, and costs what the log lines say against the native
// Ghostscript's X-1a. Runs where the package (or NEWSPRINT_GS_WASM) is installed.

const PHOTO = fileURLToPath(new URL("../../issues/dongchangfu/photos/rocket.jpg", import.meta.url));
const config = resolveConfig();
const installed = resolveGsWasm(config.press.gsWasmModule) !== undefined;

const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${NOTO_SERIF_SC_CSS}">
<style>
  @page { size: 275mm 390mm; margin: 0 }
  body { margin: 0; font-family: 'Noto Serif SC' }
  .page { width: 275mm; height: 390mm; box-sizing: border-box; padding: 20mm; position: relative }
  h1 { color: #cc0000; font-size: 40pt; font-weight: 400 }
  img { width: 120mm; display: block }
  .panel { position: absolute; left: 30mm; top: 150mm; width: 150mm; height: 40mm; background: #0055aa; opacity: 0.5 }
</style></head><body><div class="page">
  <h1>红色大标题</h1><p>黑色正文，半透明的色块压在照片上。</p>
  <img src="file://${PHOTO}"><div class="panel"></div>
</div></body></html>`;

let dir: string;
let proof: string;
const made: Partial<Record<"x4" | "x1a", PressResult>> = {};

beforeAll(async () => {
  if (!installed) return;
  dir = await mkdtemp(join(tmpdir(), "newsprint-press-x4-"));
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
  const options = (pdfx: PressOptions["pdfx"], out: string): PressOptions => ({
    trim: { widthMm: 275, heightMm: 390 },
    outDir: join(dir, out),
    metadata: {
      paperName: "东昌府报",
      words: LANG_DEFAULTS["zh-Hans"].words,
      paperSlug: "dongchangfu",
      issueDate: "2022-11-14",
    },
    pdfx,
    deterministic: true,
  });
  made.x4 = await makePressFiles(proof, options("PDF/X-4", "x4"), config.press);
  made.x1a = await makePressFiles(proof, options("PDF/X-1a:2001", "x1a"), config.press);
  for (const [what, r] of Object.entries(made))
    console.log(`press ${what}: ${r.pages[0]?.convertMs} ms convert per page`);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!installed)("PDF/X-4 press files", () => {
  it("are PDF 1.6, declared X-4 in the document information and the XMP", async () => {
    const bytes = await readFile(made.x4?.pages[0]?.file as string);
    const text = bytes.toString("latin1");
    expect(text.slice(0, 8)).toBe("%PDF-1.6");
    expect(text).toContain("/GTS_PDFXVersion (PDF/X-4)");
    expect(text).toContain("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>");
    expect(text).toMatch(/<xmpMM:DocumentID>uuid:[0-9a-f-]{36}<\/xmpMM:DocumentID>/);
  });

  it("keep the panel's transparency live, where X-1a flattens it", async () => {
    const live = /\/ca 0?\.5|\/CA 0?\.5|\/SMask/;
    expect((await readFile(made.x4?.pages[0]?.file as string)).toString("latin1")).toMatch(live);
    expect((await readFile(made.x1a?.pages[0]?.file as string)).toString("latin1")).not.toMatch(
      /\/ca 0?\.5|\/CA 0?\.5/,
    );
  });

  it("pass newsprint's preflight with X-4's rules", async () => {
    const report = await preflight([made.x4?.pages[0]?.file as string], config.preflight);
    const pdfx = report.files[0]?.checks.find((c) => c.name === "pdfx");
    expect(pdfx).toMatchObject({ status: "pass", message: 'PDF/X-4, output intent "CGATS TR 002"' });
    expect(report.files[0]?.checks.filter((c) => c.status === "fail")).toEqual([]);
  });
});
