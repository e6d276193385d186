import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/browser";
import { type BboxLine, lineText, parseBboxLayout } from "../../src/check-type/bbox";
import { checkTypography } from "../../src/check-type/check";
import { regroupPage } from "../../src/check-type/columns";
import { resolveConfig } from "../../src/config/resolve";
import { type BuildResult, buildIssue } from "../../src/pipeline/build";
import { writeBuild } from "../../src/pipeline/write-build";
import { REPO_ROOT } from "../helpers/paths";

// Issue 22, 1: heads the editor broke on two lines (标题转行) build, print broken where the editor
// broke them — kicker, headline, subhead after its dash, in-body subhead, the vertical head (竖排) and
// the continuation head — and are measured with the line they gained: the same issue with every
// head joined on one line is the yardstick.

const LEAD = "gulou-xiaoqu-dangjian";
const VERTICAL = "liuyuan-jiafeng-jiajiao";
const HEADS = {
  kicker: ["古楼街道", "党建引领"],
  headline: ["固本聚力", "开拓小区党建新格局"],
  subhead: ["开展“三宣传”", "宣传疫情防控各项政策措施和一线先进典型"],
  bodySubhead: ["三宣传", "筑牢防线"],
  vertical: ["开展家风家教大讲堂", "宣讲好家风"],
  // At two columns (about 11 characters of 20 pt) the second line wraps: balanced, 8 and 8.
  balanced: ["三举措", "践行信义积分兑换制度推动基层治理"],
};
const BALANCED = "huafu-xinyi-jifen";

type Article = Record<string, unknown> & { id: string; body: unknown[] };

/** Two pages of sample stories: the lead pinned short on page 1, so its rest jumps to page 2 under
 *  the continuation head; on page 2 a story with a vertical head, pinned at the top (under another
 *  module's text, with no head between, its first line would continue that column for check-type). */
function issueWith(join: (lines: string[]) => string): unknown {
  const sample = JSON.parse(readFileSync(join_(REPO_ROOT, "issues", "dongchangfu", "issue.json"), "utf8"));
  const stories = new Map<string, Article>(
    sample.pages.flatMap((p: { articles: Article[] }) => p.articles.map((a) => [a.id, a])),
  );
  const story = (id: string, more: Record<string, unknown> = {}): Article => {
    const { images: _, place: __, ...text } = structuredClone(stories.get(id) as Article);
    return { ...text, ...more };
  };
  const lead = story(LEAD, {
    kicker: join(HEADS.kicker),
    headline: join(HEADS.headline),
    subhead: join(HEADS.subhead),
    priority: 1,
    place: { column: 1, line: 15, span: 6, height: 20 },
    jumpTo: 2,
  });
  lead.body.splice(2, 0, { subhead: join(HEADS.bodySubhead) });
  return {
    paper: { name: "东昌府新闻" },
    issue: { date: "2022-11-14" },
    pages: [
      {
        section: "要闻",
        articles: [
          lead,
          story(BALANCED, {
            headline: join(HEADS.balanced),
            priority: 3,
            place: { column: 1, line: 35, span: 2, height: 28 },
          }),
        ],
      },
      {
        section: "综合",
        articles: [
          story(VERTICAL, {
            headline: join(HEADS.vertical),
            headOrientation: "vertical",
            priority: 2,
            place: { column: 4, line: 1, span: 3, height: 30 },
          }),
          story("liuyuan-xinyetai-yizhen"),
        ],
      },
    ],
  };
}
const join_ = join;

let browser: Browser;
let tmp: string;
const built: Record<"broken" | "joined", { result: BuildResult; pdf: string }> = {} as never;

