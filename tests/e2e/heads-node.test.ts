import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { forIssue, resolveConfig } from "../../src/config/resolve";
import { LANGS } from "../../src/config/style-schema";
import { inspectIssue } from "../../src/inspect/inspect";
import { loadComposer } from "../../src/measure/composer/fonts";
import { setHeadsAndCaptions } from "../../src/measure/heads";
import { mastheadBox } from "../../src/measure/masthead";
import { boxView, measureInChromium } from "../../src/measure/measure";
import { openIssueSession, serveOn } from "../../src/pipeline/plan-pages";
import { FORMAT_STYLESHEET } from "../../src/typeset/assets";
import { typesetIssue } from "../../src/typeset/model";
import { usedFaces } from "../../src/typeset/style-css";
import { generateIssue } from "../generator/issue-generator";
import type { Lang } from "../generator/story-bank";

// Heads, captions and the masthead are set in Node (src/measure/heads.ts, masthead.ts), and
// Chromium prints them: every head block (all spans, continuation heads), every headline's line
// count, every caption and every masthead of the samples and of random issues (editor's breaks,
// reporters' half-width punctuation, three languages) is measured on Chromium's measuring page
// too, and the two must agree to the layout unit (1/64 px), so in grid lines.

const ROOT = join(import.meta.dirname, "..", "..");
const SAMPLES = readdirSync(join(ROOT, "issues")).map((name) => join(ROOT, "issues", name));
const SEEDS: [number, Lang][] = [
  [1, "zh-Hans"],
  [2, "zh-Hant"],
  [3, "en"],
  [4, "zh-Hans"],
  [5, "zh-Hant"],
  [6, "en"],
];
/** Within this a Node height is Chromium's (px): one layout unit. */
const UNIT = 1 / 64;

let browser: Browser;
let dir: string;
const tally = { heads: 0, headLines: 0, captions: 0, mastheads: 0 };

beforeAll(async () => {
  browser = await launchBrowser(resolveConfig().browser);
  dir = mkdtempSync(join(tmpdir(), "np-heads-node-"));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Node's and Chromium's numbers side by side for every box of the issue. */
async function compare(folder: string) {
  const command = resolveConfig({ outDir: join(dir, "out") });
  const issue = await inspectIssue(folder, command.images);
  const model = typesetIssue(issue);
  await loadComposer(usedFaces(model.style, [...LANGS]));
  const session = await openIssueSession(issue, forIssue(command, issue), browser);
  try {
    const serve = serveOn(session);
    serve(FORMAT_STYLESHEET, model.formatCss, "text/css; charset=utf-8");
    // Node declines vertical heads and text it is not sure of (heads.ts, sureOf): Chromium's.
    const articles = [...model.articles.values()].filter((t) => setHeadsAndCaptions(t, model.issue.format));
    const views = articles.map((t) => boxView(model, t));
    const chromium = await measureInChromium({ model, page: () => session.workPage(), serve }, views, true);
    const differences: string[] = [];
    for (const t of articles) {
      const id = t.article.id;
      const node = setHeadsAndCaptions(t, model.issue.format);
      const page = chromium.articles[id];
      expect(page, id).toBeDefined();
      if (!node || !page) continue;
      for (const kind of ["heads", "captions"] as const) {
        expect(Object.keys(node[kind]).sort(), `${id} ${kind}`).toEqual(Object.keys(page[kind]).sort());
        for (const [key, px] of Object.entries(page[kind])) {
          tally[kind]++;
          if (Math.abs((node[kind][key] ?? -1) - px) > UNIT / 2)
            differences.push(`${id} ${kind} ${key}: Chromium ${px}, Node ${node[kind][key]}`);
        }
      }
      for (const [span, lines] of Object.entries(page.headLines ?? {})) {
        tally.headLines++;
        if (node.headLines[span] !== lines)
          differences.push(`${id} headline at span ${span}: Chromium ${lines} lines, Node ${node.headLines[span]}`);
      }
    }
    const masthead = mastheadBox(model.masthead, model.style, model.issue.format);
    if (masthead && chromium.masthead) {
      tally.mastheads++;
      if (Math.abs((masthead.height ?? 0) - (chromium.masthead.height ?? 0)) > UNIT / 2)
        differences.push(`masthead: Chromium ${chromium.masthead.height}, Node ${masthead.height}`);
      expect(masthead.name?.sizePx, "the name's size").toBe(chromium.masthead.name?.sizePx);
    }
    expect(differences).toEqual([]);
  } finally {
    await session.close();
  }
}

describe("heads, captions and the masthead set in Node are Chromium's", () => {
  for (const folder of SAMPLES) {
    it(`sample ${folder.split("/").pop()}`, () => compare(folder), 120_000);
  }
  for (const [seed, lang] of SEEDS) {
    it(`random issue ${seed} (${lang})`, async () => {
      const folder = join(dir, `${seed}`, "random");
      await generateIssue(seed, folder, { lang, headBreaks: true, reporterPunctuation: true });
      await compare(folder);
    }, 120_000);
  }
  it("compared a fair number of each", () => {
    expect(tally.heads).toBeGreaterThan(2000);
    expect(tally.headLines).toBeGreaterThan(1000);
    expect(tally.captions).toBeGreaterThan(80);
    expect(tally.mastheads).toBeGreaterThanOrEqual(SAMPLES.length);
  });
});
