import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { imageSize, moduleRectPt, svgNumber, toPixels } from "../../src/epaper/geometry";
import { resolveFormat } from "../../src/load";

// The zones' arithmetic over many formats and picture sizes: a zone is the made-up module's
// rectangle, and it lands on the same pixels as the module at every size of the page's picture.

const format = fc
  .record({
    width: fc.integer({ min: 200, max: 600 }),
    height: fc.integer({ min: 250, max: 800 }),
    columns: fc.integer({ min: 1, max: 6 }),
    bodySize: fc.double({ min: 6, max: 12, noNaN: true }),
    lineHeight: fc.double({ min: 1.1, max: 2, noNaN: true }),
    margin: fc.integer({ min: 5, max: 30 }),
  })
  .map((f) =>
    resolveFormat({
      width: f.width,
      height: f.height,
      columns: f.columns,
      bodySize: f.bodySize,
      gutterChars: 1,
      lineHeight: f.lineHeight,
      margins: { top: f.margin, right: f.margin, bottom: f.margin, left: f.margin },
      bleed: 3,
    }),
  );

/** A module inside the grid of `f`. */
const moduleIn = (f: ReturnType<typeof resolveFormat>) =>
  fc.record({ col: fc.nat(f.columns - 1), row: fc.nat(f.rows - 1) }).chain(({ col, row }) =>
    fc.record({
      col: fc.constant(col),
      row: fc.constant(row),
      span: fc.integer({ min: 1, max: f.columns - col }),
      rows: fc.integer({ min: 1, max: f.rows - row }),
    }),
  );

describe("a zone's rectangle", () => {
  it("is the type area for a module over the whole grid", () => {
    fc.assert(
      fc.property(format, (f) => {
        const all = moduleRectPt(f, { col: 0, row: 0, span: f.columns, rows: f.rows });
        expect(all.x).toBeCloseTo(f.areaLeft, 9);
        expect(all.y).toBeCloseTo(f.areaTop, 9);
        expect(all.width).toBeCloseTo(f.areaWidth, 9);
        expect(all.height).toBeCloseTo(f.areaHeight, 9);
      }),
    );
  });

  it("of modules side by side leaves exactly a gutter between them, and stacked ones touch", () => {
    fc.assert(
      fc.property(
        format.chain((f) => fc.tuple(fc.constant(f), moduleIn(f))),
        ([f, m]) => {
          const r = moduleRectPt(f, m);
          if (m.col + m.span < f.columns) {
            const right = moduleRectPt(f, { ...m, col: m.col + m.span, span: 1 });
            expect(right.x - (r.x + r.width)).toBeCloseTo(f.gutter, 9);
          }
          const below = moduleRectPt(f, { ...m, row: m.row + m.rows, rows: 1 });
          expect(below.y).toBeCloseTo(r.y + r.height, 9);
        },
      ),
    );
  });

  it("lands on the module's pixels at every width of the picture, within a pixel", () => {
    fc.assert(
      fc.property(
        format.chain((f) => fc.tuple(fc.constant(f), moduleIn(f))),
        fc.integer({ min: 200, max: 4000 }),
        ([f, m], widthPx) => {
          // Chromium's page box is the format's, rounded to whole CSS px.
          const pagePt = { width: Math.ceil((f.widthMm / 25.4) * 96) * 0.75, height: (f.heightMm / 25.4) * 72 };
          const picture = imageSize(pagePt, widthPx);
          const zone = toPixels(moduleRectPt(f, m), pagePt, picture);
          // The picture is the page box drawn at picture.width × picture.height pixels: a point at
          // (x, y) pt is at exactly this pixel, which is where the SVG's viewBox puts the zone.
          const exact = { x: (zone.x * pagePt.width) / picture.width, y: (zone.y * pagePt.height) / picture.height };
          const r = moduleRectPt(f, m);
          expect(exact.x).toBeCloseTo(r.x, 6);
          expect(exact.y).toBeCloseTo(r.y, 6);
          // Against one scale for both axes (a picture of the page's own proportions), the rounding
          // of the picture's height moves a zone by less than a pixel.
          const uniform = widthPx / pagePt.width;
          expect(Math.abs(zone.y - r.y * uniform)).toBeLessThan(1);
          expect(Math.abs(zone.y + zone.height - (r.y + r.height) * uniform)).toBeLessThan(1);
        },
      ),
    );
  });

  it("keeps the small and the large picture on the same spot (the large one twice the small)", () => {
    const f = resolveFormat("tabloid");
    const pagePt = { width: 780, height: 1105.92 };
    const [small, large] = [imageSize(pagePt, 800), imageSize(pagePt, 1600)];
    expect(large).toEqual({ width: 1600, height: 2269 });
    for (const m of [
      { col: 0, row: 0, span: 6, rows: 10 },
      { col: 3, row: 41, span: 3, rows: 25 },
    ]) {
      const [a, b] = [toPixels(moduleRectPt(f, m), pagePt, small), toPixels(moduleRectPt(f, m), pagePt, large)];
      expect(Math.abs(b.x - 2 * a.x)).toBeLessThan(1e-9);
      expect(Math.abs(b.y - 2 * a.y)).toBeLessThan(1);
    }
  });

  it("is written to the thousandth of a pt", () => {
    expect(svgNumber(123.456789)).toBe("123.457");
    expect(svgNumber(15)).toBe("15");
    expect(svgNumber(1105.92)).toBe("1105.92");
  });
});
