import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Handlebars from "handlebars";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../../src/browser/browser";
import { resolveConfig } from "../../src/config/resolve";
import { composeParagraph } from "../../src/measure/composer/compose";
import { FaceFiles, fontFaceCss } from "../../src/measure/composer/faces";
import { loadComposer } from "../../src/measure/composer/fonts";
import type { ComposeRun } from "../../src/measure/composer/prepare";
import type { ComposedLine } from "../../src/measure/composer/types";
import { decodeWoff2Files } from "../../src/measure/composer/woff2";
import { lineViews } from "../../src/typeset/printed-lines";
import {
  familyCss,
  fontFor,
  type Lang,
  PX_PER_PT,
  ROOT,
  randomSamples,
  type Sample,
  setting,
  weightOf,
} from "../helpers/composer-corpus";
import { pdfFonts } from "./helpers/pdf";

// "A line measured is the line printed": random paragraphs of the corpus and the samples, composed in
// Node at every span of the tabloid and the broadsheet, printed in Chromium with the lines partial,
// read back from the PDF. Every line of the PDF is a composed line, in order, and ends where the
// composer said: a justified line at its column's edge, any other at its natural width, within 0.1 pt.
// English in the weekly's style (letter-spaced lines without ligatures), Chinese with autospace and
// Latin words kept tight; 150 English paragraphs again from the body face's WOFF2 files.

const COUNT = 2100;
const EDGE_PT = 0.1;

interface Set {
  sample: Sample;
  lines: ComposedLine[];
  widthPt: number;
  /** Set in the body face's WOFF2 files (a paper's own .woff2), printed from them. */
  woff2?: boolean;
}

const WOFF2_FAMILY = "Libre Caslon Text WOFF2";
const WOFF2_COUNT = 150;
let woff2Faces: FaceFiles | undefined;
/** How many WOFF2 subsets Chromium loaded for the page. */
let woff2Loaded = 0;

/** The English body face from its .woff2 subsets, under a family name of its own. */
function woff2Body(): FaceFiles {
  if (!woff2Faces) {
    const caslon = fontFor("en", "body", 12).stack[0] as FaceFiles;
    const subsets = caslon.subsets.map((x) => ({ ...x, file: x.file.replace(/\.woff$/, ".woff2") }));
    woff2Faces = new FaceFiles({ ...caslon.face, family: WOFF2_FAMILY }, subsets);
  }
  return woff2Faces;
}

/** The sample's runs with its body font swapped for the WOFF2 face. */
function inWoff2(runs: ComposeRun[]): ComposeRun[] {
  const w2 = woff2Body();
  return runs.map((r) =>
    r.font.stack[0]?.family === "Libre Caslon Text"
      ? { ...r, font: { ...r.font, stack: [w2, ...r.font.stack.slice(1)] } }
      : r,
  );
}

let browser: Browser;
let dir: string;
let sets: Set[];
let pdf: string;

const LANGS: Lang[] = ["zh-Hans", "zh-Hant", "en"];

