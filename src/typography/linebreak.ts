// Chinese line-breaking rules (W3C clreq, GB/T 15834) and the word joiners that make Chromium keep them.
//
// Chromium's `line-break: strict` already keeps the full-width stops, commas, closing brackets and quotes
// off a line start and the opening ones off a line end, and never splits …… or ——. Measured in
// Chromium 156 (tests/e2e/typography-linebreak.test.ts), it still breaks:
// - before the middle dot · (U+00B7) and the horizontal bar ― (U+2015) after a CJK character,
// - before the em dash — (U+2014) after almost anything, so —— can start a line,
// - at any space, so a space before ， or after “ puts the mark at a line start or end,
// - after a zero-width space before ” and ’.
// protectBreaks inserts U+2060 WORD JOINER at exactly those places and nowhere else.

export const WORD_JOINER = "\u2060";

/** Characters that must not start a line: stops, pauses, closing brackets and quotes, middle dots, ellipses, dashes. */
export const NO_START: ReadonlySet<string> = new Set([
  ..."、，。．？！：；",
  ..."》」』”’）】〕〉〗］｝",
  ..."·・‧",
  ..."…⋯",
  ..."—―",
  ...",.;:?!)]}",
]);

/** Characters that must not end a line: opening brackets and quotes. */
export const NO_END: ReadonlySet<string> = new Set([..."（《「『“‘【〔〈〖［｛", ..."([{"]);

// Marks Chromium may put at a line start although they are in NO_START (see the list above).
const DOTS_AND_BARS = new Set(["·", "―"]);
const EM_DASH = "—";
const NO_BREAK_SPACE = "\u00a0";
const IDEOGRAPHIC_SPACE = "\u3000";
const ZERO_WIDTH_SPACE = "\u200b";
// Chromium never breaks after these (UAX #14 classes WJ and GL).
const NO_BREAK_AFTER = new Set([WORD_JOINER, NO_BREAK_SPACE, "\u202f", "\ufeff"]);
// Chromium breaks after these whatever follows; a word joiner does not stop it after an ASCII space.
const BREAKING_SPACE = /[ \t\n\r\f\u200b\u3000]/;
const ASCII_SPACE = /[ \t\n\r\f]/;
// After a Latin letter or a digit Chromium treats · and ― as part of the word (UAX #14 AL × AL).
const LATIN_WORD = /[A-Za-z0-9]/;

/**
 * Inserts U+2060 where Chromium would otherwise break against the rules. A space run next to a mark
 * that must not sit at the break (“ 中, 中 ，) cannot be held by a joiner: its ASCII spaces become one
 * no-break space (what HTML would show anyway), a zero-width space becomes the joiner. Idempotent.
 */
export function protectBreaks(text: string): string {
  const chars = [...text];
  let out = "";
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    if (BREAKING_SPACE.test(c)) {
      let j = i;
      while (j < chars.length && BREAKING_SPACE.test(chars[j] as string)) j++;
      const run = chars.slice(i, j);
      const glue = NO_START.has(chars[j] ?? "") || NO_END.has(chars[i - 1] ?? "");
      out += glue ? gluedSpaces(run, chars[j]) : run.join("");
      i = j;
      continue;
    }
    // What precedes in the output: a glued space run may have become a no-break space there.
    const prev = i > 0 ? [...out.slice(-2)].at(-1) : undefined;
    if (!NO_BREAK_AFTER.has(prev ?? "") && needsJoinerBefore(c, prev)) out += WORD_JOINER;
    out += c;
    i++;
  }
  return out;
}

function needsJoinerBefore(c: string, prev: string | undefined): boolean {
  // A text fragment that starts with a dot or dash may follow inline markup, where Chromium breaks too.
  if (prev === undefined) return DOTS_AND_BARS.has(c) || c === EM_DASH;
  if (BREAKING_SPACE.test(prev)) return false; // the space run was handled as a whole
  if (c === EM_DASH) return prev !== EM_DASH;
  if (DOTS_AND_BARS.has(c)) return prev !== c && !LATIN_WORD.test(prev);
  return false;
}

function gluedSpaces(run: string[], next: string | undefined): string {
  let out = "";
  for (const c of run) {
    if (ASCII_SPACE.test(c)) {
      if (!out.endsWith(NO_BREAK_SPACE)) out += NO_BREAK_SPACE;
    } else if (c === ZERO_WIDTH_SPACE) {
      if (!out.endsWith(WORD_JOINER)) out += WORD_JOINER;
    } else if (c === IDEOGRAPHIC_SPACE) {
      out += c + WORD_JOINER;
    }
  }
  // A joiner already in the text after the run does the job of ours.
  return next === WORD_JOINER && out.endsWith(WORD_JOINER) ? out.slice(0, -1) : out;
}

/** The text with every word joiner removed: for comparing or measuring protected text. */
export function unprotect(text: string): string {
  return text.replaceAll(WORD_JOINER, "");
}
