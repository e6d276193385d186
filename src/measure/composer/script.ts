// The script of each character as Chromium itemizes a line (ScriptRunIterator): a character of no
// script of its own (punctuation, digits, the em dash) takes the script before it, or the first one
// after it at the text's start. It matters for shaping: Noto CJK sets —— as one 2-em glyph under
// Hani only, digits differ under Latn. Each code point's own script is looked up once.

export const ZYYY = 0;
export const HANI = 1;
export const LATN = 2;
export const HANG = 3;
export const KANA = 4;
const SCRIPT_TAGS = ["Zyyy", "Hani", "Latn", "Hang", "Kana", "Cyrl", "Grek"] as const;

const STRONG: [RegExp, number][] = [
  [/\p{Script=Han}/u, HANI],
  [/\p{Script=Latin}/u, LATN],
  [/\p{Script=Hangul}/u, HANG],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, KANA],
  [/\p{Script=Cyrillic}/u, 5],
  [/\p{Script=Greek}/u, 6],
];

const UNKNOWN = 255;
/** Own script of each BMP code point, filled on first use. */
const bmp = new Uint8Array(0x10000).fill(UNKNOWN);
const astral = new Map<number, number>();

function lookUp(cp: number): number {
  const c = String.fromCodePoint(cp);
  for (const [re, id] of STRONG) if (re.test(c)) return id;
  return ZYYY;
}

/** The script a code point has of its own (ZYYY: none). */
export function ownScript(cp: number): number {
  if (cp < 0x10000) {
    let s = bmp[cp] as number;
    if (s === UNKNOWN) {
      s = cp < 0x41 ? ZYYY : lookUp(cp);
      bmp[cp] = s;
    }
    return s;
  }
  let s = astral.get(cp);
  if (s === undefined) {
    s = lookUp(cp);
    astral.set(cp, s);
  }
  return s;
}

/** The ISO 15924 tag HarfBuzz takes for a script id. */
export function scriptTag(id: number): string {
  return SCRIPT_TAGS[id] ?? "Zyyy";
}

/** Script id of each code unit of `text` (a surrogate pair's two units alike). */
export function scriptRuns(text: string, out = new Uint8Array(text.length)): Uint8Array {
  let last = ZYYY;
  let firstStrong = ZYYY;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const s = ownScript(pair ? (text.codePointAt(i) as number) : code);
    if (s !== ZYYY) {
      last = s;
      if (firstStrong === ZYYY) firstStrong = s;
    }
    out[i] = s || last;
    if (pair) out[++i] = s || last;
  }
  // Neutral characters before the first strong one take its script.
  for (let i = 0; i < text.length && out[i] === ZYYY; i++) out[i] = firstStrong;
  return out;
}
