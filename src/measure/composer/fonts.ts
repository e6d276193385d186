import type { RoleFont } from "../../config/house-style";
import type { Face } from "../../fonts/faces";
import { FaceFiles } from "./faces";
import { loadHarfBuzz } from "./harfbuzz";
import type { ShapeFont } from "./shape";
import { decodeWoff2Files } from "./woff2";

// The fonts of a composition, opened once per build: each face's files, and ShapeFonts that pair a
// family stack with a size and the features the stylesheet asks for.

const opened = new Map<string, FaceFiles>();

function faceKey(face: Face): string {
  return face.kind === "file" ? `file:${face.file}` : `${face.id}@${face.weight}`;
}

/** The files of a face, opened on first use and kept for the process. */
export function faceFiles(face: Face): FaceFiles {
  const key = faceKey(face);
  let found = opened.get(key);
  if (!found) {
    found = new FaceFiles(face);
    opened.set(key, found);
  }
  return found;
}

/** Body text: kerning off (font-kerning: none); CJK also without ligatures (letter-spacing sets the
 *  justified line, and Chromium turns ligatures off under letter-spacing). */
export const BODY_FEATURES = { kern: 0 } as const;
/** What font-variant-ligatures: none turns off. */
export const LIGATURES_OFF = { liga: 0, clig: 0, dlig: 0, hlig: 0, calt: 0 } as const;
export const SPACED_FEATURES = { kern: 0, ...LIGATURES_OFF } as const;

/** A ShapeFont for a role's face, with the language's other faces after it as Chromium falls back. */
export function shapeFont(faces: Face[], sizePx: number, features: Record<string, number>): ShapeFont {
  return { stack: faces.map(faceFiles), sizePx, features };
}

/** The faces of a role: its own, then the other families of the language, as RoleFont.stack lists. */
export function roleFaces(role: RoleFont, all: Record<string, RoleFont>): Face[] {
  const others = Object.values(all)
    .map((r) => r.face)
    .filter((f) => f.family !== role.face.family);
  const seen = new Set<string>();
  return [role.face, ...others].filter((f) => {
    if (seen.has(f.family)) return false;
    seen.add(f.family);
    return true;
  });
}

/** HarfBuzz ready, and the paper's WOFF2 files among `faces` decoded: call before composing. */
export async function loadComposer(faces: readonly Face[] = []): Promise<void> {
  await Promise.all([loadHarfBuzz(), decodeWoff2Files(faces.flatMap((f) => (f.kind === "file" ? [f.file] : [])))]);
}

/** How many font subsets the process has opened (start-up cost). */
export function openedSubsets(): number {
  let n = 0;
  for (const f of opened.values()) n += f.openedCount;
  return n;
}
