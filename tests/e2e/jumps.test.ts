import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { resolveConfig } from "../../src/config/resolve";
import { type BuildResult, buildIssue } from "../../src/pipeline/build";
import { paragraphText } from "../../src/typeset/content";
import { measureFill } from "../helpers/fill";
import { compact, occurrences, pdfTextCompact } from "./helpers/pdf";

// The overflow sample has more text than page 1 holds: the make-up must jump it, with jump lines
// and page numbers right, and every line printed exactly once.

const root = join(import.meta.dirname, "..", "..");
let browser: Browser;
let result: BuildResult;
let pdf: string;

beforeAll(async () => {
  browser = await launchBrowser(resolveConfig().browser);
  const out = mkdtempSync(join(tmpdir(), "newsprint-jumps-"));
  result = await buildIssue(join(root, "issues/overflow"), { outDir: out, browser });
  pdf = join(out, "overflow.pdf");
  writeFileSync(pdf, result.pdf);
});
afterAll(async () => {
  await browser?.close();
});

describe("jumps", () => {
  it("jumps text from page 1 to page 2 with 下转 and 上接 lines naming the right pages", () => {
    expect(result.layout.jumps.length).toBeGreaterThan(0);
    const page1 = pdfTextCompact(pdf, [1, 1]);
    const page2 = pdfTextCompact(pdf, [2, 2]);
    for (const jump of result.layout.jumps) {
      expect(jump.fromPage).toBe(1);
      expect(jump.toPage).toBe(2);
      const from = result.layout.pages[0]?.modules.find((m) => m.articleId === jump.articleId && m.continuesOn === 2);
      const to = result.layout.pages[1]?.modules.find((m) => m.articleId === jump.articleId && m.continuedFrom === 1);
      expect(from).toBeDefined();
      expect(to).toBeDefined();
      expect(to?.columns[0]?.start).toBe(jump.atLine);
    }
    expect(occurrences(page1, "（下转第2版）")).toBe(result.layout.jumps.length);
    expect(occurrences(page2, "（上接第1版）")).toBe(result.layout.jumps.length);
  });

  it("prints every body line exactly once across the jump; only the headline repeats", () => {
    const text = pdfTextCompact(pdf);
    const heads = compact(
      result.issue.data.pages.flatMap((p) => p.articles.flatMap((a) => [a.kicker, a.headline, a.subhead])).join("\n"),
    );
    for (const jump of result.layout.jumps) {
      // The corpus repeats some sentences, within a story and across stories: a line is printed
      // as often as the issue's text holds it.
      const source = compact(
        [...result.model.articles.values()].flatMap((a) => a.paragraphs.map(paragraphText)).join("\n"),
      );
      const measured = result.measurements.articles.get(jump.articleId);
      expect(measured).toBeDefined();
      for (const lines of measured?.lines ?? []) {
        for (const composed of lines) {
          const line = compact(
            composed.runs
              .map((r) => r.text)
              .join("")
              .split("\u3000")
              .pop() ?? "",
          );
          // A line that quotes a headline also appears in the heads; it must still be printed.
          if (line.length >= 9 && !heads.includes(line)) {
            const printed = occurrences(text, line);
            expect(printed, line).toBeGreaterThanOrEqual(1);
            expect(printed, line).toBeLessThanOrEqual(occurrences(source, line));
          } else expect(text).toContain(line);
        }
      }
      const headline = result.issue.data.pages
        .flatMap((p) => p.articles)
        .find((a) => a.id === jump.articleId)?.headline;
      if (headline) expect(occurrences(text, compact(headline))).toBeGreaterThanOrEqual(2);
    }
  });

  it("fills the full page (< 3% of the type area empty, measured on the PDF) and reports the short one", async () => {
    const reserved = new Map([[1, result.measurements.mastheadRows]]);
    const fills = await measureFill(pdf, result.issue.format, result.layout, reserved);
    expect(fills[0]?.emptyShare).toBeLessThan(0.03);
    // The PDF agrees with the make-up's own count, cell for cell.
    expect(fills.map((f) => f.emptyCells)).toEqual(result.layout.pages.map((p) => p.emptyCells));
    const short = result.layout.pages.filter((p) => p.emptyCells / p.totalCells >= 0.03);
    for (const p of short) {
      const underfull = p.warnings.filter((w) => w.code === "underfull");
      expect(underfull.map((w) => w.message).join(" ")).toMatch(/not enough material, \d+ lines missing/);
    }
  });
});
