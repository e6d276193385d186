import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as fontkit from "fontkit";
import { APP_ROOT } from "../app-root";

// Where a font family of a house style comes from: an installed @fontsource package (served from
// node_modules under /fonts/<id>/), or a font file the paper supplies (served from its folder).
// Either way the PDF gets the outlines (Chromium embeds TrueType and CFF as CID fonts); a file that
// Chromium could only print as Type 3 (no outlines, embedding forbidden) is refused here.

export const FONTSOURCE_DIR = join(APP_ROOT, "node_modules", "@fontsource");

export type Generic = "serif" | "sans-serif";

export interface FontsourceFace {
  kind: "fontsource";
  family: string;
  weight: number;
  /** Package id, e.g. noto-serif-sc: its folder under @fontsource and its URL under /fonts/. */
  id: string;
  generic: Generic;
}

export interface FileFace {
  kind: "file";
  family: string;
  weight: number;
  /** Absolute path of the font file. */
  file: string;
  generic: Generic;
}

export type Face = FontsourceFace | FileFace;

export class FaceError extends Error {
  override name = "FaceError";
}

/** The @fontsource package id of a family name: "Noto Serif SC" → noto-serif-sc. */
export function fontsourceId(family: string): string {
  return family
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

interface Metadata {
  family: string;
  weights: number[];
  category?: string;
}

const metadataCache = new Map<string, Metadata | null>();
function metadata(id: string): Metadata | null {
  let found = metadataCache.get(id);
  if (found === undefined) {
    const file = join(FONTSOURCE_DIR, id, "metadata.json");
    found = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Metadata) : null;
    metadataCache.set(id, found);
  }
  return found;
}

/** The installed @fontsource face of a family at a weight, or a FaceError saying what is there. */
export function fontsourceFace(family: string, weight: number): FontsourceFace {
  const id = fontsourceId(family);
  const meta = metadata(id);
  if (!meta) throw new FaceError(`no font "${family}": neither a face of the style nor an installed @fontsource/${id}`);
  if (!meta.weights.includes(weight))
    throw new FaceError(`"${family}" has no weight ${weight} (it has ${meta.weights.join(", ")})`);
  return { kind: "fontsource", family: meta.family, weight, id, generic: genericOf(meta.category ?? family) };
}

export function genericOf(category: string): Generic {
  return /sans/i.test(category) ? "sans-serif" : "serif";
}

/** The stylesheet URL of a @fontsource face, under the /fonts/<id>/ mount. */
export function faceStylesheet(face: FontsourceFace): string {
  return `/fonts/${face.id}/${face.weight}.css`;
}

/** The stylesheet (first weight) whose unicode ranges are the family's coverage. */
export function coverageStylesheet(id: string): string {
  const meta = metadata(id);
  const weight = meta?.weights.includes(400) ? 400 : (meta?.weights[0] ?? 400);
  return join(FONTSOURCE_DIR, id, `${weight}.css`);
}

type FontkitFont = fontkit.Font;
const fileCache = new Map<string, FontkitFont>();

/** A paper's font file, opened and checked: outlines Chromium embeds, embedding allowed. */
export function openFontFile(file: string): FontkitFont {
  const known = fileCache.get(file);
  if (known) return known;
  let font: FontkitFont;
  try {
    const opened = fontkit.openSync(file);
    if (!("characterSet" in opened)) throw new FaceError("a font collection: name one font file");
    font = opened;
  } catch (err) {
    if (err instanceof FaceError) throw err;
    throw new FaceError(`not a font file Chromium can read (${(err as Error).message})`);
  }
  const tables = Object.keys((font as unknown as { directory: { tables: object } }).directory.tables);
  if (!tables.some((t) => t === "glyf" || t === "CFF " || t === "CFF2"))
    throw new FaceError("a font without TrueType or CFF outlines (bitmap or colour glyphs print as Type 3)");
  const fsType = (font as unknown as { "OS/2"?: { fsType?: { noEmbedding?: boolean } } })["OS/2"]?.fsType;
  if (fsType?.noEmbedding) throw new FaceError("its licence forbids embedding (OS/2 fsType): it would print as Type 3");
  fileCache.set(file, font);
  return font;
}

/** The code points a font file has, as sorted [first, last] ranges. */
export function fileRanges(file: string): [number, number][] {
  const points = [...openFontFile(file).characterSet].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const cp of points) {
    const last = ranges.at(-1);
    if (last && cp <= last[1] + 1) last[1] = Math.max(last[1], cp);
    else ranges.push([cp, cp]);
  }
  return ranges;
}
