import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveStyle } from "../../src/config/house-style";
import { LANG_DEFAULTS } from "../../src/config/langs";
import { FONTSOURCE_DIR } from "../../src/fonts/faces";
import { IssueError, parseIssue } from "../../src/load";
import { styleJsonSchema } from "../../src/load/json-schema";
import { printedDate } from "../../src/typeset/dates";
import { hyphenator } from "../../src/typeset/hyphenate";
import { styleCss } from "../../src/typeset/style-css";

// The house style: read beside the issue or by name, checked with the file and JSON path of every
// problem, resolved with the defaults of the issue's language into one typed object.

const minimal = {
  paper: { name: "Weekly" },
  issue: { date: "2026-11-30" },
  pages: [{ articles: [{ id: "a", headline: "Head" }] }],
};

function issueIn(files: Record<string, unknown>, issue: unknown = minimal): string {
  const dir = mkdtempSync(join(tmpdir(), "newsprint-style-"));
  writeFileSync(join(dir, "issue.json"), JSON.stringify(issue));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

const load = (dir: string) => parseIssue(readFileSync(join(dir, "issue.json")), join(dir, "issue.json"), "issue.json");

function problems(dir: string): string[] {
  try {
    load(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(IssueError);
    return (err as IssueError).message.split("\n");
  }
  throw new Error("expected the issue to be rejected");
}

describe("house style", () => {
  it("keeps schema/style.schema.json in step with the zod schema", () => {
    const committed = JSON.parse(readFileSync(new URL("../../schema/style.schema.json", import.meta.url), "utf8"));
    expect(committed).toEqual(styleJsonSchema());
  });

  it("defaults to today's Chinese type: Noto Serif SC and Sans SC, their weights and stacks", () => {
    const style = resolveStyle({ lang: "zh-Hans" });
    const fonts = style.langs["zh-Hans"].fonts;
    expect(fonts.body.stack).toBe('"Noto Serif SC", "Noto Sans SC", serif');
    expect(fonts.head.stack).toBe('"Noto Sans SC", "Noto Serif SC", sans-serif');
    expect([fonts.body.face.weight, fonts.deck.face.weight, fonts.head.face.weight, fonts.label.face.weight]).toEqual([
      400, 700, 900, 700,
    ]);
    expect(style.colors.masthead).toBe("#b00000");
    expect(style.langs["zh-Hans"].coverage).toEqual(["noto-serif-sc", "noto-sans-sc"]);
  });

  it("reads style.json beside the issue and overrides only what it says", () => {
    const dir = issueIn({
      "style.json": { colors: { masthead: "#123456" }, fonts: { body: { family: "Libre Franklin", weight: 300 } } },
    });
    const issue = load(dir);
    expect(issue.style.colors.masthead).toBe("#123456");
    expect(issue.style.colors.accent).toBe("#b00000");
    expect(issue.style.langs["zh-Hans"].fonts.body.face).toMatchObject({ family: "Libre Franklin", weight: 300 });
    expect(issue.style.langs["zh-Hans"].fonts.head.face.family).toBe("Noto Sans SC");
  });

  it("finds a shared style by name in styles/papers, and one by path from the issue folder", () => {
    const named = load(issueIn({}, { ...minimal, lang: "en", style: "ledger" }));
    expect(named.style.file).toMatch(/styles\/papers\/ledger\.json$/);
    const byPath = load(
      issueIn({ "house/paper.json": { words: { folio: "A{n}" } } }, { ...minimal, style: "house/paper.json" }),
    );
    expect(byPath.style.langs["zh-Hans"].words.folio).toBe("A{n}");
  });

  it("names the style file and the JSON path of every problem in it", () => {
    const dir = issueIn({
      "style.json": {
        colors: { masthead: "red" },
        fonts: { head: { family: "No Such Face", weight: 700 }, body: { family: "Libre Caslon Text", weight: 300 } },
        words: { folio: "" },
        extra: 1,
      },
    });
    const lines = problems(dir).map((l) => l.replace(/^.*style\.json: /, ""));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^colors\.masthead: expected a colour written #rgb or #rrggbb/),
        expect.stringMatching(/^words\.folio: expected at least 1 character/),
        expect.stringMatching(/^\(root\)|^: expected only known fields|unknown field\(s\) extra/),
      ]),
    );
    const fonts = problems(
      issueIn({
        "style.json": {
          fonts: { head: { family: "No Such Face", weight: 700 }, body: { family: "Libre Caslon Text", weight: 300 } },
        },
      }),
    );
    expect(fonts.join("\n")).toContain("fonts.head: expected an installed @fontsource family or a face of the style");
    expect(fonts.join("\n")).toContain('"Libre Caslon Text" has no weight 300 (it has 400, 700)');
  });

  it("reports a style the issue names that is not there, at the issue's style field", () => {
    expect(problems(issueIn({}, { ...minimal, style: "no-such-paper" }))).toEqual([
      expect.stringMatching(/^issue\.json: style: expected a style file.*no-such-paper\.json: not found$/),
    ]);
  });

  it("checks a paper's own font file: outlines, and the glyphs of the text against its cmap", () => {
    const woff2 = readdirSync(join(FONTSOURCE_DIR, "libre-caslon-text", "files")).find((f) =>
      f.endsWith("latin-400-normal.woff2"),
    ) as string;
    const dir = issueIn(
      {
        "style.json": {
          faces: [{ family: "House Serif", weight: 400, src: "fonts/house.woff2" }],
          fonts: { body: { family: "House Serif", weight: 400 } },
        },
        "fonts/bad.ttf": "not a font",
      },
      { ...minimal, pages: [{ articles: [{ id: "a", headline: "Ĳssel — Łódź", body: ["ok"] }] }] },
    );
    copyFileSync(join(FONTSOURCE_DIR, "libre-caslon-text", "files", woff2), join(dir, "fonts", "house.woff2"));
    const lines = problems(dir);
    // The latin subset has no Ł (latin-ext): the paper's face is asked, not a bundled one.
    expect(lines.join("\n")).toMatch(
      /headline \(article a\): expected characters the bundled fonts \(House Serif, .*\) have, found no glyph for .*Ł/,
    );
    writeFileSync(
      join(dir, "style.json"),
      JSON.stringify({ faces: [{ family: "Bad", src: "fonts/bad.ttf" }], fonts: { body: { family: "Bad" } } }),
    );
    expect(problems(dir).join("\n")).toContain("faces[0].src: expected a TrueType or OpenType font file");
  });

  it("resolves the languages' words: Traditional labels, English dates, no lunar date in English", () => {
    const hant = resolveStyle({ lang: "zh-Hant" }).langs["zh-Hant"];
    expect(printedDate("2023-01-20", hant)).toEqual({
      solar: "2023年1月20日",
      weekday: "星期五",
      line: "2023年1月20日 星期五",
      lunar: "農曆壬寅年臘月廿九",
    });
    const en = resolveStyle({ lang: "en" }).langs.en;
    expect(printedDate("2026-11-30", en)).toEqual({
      solar: "November 30, 2026",
      weekday: "Monday",
      line: "Monday, November 30, 2026",
    });
    const simplified = new Set([..."导读责编辑术对转广总农历国统连续号"]);
    for (const word of Object.values(LANG_DEFAULTS["zh-Hant"].words).flat()) {
      expect(
        [...String(word)].filter((c) => simplified.has(c)),
        String(word),
      ).toEqual([]);
    }
  });

  it("hyphenates Latin text with soft hyphens, keeping two letters before and three after", () => {
    const en = hyphenator(resolveStyle({ lang: "en" }).langs.en);
    // The en-us patterns say elec-tric-i-ty: "-ty" is too short to stand alone on a line.
    expect(en?.("electricity hyphenation")).toBe("elec\u00adtric\u00adity hy\u00adphen\u00adation");
    expect(hyphenator(resolveStyle({ lang: "zh-Hans" }).langs["zh-Hans"])).toBeUndefined();
  });

  it("becomes CSS custom properties, scoped per language for articles in another", () => {
    const css = styleCss(resolveStyle({ lang: "zh-Hans" }), ["zh-Hans", "en"], (f) => f);
    expect(css).toContain('--font-body: "Noto Serif SC", "Noto Sans SC", serif;');
    expect(css).toContain("--weight-head: 900;");
    expect(css).toMatch(/\[lang="en"\] \{[^}]*--font-body: "Libre Caslon Text"/);
  });
});

