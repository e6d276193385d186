import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { appFile } from "../app-root";
import { FONTSOURCE_DIR } from "../fonts/faces";
import { writeAtomic } from "../write-atomic";
import type { MeasuredBox } from "./measure.browser";

// Measurements kept between builds, keyed by everything that decides where Chromium breaks a line
// or how tall a head is: the box's own content (text, head fields and sizes, captions, widths), and
// the environment — the format's CSS, the stylesheets, the templates, the fonts' packages, the
// measuring script and Chromium's version. Change any of them and the key changes: a cache can
// never hand back a stale line break, it can only miss.

/** A measured box (an article's body, heads and captions, or the masthead) and the pitch it was measured at. */
export interface CachedBox {
  pitchPx: number;
  box: MeasuredBox;
}

export interface MeasureCache {
  get(key: string): CachedBox | undefined;
  set(key: string, value: CachedBox): void;
  /** Writes what was set since the last save: once the build has succeeded (a failed build writes
   *  nothing into the output folder, its cache included). */
  save(): Promise<void>;
}

/** A cache in a folder (e.g. <output>/.cache/measure), one small JSON file per box, in memory too. */
export function folderCache(dir: string): MeasureCache {
  const memory = new Map<string, CachedBox>();
  const unsaved = new Set<string>();
  return {
    get(key) {
      const known = memory.get(key);
      if (known) return known;
      try {
        const value = JSON.parse(readFileSync(join(dir, `${key}.json`), "utf8")) as CachedBox;
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

/** Hash of every file under `dir` (names and contents), in a stable order. */
function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    hash.update(name).update(readFileSync(path));
  }
}

/** The fonts a model uses: its @fontsource stylesheets, and the paper's own font files. */
export interface ModelFonts {
  stylesheets: string[];
  files: string[];
}

/**
 * The environment part of every key: what decides line breaks besides the box itself. The format's
 * and house style's CSS, the browser's version and the fonts vary per build; styles, templates,
 * the font packages and the measuring script are read from the app.
 */
export function environmentKey(
  formatCss: string,
  browserVersion: string,
  fonts: ModelFonts,
  app: AppFiles = appFiles(),
): string {
  const hash = createHash("sha256").update(formatCss).update(browserVersion);
  hash.update(JSON.stringify(fonts.stylesheets));
  for (const file of fonts.files) hash.update(readFileSync(file));
  hashTree(hash, app.styles);
  hashTree(hash, app.templates);
  hash.update(readFileSync(app.script));
  for (const file of app.fonts) hash.update(readFileSync(file));
  return hash.digest("hex");
}

/** Where the app's files that decide a measurement are (tests point these at copies). */
export interface AppFiles {
  styles: string;
  templates: string;
  /** The measuring script. */
  script: string;
  /** Files that identify the fonts (their packages' package.json). */
  fonts: string[];
}

let found: AppFiles | undefined;
/** The app's files, found once: every installed @fontsource package's manifest among them. */
function appFiles(): AppFiles {
  found ??= {
    styles: appFile("styles"),
    templates: appFile("templates"),
    script: appFile("src/measure/measure.browser.ts"),
    fonts: readdirSync(FONTSOURCE_DIR)
      .sort()
      .map((pkg) => join(FONTSOURCE_DIR, pkg, "package.json")),
  };
  return found;
}

/** The key of one box: the environment and the box's view as the measuring template sets it. */
export function boxKey(environment: string, view: unknown): string {
  return createHash("sha256").update(environment).update(JSON.stringify(view)).digest("hex").slice(0, 40);
}
