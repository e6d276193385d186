import { beforeAll, describe, expect, it } from "vitest";
import { type FileFace, fontsourceFace } from "../../src/fonts/faces";
import { composeParagraph } from "../../src/measure/composer/compose";
import { FaceFiles, subsetsOf } from "../../src/measure/composer/faces";
import { BODY_FEATURES, loadComposer, SPACED_FEATURES } from "../../src/measure/composer/fonts";
import { type ShapeFont, shapeText } from "../../src/measure/composer/shape";
import { decodeWoff2Files } from "../../src/measure/composer/woff2";
import { fontFor, type Lang, sources } from "../helpers/composer-corpus";

// A paper may supply its faces as WOFF2: decoded by Google's woff2 decoder (the one Chromium runs),
// HarfBuzz shapes them exactly as the WOFF 1.0 files of the same fonts, advance for advance.

/** The same face as `font`'s first family, from the .woff2 files of its @fontsource subsets. */
function woff2Font(font: ShapeFont): ShapeFont {
  const first = font.stack[0] as FaceFiles;
  const subsets = subsetsOf(first.face).map((s) => ({ ...s, file: s.file.replace(/\.woff$/, ".woff2") }));
  return { ...font, stack: [new FaceFiles(first.face, subsets), ...font.stack.slice(1)] };
}

beforeAll(async () => {
  await loadComposer();
});

describe("WOFF2 faces", () => {
  it("shape as their WOFF 1.0 twins on the corpus and the samples", async () => {
    const diffs: string[] = [];
    for (const lang of ["zh-Hans", "en"] as Lang[]) {
      for (const features of [BODY_FEATURES, SPACED_FEATURES]) {
        const woff: ShapeFont = { ...fontFor(lang, "body", 13.5), features };
        const woff2 = woff2Font(woff);
        await decodeWoff2Files((woff2.stack[0] as FaceFiles).subsets.map((s) => s.file));
        for (const s of sources().filter((x) => x.lang === lang)) {
          const style = new Uint8Array(s.text.length);
          const a = shapeText(s.text, style, [woff], lang);
          const b = shapeText(s.text, style, [woff2], lang);
          const at = a.advances.findIndex((v, i) => v !== b.advances[i] || a.clusters[i] !== b.clusters[i]);
          if (at >= 0) diffs.push(`${lang}: «${s.text.slice(at, at + 5)}»`);
        }
      }
    }
    expect(diffs.slice(0, 5)).toEqual([]);
  });

  it("are decoded by loadComposer when a paper's style names a .woff2 file", async () => {
    // Bold: not decoded by the test above.
    const caslon = new FaceFiles(fontsourceFace("Libre Caslon Text", 700));
    const latin = caslon.subsets.find((s) => /latin-700-normal\.woff$/.test(s.file));
    expect(latin).toBeDefined();
    const face: FileFace = {
      kind: "file",
      family: "Paper Caslon",
      weight: 700,
      file: (latin?.file ?? "").replace(/\.woff$/, ".woff2"),
      generic: "serif",
    };
    const font: ShapeFont = { stack: [new FaceFiles(face)], sizePx: 12, features: BODY_FEATURES };
    const text = "The faces on this page may be bundled, embedded and shared.";
    expect(() => shapeText(text, new Uint8Array(text.length), [font], "en")).toThrow(/WOFF2/);
    await loadComposer([face]);
    const got = composeParagraph([{ text, font }], { width: 300, lang: "en" });
    const woff: ShapeFont = { stack: [caslon], sizePx: 12, features: BODY_FEATURES };
    const want = composeParagraph([{ text, font: woff }], { width: 300, lang: "en" });
    expect(got.lines.map((l) => l.printed)).toEqual(want.lines.map((l) => l.printed));
  });
});
