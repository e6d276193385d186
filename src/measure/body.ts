import type { HouseStyle, LangStyle } from "../config/house-style";
import { type Diagnostic, warning } from "../diagnostics";
import { spanWidth } from "../grid";
import type { PageFormat } from "../load";
import type { Paragraph } from "../typeset/content";
import type { ComposedLine } from "../typeset/printed-lines";
import { composeParagraph } from "./composer/compose";
import { BODY_FEATURES, roleFaces, SPACED_FEATURES, shapeFont } from "./composer/fonts";
import { bodyOptions } from "./composer/house";
import type { ComposeRun } from "./composer/prepare";
import type { ShapeFont } from "./composer/shape";
import type { ComposeOptions, Problem } from "./composer/types";

// An article's body set by the composer in Node at the column width: every line decided here, so
// the make-up counts them and the render stage prints them as they are (one line box each). The
// fonts, sizes and alignment are those article.css gives .np-p, .np-p--subhead, .np-p--credit and
// .np-dateline; the composer's problems become warnings that name the article.

const PX_PER_PT = 4 / 3;

/** The composer's run tags of the model's run styles; src/typeset/fragments.ts maps them to classes. */
const RUN_TAGS = { plain: 0, dateline: 1 } as const;

export interface ComposedBody {
  /** Per paragraph, its lines. */
  lines: ComposedLine[][];
  warnings: Diagnostic[];
}

interface BodyFonts {
  body: ShapeFont;
  label: ShapeFont;
}

const fontsByLang = new Map<string, BodyFonts>();

function bodyFonts(lang: LangStyle, sizePx: number): BodyFonts {
  const key = `${lang.lang}:${sizePx}:${lang.fonts.body.face.family}:${lang.fonts.label.face.family}`;
  let found = fontsByLang.get(key);
  if (!found) {
    // Chromium sets Latin with ligatures; CJK lines are spaced by letter-spacing, which turns them off.
    const features = lang.latin ? BODY_FEATURES : SPACED_FEATURES;
    const font = (role: "body" | "label") => shapeFont(roleFaces(lang.fonts[role], lang.fonts), sizePx, features);
    found = { body: font("body"), label: font("label") };
    fontsByLang.set(key, found);
  }
  return found;
}

export function composeBody(
  articleId: string,
  paragraphs: Paragraph[],
  lang: LangStyle,
  style: Pick<HouseStyle, "maxWordSpace" | "text">,
  f: PageFormat,
): ComposedBody {
  const sizePx = f.bodySize * PX_PER_PT;
  const fonts = bodyFonts(lang, sizePx);
  const base = { width: spanWidth(f, 1) * PX_PER_PT, lang: lang.lang };
  const text: ComposeOptions = { ...base, ...bodyOptions(style, lang.latin), indent: lang.indent * sizePx };
  const centred: ComposeOptions = { ...base, align: "center", hyphenate: false };
  const right: ComposeOptions = { ...base, align: "right", hyphenate: false };
  const problems: { paragraph: number; problem: Problem }[] = [];
  const lines = paragraphs.map((p, index) => {
    const runs: ComposeRun[] = p.runs.map((r) => ({
      text: r.text,
      font: p.kind === "subhead" || r.style === "dateline" ? fonts.label : fonts.body,
      style: RUN_TAGS[r.style],
    }));
    const options = p.kind === "subhead" ? centred : p.kind === "credit" ? right : text;
    const composed = composeParagraph(runs, options);
    for (const problem of composed.problems) problems.push({ paragraph: index, problem });
    return composed.lines;
  });
  return { lines, warnings: problemWarnings(articleId, problems, style.maxWordSpace) };
}

/** One warning per kind of problem of an article, with its count and the first place. */
function problemWarnings(
  articleId: string,
  problems: { paragraph: number; problem: Problem }[],
  maxWordSpace: number,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const of = <K extends Problem["kind"]>(kind: K) =>
    problems.flatMap((x) =>
      x.problem.kind === kind ? [{ ...x, problem: x.problem as Extract<Problem, { kind: K }> }] : [],
    );
  const at = { articleId };
  const missing = of("missing-glyph");
  if (missing.length > 0) {
    const chars = [
      ...new Set(missing.map((m) => `${m.problem.char} (U+${m.problem.codePoint.toString(16).toUpperCase()})`)),
    ];
    out.push(
      warning(
        `article ${articleId}: no font of the style has ${chars.join(", ")}: its lines may print wider than set`,
        {
          ...at,
          code: "missing-glyph",
          hint: "a font that has the character, or another character",
        },
      ),
    );
  }
  const overfull = of("overfull");
  if (overfull.length > 0) {
    const first = overfull[0] as (typeof overfull)[number];
    out.push(
      warning(
        `article ${articleId}: ${overfull.length} line(s) wider than the column (paragraph ${first.paragraph + 1} by ${(first.problem.byPx * 0.75).toFixed(1)} pt)`,
        { ...at, code: "overfull-line", hint: "a break the text allows (a space, a hyphen) in the long word" },
      ),
    );
  }
  const loose = of("loose");
  if (loose.length > 0)
    out.push(
      warning(
        `article ${articleId}: ${loose.length} justified line(s) with word spaces wider than ${maxWordSpace}× the face's own`,
        { ...at, code: "loose-lines" },
      ),
    );
  for (const { problem } of of("unsupported-font"))
    out.push(
      warning(`article ${articleId}: the font ${problem.file} cannot be read: ${problem.reason}`, {
        ...at,
        code: "unsupported-font",
      }),
    );
  return out;
}
