import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { appFile } from "../app-root";
import { FONTSOURCE_DIR } from "../fonts/faces";

// What decides how the typeset text comes out, besides the text itself: the format's and house
// style's CSS, the fonts, the designer's stylesheets and templates, the browser, and the code that
// measures or prints. The measurement cache and the page cache key their entries by it, so a
// change to any of these misses the cache instead of reusing a stale result.

/** The fonts a model uses: its @fontsource stylesheets, and the paper's own font files. */
export interface ModelFonts {
  stylesheets: string[];
  files: string[];
}

/** Where the app's files that decide a result are (tests point these at copies). */
export interface AppFiles {
  styles: string;
  templates: string;
  /** The code that measures (or prints): files or folders. */
  script: string;
  /** Files that identify the fonts (their packages' package.json). */
  fonts: string[];
}

/** The e-paper's own templates and stylesheet (templates/epaper/, styles/epaper.css) print
 *  nothing: a designer's edit to them measures and prints no page again. */
const EPAPER_ONLY = /^epaper([./]|$)/;

/** Hash of a file, or of every file under a folder (names and contents), in a stable order. */
function hashTree(hash: ReturnType<typeof createHash>, path: string): void {
  if (statSync(path).isFile()) {
    hash.update(readFileSync(path));
    return;
  }
  for (const name of (readdirSync(path, { recursive: true }) as string[]).sort()) {
    if (EPAPER_ONLY.test(name)) continue;
    const file = join(path, name);
    if (!statSync(file).isFile()) continue;
    hash.update(name).update(readFileSync(file));
  }
}

export function environmentKey(formatCss: string, browserVersion: string, fonts: ModelFonts, app: AppFiles): string {
  const hash = createHash("sha256").update(formatCss).update(browserVersion);
  hash.update(JSON.stringify(fonts.stylesheets));
  for (const file of fonts.files) hash.update(readFileSync(file));
  hashTree(hash, app.styles);
  hashTree(hash, app.templates);
  hashTree(hash, app.script);
  for (const file of app.fonts) hash.update(readFileSync(file));
  return hash.digest("hex");
}

/** The app's files, with the code of `script` (a file or folder from the app's root). */
export function appFiles(script: string): AppFiles {
  return {
    styles: appFile("styles"),
    templates: appFile("templates"),
    script: appFile(script),
    fonts: readdirSync(FONTSOURCE_DIR)
      .sort()
      .map((pkg) => join(FONTSOURCE_DIR, pkg, "package.json")),
  };
}