async function build(name: "broken" | "joined", issue: unknown) {
  const dir = join(tmp, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "issue.json"), JSON.stringify(issue, null, 2));
  const result = await buildIssue(dir, { outDir: join(tmp, "out"), browser });
  built[name] = { result, pdf: (await writeBuild(result, join(tmp, "out"), {})).pdf };
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "newsprint-heads-"));
  browser = await launchBrowser(resolveConfig().browser);
  await build(
    "broken",
    issueWith((lines) => lines.join("\n")),
  );
  await build(
    "joined",
    issueWith((lines) => lines.join("")),
  );
}, 240_000);
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** pdftotext's lines of a page, with their visible text. */
function pdfLines(pdf: string, page: number): (BboxLine & { text: string })[] {
  const xhtml = execFileSync(
    "pdftotext",
    ["-bbox-layout", "-enc", "UTF-8", "-f", `${page}`, "-l", `${page}`, pdf, "-"],
    {
      encoding: "utf8",
    },
  );
  // check-type's lines: pdftotext's own run neighbouring columns together.
  return parseBboxLayout(xhtml, page).flatMap((p) =>
    regroupPage(p).blocks.flatMap((b) => b.lines.map((l) => ({ ...l, text: lineText(l) }))),
  );
}

/** The line that reads exactly `text`, or a failed expectation. */
function lineOf(lines: (BboxLine & { text: string })[], text: string): BboxLine {
  const found = lines.filter((l) => l.text === text);
  expect(
    found.map((l) => l.text),
    `a line reading ${text}`,
  ).toEqual([text]);
  return found[0] as BboxLine;
}

/** How far down the second line of a head stands from its first, in pt: the line it gained. */
function step(lines: (BboxLine & { text: string })[], [first, second]: string[]): number {
  const a = lineOf(lines, first as string);
  const b = lineOf(lines, second as string);
  expect(b.yMin).toBeGreaterThan(a.yMin + (a.yMax - a.yMin) / 2);
  return b.yMin - a.yMin;
}

const metrics = (name: "broken" | "joined", id: string) => {
  const m = built[name].result.measurements.articles.get(id)?.metrics;
  if (!m) throw new Error(`${id} was not measured`);
  return m;
};

