import { inkOf, type ShapeFont } from "./shape";

// Full-width CJK punctuation that may be set half width (clreq 3.1.6, CSS text-spacing-trim): an
// opening mark whose ink is in the right half of its em, a closing mark or pause whose ink is in the
// left half. The font decides, not a table: zh-Hant fonts centre 。，、 (never compressed), zh-Hans
// fonts put them at the left. ？ and ！ keep their width (clreq).

export const OPEN = 1;
export const CLOSE = 2;

const OPENING = "（《「『“‘【〔〈〖［｛";
const CLOSING = "、，。．：；）》」』”’】〕〉〗］｝";
/** The marks that may be half width, by code unit (all in the BMP): OPEN or CLOSE. */
const CANDIDATE = new Uint8Array(0x10000);
for (const c of OPENING) CANDIDATE[c.charCodeAt(0)] = OPEN;
for (const c of CLOSING) CANDIDATE[c.charCodeAt(0)] = CLOSE;

const cache = new WeakMap<ShapeFont, Map<number, number>>();

/** OPEN, CLOSE, or 0 for a character (code point `cp`) that keeps its width. */
export function punctuationClass(font: ShapeFont, cp: number): number {
  const candidate = cp < 0x10000 ? (CANDIDATE[cp] as number) : 0;
  if (candidate === 0) return 0;
  const opening = candidate === OPEN;
  let known = cache.get(font);
  if (!known) {
    known = new Map();
    cache.set(font, known);
  }
  let cls = known.get(cp);
  if (cls === undefined) {
    const ink = inkOf(font, cp);
    const fullWidth = ink !== undefined && Math.abs(ink.advance - 1) < 0.02;
    if (!ink || !fullWidth) cls = 0;
    else if (opening) cls = ink.left >= 0.48 ? OPEN : 0;
    else cls = ink.right <= 0.52 ? CLOSE : 0;
    known.set(cp, cls);
  }
  return cls;
}
