import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser, openPage } from "../../src/browser/browser";
import { resolveConfig } from "../../src/config/resolve";
import { NO_END, NO_START, protectBreaks } from "../../src/typography/linebreak";
import { type DomLine, domLinesIn } from "../helpers/dom-lines";
import { NOTO_SERIF_SC_CSS } from "../helpers/paths";

// In real Chromium: narrow justified columns, ten characters wide, where each offending mark lands at
// a line start (or end) without protectBreaks, and does not with it.

const COLUMN_CSS =
  "width: 10em; text-align: justify; line-break: strict; text-spacing-trim: trim-start;" +
  " text-autospace: normal; text-justify: inter-character; margin-bottom: 1em;";
const FILL = "中国人民银行今天发布消息";
const ten = FILL.slice(0, 10);
const nine = FILL.slice(0, 9);

interface Case {
  name: string;
  text: string;
  /** The mark that lands at a line start (or end, for an opening mark) when unprotected. */
  mark: string;
}

// The gaps in `line-break: strict` measured in Chromium 156.
const GAPS: Case[] = [
  { name: "middle dot after a CJK character", text: `${ten}·${ten}`, mark: "·" },
  { name: "em dash after a CJK character", text: `${ten}—${ten}`, mark: "—" },
  { name: "em dash pair", text: `${nine}——${ten}`, mark: "—" },
  { name: "horizontal bar pair", text: `${nine}――${ten}`, mark: "―" },
  { name: "em dash after a digit", text: `${nine}1—${ten}`, mark: "—" },
  { name: "space before a comma", text: `${nine} ，${ten}`, mark: "，" },
  { name: "space before a closing quote", text: `${nine} ”${ten}`, mark: "”" },
  { name: "space after an opening quote", text: `${nine}“ ${ten}`, mark: "“" },
  { name: "zero-width space before a closing quote", text: `${nine}\u200b”${ten}`, mark: "”" },
];

function visible(line: DomLine): string {
  return line.text.replace(/[\s\u00a0]/g, "");
}

/** Lines (after the first) starting with a NO_START mark, lines ending with a NO_END mark. */
function violations(lines: DomLine[]): string[] {
  const found: string[] = [];
  lines.forEach((line, i) => {
    const chars = [...visible(line)];
    if (i > 0 && NO_START.has(chars[0] ?? "")) found.push(`starts: ${line.text}`);
    if (i < lines.length - 1 && NO_END.has(chars.at(-1) ?? "")) found.push(`ends: ${line.text}`);
  });
  return found;
}

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser(resolveConfig().browser);
  dir = await mkdtemp(join(tmpdir(), "newsprint-linebreak-"));
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Lays out each text in its own column and returns the lines of each. */
async function layOut(texts: string[]): Promise<DomLine[][]> {
  const escapeHtml = (t: string) => t.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  const html = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">
<link rel="stylesheet" href="${NOTO_SERIF_SC_CSS}">
<style>body { font-family: 'Noto Serif SC'; font-size: 20px; margin: 0 } .col { ${COLUMN_CSS} }</style>
</head><body>${texts.map((t) => `<div class="col">${escapeHtml(t)}</div>`).join("\n")}</body></html>`;
  const file = join(dir, `columns-${texts.length}-${Date.now()}.html`);
  await writeFile(file, html);
  const { page } = await openPage(browser);
  try {
    await page.goto(`file://${file}`);
    await page.evaluate(() => document.fonts.ready);
    const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === "loaded").length);
    expect(fonts).toBeGreaterThan(0);
    return await page.evaluate(domLinesIn, ".col");
  } finally {
    await page.close();
  }
}

describe("protectBreaks in Chromium with line-break: strict", () => {
  it.each(GAPS)("$name: the mark moves to a line edge without the fix, and not with it", async (c) => {
    const [plain, fixed] = await layOut([c.text, protectBreaks(c.text)]);
    const edges = (plain ?? []).flatMap((line, i, all) => {
      const chars = [...visible(line)];
      return [i > 0 ? chars[0] : undefined, i < all.length - 1 ? chars.at(-1) : undefined];
    });
    expect(edges, JSON.stringify(plain?.map((l) => l.text))).toContain(c.mark);
    expect(violations(plain ?? [])).not.toEqual([]);
    expect(violations(fixed ?? []), JSON.stringify(fixed?.map((l) => l.text))).toEqual([]);
  });

  it("keeps every NO_START mark off the line start and every NO_END mark off the line end, in any context", async () => {
    const contexts = ["中", "A", "1", "。", "”", " ", "a "];
    const texts: string[] = [];
    for (const mark of NO_START) {
      for (const ctx of contexts) texts.push(`${FILL.slice(0, 10 - ctx.length)}${ctx}${mark}${ten}`);
    }
    for (const mark of NO_END) {
      for (const ctx of contexts) {
        texts.push(`${nine}${mark}${ctx}${ten}`);
        texts.push(`${FILL.slice(0, 9 - ctx.length)}${ctx}${mark}${ten}`);
      }
    }
    const columns = await layOut(texts.map(protectBreaks));
    expect(columns).toHaveLength(texts.length);
    expect(columns.flatMap((lines) => violations(lines))).toEqual([]);
    // The same texts unprotected do break wrongly, so the measurement can see a fault.
    const plain = await layOut(texts);
    expect(plain.flatMap((lines) => violations(lines)).length).toBeGreaterThan(20);
  });

  it("adds no width: a protected line is as wide as the plain one", async () => {
    // Short enough for one line of the ten-character column.
    const text = "约翰·史密斯——好 ，";
    const [plain, fixed] = await layOut([text, protectBreaks(text)]);
    const width = (lines: DomLine[] | undefined) => (lines?.[0]?.right ?? 0) - (lines?.[0]?.left ?? 0);
    expect(protectBreaks(text)).toBe("约翰\u2060·史密斯\u2060——好\u00a0，");
    expect(plain).toHaveLength(1);
    expect(width(fixed)).toBeCloseTo(width(plain), 1);
  });
});