describe("heads broken by the editor (标题转行)", () => {
  it("print each line where the editor broke it: kicker, headline, subhead after its dash", () => {
    const lines = pdfLines(built.broken.pdf, 1);
    const kicker = lineOf(lines, HEADS.kicker[0] as string);
    const headline = lineOf(lines, HEADS.headline[1] as string);
    const subhead = lineOf(lines, `——${HEADS.subhead[0]}`);
    expect(kicker.yMin).toBeLessThan(headline.yMin);
    expect(headline.yMin).toBeLessThan(subhead.yMin);
    step(lines, HEADS.kicker);
    step(lines, HEADS.headline);
    step(lines, [`——${HEADS.subhead[0]}`, HEADS.subhead[1] as string]);
    // The joined issue prints each head on one line.
    const joined = pdfLines(built.joined.pdf, 1).map((l) => l.text);
    for (const head of [HEADS.kicker, HEADS.headline]) expect(joined).toContain(head.join(""));
    expect(joined).toContain(`——${HEADS.subhead.join("")}`);
  });

  it("balance each forced line on its own: a line that wraps is evened, not the head as a whole", () => {
    const lines = pdfLines(built.broken.pdf, 1);
    const first = lineOf(lines, HEADS.balanced[0] as string);
    const size = first.yMax - first.yMin;
    const rest = lines
      .filter(
        (l) => l.yMin > first.yMin && Math.abs(l.yMax - l.yMin - size) < 0.5 && Math.abs(l.xMin - first.xMin) < 200,
      )
      .sort((a, b) => a.yMin - b.yMin)
      .slice(0, 2)
      .map((l) => l.text);
    expect(rest.join("")).toBe(HEADS.balanced[1]);
    const [a, b] = rest.map((t) => [...t].length);
    expect(Math.abs((a ?? 0) - (b ?? 0))).toBeLessThanOrEqual(1);
  });

  it("measure the head with the lines it gained, and make up the page with that height", () => {
    const lines = pdfLines(built.broken.pdf, 1);
    const gained =
      step(lines, HEADS.kicker) +
      step(lines, HEADS.headline) +
      step(
        lines,
        HEADS.subhead.map((t, i) => (i === 0 ? `——${t}` : t)),
      );
    const pitch = built.broken.result.issue.format.linePitch;
    // At the full width (6 columns) every joined head fits one line: what the head grew is its new lines.
    const rows = (name: "broken" | "joined") => metrics(name, LEAD).headRows[5] ?? 0;
    expect(Math.abs((rows("broken") - rows("joined")) * pitch - gained)).toBeLessThanOrEqual(pitch);
    const module = built.broken.result.layout.pages[0]?.modules.find((m) => m.articleId === LEAD);
    expect(module?.span).toBe(6);
    expect(module?.headRows).toBe(rows("broken"));
  });

  it("break the continuation head on the jump page too, and measure it so", () => {
    const lines = pdfLines(built.broken.pdf, 2);
    const gained = step(lines, HEADS.headline);
    const module = built.broken.result.layout.pages[1]?.modules.find((m) => m.articleId === LEAD);
    expect(module?.continuedFrom).toBe(1);
    const pitch = built.broken.result.issue.format.linePitch;
    const rows = (name: "broken" | "joined") => metrics(name, LEAD).continuationHeadRows[5] ?? 0;
    expect(Math.abs((rows("broken") - rows("joined")) * pitch - gained)).toBeLessThanOrEqual(pitch);
  });

  it("break an in-body subhead (小标题) onto two body lines, counted as two", () => {
    // Where the make-up put it, on the page or after the jump.
    const lines = [...pdfLines(built.broken.pdf, 1), ...pdfLines(built.broken.pdf, 2)];
    const [first, second] = HEADS.bodySubhead.map((t) => lineOf(lines, t));
    const pitch = built.broken.result.issue.format.linePitch;
    expect((second?.yMin ?? 0) - (first?.yMin ?? 0)).toBeCloseTo(pitch, 0);
    // Paragraph 3 of the typeset text (the dateline's paragraph, two of the body, then the subhead).
    const subhead = (name: "broken" | "joined") => {
      const typeset = built[name].result.model.articles.get(LEAD);
      const index = typeset?.paragraphs.findIndex((p) => p.kind === "subhead") ?? -1;
      return metrics(name, LEAD).lines.filter((l) => l.paragraph === index).length;
    };
    expect([subhead("broken"), subhead("joined")]).toEqual([2, 1]);
  });

  it("set a vertical head's lines as columns side by side, right to left, from the same top", () => {
    const words = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", "-f", "2", "-l", "2", built.broken.pdf, "-"], {
      encoding: "utf8",
    });
    const boxes = [...words.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), height: Number(m[3]) - Number(m[2]), text: m[4] ?? "" }))
      .filter((w) => w.height > 20);
    /** The line's big characters stacked at one x, top to bottom: a column of the vertical head. */
    const column = (text: string) => {
      const chars = [...text];
      for (const first of boxes.filter((w) => w.text === chars[0])) {
        const stack = [first];
        for (const c of chars.slice(1)) {
          const below = boxes.find((w) => w.text === c && Math.abs(w.x - first.x) < 1 && w.y > (stack.at(-1)?.y ?? 0));
          if (below) stack.push(below);
        }
        if (stack.length === chars.length) return stack;
      }
      return [];
    };
    const right = column(HEADS.vertical[0] as string);
    const left = column(HEADS.vertical[1] as string);
    expect(right).toHaveLength(9);
    expect(left).toHaveLength(5);
    expect((left[0]?.x ?? 0) + 20).toBeLessThan(right[0]?.x ?? 0);
    expect(Math.abs((left[0]?.y ?? 0) - (right[0]?.y ?? 0))).toBeLessThan(1);
    // Measured: a block of two shorter columns instead of one long one.
    const broken = metrics("broken", VERTICAL).sideHead;
    const joined = metrics("joined", VERTICAL).sideHead;
    expect(broken && joined && broken.rows < joined.rows).toBe(true);
    expect((broken?.span ?? 0) >= (joined?.span ?? 0)).toBe(true);
  });

  it("leave nothing for check-type to find", async () => {
    const report = await checkTypography(built.broken.pdf);
    expect(report.findings).toEqual([]);
    expect(report.totals.lines).toBeGreaterThan(100);
  });
});
