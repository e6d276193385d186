import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { resolveSource } from "../images";

// A story's photo for screens: the whole picture (print crops it to its slot; a screen has room
// for all of it), upright, in sRGB, at most a phone's or a column's useful width, as WebP. Named
// by its content, so an unchanged photo keeps its file and a changed one gets a new name.

export interface ScreenPhoto {
  /** Stable part of the file name: the source's and the settings' hash. */
  hash: string;
  width: number;
  height: number;
  /** Encodes the picture; called only when no file of that name is there yet. */
  encode(): Promise<Uint8Array>;
}

/** Bump when the encoding below changes: every photo gets a new name. */
const PHOTO_VERSION = "1";

export async function screenPhoto(issueDir: string, src: string, articleId: string, maxWidth: number) {
  const file = await resolveSource(issueDir, src, articleId);
  const bytes = await readFile(file);
  const hash = createHash("sha256").update(bytes).update(`${PHOTO_VERSION}:${maxWidth}`).digest("hex").slice(0, 12);
  const meta = await sharp(bytes).metadata();
  // EXIF orientations 5–8 turn the picture a quarter: its width and height swap.
  const turned = (meta.orientation ?? 1) >= 5;
  const [w, h] = turned ? [meta.height, meta.width] : [meta.width, meta.height];
  if (!w || !h) throw new Error(`${src}: sharp found no pixel size`);
  const width = Math.min(maxWidth, w);
  const height = Math.max(1, Math.round((h * width) / w));
  return {
    hash,
    width,
    height,
    encode: async () => {
      const out = await sharp(bytes)
        .rotate()
        .resize({ width, height, fit: "fill" })
        .toColourspace("srgb")
        .webp({ quality: 80 })
        .toBuffer();
      return new Uint8Array(out);
    },
  } satisfies ScreenPhoto;
}
