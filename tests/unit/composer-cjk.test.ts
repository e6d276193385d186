import { beforeAll, describe, expect, it } from "vitest";
import { composeParagraph } from "../../src/measure/composer/compose";
import { loadComposer } from "../../src/measure/composer/fonts";
import type { ComposedLine } from "../../src/measure/composer/types";
import { NO_END, NO_START } from "../../src/typography/linebreak";
import { fontFor, randomSamples, setting } from "../helpers/composer-corpus";

// The composer on CJK text: kinsoku on every line of corpus paragraphs, adjacent marks set half width,
// lines on the character grid, a head with the editor's break, a character no font has.

const text = (l: ComposedLine) => l.runs.map((r) => r.text).join("");

beforeAll(async () => {
  await loadComposer();
});

describe("CJK composition", () => {
  const samples = randomSamples(400, 7).filter((s) => s.lang !== "en" && s.span === 1);

  it("breaks no kinsoku rule on corpus paragraphs", () => {
    const faults: string[] = [];
    for (const s of samples) {
      const { runs, options } = setting(s);
      const lines = composeParagraph(runs, options).lines;
      lines.forEach((l, i) => {
        const t = [...text(l).trim()];
        if (i > 0 && NO_START.has(t[0] ?? "")) faults.push(`#${s.id} starts: ${text(l)}`);
        if (i < lines.length - 1 && NO_END.has(t.at(-1) ?? "")) faults.push(`#${s.id} ends: ${text(l)}`);
      });
    }
    expect(samples.length).toBeGreaterThan(50);
    expect(faults).toEqual([]);
  });

  it("fills every justified line to the column and starts it on the grid", () => {
    for (const s of samples) {
      const { runs, options } = setting(s);
      const lines = composeParagraph(runs, options).lines;
      lines.forEach((l, i) => {
        expect(l.left === 0 || Math.abs(l.left - (options.indent ?? 0)) < 0.02).toBe(true);
        if (i < lines.length - 1) expect(Math.abs(l.left + l.printed - options.width)).toBeLessThan(0.05);
      });
    }
  });

  it("sets a closing mark followed by another half width", () => {
    const font = fontFor("zh-Hans", "body", 40 / 3);
    const { lines } = composeParagraph([{ text: "他说：“好。”我们走吧，大家都同意了这件事情。", font }], {
      width: 11 * (40 / 3),
      lang: "zh-Hans",
    });
    const all = lines.flatMap((l) => l.adjust.map((a) => ({ ch: text(l)[a.index], after: a.after })));
    expect(all.some((a) => a.ch === "。" && Math.abs(a.after + 40 / 3 / 2) < 0.02)).toBe(true);
  });

  it("keeps the editor's break in a head and balances it", () => {
    const font = fontFor("zh-Hans", "label", 32);
    const { lines } = composeParagraph([{ text: "我区全力以赴\n筑牢抗疫基层防线", font }], {
      width: 600,
      lang: "zh-Hans",
      align: "center",
    });
    expect(lines.map(text)).toEqual(["我区全力以赴", "筑牢抗疫基层防线"]);
    expect(lines[0]?.left).toBeGreaterThan(0);
  });

  it("names a character no font of the stack has", () => {
    const font = fontFor("en", "body", 12);
    const { problems } = composeParagraph([{ text: "Price 中 here", font }], { width: 300, lang: "en" });
    expect(problems).toContainEqual(expect.objectContaining({ kind: "missing-glyph", char: "中" }));
  });
});

describe("Latin words and numbers in CJK text", () => {
  const font = fontFor("zh-Hans", "body", 40 / 3);
  const em = Math.floor((40 / 3) * 64) / 64;
  const compose = (t: string, autospace: number) =>
    composeParagraph([{ text: t, font }], { width: 11 * (40 / 3), lang: "zh-Hans", autospace }).lines;

  it("spreads a justified line between CJK characters only: a Latin word keeps its letters together", () => {
    const lines = compose("截至目前，全区共有COVID疫苗接种点128个，覆盖所有街道和社区的居民。", 0);
    const spread = lines.filter((l, i) => i < lines.length - 1 && l.letterSpacing !== 0);
    expect(spread.length).toBeGreaterThan(0);
    const withLatin = lines.filter((l) => /[A-Z0-9]{2}/.test(text(l)));
    expect(withLatin.length).toBeGreaterThan(0);
    for (const l of withLatin) {
      const t = text(l);
      for (const m of t.matchAll(/[A-Za-z0-9]+/g)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (end - start < 2) continue;
        // All but the last letter of each Latin run print without the line's letter-spacing.
        expect(l.tight).toEqual(expect.arrayContaining([start, end - 1]));
      }
    }
  });

  it("puts the house style's autospace between an ideograph and a Latin letter or digit, not at a line edge", () => {
    const t = "全区共有COVID疫苗接种点128个，覆盖所有街道。";
    const [without, with8] = [compose(t, 0), compose(t, 0.125)];
    const boundaries = (ls: ComposedLine[]) =>
      ls.flatMap((l) =>
        l.adjust
          .filter((a) => Math.abs(a.after - em / 8) < 0.02)
          .map((a) => `${text(l)[a.index]}${text(l)[a.index + 1] ?? ""}`),
      );
    expect(boundaries(without)).toEqual([]);
    const found = boundaries(with8);
    expect(found.length).toBeGreaterThan(0);
    for (const pair of found) expect(pair).toMatch(/^(\p{Script=Han}[A-Z0-9]|[A-Z0-9]\p{Script=Han})$/u);
    // Never after a line's last character.
    for (const l of with8) expect(l.adjust.some((a) => a.index === text(l).length - 1 && a.after > 0.01)).toBe(false);
  });
});
