// Reporters type Chinese punctuation half width (Word, a Latin keyboard layout): , ( ) ; : ? ! then
// print as narrow Latin marks with gaps beside CJK characters. Import replaces them; the build warns
// about any left, naming the article, and check-type counts them in a finished PDF — all three by
// this one rule. In Chinese text they are full width
// (clreq §3.1, GB/T 15834): ，（）；：？！. A mark is Chinese when it touches a CJK character (or
// full-width punctuation) on either side; a pair of brackets when what it encloses or what stands
// around it is. Latin and number contexts keep their marks: 3:30, 3,500, (a), URLs, English text.

/** Each half-width mark and its full-width form. */
export const FULL_WIDTH: Readonly<Record<string, string>> = {
  ",": "，",
  "(": "（",
  ")": "）",
  ";": "；",
  ":": "：",
  "?": "？",
  "!": "！",
};

const TRAILING = new Set([",", ";", ":", "?", "!"]);

/** Han, kana, hangul, bopomofo, CJK punctuation and full-width forms: the context of a Chinese mark.
 *  Curly quotes and dashes are shared with Latin text and decide nothing. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;

/** Web and mail addresses keep every mark they hold (the trailing ones belong to the sentence). */
const ADDRESS = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[!-~]*[\w/#=&%~+-]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

const isCjk = (c: string | undefined): boolean => c !== undefined && CJK.test(c);

export interface PunctuationResult {
  text: string;
  /** How many marks were made full width. */
  changed: number;
}

/** The text with its Chinese half-width marks made full width, and how many there were. */
export function fullWidthPunctuation(text: string): PunctuationResult {
  if (!/[,();:?!]/.test(text)) return { text, changed: 0 };
  const chars = [...text];
  const kept = addressCharacters(text, chars.length);
  const convert = new Set<number>();

  // Brackets first, by pairs: a pair is Chinese when it encloses CJK or stands beside it.
  const open: number[] = [];
  const pairs = new Map<number, number>();
  chars.forEach((c, i) => {
    if (kept.has(i)) return;
    if (c === "(") open.push(i);
    else if (c === ")") {
      const o = open.pop();
      if (o !== undefined) pairs.set(o, i);
      else if (isCjk(chars[i - 1]) || isCjk(chars[i + 1])) convert.add(i);
    }
  });
  for (const o of open) if (isCjk(chars[o - 1]) || isCjk(chars[o + 1])) convert.add(o);
  for (const [o, c] of pairs) {
    const inner = chars.slice(o + 1, c).some(isCjk);
    if (inner || isCjk(chars[o - 1]) || isCjk(chars[c + 1])) convert.add(o).add(c);
  }

  // Stops and pauses: after a CJK character (or a mark just made full width), or before one.
  const out = [...chars];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (convert.has(i)) {
      out[i] = FULL_WIDTH[c] ?? c;
      continue;
    }
    if (!TRAILING.has(c) || kept.has(i)) continue;
    let next = i + 1;
    while (next < chars.length && TRAILING.has(chars[next] as string)) next++;
    const before = out[i - 1];
    const after = convert.has(next) ? FULL_WIDTH[chars[next] as string] : chars[next];
    // 3:30 and 3,500 stay as they are even beside a CJK word.
    const numeric = /\d/.test(chars[i - 1] ?? "") && /\d/.test(chars[i + 1] ?? "");
    if (!numeric && (isCjk(before) || isCjk(after))) out[i] = FULL_WIDTH[c] ?? c;
  }
  const changed = out.reduce((n, c, i) => n + (c === chars[i] ? 0 : 1), 0);
  return { text: changed ? out.join("") : text, changed };
}

/** How many half-width marks in the text are Chinese punctuation (what fullWidthPunctuation changes). */
export function halfWidthMarks(text: string): number {
  return fullWidthPunctuation(text).changed;
}

/** Indexes (in code points) of characters inside web and mail addresses. */
function addressCharacters(text: string, length: number): Set<number> {
  const kept = new Set<number>();
  if (!/[:@]|www\./i.test(text)) return kept;
  // Code-point index of every UTF-16 offset where a match starts or ends.
  const indexAt: number[] = [];
  let cp = 0;
  for (let u = 0; u < text.length; u++) {
    indexAt[u] = cp;
    const code = text.charCodeAt(u);
    if (code < 0xd800 || code > 0xdbff) cp++;
  }
  indexAt[text.length] = length;
  for (const m of text.matchAll(ADDRESS)) {
    const start = indexAt[m.index] ?? 0;
    const end = indexAt[m.index + m[0].length] ?? length;
    for (let i = start; i < end; i++) kept.add(i);
  }
  return kept;
}

/** A half-width mark that is Chinese punctuation. */
export interface HalfWidthMark {
  /** UTF-16 offset of the mark in the text. */
  at: number;
  mark: string;
}

/** Every half-width mark fullWidthPunctuation would make full width, where it is. */
export function findHalfWidthPunctuation(text: string): HalfWidthMark[] {
  const { text: full, changed } = fullWidthPunctuation(text);
  if (changed === 0) return [];
  const found: HalfWidthMark[] = [];
  // Both texts have the same code points but for the marks, each one UTF-16 unit wide.
  for (let i = 0; i < text.length; i++) if (text[i] !== full[i]) found.push({ at: i, mark: text[i] as string });
  return found;
}

/** The text around a mark, for a message: a few characters either side. */
export function snippetAround(text: string, at: number, reach = 4): string {
  const before = [...text.slice(0, at)].slice(-reach).join("");
  const after = [...text.slice(at + 1)].slice(0, reach).join("");
  return `${before}${text[at]}${after}`;
}
