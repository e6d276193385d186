// Sizes and advances as Chromium (FreeType, Skia, HarfBuzz) sets them, px.

/** The size FreeType sets the face at: CSS px truncated to 1/64 px. */
export function renderedSize(sizePx: number): number {
  return Math.floor(sizePx * 64 + 1e-6) / 64;
}

/**
 * FreeType's scale of a face at a CSS size, 16.16 (FT_DivFix of the 26.6 size by the em). Chromium
 * takes each glyph's advance from FreeType's linear advance at this scale, a whole 1/65536 px:
 * a 1000-unit ideograph at 12 px is 12 + 6/65536 px, at 24 px 24 - 5/65536 (measured in Chromium
 * 156: it decides where a fragment's width rounds up to the next 1/64 px).
 */
export function freeTypeScale(sizePx: number, upem: number): number {
  return Math.round((Math.floor(sizePx * 64 + 1e-6) * 65536) / upem);
}

/** A glyph advance in font units as Chromium sets it, px (FT_MulDiv(units, scale, 64) / 65536). */
export function chromiumAdvance(units: number, scale: number): number {
  const x = (units * scale) / 64;
  return (x < 0 ? -Math.round(-x) : Math.round(x)) / 65536;
}
