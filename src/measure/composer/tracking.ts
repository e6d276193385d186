import type { ShapeFont } from "./shape";

// Stepped tracking of a justified Latin line, in the order newspaper H&J systems (GN4, Hermes,
// InDesign) use: the word spaces take the line's slack while they stay within the house style's
// [minWordSpace, maxWordSpace]; beyond that, letter-spacing in small steps up to its limits; only
// then wider (or narrower) word spaces. The line breaker counted the same letter-spacing as stretch
// and shrink, so a line that needs it finds it here.

export interface TrackingLimits {
  /** px a glyph cluster may take (letter-spacing at most) / give (at least -shrink). */
  stretch: number;
  shrink: number;
  /** px of one step (0: any value). */
  step: number;
  /** Word spaces within these multiples of the natural one need no tracking. */
  minSpace: number;
  maxSpace: number;
  /** The fonts a tracked line is shaped in: ligatures off, as the printer sets it. */
  fonts: ShapeFont[];
}

export interface LineShape {
  /** px the line must grow (negative: shrink) to fill the measure. */
  extra: number;
  spaces: number;
  /** Glyph clusters, spaces included. */
  clusters: number;
  /** Natural width of a word space, px. */
  space: number;
}

/**
 * The letter-spacing of the line, px: 0 when the word spaces alone stay within their limits, else
 * the smallest step that keeps them there, at most the limits. A word gap is the space, its
 * word-spacing and the letter-spacing after the word and after the space.
 */
export function lineTracking(line: LineShape, t: TrackingLimits): number {
  const { extra, spaces, clusters, space } = line;
  if (clusters < 2 || (t.stretch === 0 && t.shrink === 0)) return 0;
  if (spaces === 0) return clamp(extra / (clusters - 1), t);
  const perSpace = extra / spaces;
  const limit = perSpace > 0 ? t.maxSpace : t.minSpace;
  if (perSpace > 0 ? space + perSpace <= limit * space : space + perSpace >= limit * space) return 0;
  // extra = spaces × (word-spacing) + clusters × ls, with each gap at the limit:
  // word-spacing = (limit - 1) × space - 2 × ls.
  const letters = clusters - 2 * spaces;
  if (letters <= 0) return extra > 0 ? t.stretch : -t.shrink;
  const ls = (extra - spaces * (limit - 1) * space) / letters;
  if (t.step <= 0) return clamp(ls, t);
  const steps = ls > 0 ? Math.ceil(ls / t.step - 1e-9) : Math.floor(ls / t.step + 1e-9);
  return clamp(steps * t.step, t);
}

const clamp = (ls: number, t: TrackingLimits) => Math.max(-t.shrink, Math.min(t.stretch, ls));
