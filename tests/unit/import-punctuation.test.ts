import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FULL_WIDTH, fullWidthPunctuation, halfWidthMarks } from "../../src/typography/punctuation";
import { CORPUS_DIR, corpusFiles } from "../helpers/paths";

// Half-width punctuation as reporters type it in Chinese text, set full width; Latin and number
// contexts left alone. The corpus is the ground truth: its sentences retyped half width come back.

const HALF = Object.fromEntries(Object.entries(FULL_WIDTH).map(([half, full]) => [full, half]));
const retype = (text: string) => text.replace(/[，（）；：？！]/g, (m) => HALF[m] ?? m);

const corpus = corpusFiles();
describe.skipIf(corpus.length === 0)("corpus sentences retyped half width", () => {
  const lines = corpus.flatMap((f) => readFileSync(join(CORPUS_DIR, f), "utf8").split(/\r?\n/));
  const typedFullWidth = lines.filter((l) => /[，（）；：？！]/.test(l) && !/[,();:?!]/.test(l));

  it("come back as the page printed them", () => {
    expect(typedFullWidth.length).toBeGreaterThan(150);
    const wrong = typedFullWidth.filter((l) => fullWidthPunctuation(retype(l)).text !== l);
    expect(wrong).toEqual([]);
  });

  it("are counted mark by mark", () => {
    for (const line of typedFullWidth.slice(0, 40)) {
      const marks = line.match(/[，（）；：？！]/g)?.length ?? 0;
      expect(fullWidthPunctuation(retype(line)).changed).toBe(marks);
      expect(halfWidthMarks(retype(line))).toBe(marks);
    }
  });

  it("set the corpus's own half-width brackets full width", () => {
    const typedHalf = lines.find((l) => l.startsWith("侯营镇举办村(社区)"));
    expect(fullWidthPunctuation(typedHalf ?? "")).toEqual({
      text: "侯营镇举办村（社区）党组织书记“擂台比武”活动",
      changed: 2,
    });
  });
});

describe("what stays as typed", () => {
  it.each([
    "3:30开会",
    "共3,500亩",
    "(a) the first item",
    'He said: "Hi", then left!',
    "详见 https://www.gov.cn/a?id=3&b=(1),并",
    "来信请寄 editor@dcf.gov.cn;",
    "Wi-Fi 6 (802.11ax)",
  ])("%s", (text) => {
    const expected: Record<string, string> = {
      "详见 https://www.gov.cn/a?id=3&b=(1),并": "详见 https://www.gov.cn/a?id=3&b=(1)，并",
    };
    expect(fullWidthPunctuation(text).text).toBe(expected[text] ?? text);
  });
});

describe("what is set full width", () => {
  it.each([
    ["时间:3:30", "时间：3:30"],
    ["镇(街道)全力", "镇（街道）全力"],
    ["(融媒体 郭龙君)", "（融媒体 郭龙君）"],
    ["真的吗?!", "真的吗？！"],
    ["使用Wi-Fi,方便群众", "使用Wi-Fi，方便群众"],
    ["截至2022,全区", "截至2022，全区"],
    ["第(3)条", "第（3）条"],
    ["他说:", "他说："],
    ["為何如此?", "為何如此？"],
  ])("%s → %s", (text, full) => {
    expect(fullWidthPunctuation(text).text).toBe(full);
  });

  it("leaves text without those marks as the same string", () => {
    const text = "东昌府讯 近日，韩集镇开展了活动。";
    expect(fullWidthPunctuation(text)).toEqual({ text, changed: 0 });
  });
});
