// Half-width punctuation typed between Chinese characters: "东昌府区,今天" instead of "东昌府区，今天". A
// reporter's keyboard left in ASCII mode gives such marks; set among CJK text they are narrow and sit
// low, and GB/T 15834 wants the full-width forms. The build warns about them per article and
// check-type counts them in a finished PDF; import replaces them (FULL_WIDTH) before they get that far.

/** The half-width marks looked for, with the full-width form that replaces each. */
export const FULL_WIDTH: Readonly<Record<string, string>> = {
  ",": "，",
  "(": "（",
  ")": "）",
  ";": "；",
  ":": "：",
  "?": "？",
  "!": "！",
};

/** A half-width mark found between CJK characters. */
export interface HalfWidthMark {
  /** UTF-16 offset of the mark in the text. */
  at: number;
  mark: string;
}

// Han, kana, hangul and bopomofo, and the CJK and full-width punctuation (、。「」（）…) that
// stands among them; not the curly quotes, which Latin text shares.
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
// A reporter may type a space after the mark (or before it): still between CJK characters.
const SPACE = /[ \u00a0\u2060]/;

/**
 * Every half-width , ( ) ; : ? ! whose nearest neighbours on both sides, spaces aside, are CJK
 * characters: "区,今", "会议 (见第三版)", not "10:30", "GDP(国内生产总值)" nor "Hello, 世界".
 */
export function findHalfWidthPunctuation(text: string): HalfWidthMark[] {
  const found: HalfWidthMark[] = [];
  for (let i = 0; i < text.length; i++) {
    const mark = text[i] as string;
    if (!(mark in FULL_WIDTH)) continue;
    if (isCjk(neighbour(text, i, -1)) && isCjk(neighbour(text, i, 1))) found.push({ at: i, mark });
  }
  return found;
}

/** The nearest character before (-1) or after (1) offset `i` that is not a space. */
function neighbour(text: string, i: number, dir: -1 | 1): string | undefined {
  let j = i + dir;
  while (j >= 0 && j < text.length && SPACE.test(text[j] as string)) j += dir;
  if (j < 0 || j >= text.length) return undefined;
  const code = text.codePointAt(dir === -1 && j > 0 && /[\udc00-\udfff]/.test(text[j] as string) ? j - 1 : j);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/** The text around a mark, for a message: a few characters either side. */
export function snippetAround(text: string, at: number, reach = 4): string {
  const before = [...text.slice(0, at)].slice(-reach).join("");
  const after = [...text.slice(at + 1)].slice(0, reach).join("");
  return `${before}${text[at]}${after}`;
}
