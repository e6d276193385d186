import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../../src/browser/browser";
import { checkTypography } from "../../src/check-type/check";
import { resolveConfig } from "../../src/config/resolve";
import { type BuildResult, buildIssue } from "../../src/pipeline/build";
import { writeBuild } from "../../src/pipeline/write-build";
import { paragraphText } from "../../src/typeset/content";
import type { ComposedLine } from "../../src/typeset/printed-lines";

// Issue 23, 4: English set by the composer, read on the built PDF. The weekly (25 em columns) meets
// every figure; the English tabloid (11 em columns, justified in the weekly's style) keeps the
// hyphenation rules, and its word spaces are reported by the build (docs/composer.md, "English
// spacing", says why no justified setting meets 3 % at that width).

const ROOT = join(import.meta.dirname, "..", "..");
let browser: Browser;
let tmp: string;
const built = new Map<string, { result: BuildResult; pdf: string }>();

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "newsprint-english-"));
  browser = await launchBrowser(resolveConfig().browser);
  for (const name of ["weekly", "tabloid-en"]) {
    const out = join(tmp, name);
    const result = await buildIssue(join(ROOT, "issues", name), { outDir: out, browser });
    built.set(name, { result, pdf: (await writeBuild(result, out, {})).pdf });
  }
}, 600_000);
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const lineText = (l: ComposedLine) => l.runs.map((r) => r.text).join("");
const LETTER = /\p{L}/u;

/** The printed body lines of each placed article's paragraphs, in order. */
function placedParagraphs(result: BuildResult): { id: string; text: string; lines: ComposedLine[] }[] {
  const placed = new Set(result.layout.pages.flatMap((p) => p.modules.map((m) => m.articleId)));
  return [...result.measurements.articles.entries()]
    .filter(([id]) => placed.has(id))
    .flatMap(([id, m]) =>
      m.lines.map((lines, i) => ({
        id,
        text: paragraphText(result.model.articles.get(id)?.paragraphs[i] ?? { kind: "text", runs: [] }),
        lines,
      })),
    );
}

/** The PDF's words as drawn (-bbox: pdftotext joins no hyphenated word across lines there). */
const pdfWords = (pdf: string) =>
  [
    ...execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).matchAll(
      /<word [^>]*>([^<]*)<\/word>/g,
    ),
  ].map((m) => (m[1] ?? "").replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&apos;", "'"));

describe.each(["weekly", "tabloid-en"])("English set by the composer: %s", (name) => {
  const get = () => built.get(name) as { result: BuildResult; pdf: string };

  it("splits no word without a hyphen, and prints that hyphen at the line's end in the PDF", () => {
    const { result, pdf } = get();
    const printedWords = new Set(pdfWords(pdf));
    let hyphenated = 0;
    for (const p of placedParagraphs(result)) {
      const clean = p.text.replaceAll("\u00ad", "");
      for (const line of p.lines.slice(0, -1)) {
        // The offsets are the paragraph text's (with its soft hyphens): a word goes on after `end`.
        const before = p.text.slice(0, line.end).replaceAll("\u00ad", "");
        const midWord = LETTER.test(before.at(-1) ?? "") && LETTER.test(clean[before.length] ?? "");
        if (!midWord) continue;
        hyphenated++;
        const text = lineText(line);
        expect(line.hyphen, `${p.id}: ${text}`).toBe(true);
        expect(text.endsWith("-"), `${p.id}: ${text}`).toBe(true);
        // The word's first part, hyphen and all, is a word of the PDF.
        expect(printedWords.has(text.split(" ").at(-1) ?? ""), `${p.id}: ${text}`).toBe(true);
      }
    }
    expect(hyphenated).toBeGreaterThan(5);
  });

  it("never hyphenates three lines in a row", () => {
    const { result } = get();
    for (const p of placedParagraphs(result)) {
      let run = 0;
      for (const line of p.lines) {
        run = line.hyphen ? run + 1 : 0;
        expect(run, `${p.id}: ${lineText(line)}`).toBeLessThan(3);
      }
    }
  });

  it("hyphenates no head: every word of every headline is printed whole", () => {
    const { result, pdf } = get();
    const words = new Set(pdfWords(pdf));
    // Heads carry no soft hyphens (only the body is hyphenated) and Chromium hyphenates nothing itself.
    expect([...result.model.articles.values()].filter((a) => a.article.headline?.includes("\u00ad"))).toEqual([]);
    const placed = new Set(result.layout.pages.flatMap((p) => p.modules.map((m) => m.articleId)));
    const placedHeads = [...result.model.articles.values()]
      .filter((a) => placed.has(a.article.id))
      .flatMap((a) => (a.article.headline ?? "").split(/\s+/).filter(Boolean));
    expect(placedHeads.length).toBeGreaterThan(5);
    expect(placedHeads.filter((w) => !words.has(w))).toEqual([]);
  });
});

describe("word spaces of the weekly, read back from its PDF", () => {
  it("are wider than 2× the face's own on at most 3 % of body lines, never wider than 3×", async () => {
    const { pdf } = built.get("weekly") as { result: BuildResult; pdf: string };
    const twice = await checkTypography(pdf, { maxWordSpace: 2 });
    const thrice = await checkTypography(pdf, { maxWordSpace: 3 });
    expect(twice.totals.lines).toBeGreaterThan(150);
    expect(twice.findings.filter((f) => f.kind === "loose").length / twice.totals.lines).toBeLessThanOrEqual(0.03);
    expect(thrice.findings.filter((f) => f.kind === "loose")).toEqual([]);
  });
});

describe("word spaces of the English tabloid", () => {
  it("are reported by the build, article by article, where wider than the style allows", async () => {
    const { result, pdf } = built.get("tabloid-en") as { result: BuildResult; pdf: string };
    const limit = result.issue.style.maxWordSpace;
    const report = await checkTypography(pdf, { maxWordSpace: limit });
    const loose = report.findings.filter((f) => f.kind === "loose");
    const warned = result.warnings.filter((w) => w.code === "loose-lines");
    expect(warned.every((w) => w.articleId !== undefined)).toBe(true);
    expect(warned.length > 0).toBe(loose.length > 0);
  });
});
