import { isCjkLang } from "./breaks";
import { firstFit } from "./first-fit";
import { LIGATURES_OFF } from "./fonts";
import type { GapModel } from "./gap-model";
import { cjkItems, snap } from "./items-cjk";
import { latinItems } from "./items-latin";
import { type BreakParams, breakLines, INF } from "./knuth-plass";
import { linesOf } from "./lines";
import { type ComposeRun, type Prepared, prepare } from "./prepare";
import { type ShapeFont, shapeText } from "./shape";
import type { TrackingLimits } from "./tracking";
import type { ComposedParagraph, ComposeOptions, Problem } from "./types";
import { renderedSize } from "./units";

// composeParagraph: a paragraph's runs in, its lines out, every one decided here. Total-fit breaking
// in passes: first within the house style's word space, then up to the hard limit, then (reported)
// whatever fits least badly.

const TEX = { linePenalty: 10, flaggedDemerits: 10000, fitnessDemerits: 10000 } as const;

export function composeParagraph(runs: ComposeRun[], options: ComposeOptions): ComposedParagraph {
  return composeWidths(runs, options, [options.width])[0] as ComposedParagraph;
}

/**
 * One paragraph at several widths (a head or a caption at every span the make-up may give it):
 * shaped and its breaks found once, then set at each width. `options.width` is not read.
 */
export function composeWidths(
  runs: ComposeRun[],
  options: Omit<ComposeOptions, "width"> & { width?: number },
  widths: readonly number[],
): ComposedParagraph[] {
  const cjk = isCjkLang(options.lang);
  const align = options.align ?? "justify";
  const ragged = align !== "justify";
  const p = prepare(runs, options.lang, {
    hyphenate: options.hyphenate ?? (!cjk && !ragged),
    curly: options.curlyQuotes ?? !cjk,
  });
  const fonts = !cjk && !ragged && options.trackingRange ? p.fonts.map(withoutLigatures) : [];
  return widths.map((width) => setAt(p, { ...options, width }, fonts));
}

/** A prepared paragraph set at one width. `unligated`: its fonts without ligatures (tracking). */
function setAt(p: Prepared, options: ComposeOptions, unligated: ShapeFont[]): ComposedParagraph {
  const cjk = isCjkLang(options.lang);
  const align = options.align ?? "justify";
  const ragged = align !== "justify";
  const em = renderedSize(p.fonts[0]?.sizePx ?? 16);
  const indent = options.indent ?? 0;
  const tracking = options.tracking ?? 0;
  const hyphenWidth = hyphenMeasure(p.fonts, p.style, options.lang, tracking);
  const maxSpace = options.maxWordSpace ?? 2;
  const hardMax = options.hardMaxWordSpace ?? 3;
  const raggedStretch = ragged ? Math.max(3 * em, options.width / 2) : 0;
  const autospace = cjk ? snap((options.autospace ?? 0) * em) : 0;
  const range = !cjk && !ragged ? options.trackingRange : undefined;
  const minSpace = options.minWordSpace ?? 0.75;
  const justifyTracking: TrackingLimits | undefined = range && {
    stretch: Math.max(0, range.max) * em,
    shrink: Math.max(0, -range.min) * em,
    step: (range.step ?? 0) * em,
    minSpace,
    maxSpace,
    fonts: unligated,
  };
  const model: GapModel = cjk
    ? cjkItems(p, {
        indent,
        ragged,
        raggedStretch,
        halfWidthLineEnd: options.halfWidthLineEnd ?? false,
        fullWidthMarks: options.fullWidthMarks ?? false,
        trimLineStart: options.trimLineStart ?? true,
        tracking,
        autospace,
      })
    : latinItems(p, {
        indent,
        ragged,
        raggedStretch,
        maxWordSpace: maxSpace,
        minWordSpace: minSpace,
        trackStretch: justifyTracking?.stretch ?? 0,
        trackShrink: justifyTracking?.shrink ?? 0,
        hyphenPenalty: 50,
        hyphenWidth,
        tracking,
      });
  const base: Omit<BreakParams, "tolerance"> = {
    widths: [options.width],
    ...TEX,
    maxFlaggedRun: options.maxHyphens ?? 2,
  };
  // Latin: ratio 1 is the style's widest space, the second pass goes to the hard limit.
  const hard = (hardMax - 1) / Math.max(0.1, maxSpace - 1);
  const tolerances = cjk ? [2, 8] : ragged ? [4] : [1, hard];
  let breaks = options.breaking === "first-fit" ? firstFit(model.items, options.width) : undefined;
  for (const tolerance of breaks ? [] : tolerances) {
    breaks = breakLines(model.items, { ...base, tolerance });
    if (breaks) break;
  }
  const problems: Problem[] = [...p.problems];
  breaks ??= breakLines(model.items, { ...base, tolerance: INF, allowOverfull: true });
  if (!breaks) return { lines: [], problems: [...problems, { kind: "overfull", line: 0, byPx: options.width }] };
  const set = linesOf(p, model, breaks, {
    width: options.width,
    indent,
    align,
    alignLast: options.alignLast ?? (align === "justify" ? "ragged" : align),
    cjk,
    tracking,
    hyphenWidth,
    ...(justifyTracking ? { justifyTracking } : {}),
  });
  problems.push(...set.problems);
  set.lines.forEach((line, i) => {
    if (line.spaceRatio !== undefined && line.spaceRatio > hardMax + 1e-6)
      problems.push({ kind: "loose", line: i, wordSpace: line.spaceRatio });
  });
  return { lines: set.lines, problems };
}

const unligated = new WeakMap<ShapeFont, ShapeFont>();

/** The font as a letter-spaced line prints: ligatures off (font-variant-ligatures: none). */
function withoutLigatures(font: ShapeFont): ShapeFont {
  let found = unligated.get(font);
  if (!found) {
    found = { ...font, features: { ...font.features, ...LIGATURES_OFF } };
    unligated.set(font, found);
  }
  return found;
}

/** The advance of a hyphen in the font of clean character i, shaped once per font. */
function hyphenMeasure(fonts: ShapeFont[], style: Uint8Array, lang: string, tracking: number) {
  const known = new Map<number, number>();
  return (i: number): number => {
    const f = style[Math.max(0, i)] ?? 0;
    let w = known.get(f);
    if (w === undefined) {
      w = (shapeText("-", Uint8Array.of(0), [fonts[f] as ShapeFont], lang).advances[0] ?? 0) + tracking;
      known.set(f, w);
    }
    return w;
  };
}
