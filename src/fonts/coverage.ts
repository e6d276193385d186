import { readFileSync } from "node:fs";
import { coverageStylesheet, fileRanges } from "./faces";

// Which characters the house style's fonts cannot draw. Chromium would take them from a system font,
// which prints in another design or, for Debian's CJK fonts, as Type 3 bitmaps; so they are found
// before. A @fontsource family's coverage is the union of the unicode-range lists in its CSS: Google
// Fonts slices each font by its cmap, so a code point in no slice is a code point the font lacks. A
// font file's coverage is its cmap.

/** A font to ask: "serif"/"sans" (the default Noto SC pair), a @fontsource package id
 *  ("noto-serif-tc"), or the absolute path of a font file (starting with "/"). */
export type CoverageSource = string;

const ALIASES: Record<string, string> = { serif: "noto-serif-sc", sans: "noto-sans-sc" };

type Ranges = ReadonlyArray<readonly [number, number]>;
const cache = new Map<CoverageSource, Ranges>();

// Spaces, controls, format characters (U+2060 from protectBreaks) and variation selectors draw nothing.
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Variation_Selector}]/u;

/**
 * Characters of `text` that a font lacks, each once, in order of first appearance.
 * A character counts as missing when any of `families` lacks it (by default either Noto SC).
 */
export function missingGlyphs(text: string, families: readonly CoverageSource[] = ["serif", "sans"]): string[] {
  const ranges = families.map(fontRanges);
  const missing = new Set<string>();
  for (const char of text) {
    if (missing.has(char) || INVISIBLE.test(char)) continue;
    const cp = char.codePointAt(0) ?? 0;
    if (ranges.some((r) => !covers(r, cp))) missing.add(char);
  }
  return [...missing];
}

/** The sorted, merged code point ranges of one font, read once. */
export function fontRanges(source: CoverageSource): Ranges {
  let ranges = cache.get(source);
  if (!ranges) {
    ranges = source.startsWith("/")
      ? fileRanges(source)
      : parseUnicodeRanges(readFileSync(coverageStylesheet(ALIASES[source] ?? source), "utf8"));
    cache.set(source, ranges);
  }
  return ranges;
}

/** All unicode-range values of a stylesheet as sorted, merged [first, last] pairs. */
export function parseUnicodeRanges(css: string): Ranges {
  const raw: [number, number][] = [];
  for (const [, list] of css.matchAll(/unicode-range\s*:\s*([^;}]*)/gi)) {
    for (const item of (list ?? "").split(",")) {
      const range = parseRange(item.trim());
      if (range) raw.push(range);
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of raw) {
    const last = merged.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

// U+4E00, U+4E00-9FFF, or the wildcard form U+4?? (CSS Fonts 4, unicode-range).
function parseRange(item: string): [number, number] | undefined {
  const m = /^U\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(item);
  if (!m?.[1]) return undefined;
  if (m[1].includes("?")) {
    return [Number.parseInt(m[1].replaceAll("?", "0"), 16), Number.parseInt(m[1].replaceAll("?", "f"), 16)];
  }
  const lo = Number.parseInt(m[1], 16);
  return [lo, m[2] ? Number.parseInt(m[2], 16) : lo];
}

function covers(ranges: Ranges, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid] as readonly [number, number];
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return true;
  }
  return false;
}
