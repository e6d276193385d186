import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_END, NO_START, protectBreaks, unprotect, WORD_JOINER } from "../../src/typography/linebreak";

const WJ = WORD_JOINER;

describe("character classes", () => {
  it("keep stops, closing marks, dots, ellipsis and dash off a line start", () => {
    for (const c of "、，。？！：；》」』”’）】〕·…—") expect(NO_START.has(c), c).toBe(true);
    for (const c of "中A1（“") expect(NO_START.has(c), c).toBe(false);
  });

  it("keep opening brackets and quotes off a line end", () => {
    for (const c of "（《「『“‘【〔") expect(NO_END.has(c), c).toBe(true);
    for (const c of "中。”）") expect(NO_END.has(c), c).toBe(false);
  });
});

describe("protectBreaks", () => {
  it("joins the middle dot and the horizontal bar to a preceding CJK character", () => {
    expect(protectBreaks("约翰·史密斯")).toBe(`约翰${WJ}·史密斯`);
    expect(protectBreaks("说――好")).toBe(`说${WJ}――好`);
  });

  it("leaves the middle dot alone after Latin letters and digits, where Chromium does not break", () => {
    expect(protectBreaks("A·B 1·2")).toBe("A·B 1·2");
  });

  it("joins an em dash pair to what precedes it, not its halves to each other", () => {
    expect(protectBreaks("基调——完整")).toBe(`基调${WJ}——完整`);
    expect(protectBreaks("2024—2025")).toBe(`2024${WJ}—2025`);
  });

  it("joins a dot or dash at the start of a fragment to the markup before it", () => {
    expect(protectBreaks("——记者")).toBe(`${WJ}——记者`);
  });

  it("leaves what Chromium's strict line breaking already handles untouched", () => {
    const text = "会议指出，要“稳中求进”（见第三版）……《聊城日报》报道。";
    expect(protectBreaks(text)).toBe(text);
  });

  it("turns a space before a closing mark or after an opening one into a no-break space", () => {
    expect(protectBreaks("他说 ，好")).toBe("他说\u00a0，好");
    expect(protectBreaks("“ 你好”")).toBe("“\u00a0你好”");
    expect(protectBreaks("a  \n ”b")).toBe("a\u00a0”b");
  });

  it("keeps other spaces breakable", () => {
    expect(protectBreaks("中文 English 中文")).toBe("中文 English 中文");
  });

  it("replaces a zero-width space before a closing quote by the joiner, and glues the ideographic space", () => {
    expect(protectBreaks("发\u200b”中")).toBe(`发${WJ}”中`);
    expect(protectBreaks("“\u3000中")).toBe(`“\u3000${WJ}中`);
  });

  it("is idempotent", () => {
    const alphabet = fc.constantFrom(..."中文A1 \u3000\u200b·―—…，。“”（）《》", WJ);
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), (chars) => {
        const once = protectBreaks(chars.join(""));
        expect(protectBreaks(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("only adds joiners, except on spaces it glues", () => {
    const alphabet = fc.constantFrom(..."中文A1·―—…，。“”（）《》");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), (chars) => {
        expect(unprotect(protectBreaks(chars.join("")))).toBe(chars.join(""));
      }),
    );
  });
});
