import { resolve } from "node:path";
import { type Face, FaceError, fontsourceFace, genericOf, openFontFile } from "../fonts/faces";
import { STYLE_DEFAULTS } from "./defaults";
import { LANG_DEFAULTS, type LangDefaults } from "./langs";
import {
  FONT_ROLES,
  type FontRole,
  type FontSpec,
  LANGS,
  type Lang,
  type RuleKindName,
  type StyleFile,
  type WordsData,
} from "./style-schema";

// A paper's house style, resolved once from its style file and the defaults of its language (as
// Vite's resolveConfig does): every later stage reads this one typed object, nothing else.

export interface RoleFont {
  face: Face;
  /** The CSS font-family value: this face, the language's other faces, a generic family. */
  stack: string;
}

/** Fonts and words of one language of the issue. */
export interface LangStyle {
  lang: Lang;
  htmlLang: string;
  latin: boolean;
  indent: number;
  fonts: Record<FontRole, RoleFont>;
  words: Required<WordsData>;
  lunarChars: Record<string, string>;
  /** Fonts whose coverage every printed character of this language needs (coverage.ts sources). */
  coverage: string[];
}

export interface HouseStyle {
  /** The language. */
  lang: Lang;
  langs: Record<Lang, LangStyle>;
  sizes: {
    -readonly [K in keyof typeof STYLE_DEFAULTS.sizes]: (typeof STYLE_DEFAULTS.sizes)[K] extends readonly number[]
      ? number[]
      : number;
  };
  colors: Record<keyof typeof STYLE_DEFAULTS.colors, string>;
  maxWordSpace: number;
  /** How Latin body lines are set: docs/composer.md. */
  text: TextSetting;
  masthead: { logo?: string; minScale: number };
  /** The make-up's editorial rules; `minPhotoPpi` absent: the build's minimum photo resolution. */
  makeup: {
    jumpMinLines: number;
    jumpMinLinesPerColumn: number;
    minLegLines: number;
    maxHeadLines: number;
    minPhotoPpi?: number;
    maxEmptyShare: number;
    strict: RuleKindName[];
  };
  /** The style file, when the paper has one. */
  file?: string;
}

export interface TextSetting {
  align: "justify" | "ragged";
  wordSpace: { min: number; max: number };
  tracking: { min: number; max: number; step: number };
  maxHyphens: number;
  autospace: number;
}

/** A problem of the style file: JSON path inside it, what was expected, what was found. */
export interface StyleProblem {
  path: string;
  expected: string;
  found: string;
}

export class StyleResolveError extends Error {
  override name = "StyleResolveError";
  constructor(readonly problems: StyleProblem[]) {
    super(problems.map((p) => `${p.path}: expected ${p.expected}, found ${p.found}`).join("\n"));
  }
}

export interface StyleSource {
  /** The language. */
  lang: Lang;
  /** The parsed style file and where it is; absent: the defaults alone. */
  style?: StyleFile;
  file?: string;
  dir?: string;
}

