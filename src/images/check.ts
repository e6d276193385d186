import { readFile } from "node:fs/promises";
import path from "node:path";
import { type CacheParams, type CacheRecord, cacheKey, hashBytes, readCacheEntry } from "./cache";
import { ImageError } from "./errors";
import { cropSize, effectivePpi, focusWindow, outputSize, type Size } from "./geometry";
import { decodeReason, inspectSource, pixelLimitReason, type RenderPlan } from "./pipeline";
import { resolveSource } from "./source-path";
import type { ImageOptions, ImageRequest, ImageWarning } from "./types";

// First pass over a request: everything that can be known without decoding pixels (path, bytes,
// header, pixel limit, resolution) and whether the cache already holds the result.

export interface Settings {
  issueDir: string;
  cacheDir: string;
  targetPpi: number;
  minPpi: number;
  strict: boolean;
  maxPixels: number;
}

export interface Checked {
  req: ImageRequest;
  key: string;
  ppi: number;
  warning?: ImageWarning;
  /** Set on a cache hit. */
  record?: CacheRecord;
  /** Set on a miss: what to read and how to render it. */
  miss?: { file: string; sourceHash: string; source: Size; plan: RenderPlan };
}

export function settings(opts: ImageOptions): Settings {
  const s: Settings = {
    issueDir: path.resolve(opts.issueDir),
    cacheDir: path.resolve(opts.cacheDir),
    targetPpi: opts.targetPpi,
    minPpi: opts.minPpi,
    strict: opts.strict,
    maxPixels: opts.maxPixels,
  };
  if (!(s.targetPpi > 0 && s.minPpi >= 0 && s.maxPixels > 0)) {
    throw new RangeError("targetPpi and maxPixels must be positive, minPpi not negative");
  }
  return s;
}

export async function check(req: ImageRequest, s: Settings): Promise<Checked> {
  const fail = (reason: string) => ImageError.of(req.articleId, req.src, reason, req.owner);
  const { widthMm, heightMm, focus } = req;
  if (!(Number.isFinite(widthMm) && Number.isFinite(heightMm) && widthMm > 0 && heightMm > 0)) {
    throw fail(`slot ${widthMm}×${heightMm} mm is not a positive size`);
  }
  if (focus && !focus.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)) {
    throw fail(`focus [${focus.join(", ")}] is outside 0..1`);
  }

  const file = await resolveSource(s.issueDir, req.src, req.articleId, req.owner);
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw fail(`cannot read: ${err.code ?? err.message}`);
  });
  const sourceHash = hashBytes(bytes);
  const params: CacheParams = {
    widthMm,
    heightMm,
    targetPpi: s.targetPpi,
    focus: focus ?? null,
    mono: req.mono,
  };
  const key = cacheKey(sourceHash, params);

  const record = await readCacheEntry(s.cacheDir, key);
  if (record) {
    if (record.sourceWidth * record.sourceHeight > s.maxPixels) {
      throw fail(pixelLimitReason(record.sourceWidth, record.sourceHeight, s.maxPixels));
    }
    return { req, key, ppi: record.effectivePpi, record, ...resolution(req, record.effectivePpi, s) };
  }

  const source = await inspectSource(bytes, s.maxPixels).catch((err: unknown) => {
    throw fail(decodeReason(err));
  });
  const crop = cropSize(source, widthMm, heightMm);
  const ppi = effectivePpi(crop.width, widthMm);
  const plan: RenderPlan = {
    window: focus ? focusWindow(source, crop, focus) : undefined,
    out: outputSize(crop, widthMm, heightMm, s.targetPpi),
    mono: req.mono,
    hasAlpha: source.hasAlpha,
    maxPixels: s.maxPixels,
  };
  return { req, key, ppi, miss: { file, sourceHash, source, plan }, ...resolution(req, ppi, s) };
}

/** The low-resolution warning, or in strict mode the error. */
function resolution(req: ImageRequest, ppi: number, s: Settings): { warning?: ImageWarning } {
  if (ppi >= s.minPpi) return {};
  const what = `${Math.round(ppi)} ppi at ${mm(req.widthMm)}×${mm(req.heightMm)} mm, below ${s.minPpi} ppi`;
  if (s.strict) throw ImageError.of(req.articleId, req.src, what, req.owner);
  const detail = `${req.src} is ${what}`;
  const message = `${req.owner ?? "article"} ${req.articleId}: ${detail}`;
  const owner = req.owner ? { owner: req.owner } : {};
  return { warning: { articleId: req.articleId, ...owner, src: req.src, ppi: Math.round(ppi), detail, message } };
}

function mm(v: number): string {
  return String(Number(v.toFixed(1)));
}
