import { beforeAll, describe, expect, it } from "vitest";
import { BODY_FEATURES, loadComposer, SPACED_FEATURES } from "../../src/measure/composer/fonts";
import { type ShapeFont, shapeText } from "../../src/measure/composer/shape";
import { fontFor, issueParagraphs, type Lang, sources } from "../helpers/composer-corpus";

// The composer shapes text piece by piece from caches (a CJK character alone, a Latin word alone):
// on every paragraph of the corpus and the samples, in the body and label fonts, with and without
// ligatures (the licence texts of the English tabloid too), that gives the advances and glyph clusters of shaping each run whole, as Chromium does.

beforeAll(async () => {
  await loadComposer();
});

describe("cached shaping", () => {
  it("equals whole-run shaping, advance for advance, on the corpus and the samples", () => {
    const diffs: string[] = [];
    let chars = 0;
    for (const s of [...sources(), ...issueParagraphs("tabloid-en", "en")]) {
      for (const role of ["body", "label"] as const) {
        for (const features of [BODY_FEATURES, SPACED_FEATURES]) {
          const base = fontFor(s.lang as Lang, role, 13.5);
          const font: ShapeFont = { ...base, features };
          const style = new Uint8Array(s.text.length);
          shapeText(s.text, style, [font], s.lang);
          // Again: now from the caches (characters shaped alone, pieces).
          const cached = shapeText(s.text, style, [font], s.lang);
          const whole = shapeText(s.text, style, [font], s.lang, true);
          chars += s.text.length;
          for (let i = 0; i < s.text.length; i++) {
            if (
              Math.abs((cached.advances[i] as number) - (whole.advances[i] as number)) > 1e-9 ||
              cached.clusters[i] !== whole.clusters[i]
            ) {
              diffs.push(`${s.lang} ${role} «${s.text.slice(Math.max(0, i - 3), i + 4)}» at ${i}`);
              break;
            }
          }
        }
      }
    }
    expect(chars).toBeGreaterThan(50_000);
    expect(diffs.slice(0, 10)).toEqual([]);
  });
});
