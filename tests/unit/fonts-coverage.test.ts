import { describe, expect, it } from "vitest";
import { fontRanges, missingGlyphs, parseUnicodeRanges } from "../../src/fonts/coverage";

describe("missingGlyphs", () => {
  it("finds nothing missing in ordinary Chinese text with Latin, digits and punctuation", () => {
    expect(missingGlyphs("东昌府区2025年“十五五”规划——GDP增长5%，约翰·史密斯……《聊城日报》")).toEqual([]);
  });

  it("reports an emoji and Extension B ideographs, each once, in order", () => {
    // U+1F600 and U+20000, U+2A6A5 are in no unicode-range of either @fontsource stylesheet.
    expect(missingGlyphs("好😀𠀀好𪚥😀")).toEqual(["😀", "𠀀", "𪚥"]);
  });

  it("reports a URO ideograph that the Google Fonts cut of Noto SC left out", () => {
    expect(missingGlyphs("龥")).toEqual(["龥"]);
  });

  it("ignores whitespace, controls, format characters and variation selectors", () => {
    expect(missingGlyphs("中\u2060\u200b\u00ad\t\n\u3000\ufe0f\u0007文")).toEqual([]);
  });

  it("can ask about one family", () => {
    expect(missingGlyphs("😀", ["sans"])).toEqual(["😀"]);
  });
});

describe("unicode-range parsing", () => {
  it("reads single points, ranges and wildcards, sorted and merged", () => {
    const css = "@font-face{unicode-range: U+4e00-4e10, U+26;} @font-face{unicode-range:U+4e11,U+3??;}";
    expect(parseUnicodeRanges(css)).toEqual([
      [0x26, 0x26],
      [0x300, 0x3ff],
      [0x4e00, 0x4e11],
    ]);
  });

  it("reads the bundled stylesheets once", () => {
    expect(fontRanges("serif")).toBe(fontRanges("serif"));
    expect(fontRanges("serif").length).toBeGreaterThan(100);
  });
});
