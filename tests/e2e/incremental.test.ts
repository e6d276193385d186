import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { resolveConfig } from "../../src/config/resolve";
import { buildIssue } from "../../src/pipeline/build";

// Rebuilding into the same output folder: an unchanged issue is neither measured nor printed
// again; a changed article is measured alone and only the pages it changed are printed. The proof
// comes out as a full build of the same file would.

const root = join(import.meta.dirname, "..", "..");
let browser: Browser;
const work = mkdtempSync(join(tmpdir(), "newsprint-incremental-"));
const issueDir = join(work, "broadsheet");

beforeAll(async () => {
  browser = await launchBrowser(resolveConfig().browser);
  cpSync(join(root, "issues/broadsheet"), issueDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The pages of a PDF as PNG bytes, to compare what a reader sees. */
function pictures(pdf: Uint8Array, name: string): Buffer[] {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-r", "40", "-png", file, join(work, name)]);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
  return Array.from({ length: count }, (_, i) => readFileSync(join(work, `${name}-${i + 1}.png`)));
}

describe("rebuilds into the same output folder", () => {
  it("measure and print nothing again for an unchanged issue", async () => {
    const out = join(work, "out-a");
    const first = await buildIssue(issueDir, { outDir: out, browser });
    expect(first.timings["render.pages"]).toBe(2);
    const again = await buildIssue(issueDir, { outDir: out, browser });
    expect(again.timings["measure.boxes"]).toBe(0);
    expect(again.timings["render.pages"]).toBe(0);
    expect(pictures(again.pdf, "again")).toEqual(pictures(first.pdf, "first"));
  });

  it("measure a changed article alone, print only its page, and give the pages of a full build", async () => {
    const out = join(work, "out-b");
    await buildIssue(issueDir, { outDir: out, browser });
    const file = join(issueDir, "issue.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    const page2 = data.pages[1].articles;
    page2[page2.length - 1].headline = "新标题：全区推进基层治理";
    writeFileSync(file, JSON.stringify(data, null, 2));
    const changed = await buildIssue(issueDir, { outDir: out, browser });
    expect(changed.timings["measure.boxes"]).toBe(1);
    expect(changed.timings["render.pages"]).toBe(1);
    const full = await buildIssue(issueDir, { outDir: join(work, "out-full"), browser });
    expect(full.timings["render.pages"]).toBe(2);
    expect(pictures(changed.pdf, "changed")).toEqual(pictures(full.pdf, "full"));
    expect(execFileSync("pdftotext", ["-raw", join(work, "changed.pdf"), "-"], { encoding: "utf8" })).toContain(
      "新标题",
    );
  });
});