/** The house style of an issue, or a StyleResolveError listing every problem of its style file. */
export function resolveStyle(source: StyleSource): HouseStyle {
  const style = source.style;
  const dir = source.dir ?? ".";
  const problems: StyleProblem[] = [];
  const faces = (style?.faces ?? []).map((f, i) => ({ ...f, file: resolve(dir, f.src), at: `faces[${i}]` }));
  for (const face of faces) {
    try {
      openFontFile(face.file);
    } catch (err) {
      if (!(err instanceof FaceError) && (err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      const found = err instanceof FaceError ? `${face.src}: ${err.message}` : `${face.src}: no such file`;
      problems.push({ path: `${face.at}.src`, expected: "a TrueType or OpenType font file", found });
    }
  }
  const faceFor = (spec: Required<FontSpec>, at: string): Face | undefined => {
    const own = faces.find((f) => f.family === spec.family && f.weight === spec.weight);
    if (own)
      return { kind: "file", family: own.family, weight: own.weight, file: own.file, generic: genericOf(own.family) };
    const sameFamily = faces.filter((f) => f.family === spec.family);
    if (sameFamily.length > 0) {
      problems.push({
        path: `${at}.weight`,
        expected: `a weight of "${spec.family}" in faces (${sameFamily.map((f) => f.weight).join(", ")})`,
        found: String(spec.weight),
      });
      return undefined;
    }
    try {
      return fontsourceFace(spec.family, spec.weight);
    } catch (err) {
      if (!(err instanceof FaceError)) throw err;
      problems.push({
        path: at,
        expected: "an installed @fontsource family or a face of the style",
        found: err.message,
      });
      return undefined;
    }
  };

  const langStyle = (lang: Lang): LangStyle => {
    const defaults: LangDefaults = LANG_DEFAULTS[lang];
    const own = lang === source.lang ? { fonts: style?.fonts, words: style?.words } : {};
    const extra = style?.langs?.[lang];
    const fonts = {} as Record<FontRole, Face | undefined>;
    for (const role of FONT_ROLES) {
      const spec = { ...defaults.fonts[role], ...extra?.fonts?.[role], ...own.fonts?.[role] };
      const at = extra?.fonts?.[role] && !own.fonts?.[role] ? `langs.${lang}.fonts.${role}` : `fonts.${role}`;
      fonts[role] = faceFor(spec, at);
    }
    const families = [...new Set(FONT_ROLES.flatMap((r) => fonts[r]?.family ?? []))];
    const roleFonts = {} as Record<FontRole, RoleFont>;
    for (const role of FONT_ROLES) {
      const face = fonts[role];
      if (!face) continue;
      const stack = [face.family, ...families.filter((f) => f !== face.family)].map(cssString);
      roleFonts[role] = { face, stack: [...stack, face.generic].join(", ") };
    }
    const coverage = [...new Set(FONT_ROLES.flatMap((r) => (fonts[r] ? [coverageSource(fonts[r] as Face)] : [])))];
    return {
      lang,
      htmlLang: defaults.htmlLang,
      latin: defaults.latin,
      indent: lang === source.lang ? (style?.text?.indent ?? defaults.indent) : defaults.indent,
      fonts: roleFonts,
      words: { ...defaults.words, ...stripUndefined(extra?.words), ...stripUndefined(own.words) },
      lunarChars: defaults.lunarChars ?? {},
      coverage,
    };
  };
  const langs = Object.fromEntries(LANGS.map((l) => [l, langStyle(l)])) as Record<Lang, LangStyle>;

  let logo: string | undefined;
  if (style?.masthead?.logo) logo = resolve(dir, style.masthead.logo);
  if (problems.length > 0) throw new StyleResolveError(problems);
  const d = STYLE_DEFAULTS;
  return {
    lang: source.lang,
    langs,
    sizes: {
      ...d.sizes,
      headlineBySpan: [...d.sizes.headlineBySpan],
      ...stripUndefined(style?.sizes),
    },
    colors: { ...d.colors, ...stripUndefined(style?.colors) },
    maxWordSpace: style?.text?.maxWordSpace ?? d.maxWordSpace,
    text: {
      align: style?.text?.align ?? d.text.align,
      wordSpace: { ...d.text.wordSpace, ...stripUndefined(style?.text?.wordSpace) },
      tracking: { ...d.text.tracking, ...stripUndefined(style?.text?.tracking) },
      maxHyphens: style?.text?.maxHyphens ?? d.text.maxHyphens,
      autospace: style?.text?.autospace ?? d.text.autospace,
    },
    masthead: { ...(logo ? { logo } : {}), minScale: style?.masthead?.minScale ?? d.mastheadMinScale },
    makeup: {
      ...d.makeup,
      strict: [...(d.makeup.strict as RuleKindName[])],
      ...stripUndefined(style?.makeup),
    },
    ...(source.file ? { file: source.file } : {}),
  };
}

/** The style of the issue's own language. */
export function paperStyle(house: HouseStyle): LangStyle {
  return house.langs[house.lang];
}

function coverageSource(face: Face): string {
  return face.kind === "file" ? face.file : face.id;
}

function stripUndefined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** `text` as a CSS string: quoted, and every character but letters, digits, space and . , - _ ' &
 *  written as a CSS escape, so no value of a style file ends the string or the rule it is in. */
export function cssString(text: string): string {
  const escaped = [...text]
    .map((c) => (/^[\p{L}\p{N} .,_'&+/:%~-]$/u.test(c) ? c : `\\${(c.codePointAt(0) ?? 0).toString(16)} `))
    .join("");
  return `"${escaped}"`;
}
