import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Face as HbFace, Font as HbFont } from "harfbuzzjs";
import { type Face, FONTSOURCE_DIR } from "../../fonts/faces";
import { harfBuzz } from "./harfbuzz";
import { isWoff, OUTLINES, woffToSfnt } from "./woff";
import { isWoff2, woff2Sfnt } from "./woff2";

// The font files the page prints with, opened for HarfBuzz. A @fontsource face is ~100 subsets, each
// with a unicode-range; Chromium takes a character from the last-declared subset whose range covers it
// and whose font has it (then the next family of the stack), so shaping goes subset by subset too.
// The .woff of each subset is what both sides load: HarfBuzz after inflating it, Chromium as is. A
// paper's own file may be TrueType, OpenType, WOFF or WOFF2 (decoded by woff2.ts).

type Range = readonly [number, number];

export interface Subset {
  /** The font file the page loads (.woff for @fontsource, the paper's own file otherwise). */
  file: string;
  /** Sorted code point ranges of its unicode-range; absent: all (a paper's file: its cmap decides). */
  ranges?: Range[];
}

export interface OpenedSubset {
  /** For shaping: a WOFF subset is opened without its outlines (not inflated: most of its bytes). */
  font: HbFont;
  face: HbFace;
  upem: number;
  file: string;
  /** The font with its outlines, opened on first use: for ink extents. */
  withOutlines: () => HbFont;
}

/** One family at one weight, as the page declares it. */
export class FaceFiles {
  readonly subsets: Subset[];
  private readonly opened = new Map<number, OpenedSubset>();
  /** The subset found for each code point asked (null: none has it). */
  private readonly byCodePoint = new Map<number, OpenedSubset | null>();

  constructor(
    readonly face: Face,
    subsets?: Subset[],
  ) {
    this.subsets = subsets ?? subsetsOf(face);
  }

  get family(): string {
    return this.face.family;
  }

  /** The subset that draws `cp`, opened; undefined when no subset of this face has it. */
  subsetFor(cp: number): OpenedSubset | undefined {
    const known = this.byCodePoint.get(cp);
    if (known !== undefined) return known ?? undefined;
    const found = this.search(cp);
    this.byCodePoint.set(cp, found ?? null);
    return found;
  }

  private search(cp: number): OpenedSubset | undefined {
    for (let i = this.subsets.length - 1; i >= 0; i--) {
      const s = this.subsets[i] as Subset;
      if (s.ranges && !inRanges(s.ranges, cp)) continue;
      const opened = this.open(i);
      if (opened.font.glyph(cp)) return opened;
    }
    return undefined;
  }

  private open(i: number): OpenedSubset {
    let found = this.opened.get(i);
    if (!found) {
      const hb = harfBuzz();
      const file = (this.subsets[i] as Subset).file;
      const bytes = new Uint8Array(readFileSync(file));
      const woff = isWoff(bytes);
      const sfnt = woff ? woffToSfnt(bytes, OUTLINES) : isWoff2(bytes) ? woff2Sfnt(file) : bytes;
      const face = new hb.Face(new hb.Blob(sfnt));
      const font = new hb.Font(face);
      let outlined: HbFont | undefined = woff ? undefined : font;
      const withOutlines = () => {
        outlined ??= new hb.Font(new hb.Face(new hb.Blob(woffToSfnt(bytes))));
        return outlined;
      };
      found = { face, font, upem: face.upem, file, withOutlines };
      this.opened.set(i, found);
    }
    return found;
  }

  /** How many subsets were opened so far (the start-up cost of a build). */
  get openedCount(): number {
    return this.opened.size;
  }
}

/** The subsets a @fontsource stylesheet declares for the face's weight (upright only), in order. */
export function subsetsOf(face: Face): Subset[] {
  if (face.kind === "file") return [{ file: face.file }];
  const css = join(FONTSOURCE_DIR, face.id, `${face.weight}.css`);
  return parseFontFaces(readFileSync(css, "utf8"), dirname(css));
}

export function parseFontFaces(css: string, dir: string): Subset[] {
  const out: Subset[] = [];
  for (const [, block = ""] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    if (/font-style:\s*italic/.test(block)) continue;
    const woff = /url\(([^)]+\.woff)\)/.exec(block)?.[1];
    if (!woff) continue;
    const range = /unicode-range:\s*([^;]+)/.exec(block)?.[1];
    out.push({ file: join(dir, woff.replace(/^['"]|['"]$/g, "")), ...(range ? { ranges: parseRanges(range) } : {}) });
  }
  return out;
}

function parseRanges(list: string): Range[] {
  const ranges: Range[] = [];
  for (const item of list.split(",")) {
    const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(item.trim());
    if (!m?.[1]) continue;
    const lo = Number.parseInt(m[1].replaceAll("?", "0"), 16);
    const hi = m[2] ? Number.parseInt(m[2], 16) : Number.parseInt(m[1].replaceAll("?", "f"), 16);
    ranges.push([lo, hi]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

function inRanges(ranges: readonly Range[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid] as Range;
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The @font-face rules that make the page load exactly these files (the .woff, not the .woff2). */
export function fontFaceCss(faces: FaceFiles[], urlOf: (file: string) => string): string {
  const rules: string[] = [];
  for (const f of faces) {
    for (const s of f.subsets) {
      const range = s.ranges?.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(",");
      rules.push(
        `@font-face{font-family:"${f.family}";font-style:normal;font-weight:${f.face.weight};` +
          `src:url("${urlOf(s.file)}") format("${formatOf(s.file)}");` +
          `${range ? `unicode-range:${range};` : ""}}`,
      );
    }
  }
  return rules.join("\n");
}

const hex = (n: number) => n.toString(16);

const formatOf = (file: string) =>
  file.endsWith(".woff2") ? "woff2" : file.endsWith(".woff") ? "woff" : file.endsWith(".ttf") ? "truetype" : "opentype";
