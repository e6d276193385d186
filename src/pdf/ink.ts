import { mkdtempSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onExit, removeFolderAtExit } from "../exit-cleanup";
import { type CmykRaster, parsePam } from "./pam";
import { runTool } from "./run-tool";

// Ink on the plates, measured the way a plant's preflight does: Ghostscript separates each page
// into C, M, Y and K at low resolution (pamcmyk32, no anti-aliasing, so every pixel carries the
// full ink of what is painted there) and we add up the channels per pixel.

export interface InkStats {
  /** Highest C+M+Y+K of any pixel, in percent (0–400). */
  maxTac: number;
  /** Mean coverage of each plate over the page, in percent. */
  average: { c: number; m: number; y: number; k: number };
}

export interface RichBlackStats {
  /** Pixels painted grey or black with process colours (C, M and Y together) instead of K alone. */
  pixels: number;
  /** Their bounding box in mm from the top-left corner of the page, if any. */
  box?: { x: number; y: number; width: number; height: number };
}

export function inkStats(r: CmykRaster): InkStats {
  let sc = 0;
  let sm = 0;
  let sy = 0;
  let sk = 0;
  let max = 0;
  const d = r.data;
  for (let i = 0; i < d.length; i += 4) {
    const c = d[i] as number;
    const m = d[i + 1] as number;
    const y = d[i + 2] as number;
    const k = d[i + 3] as number;
    sc += c;
    sm += m;
    sy += y;
    sk += k;
    const total = c + m + y + k;
    if (total > max) max = total;
  }
  const n = (d.length / 4) * 255;
  const pct = (v: number) => Math.round((v / n) * 100_000) / 1000;
  return {
    maxTac: Math.round((max / 255) * 1000) / 10,
    average: { c: pct(sc), m: pct(sm), y: pct(sy), k: pct(sk) },
  };
}

/** C, M and Y each at least this much (of 255) … */
const MIN_CMY = 20;
/** … and the weakest of them at least this fraction of the strongest: it reads as grey. */
const NEUTRAL_RATIO = 0.55;

/**
 * Counts pixels that are grey or black built from C, M and Y (with or without K): a heuristic for
 * "rich" black and grey text or rules. Use it on a render without images. A red (C0 M100 Y100)
 * has no cyan, brown or navy have one ink far weaker than another, and K-only grey has no CMY.
 */
export function richBlackPixels(r: CmykRaster, dpi: number): RichBlackStats {
  const d = r.data;
  let pixels = 0;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = -1;
  let y1 = -1;
  for (let i = 0, p = 0; i < d.length; i += 4, p++) {
    const c = d[i] as number;
    const m = d[i + 1] as number;
    const y = d[i + 2] as number;
    const lo = Math.min(c, m, y);
    if (lo < MIN_CMY || lo < NEUTRAL_RATIO * Math.max(c, m, y)) continue;
    pixels++;
    const px = p % r.width;
    const py = Math.floor(p / r.width);
    x0 = Math.min(x0, px);
    y0 = Math.min(y0, py);
    x1 = Math.max(x1, px);
    y1 = Math.max(y1, py);
  }
  if (pixels === 0) return { pixels };
  const mm = (px: number) => Math.round((px / dpi) * 25.4 * 10) / 10;
  return { pixels, box: { x: mm(x0), y: mm(y0), width: mm(x1 - x0 + 1), height: mm(y1 - y0 + 1) } };
}

export interface RenderOptions {
  dpi?: number;
  /** Leave images out (Ghostscript -dFILTERIMAGE): text and line art only. */
  withoutImages?: boolean;
  /** Ghostscript's command and time limit: the resolved configuration's. */
  gsCommand: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Renders every page of a PDF into CMYK separations and hands each page's raster to `visit`, one
 * at a time so that a long issue never sits in memory whole; returns what `visit` returned.
 */
export async function renderSeparations<T>(
  pdf: string,
  opts: RenderOptions,
  visit: (raster: CmykRaster, pageIndex: number) => T,
): Promise<T[]> {
  // Made and registered for removal in one synchronous step: a signal cannot come between.
  const dir = mkdtempSync(join(tmpdir(), "newsprint-ink-"));
  const forget = onExit(() => removeFolderAtExit(dir));
  try {
    const args = [
      "-q",
      "-dNOPAUSE",
      "-dBATCH",
      "-dSAFER",
      "-sDEVICE=pamcmyk32",
      `-r${opts.dpi ?? 50}`,
      "-dTextAlphaBits=1",
      "-dGraphicsAlphaBits=1",
      ...(opts.withoutImages ? ["-dFILTERIMAGE"] : []),
      `-sOutputFile=${join(dir, "page-%05d.pam")}`,
      pdf,
    ];
    await runTool(opts.gsCommand, args, { timeoutMs: opts.timeoutMs, signal: opts.signal });
    const names = (await readdir(dir)).filter((n) => n.endsWith(".pam")).sort();
    const results: T[] = [];
    for (const [i, n] of names.entries()) {
      results.push(visit(parsePam(new Uint8Array(await readFile(join(dir, n)))), i));
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
    forget();
  }
}

/** Max TAC and average coverage per page. */
export async function measureInk(pdf: string, opts: Omit<RenderOptions, "withoutImages">): Promise<InkStats[]> {
  return renderSeparations(pdf, opts, inkStats);
}
