import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { inspectIssue } from "../../src/inspect/inspect";
import { IssueError, type IssueProblem } from "../../src/load";

// Issue 26, 6: validate refuses the ads' geometry that build's make-up refuses (larger than the
// type area, outside the grid, over the masthead, over another ad, under a pin), with the JSON
// path, the ad and what was expected: the inspection places the boxes with the grid's one
// placement (src/grid/boxes.ts), as the make-up does. Build runs the inspection first, so both
// print the same problem (tests/e2e/hostile.test.ts runs one case through the command line).

const SAMPLE = fileURLToPath(new URL("../../issues/ads", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "newsprint-ad-geometry-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let copies = 0;
// biome-ignore lint/suspicious/noExplicitAny: the edits reach anywhere into the free-form JSON
type Json = Record<string, any>;
/** A copy of issues/ads (tabloid: 6 columns; the front page has an ear ad, page 4 a pin at
 *  column 1, line 1, 4 columns wide) with its issue.json and ads.json edited. */
function adsIssue(edit: (issue: Json, ads: Json) => void): string {
  const dir = join(work, `issue-${++copies}`);
  cpSync(SAMPLE, dir, { recursive: true });
  const issue = JSON.parse(readFileSync(join(dir, "issue.json"), "utf8"));
  const ads = JSON.parse(readFileSync(join(dir, "ads.json"), "utf8"));
  edit(issue, ads);
  writeFileSync(join(dir, "issue.json"), JSON.stringify(issue));
  writeFileSync(join(dir, "ads.json"), JSON.stringify(ads));
  return dir;
}

async function problemsOf(dir: string): Promise<IssueProblem[]> {
  try {
    await inspectIssue(dir, { maxPixels: 100_000_000 });
  } catch (err) {
    if (err instanceof IssueError) return err.problems.map((p) => ({ ...p, file: basename(p.file) }));
    throw err;
  }
  return [];
}

const ad = (id: string, span: number, height: number, position: unknown = "bottom") => ({
  id,
  file: "ads/jianshen-youyong.png",
  span,
  height,
  position,
});

describe("ad geometry that build refuses, refused by validate", () => {
  it("passes the sample, whose front-page ads and pin build accepts", async () => {
    expect(await problemsOf(adsIssue(() => {}))).toEqual([]);
  });

  it("an ad larger than the type area, in ads.json: its path there", async () => {
    const dir = adsIssue((_, ads) => {
      ads["2"][0].height = 900;
    });
    expect(await problemsOf(dir)).toEqual([
      {
        file: "ads.json",
        path: "2[0]",
        expected: expect.stringMatching(/^an ad no larger than the type area \(6 columns × \d+ lines\)$/),
        found: expect.stringMatching(/^6 columns × \d+ lines$/),
        adId: "tonglan-jiadian",
      },
    ]);
  });

  it("an ad outside the grid", async () => {
    const dir = adsIssue((issue) => {
      issue.pages[1].ads = [ad("out", 3, 40, { column: 5, line: 10 })];
    });
    expect(await problemsOf(dir)).toEqual([
      {
        file: "issue.json",
        path: "pages[1].ads[0]",
        expected: expect.stringMatching(/^an ad inside the grid of 6 columns × \d+ lines$/),
        found: expect.stringMatching(/^columns 5–7, lines 10–\d+$/),
        adId: "out",
      },
    ]);
  });

  it("an ad over the masthead", async () => {
    const dir = adsIssue((issue) => {
      issue.pages[0].ads.push(ad("over", 2, 20, { column: 1, line: 1 }));
    });
    expect(await problemsOf(dir)).toEqual([
      {
        file: "issue.json",
        path: "pages[0].ads[1]",
        expected: "an ad clear of the masthead",
        found: expect.stringMatching(/^columns 1–2, lines 1–\d+, over the masthead$/),
        adId: "over",
      },
    ]);
  });

  it("an ad over another, and over the front page's ear", async () => {
    const dir = adsIssue((issue) => {
      issue.pages[1].ads = [ad("first", 3, 40, { column: 1, line: 20 }), ad("second", 3, 40, { column: 3, line: 25 })];
      issue.pages[0].ads.push(ad("by-ear", 1, 20, { column: 6, line: 2 }));
    });
    expect(await problemsOf(dir)).toEqual([
      {
        file: "issue.json",
        path: "pages[0].ads[1]",
        expected: "an ad clear of the page's other ads",
        found: expect.stringMatching(/^column 6, lines 2–\d+, over ad "baoyan-dingyue"$/),
        adId: "by-ear",
      },
      {
        file: "issue.json",
        path: "pages[1].ads[1]",
        expected: "an ad clear of the page's other ads",
        found: expect.stringMatching(/^columns 3–5, lines 25–\d+, over ad "first"$/),
        adId: "second",
      },
    ]);
  });

  it("an ad under a pin: the pin is named, as the make-up names it", async () => {
    const dir = adsIssue((issue) => {
      issue.pages[3].ads = [ad("under-pin", 2, 30, { column: 3, line: 1 })];
    });
    expect(await problemsOf(dir)).toEqual([
      {
        file: "issue.json",
        path: "pages[3].articles[0].place",
        expected: "a pin clear of the page's ads, the masthead and the other pins",
        found: 'columns 1–4, line 1, over ad "under-pin"',
        articleId: "liuyuan-wenming-dashi",
      },
    ]);
  });

  it("no room on an edge, and a pin leaving the grid", async () => {
    const dir = adsIssue((issue) => {
      issue.pages[1].ads = [ad("top-1", 6, 200, "top"), ad("top-2", 6, 200, "top")];
      issue.pages[3].articles[0].place = { column: 5, line: 1, span: 4 };
    });
    const problems = await problemsOf(dir);
    expect(problems.map((p) => [p.path, p.expected])).toEqual([
      ["pages[1].ads[1]", "room on the top edge beside the page's other ads"],
      ["pages[3].articles[0].place", expect.stringMatching(/^a pin inside the grid of 6 columns × \d+ lines$/)],
    ]);
  });
});
