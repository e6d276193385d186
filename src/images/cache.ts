import { createHash } from "node:crypto";
import { mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { writeAtomic } from "../write-atomic";

// Content-addressed cache of processed photos. An entry is the image plus a small JSON record of
// what the build needs to know about it (size, resolution), so a hit does no image work at all.
// The record is written last: it is the commit marker, so a half-written entry is never a hit.

/** Bump when the processing changes in a way that alters output for the same inputs. */
const CODE_VERSION = 1;

export interface CacheParams {
  widthMm: number;
  heightMm: number;
  targetPpi: number;
  focus: readonly [number, number] | null;
  mono: boolean;
}

export interface CacheRecord {
  ext: "jpg" | "png";
  widthPx: number;
  heightPx: number;
  effectivePpi: number;
  /** Oriented source size, so a later, lower pixel limit still applies to cached photos. */
  sourceWidth: number;
  sourceHeight: number;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function cacheKey(sourceHash: string, params: CacheParams): string {
  const parts = {
    v: CODE_VERSION,
    sharp: sharp.versions.sharp,
    vips: sharp.versions.vips,
    source: sourceHash,
    ...params,
  };
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 40);
}

export function cacheFile(cacheDir: string, key: string, ext: CacheRecord["ext"]): string {
  return path.join(cacheDir, `${key}.${ext}`);
}

/** The record of a complete entry, or undefined (missing, unreadable or with its image gone). */
export async function readCacheEntry(cacheDir: string, key: string): Promise<CacheRecord | undefined> {
  let record: unknown;
  try {
    record = JSON.parse(await readFile(path.join(cacheDir, `${key}.json`), "utf8"));
  } catch {
    return undefined;
  }
  if (!isRecord(record)) return undefined;
  try {
    if (!(await stat(cacheFile(cacheDir, key, record.ext))).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return record;
}

/** Store image then record, each under a temporary name renamed into place. Returns the image path. */
export async function writeCacheEntry(
  cacheDir: string,
  key: string,
  image: Uint8Array,
  record: CacheRecord,
): Promise<string> {
  await mkdir(cacheDir, { recursive: true });
  const file = cacheFile(cacheDir, key, record.ext);
  await writeAtomic(file, image);
  await writeAtomic(path.join(cacheDir, `${key}.json`), `${JSON.stringify(record)}\n`);
  return file;
}

function isRecord(v: unknown): v is CacheRecord {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    (r.ext === "jpg" || r.ext === "png") &&
    ["widthPx", "heightPx", "effectivePpi", "sourceWidth", "sourceHeight"].every(
      (k) => typeof r[k] === "number" && Number.isFinite(r[k]) && (r[k] as number) > 0,
    )
  );
}
