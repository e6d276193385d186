import { HANI, KANA, ownScript } from "./script";

// Latin words and numbers inside CJK text. A justified CJK line is spread by letter-spacing between
// CJK characters and at CJK/Latin boundaries only: a run of narrow characters (Latin letters, digits,
// their punctuation and spaces) keeps its letters together and is printed letter-spacing 0 up to its
// last character. Autospace (CSS text-autospace, clreq): a gap between an ideograph and a Latin
// letter or digit — Chromium 156's `text-autospace: normal` adds 1/8 em there, not at a space or a
// mark (measured); the composer sets it as a margin, never at a line's edge.

/** Wide (CJK) characters: what the line spreads. Others are narrow: Latin runs. */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000 ||
    // Marks CJK text sets full width: quotes, dashes, ellipsis, middle dot.
    (cp >= 0x2018 && cp <= 0x201d) ||
    cp === 0x2014 ||
    cp === 0x2015 ||
    cp === 0x2026 ||
    cp === 0x00b7
  );
}

export const IDEOGRAPH = 1;
export const LETTER = 2;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const UNKNOWN = 255;
/** Class of each BMP code point, filled on first use; astral ones in a map. */
const bmp = new Uint8Array(0x10000).fill(UNKNOWN);
const astral = new Map<number, number>();

function classify(cp: number): number {
  const script = ownScript(cp);
  if (script === HANI || script === KANA) return IDEOGRAPH;
  return !isWide(cp) && LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? LETTER : 0;
}

/** IDEOGRAPH (Han, kana), LETTER (a narrow letter or digit) or 0, as text-autospace classes them. */
export function autospaceClass(cp: number): number {
  if (cp < 0x10000) {
    let c = bmp[cp] as number;
    if (c === UNKNOWN) {
      c = classify(cp);
      bmp[cp] = c;
    }
    return c;
  }
  let c = astral.get(cp);
  if (c === undefined) {
    c = classify(cp);
    astral.set(cp, c);
  }
  return c;
}

/** Whether autospace goes between these two adjacent characters. */
export function autospaced(a: number, b: number): boolean {
  const x = autospaceClass(a);
  const y = autospaceClass(b);
  return (x === IDEOGRAPH && y === LETTER) || (x === LETTER && y === IDEOGRAPH);
}

/**
 * The parts of a line's text printed without letter-spacing, as [start, end) pairs: each run of
 * narrow characters but its last one (whose spacing is the gap to the CJK character after it).
 */
export function tightRanges(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    if (isWide(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    let j = i;
    let last = i;
    while (j < text.length) {
      const c = text.codePointAt(j) as number;
      if (isWide(c)) break;
      last = j;
      j += c > 0xffff ? 2 : 1;
    }
    if (last > i) out.push(i, last);
    i = j;
  }
  return out;
}
