import { beforeAll, describe, expect, it } from "vitest";
import { composeParagraph } from "../../src/measure/composer/compose";
import { loadComposer } from "../../src/measure/composer/fonts";
import { curlyQuotes } from "../../src/measure/composer/quotes";
import type { ComposedLine } from "../../src/measure/composer/types";
import { randomSamples, setting } from "../helpers/composer-corpus";

// The composer on English: words split only at a hyphen, at most two hyphens in a row, no line
// starting with an em dash, curly quotes; word-space figures are reported (see docs/composer.md).

const text = (l: ComposedLine) => l.runs.map((r) => r.text).join("");

beforeAll(async () => {
  await loadComposer();
});

describe("Latin composition", () => {
  let composed: { s: ReturnType<typeof randomSamples>[number]; lines: ComposedLine[] }[] = [];
  beforeAll(() => {
    composed = randomSamples(300, 11)
      .filter((s) => s.lang === "en")
      .map((s) => {
        const { runs, options } = setting(s);
        return { s, lines: composeParagraph(runs, options).lines };
      });
  });

  it("splits words only with a hyphen, never three in a row, never before an em dash", () => {
    const faults: string[] = [];
    for (const { s, lines } of composed) {
      let run = 0;
      lines.forEach((l, i) => {
        const t = text(l);
        const next = lines[i + 1];
        if (next && /\p{L}$/u.test(t) && /^\p{L}/u.test(text(next)) && !/\s$/.test(t)) {
          const joined = s.text.includes(`${t.split(" ").at(-1)} ${text(next).split(" ")[0]}`);
          if (!joined) faults.push(`#${s.id} split: ${t} | ${text(next)}`);
        }
        run = l.hyphen ? run + 1 : 0;
        if (run > 2) faults.push(`#${s.id} three hyphens: ${t}`);
        if (i > 0 && t.startsWith("—")) faults.push(`#${s.id} em dash: ${t}`);
      });
    }
    expect(composed.length).toBeGreaterThan(50);
    expect(faults).toEqual([]);
  });

  it("turns straight quotes into curly ones", () => {
    expect(curlyQuotes(`He said "it's 'fine'".`)).toBe("He said \u201cit\u2019s \u2018fine\u2019\u201d.");
  });

  it("reports its word spaces (house limit 2x, hard limit 3x)", () => {
    const body = composed.flatMap(({ lines }) => lines.slice(0, -1));
    const over2 = body.filter((l) => (l.spaceRatio ?? 0) > 2).length / body.length;
    const over3 = body.filter((l) => (l.spaceRatio ?? 0) > 3).length / body.length;
    console.info(`${body.length} lines: ${(over2 * 100).toFixed(1)}% over 2x, ${(over3 * 100).toFixed(1)}% over 3x`);
    // Not yet the 3 % / 0 %: narrow columns need tracking steps (docs/composer.md).
    expect(over3).toBeLessThan(0.25);
  });
});
