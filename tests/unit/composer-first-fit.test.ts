import { beforeAll, describe, expect, it } from "vitest";
import { composeParagraph } from "../../src/measure/composer/compose";
import { loadComposer } from "../../src/measure/composer/fonts";
import type { ComposeOptions } from "../../src/measure/composer/types";
import { HEAD_SETTING } from "../../src/measure/heads";
import { fontFor, type Lang, randomSamples } from "../helpers/composer-corpus";

// First-fit breaking (heads and captions, counted as Chromium breaks them): every line but the
// last is as full as it goes (the next line's first word would not have fitted), a word wider than
// the line stands alone on it with no empty line after, and full-width marks are never compressed.

beforeAll(async () => {
  await loadComposer();
});

const firstFit = (lang: Lang, width: number): ComposeOptions => ({ width, lang, ...HEAD_SETTING });

describe("first-fit breaking", () => {
  it("fills each line as far as the next word allows (English)", () => {
    let lines = 0;
    for (const sample of randomSamples(300, 7).filter((s) => s.lang === "en")) {
      const font = fontFor(sample.lang, "body", 16);
      const width = 120 + (sample.id % 5) * 60;
      const set = composeParagraph([{ text: sample.text, font }], firstFit(sample.lang, width));
      for (const [i, line] of set.lines.entries()) {
        lines++;
        const next = set.lines[i + 1];
        if (!next) continue;
        const text = line.runs
          .map((r) => r.text)
          .join("")
          .trim();
        // Wider than the line only when it is one word that is.
        if (line.natural > width + 1 / 64) expect(text, `${sample.id}: line ${i}`).not.toMatch(/ /);
        // The next line's first breakable piece, added to this line, would not fit.
        const joined = composeParagraph(
          [{ text: sample.text.slice(line.start, firstBreakAfter(sample.text, next.start, next.end)), font }],
          { ...firstFit(sample.lang, 1e6) },
        );
        expect(joined.lines[0]?.natural ?? 0, `${sample.id}: line ${i} could take more`).toBeGreaterThan(width - 0.5);
      }
    }
    expect(lines).toBeGreaterThan(500);
  });

  it("sets a word wider than the line alone on it, with nothing after it", () => {
    const font = fontFor("en", "body", 16);
    const set = composeParagraph([{ text: "a contributorship b", font }], firstFit("en", 60));
    expect(
      set.lines.map((l) =>
        l.runs
          .map((r) => r.text)
          .join("")
          .trim(),
      ),
    ).toEqual(["a", "contributorship", "b"]);
  });

  it("keeps every mark full width: adjacent marks take a full em each", () => {
    const font = fontFor("zh-Hans", "body", 20);
    const set = composeParagraph([{ text: "发展。（通讯员）", font }], firstFit("zh-Hans", 1000));
    expect(set.lines).toHaveLength(1);
    expect(set.lines[0]?.natural).toBeCloseTo(8 * 20, 1);
  });
});

/** Where the line that starts at `start` may first break: at its first space, never past `end`. */
function firstBreakAfter(text: string, start: number, end: number): number {
  const space = text.indexOf(" ", start + 1);
  return space < 0 ? end : Math.min(space, end);
}