function pageHtml(): string {
  const partial = Handlebars.compile(
    execFileSync("cat", [join(ROOT, "templates", "partials", "lines.hbs")], { encoding: "utf8" }),
  );
  const faces = [
    ...LANGS.flatMap((l) => [...fontFor(l, "body", 12).stack, ...fontFor(l, "label", 12).stack]),
    woff2Body(),
  ];
  const unique = [...new Map(faces.map((f) => [f, f])).values()];
  const css = fontFaceCss(unique, (file) => pathToFileURL(file).href);
  const langCss = LANGS.flatMap((l) => [
    `.l-${l} { font-family: ${familyCss(l, "body")}; font-weight: ${weightOf(l, "body")} }`,
    `.l-${l} .label { font-family: ${familyCss(l, "label")}; font-weight: ${weightOf(l, "label")} }`,
  ]).join("\n");
  const w2Css = `.l-en-woff2 { font-family: "${WOFF2_FAMILY}", ${familyCss("en", "body")}; font-weight: 400 }
.l-en-woff2 .label { font-family: ${familyCss("en", "label")}; font-weight: ${weightOf("en", "label")} }`;
  const body = sets
    .map((s, i) => {
      const { sizePt, pitchPt } = setting(s.sample);
      const cjk = s.sample.lang !== "en";
      const lines = partial({ lines: lineViews(s.lines, [undefined, "label"]), cjk });
      const cls = `l-${s.sample.lang}${s.woff2 ? "-woff2" : ""}`;
      return `<section id="p${i}" class="${cls}" lang="${s.sample.lang}" style="width:${s.widthPt}pt;font-size:${sizePt}pt;--pitch:${pitchPt}pt">${lines}</section>`;
    })
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
@page { size: 1200pt 1600pt; margin: 0 }
html, body { margin: 0; padding: 0 }
section { margin: 0 0 ${4}pt 0; padding: 0 }
${langCss}
${w2Css}
</style><link rel="stylesheet" href="${pathToFileURL(join(ROOT, "styles", "lines.css")).href}"></head><body>${body}</body></html>`;
}

interface PdfLine {
  text: string;
  xMin: number;
  xMax: number;
}

/** Lines of the PDF, top to bottom: pdftotext's words grouped by page and baseline. */
function pdfLines(file: string): PdfLine[] {
  const xml = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8", maxBuffer: 512 << 20 });
  const lines: PdfLine[] = [];
  for (const page of xml.split("<page ").slice(1)) {
    const words = [
      ...page.matchAll(
        /<word xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">([^<]*)<\/word>/g,
      ),
    ]
      .map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        t: unescapeXml(m[5] ?? ""),
      }))
      .sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
    let cur: typeof words = [];
    const flush = () => {
      if (cur.length === 0) return;
      cur.sort((a, b) => a.x0 - b.x0);
      lines.push({
        text: cur.map((w) => w.t).join(""),
        xMin: Math.min(...cur.map((w) => w.x0)),
        xMax: Math.max(...cur.map((w) => w.x1)),
      });
      cur = [];
    };
    for (const w of words) {
      if (cur.length > 0 && Math.abs(w.y1 - (cur[0]?.y1 ?? 0)) > 3) flush();
      cur.push(w);
    }
    flush();
  }
  return lines;
}

function unescapeXml(t: string): string {
  return t
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
}

const compact = (t: string) => t.replace(/[\s\u00a0]/g, "");
const lineText = (l: ComposedLine) => l.runs.map((r) => r.text).join("");

beforeAll(async () => {
  await loadComposer();
  sets = randomSamples(COUNT).map((sample) => {
    const { runs, options } = setting(sample);
    const composed = composeParagraph(runs, options);
    return { sample, lines: composed.lines, widthPt: options.width / PX_PER_PT };
  });
  // English samples again in the WOFF2 files of the body face, as a paper may supply them.
  await decodeWoff2Files(woff2Body().subsets.map((x) => x.file));
  const english = randomSamples(COUNT * 2, 77).filter((x) => x.lang === "en");
  for (const sample of english.slice(0, WOFF2_COUNT)) {
    const { runs, options } = setting(sample);
    const composed = composeParagraph(inWoff2(runs), options);
    sets.push({ sample, lines: composed.lines, widthPt: options.width / PX_PER_PT, woff2: true });
  }
  dir = await mkdtemp(join(tmpdir(), "newsprint-composer-"));
  const html = join(dir, "lines.html");
  await writeFile(html, pageHtml());
  browser = await launchBrowser(resolveConfig().browser);
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  woff2Loaded = await page.evaluate(
    (family) =>
      [...document.fonts].filter((f) => f.family.replaceAll('"', "") === family && f.status === "loaded").length,
    WOFF2_FAMILY,
  );
  pdf = join(dir, "lines.pdf");
  await writeFile(pdf, await page.pdf({ width: "1600px", height: "2133.33px", preferCSSPageSize: true, timeout: 0 }));
  await page.close();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (dir && !process.env.KEEP_COMPOSER_PDF) await rm(dir, { recursive: true, force: true });
});

describe("composed lines printed by Chromium", () => {
  it("covers every span of both formats and all three languages", () => {
    expect(sets.length).toBeGreaterThanOrEqual(2000);
    expect(sets.filter((x) => x.woff2).length).toBe(WOFF2_COUNT);
    expect(woff2Loaded).toBeGreaterThan(0);
    for (const [format, columns] of [
      ["tabloid", 6],
      ["broadsheet", 8],
    ] as const) {
      for (let span = 1; span <= columns; span++) {
        expect(sets.some((s) => s.sample.format === format && s.sample.span === span)).toBe(true);
      }
    }
    for (const lang of LANGS) expect(sets.some((s) => s.sample.lang === lang)).toBe(true);
  });

  it("covers letter-spaced English lines, Latin runs kept tight in CJK lines, and autospace", () => {
    const lines = (lang: "en" | "cjk") =>
      sets.filter((s) => (s.sample.lang === "en") === (lang === "en")).flatMap((s) => s.lines);
    const tracked = lines("en").filter((l) => l.letterSpacing !== 0);
    const tight = lines("cjk").filter((l) => l.tight && l.letterSpacing !== 0);
    const autospaced = lines("cjk").filter((l) =>
      l.adjust.some((a) => /[A-Za-z0-9]/.test(lineText(l)[a.index] ?? "") && a.after > 0),
    );
    console.info(
      `${tracked.length} tracked English lines, ${tight.length} CJK lines with tight Latin, ${autospaced.length} autospaced`,
    );
    expect(tracked.length).toBeGreaterThan(100);
    expect(tight.length).toBeGreaterThan(20);
    expect(autospaced.length).toBeGreaterThan(20);
  });

  it("are the PDF's lines, text for text and in order", () => {
    const printed = pdfLines(pdf);
    const composed = sets.flatMap((s) => s.lines.map((l) => compact(lineText(l))));
    const got = printed.map((l) => compact(l.text));
    const firstDiff = got.findIndex((t, i) => t !== composed[i]);
    expect(firstDiff === -1 ? "" : `line ${firstDiff}: pdf «${got[firstDiff]}» composed «${composed[firstDiff]}»`).toBe(
      "",
    );
    expect(got.length).toBe(composed.length);
  });

  it("end where composed: justified lines at the column's edge, no glyph past it by 0.1 pt", () => {
    const printed = pdfLines(pdf);
    const expected = sets.flatMap((s) =>
      s.lines.map((l, i) => ({
        right: (l.left + l.printed) / PX_PER_PT,
        edge: s.widthPt,
        justified: i < s.lines.length - 1,
        id: s.sample.id,
        text: lineText(l),
      })),
    );
    const off: string[] = [];
    let worst = 0;
    printed.forEach((p, i) => {
      const e = expected[i];
      if (!e) return;
      worst = Math.max(worst, Math.abs(p.xMax - e.right));
      if (p.xMax > e.edge + EDGE_PT)
        off.push(`#${e.id} past the edge by ${(p.xMax - e.edge).toFixed(3)} pt: ${e.text}`);
      else if (Math.abs(p.xMax - e.right) > EDGE_PT)
        off.push(`#${e.id} ends at ${p.xMax.toFixed(3)}, composed ${e.right.toFixed(3)} pt: ${e.text}`);
    });
    console.info(`${printed.length} lines; worst difference from the composed right edge ${worst.toFixed(4)} pt`);
    expect(off.slice(0, 20)).toEqual([]);
  });

  it("embeds every font as outlines (no Type 3)", () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => f.type === "Type 3")).toEqual([]);
  });

  it("finds a font for every character", () => {
    const problems = sets.flatMap((s) => {
      const { runs, options } = setting(s.sample);
      return composeParagraph(runs, options).problems.map((p) => `#${s.sample.id}: ${JSON.stringify(p)}`);
    });
    expect(problems.filter((p) => p.includes('"missing-glyph"'))).toEqual([]);
  });
});