// Issue 26, 6: the style's words get the checks of the issue's printed fields (src/load/text-rules.ts).
describe("the house style's words, checked as printed text", () => {
  const wordLines = (words: Record<string, unknown>, issue: unknown = minimal) =>
    problems(issueIn({ "style.json": words }, issue)).filter((l) => l.includes("style.json: "));

  it("refuses a bidirectional override, which would print the folio reversed", () => {
    expect(wordLines({ words: { folio: "Page \u202e{n}" } })).toEqual([
      expect.stringMatching(
        /style\.json: words\.folio: expected text without bidirectional control characters, found U\+202E \(right-to-left override\) at character 6$/,
      ),
    ]);
  });

  it("refuses a control character (BEL) in a continued line and a line break in a weekday", () => {
    const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri\nday", "Sat"];
    expect(wordLines({ words: { jumpTo: "Continued on Page {n}\u0007", weekdays } })).toEqual([
      expect.stringMatching(/style\.json: words\.jumpTo: expected text without control characters, found U\+0007/),
      expect.stringMatching(
        /style\.json: words\.weekdays\[5\]: expected text without control characters, found U\+000A/,
      ),
    ]);
  });

  it("refuses characters the paper's fonts lack, in the words of the language that sets them", () => {
    const lines = wordLines({ words: { ad: "广告😀" }, langs: { en: { words: { folio: "Page {n} 𠀀" } } } });
    expect(lines).toEqual([
      expect.stringMatching(
        /style\.json: words\.ad: expected characters the bundled fonts \(.*\) have, found no glyph for 😀/,
      ),
      expect.stringMatching(
        /style\.json: langs\.en\.words\.folio: expected characters the bundled fonts \(.*\) have, found no glyph for 𠀀/,
      ),
    ]);
  });

  it("accepts blank words where the style allows them, and title words without glyph checks", () => {
    const dir = issueIn({
      "style.json": { words: { subheadLead: "", datelineAfter: "\u3000", titleSeparator: " · " } },
    });
    expect(load(dir).style.langs["zh-Hans"].words.datelineAfter).toBe("\u3000");
  });
});
