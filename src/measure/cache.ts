import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics";
import type { ComposedLine } from "../typeset/printed-lines";
import { writeAtomic } from "../write-atomic";
import type { MeasuredBox } from "./measure.browser";

export { type AppFiles, appFiles, environmentKey, type ModelFonts } from "../typeset/environment";

// Measurements kept between builds, keyed by everything that decides how tall a head is or where
// the composer breaks a body line: the box's own content (text, head fields and sizes, captions,
// widths, the body's paragraphs and style), and the environment — the format's CSS, the
// stylesheets, the templates, the fonts' packages, the measuring code and Chromium's version. Change any of them and the key changes: a cache can
// never hand back a stale line break, it can only miss.

/** A measured box (an article's body, heads and captions, or the masthead) and the pitch it was measured at. */
export interface CachedBox {
  pitchPx: number;
  box: MeasuredBox;
}

/** An article's body as the composer set it, with what it warned of. */
export interface CachedBody {
  lines: ComposedLine[][];
  warnings: Diagnostic[];
}

export type Cached = CachedBox | CachedBody;

export interface MeasureCache {
  get(key: string): Cached | undefined;
  set(key: string, value: Cached): void;
  /** Writes what was set since the last save: once the build has succeeded (a failed build writes
   *  nothing into the output folder, its cache included). */
  save(): Promise<void>;
}

/** A cache in a folder (e.g. <output>/.cache/measure), one small JSON file per box, in memory too. */
export function folderCache(dir: string): MeasureCache {
  const memory = new Map<string, Cached>();
  const unsaved = new Set<string>();
  return {
    get(key) {
      const known = memory.get(key);
      if (known) return known;
      try {
        const value = JSON.parse(readFileSync(join(dir, `${key}.json`), "utf8")) as Cached;
        memory.set(key, value);
        return value;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      memory.set(key, value);
      unsaved.add(key);
    },
    async save() {
      if (unsaved.size === 0) return;
      mkdirSync(dir, { recursive: true });
      for (const key of [...unsaved]) {
        await writeAtomic(join(dir, `${key}.json`), JSON.stringify(memory.get(key)));
        unsaved.delete(key);
      }
    },
  };
}

/** The key of one box: the environment and the box's view as the measuring template sets it. */
export function boxKey(environment: string, view: unknown): string {
  return createHash("sha256").update(environment).update(JSON.stringify(view)).digest("hex").slice(0, 40);
}
