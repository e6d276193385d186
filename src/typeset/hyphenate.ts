import enUs from "hyphen/en-us/index.js";
import type { LangStyle } from "../config/house-style";

// Hyphenation of Latin text by Liang's patterns (the hyphen package; Chromium offline has no
// hyphenation dictionaries, so `hyphens: auto` breaks nothing). Soft hyphens go into the text of the
// typesetting model before it is measured: the line Chromium breaks at one in the measuring page is
// the line printed.

export const SOFT_HYPHEN = "\u00ad";
/** Letters kept together at a word's start and end (TeX's lefthyphenmin and righthyphenmin). */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;

const WORD = /[\p{L}\u00ad]+/gu;

/** The hyphenation of a language, or undefined when it is not set with hyphens (CJK). */
export function hyphenator(lang: LangStyle): ((text: string) => string) | undefined {
  if (!lang.latin) return undefined;
  return (text) =>
    keepMinimums(enUs.hyphenateSync(text, { hyphenChar: SOFT_HYPHEN, minWordLength: LEFT_MIN + RIGHT_MIN }));
}

/** Drops the soft hyphens that would leave fewer than LEFT_MIN or RIGHT_MIN letters on a side. */
function keepMinimums(text: string): string {
  return text.replace(WORD, (word) => {
    const letters = word.replaceAll(SOFT_HYPHEN, "").length;
    let seen = 0;
    let out = "";
    for (const c of word) {
      if (c === SOFT_HYPHEN) {
        if (seen >= LEFT_MIN && letters - seen >= RIGHT_MIN) out += c;
        continue;
      }
      seen++;
      out += c;
    }
    return out;
  });
}
