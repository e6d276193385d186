import { describe, expect, it } from "vitest";
import { LANG_DEFAULTS } from "../../src/config/langs";
import { resolveConfig } from "../../src/config/resolve";
import { type Box, MARK_LENGTH_MM, pressGeometry } from "../../src/press/boxes";
import { defaultProfileFor, resolvePressOptions } from "../../src/press/options";
import { ptToMm } from "../../src/units";

const mm = (pt: number) => ptToMm(pt);

describe("press geometry", () => {
  for (const [w, h] of [
    [275, 390],
    [390, 540],
  ] as const) {
    it(`puts the trim of ${w}×${h} mm exactly, with 3 mm bleed around it`, () => {
      const g = pressGeometry({ trimWidthMm: w, trimHeightMm: h, bleedMm: 3 });
      expect(Math.abs(mm(g.trim.width) - w)).toBeLessThan(0.001);
      expect(Math.abs(mm(g.trim.height) - h)).toBeLessThan(0.001);
      expect(mm(g.bleed.width)).toBeCloseTo(w + 6, 6);
      expect(mm(g.trim.x - g.bleed.x)).toBeCloseTo(3, 6);
      expect(mm(g.trim.y - g.bleed.y)).toBeCloseTo(3, 6);
      // The trim sits in the middle of the sheet.
      expect(g.trim.x * 2 + g.trim.width).toBeCloseTo(g.media.width, 6);
      expect(g.trim.y * 2 + g.trim.height).toBeCloseTo(g.media.height, 6);
    });
  }

  it("draws eight crop marks on the trim lines, outside the bleed and inside the sheet", () => {
    const g = pressGeometry({ trimWidthMm: 275, trimHeightMm: 390, bleedMm: 3 });
    expect(g.marks).toHaveLength(8);
    const inside = (b: Box, x: number, y: number) => x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height;
    for (const m of g.marks) {
      for (const [x, y] of [
        [m.x1, m.y1],
        [m.x2, m.y2],
      ] as const) {
        expect(inside(g.bleed, x, y)).toBe(false);
        expect(x >= 0 && x <= g.media.width && y >= 0 && y <= g.media.height).toBe(true);
      }
      const onTrimLine =
        [g.trim.x, g.trim.x + g.trim.width].some((x) => Math.abs(m.x1 - x) < 1e-9 && m.x1 === m.x2) ||
        [g.trim.y, g.trim.y + g.trim.height].some((y) => Math.abs(m.y1 - y) < 1e-9 && m.y1 === m.y2);
      expect(onTrimLine).toBe(true);
      expect(ptToMm(Math.hypot(m.x2 - m.x1, m.y2 - m.y1))).toBeCloseTo(MARK_LENGTH_MM, 6);
    }
  });

  it("rejects impossible sizes", () => {
    expect(() => pressGeometry({ trimWidthMm: 0, trimHeightMm: 390, bleedMm: 3 })).toThrow(RangeError);
    expect(() => pressGeometry({ trimWidthMm: 275, trimHeightMm: 390, bleedMm: -1 })).toThrow(RangeError);
  });
});

describe("press options", () => {
  const base = {
    trim: { widthMm: 275, heightMm: 390 },
    outDir: "out",
    metadata: { title: "t", words: LANG_DEFAULTS["zh-Hans"].words, paperName: "p", issueDate: "2022-11-14" },
  };

  it("defaults to 3 mm bleed, 220% ink with the TR 002 profile, PDF/X-1a", () => {
    const o = resolvePressOptions(base, resolveConfig({}, undefined, {}).press);
    expect(o.bleedMm).toBe(3);
    expect(o.inkLimit).toBe(220);
    expect(o.profile).toMatch(/profiles\/newsprint-tr002-tac220\.icc$/);
    expect(o.outputIntent.identifier).toBe("CGATS TR 002");
    expect(o.pdfx).toBe("PDF/X-1a:2001");
  });

  it("picks the profile for the ink limit", () => {
    expect(defaultProfileFor(240)).toMatch(/tac240/);
    expect(defaultProfileFor(300)).toMatch(/tac240/);
    expect(defaultProfileFor(230)).toMatch(/tac220/);
    expect(() => defaultProfileFor(200)).toThrow(/give a profile/);
  });
});
