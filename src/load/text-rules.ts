import type { HouseStyle } from "../config/house-style";
import { LANGS, type Lang } from "../config/style-schema";
import { missingGlyphs } from "../fonts/coverage";
import { jsonPath } from "./errors";
import type { JsonProblem } from "./json-text";

// Rules for the characters of every string in the issue file, checked on the parsed JSON so that
// they hold even where the schema finds other faults:
//  - no control characters (C0, DEL, C1): they print as boxes. Tab and line breaks count: a
//    paragraph is one string, and a line break inside one would print as a space. Heads (kicker,
//    headline, subhead, in-body subhead) are the exception: there a line break ("\n", or "\r\n")
//    is the editor's forced break (标题转行), printed as one, between two lines that have text;
//  - no bidirectional controls: an override silently reverses the printed text; no other
//    invisible format characters but those line breaking uses (soft hyphen, zero-width space,
//    joiners, word joiner): tag characters and the like would hide text;
//  - no U+FFFD: the text was damaged by a wrong encoding before it reached the file;
//  - well-formed UTF-16 (a lone surrogate from a "\ud800" escape is not a character);
//  - printed fields have visible text and only characters the house style's fonts have (those of
//    the article's language, if it names one).

type Path = (string | number)[];

// Printed fields by path, `#` standing for any index.
const ARTICLE_FIELDS = [
  "kicker",
  "headline",
  "subhead",
  "label",
  "dateline",
  "byline",
  "body.#",
  "body.#.subhead",
  "body.#.text",
  "images.#.caption",
  "images.#.credit",
];
// Articles on pages, in the story pool and among the fillers are printed alike.
const PRINTED = [
  "paper.name",
  "paper.serial",
  "paper.publisher",
  "pages.#.section",
  "pages.#.editor",
  "pages.#.designer",
  "pages.#.proofreader",
  ...["pages.#.articles.#", "articles.#", "fillers.#"].flatMap((at) => ARTICLE_FIELDS.map((f) => `${at}.${f}`)),
];
const PRINTED_SET = new Set(PRINTED);
// Heads, where a line break is the editor's forced break.
const HEAD_FIELDS = ["kicker", "headline", "subhead", "body.#.subhead"];
const HEADS = new Set(
  ["pages.#.articles.#", "articles.#", "fillers.#"].flatMap((at) => HEAD_FIELDS.map((f) => `${at}.${f}`)),
);

const pattern = (path: Path) => path.map((k) => (typeof k === "number" ? "#" : k)).join(".");

export function isPrinted(path: Path): boolean {
  return PRINTED_SET.has(pattern(path));
}

/** A head field: its line breaks are forced breaks. */
export function isHead(path: Path): boolean {
  return HEADS.has(pattern(path));
}

const LONE_SURROGATE = /\p{Cs}/u;
const FORMAT = /\p{Cf}/u;
const LINE_BREAKING = new Set(["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060"]);
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// Draw nothing: spaces, format characters (zero-width space, word joiner), variation selectors.
const INVISIBLE = /^[\p{White_Space}\p{Cf}\p{Variation_Selector}]*$/u;

const NAMES: Record<string, string> = {
  "\u0000": "NUL",
  "\t": "tab",
  "\n": "line break",
  "\r": "carriage return",
  "\u001b": "escape",
  "\u061c": "Arabic letter mark",
  "\u200e": "left-to-right mark",
  "\u200f": "right-to-left mark",
  "\u2028": "line separator",
  "\u2029": "paragraph separator",
  "\u202a": "left-to-right embedding",
  "\u202b": "right-to-left embedding",
  "\u202c": "pop directional formatting",
  "\u202d": "left-to-right override",
  "\u202e": "right-to-left override",
  "\u2066": "left-to-right isolate",
  "\u2067": "right-to-left isolate",
  "\u2068": "first strong isolate",
  "\u2069": "pop directional isolate",
  "\ufffd": "replacement character",
};

export function codePoint(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = NAMES[char];
  return name ? `${hex} (${name})` : hex;
}

function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029;
}

const isBreak = (char: string) => char === "\n" || char === "\r" || char === "\u2028" || char === "\u2029";

/** Every string of the parsed file, with its path. */
function* strings(value: unknown, path: Path = []): Generator<[string, Path]> {
  if (typeof value === "string") yield [value, path];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** The fonts a printed field at `path` is set in: its article's language, else the issue's. */
function fontsAt(raw: unknown, path: Path, style: HouseStyle | undefined): { sources?: string[]; names: string } {
  if (!style) return { names: "Noto Serif SC, Noto Sans SC" };
  let lang: Lang = style.lang;
  if (path[0] === "pages" && path[2] === "articles") {
    const article = (raw as { pages?: { articles?: { lang?: unknown }[] }[] }).pages?.[path[1] as number]?.articles?.[
      path[3] as number
    ];
    if (LANGS.includes(article?.lang as Lang)) lang = article?.lang as Lang;
  }
  const fonts = style.langs[lang].fonts;
  const names = [...new Set(Object.values(fonts).map((f) => f.face.family))].join(", ");
  return { sources: style.langs[lang].coverage, names };
}

/** Reads "\r\n" in heads as "\n", in place in the parsed file, before any check. */
export function normaliseHeadBreaks(raw: unknown): void {
  for (const [text, path] of strings(raw)) {
    if (!isHead(path) || !text.includes("\r\n")) continue;
    const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], raw);
    (parent as Record<string | number, unknown>)[path.at(-1) as string | number] = text.replaceAll("\r\n", "\n");
  }
}

