import { describe, expect, it } from "vitest";
import { parseIssue } from "../../src/load";
import { findMissingGlyphs, GlyphError } from "../../src/measure/glyphs";

describe("missing glyphs", () => {
  it("names the article and the character the bundled fonts lack", () => {
    const issue = parseIssue(
      JSON.stringify({
        paper: { name: "东昌府新闻" },
        issue: { date: "2022-11-14" },
        pages: [
          {
            articles: [
              { id: "ok", headline: "支部领办合作社" },
              { id: "rare", headline: "张𠀀", body: ["正文😀"] },
            ],
          },
        ],
      }),
      "/x/issue.json",
    );
    const missing = findMissingGlyphs(issue.data);
    expect(missing).toEqual([{ articleId: "rare", chars: ["𠀀", "😀"] }]);
    expect(new GlyphError(missing).message).toBe(
      "article rare: the fonts have no glyph for 𠀀 (U+20000), 😀 (U+1F600)",
    );
  });

  it("finds nothing missing in the sample issues' text", async () => {
    const { loadIssue } = await import("../../src/load");
    for (const name of ["dongchangfu", "broadsheet", "overflow"]) {
      const issue = await loadIssue(new URL(`../../issues/${name}`, import.meta.url).pathname);
      expect(findMissingGlyphs(issue.data)).toEqual([]);
    }
  });
});
