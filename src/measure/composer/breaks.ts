import { LineBreaker } from "linebreak";
import { NO_END, NO_START } from "../../typography/linebreak";
import { Scratch } from "./scratch";

// Where a line may end: UAX #14 (the linebreak package) tailored by newsprint's rules. Kinsoku
// (clreq, the sets of src/typography/linebreak.ts): no NO_START mark at a line start, no NO_END mark
// at a line end; no break before an em dash in any language. UAX #14 of the package (Unicode 13)
// never breaks beside a quotation mark (LB19); Chinese breaks before “ and after ” like before （
// and after ）, as later Unicode does between East Asian characters (LB19a).

/** No break before this clean index. */
export const NONE = 0;
/** A break may come before it. */
export const ALLOWED = 1;
/** A soft hyphen stood before it: a hyphenation point. */
export const HYPHEN = 2;
/** The text breaks here (a newline: the editor's break in a head). */
export const FORCED = 3;

const QUOTES_AS_BRACKETS: Record<string, string> = { "“": "（", "‘": "（", "”": "）", "’": "）" };

const codeScratch = new Scratch((n) => new Uint8Array(n));
const cleanAtScratch = new Scratch((n) => new Int32Array(n));

/** The kinsoku sets by code unit (all their marks are in the BMP): 1 no start, 2 no end. */
const KINSOKU = new Uint8Array(0x10000);
for (const c of NO_START) KINSOKU[c.charCodeAt(0)] = (KINSOKU[c.charCodeAt(0)] as number) | 1;
for (const c of NO_END) KINSOKU[c.charCodeAt(0)] = (KINSOKU[c.charCodeAt(0)] as number) | 2;

export function isCjkLang(lang: string): boolean {
  return /^(zh|ja|ko)\b/i.test(lang);
}

/**
 * Break codes for each position of the clean text (0..length): `orig` is the text with joiners, soft
 * hyphens and newlines; `origAt[c]` the index in `orig` of clean character c.
 */
export function breakCodes(orig: string, clean: string, origAt: Int32Array, lang: string): Uint8Array {
  const codes = codeScratch.take(clean.length + 1);
  const cjk = isCjkLang(lang);
  const text = cjk ? orig.replace(/[“‘”’]/g, (q) => QUOTES_AS_BRACKETS[q] ?? q) : orig;
  // Clean index of each original position (the first clean character at or after it).
  const cleanAt = cleanAtScratch.take(orig.length + 1);
  let next = clean.length;
  for (let i = orig.length; i >= 0; i--) {
    if (next > 0 && origAt[next - 1] === i) next--;
    cleanAt[i] = next;
  }
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const p = bk.position;
    if (p <= 0 || p >= orig.length) continue;
    const c = cleanAt[p] as number;
    if (c <= 0 || c >= clean.length) continue;
    const before = orig[p - 1];
    const code = bk.required ? FORCED : before === "\u00ad" ? HYPHEN : ALLOWED;
    if (code === FORCED || allowedByKinsoku(clean, c)) codes[c] = Math.max(codes[c] as number, code);
  }
  return codes;
}

function allowedByKinsoku(clean: string, c: number): boolean {
  if ((KINSOKU[clean.charCodeAt(c)] as number) & 1) return false;
  let j = c - 1;
  while (j > 0 && (clean.charCodeAt(j) === 0x20 || clean.charCodeAt(j) === 0x3000)) j--;
  return ((KINSOKU[clean.charCodeAt(j)] as number) & 2) === 0;
}