export function textProblems(raw: unknown, style?: HouseStyle): JsonProblem[] {
  return [...strings(raw)].flatMap(([text, path]) =>
    stringProblems(text, path, isPrinted(path) ? { fonts: fontsAt(raw, path, style), visible: true } : undefined),
  );
}

/**
 * The house style's words (folio, labels, "continued" lines, dates…) as every printed field of the
 * issue: no control, bidirectional or hidden format characters, and glyphs in the fonts of their
 * language (`words` in its own, `langs.<lang>.words` in that one's). A word may be blank ("" for no
 * subhead lead, an ideographic space after the dateline); the PDF's title words need no glyphs.
 */
export function styleWordProblems(styleFile: unknown, style: HouseStyle): JsonProblem[] {
  const fontsOf = (lang: Lang) => ({
    sources: style.langs[lang].coverage,
    names: [...new Set(Object.values(style.langs[lang].fonts).map((f) => f.face.family))].join(", "),
  });
  const file = (styleFile ?? {}) as { words?: unknown; langs?: Record<string, { words?: unknown } | undefined> };
  const words: [unknown, Path, Lang][] = [
    [file.words, ["words"], style.lang],
    ...LANGS.map((lang): [unknown, Path, Lang] => [file.langs?.[lang]?.words, ["langs", lang, "words"], lang]),
  ];
  return words.flatMap(([value, at, lang]) =>
    [...strings(value, at)].flatMap(([text, path]) => {
      const inTitle = String(path[at.length]).startsWith("title");
      return stringProblems(text, path, inTitle ? undefined : { fonts: fontsOf(lang), visible: false });
    }),
  );
}

/** What is wrong with one string of a file; `printed`: it is set in `fonts`, and must show (`visible`). */
function stringProblems(
  text: string,
  path: Path,
  printed: { fonts: { sources?: string[]; names: string }; visible: boolean } | undefined,
): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const at = jsonPath(path);
  const add = (expected: string, found: string) => problems.push({ path: at, expected, found });
  const head = isHead(path);
  // In a head "\n" is a forced break ("\r\n" was read as one: normaliseHeadBreaks); a lone "\r" is not.
  const controls = findChars(text, (c) => isControl(c.codePointAt(0) ?? 0) && !(head && c === "\n"));
  if (controls.length) {
    const breaks = controls.some((c) => isBreak(c.char));
    const paragraph = breaks && path.at(-2) === "body";
    const hint = paragraph
      ? "; make each paragraph its own string in body"
      : !breaks
        ? ""
        : head
          ? '; write a forced break (标题转行) as "\\n"'
          : "; a line break is a forced break in heads only (kicker, headline, subhead, in-body subhead)";
    add(
      paragraph ? "one paragraph per string, without line breaks" : "text without control characters",
      `${listed(controls)}${hint}`,
    );
  }
  if (head) {
    const misplaced = misplacedBreak(text);
    if (misplaced) add("a line break (标题转行) only between two lines of the head that have text", misplaced);
  }
  const bidi = findChars(text, (c) => BIDI.test(c));
  if (bidi.length) add("text without bidirectional control characters", listed(bidi));
  const hidden = findChars(text, (c) => FORMAT.test(c) && !BIDI.test(c) && !LINE_BREAKING.has(c));
  if (hidden.length) add("text without invisible format characters", listed(hidden));
  const damaged = findChars(text, (c) => c === "\ufffd");
  if (damaged.length) add("text without U+FFFD, which stands for characters lost to a wrong encoding", listed(damaged));
  const wellFormed = !LONE_SURROGATE.test(text);
  if (!wellFormed) add("well-formed Unicode text", "an unpaired surrogate (a broken \\uD8xx escape)");
  if (!printed) return problems;
  if (INVISIBLE.test(text)) {
    if (printed.visible)
      add(
        "visible text (or leave the field out)",
        text === "" ? "an empty string" : `nothing visible ${describe(text)}`,
      );
    return problems;
  }
  const missing = wellFormed ? missingGlyphs(text, printed.fonts.sources) : [];
  if (missing.length) {
    add(
      `characters the bundled fonts (${printed.fonts.names}) have`,
      `no glyph for ${missing.map((c) => `${c} (${codePoint(c)})`).join(", ")}`,
    );
  }
  return problems;
}

interface Found {
  char: string;
  /** 1-based, in characters. */
  at: number;
}

function findChars(text: string, test: (char: string) => boolean): Found[] {
  const found: Found[] = [];
  let at = 0;
  for (const char of text) {
    at++;
    if (test(char)) found.push({ char, at });
  }
  return found;
}

/** What is wrong with where a head's line breaks stand, if anything: a head may not start or end
 *  with one, nor hold an empty line (two in a row, or only spaces between them). */
function misplacedBreak(text: string): string | undefined {
  const lines = text.split("\n");
  if (lines.length < 2 || INVISIBLE.test(text)) return undefined;
  const empty = (line: string | undefined) => INVISIBLE.test(line ?? "");
  if (empty(lines[0])) return "a line break at the start";
  if (empty(lines.at(-1))) return "a line break at the end";
  const blank = lines.findIndex(empty);
  if (blank > 0) return `an empty line (two line breaks in a row) after line ${blank}`;
  return undefined;
}

function listed(found: Found[]): string {
  const first = found.slice(0, 3).map((f) => `${codePoint(f.char)} at character ${f.at}`);
  return found.length > 3 ? `${first.join(", ")} and ${found.length - 3} more` : first.join(", ");
}

function describe(text: string): string {
  return `(${[...new Set(text)].map(codePoint).join(", ")})`;
}
