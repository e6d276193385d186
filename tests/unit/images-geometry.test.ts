import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cropSize, focusWindow, outputSize } from "../../src/images/geometry";

// The crop arithmetic over many sizes: what the pixel tests check on a few real images.

const size = fc.record({
  width: fc.integer({ min: 1, max: 8000 }),
  height: fc.integer({ min: 1, max: 8000 }),
});
const mm = fc.double({ min: 5, max: 400, noNaN: true });
const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe("crop geometry", () => {
  it("crop fits the source, touches two of its sides and has the slot's aspect (±0.5 px)", () => {
    fc.assert(
      fc.property(size, mm, mm, (src, w, h) => {
        const crop = cropSize(src, w, h);
        expect(crop.width).toBeLessThanOrEqual(src.width);
        expect(crop.height).toBeLessThanOrEqual(src.height);
        expect(crop.width === src.width || crop.height === src.height).toBe(true);
        // One side is the exact one rounded (unless clamped to 1 px). When the crop spans the whole
        // source, either side may be the rounded one: 2999 × 1000 at 3:1 is 1000 rounded from 999.7.
        const off = Math.min(
          Math.abs(crop.width - (crop.height * w) / h),
          Math.abs(crop.height - (crop.width * h) / w),
        );
        if (crop.width > 1 && crop.height > 1) expect(off).toBeLessThanOrEqual(0.5 + 1e-9);
      }),
    );
  });

  it("focus window stays inside, holds the focus and is centred on it unless pushed by an edge", () => {
    fc.assert(
      fc.property(size, mm, mm, unit, unit, (src, w, h, fx, fy) => {
        const crop = cropSize(src, w, h);
        const win = focusWindow(src, crop, [fx, fy]);
        const [px, py] = [fx * src.width, fy * src.height];
        expect(win.left).toBeGreaterThanOrEqual(0);
        expect(win.top).toBeGreaterThanOrEqual(0);
        expect(win.left + win.width).toBeLessThanOrEqual(src.width);
        expect(win.top + win.height).toBeLessThanOrEqual(src.height);
        expect(px).toBeGreaterThanOrEqual(win.left);
        expect(px).toBeLessThanOrEqual(win.left + win.width);
        expect(py).toBeGreaterThanOrEqual(win.top);
        expect(py).toBeLessThanOrEqual(win.top + win.height);
        const pushed = win.left === 0 || win.left + win.width === src.width;
        if (!pushed) expect(Math.abs(win.left + win.width / 2 - px)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("output never has more pixels than the crop on either side", () => {
    fc.assert(
      fc.property(size, mm, mm, fc.integer({ min: 50, max: 600 }), (src, w, h, ppi) => {
        const crop = cropSize(src, w, h);
        const out = outputSize(crop, w, h, ppi);
        expect(out.width).toBeLessThanOrEqual(crop.width);
        expect(out.height).toBeLessThanOrEqual(crop.height);
      }),
    );
  });
});
