import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { APP_ROOT } from "../app-root";
import { FONTSOURCE_DIR } from "../fonts/faces";
import type { Mount } from "../server/server";

// Where the pages' assets live and under which URL the loopback server shows them. Fonts come
// from npm (TrueType outlines embed as CID TrueType, never Type 3), so output does not depend on
// the machine's installed fonts.

export { APP_ROOT };
export const TEMPLATES_DIR = join(APP_ROOT, "templates");
export const STYLES_DIR = join(APP_ROOT, "styles");

// Packages are found in node_modules beside the app (some, like pagedjs, export no package.json).
const packageDir = (pkg: string) => join(APP_ROOT, "node_modules", pkg);
const pagedDir = () => join(packageDir("pagedjs"), "dist");

/** Every installed @fontsource package under /fonts/<id>/: a house style picks its faces. */
function fontMounts(): Mount[] {
  const ids = readdirSync(FONTSOURCE_DIR, { withFileTypes: true }).filter((d) => d.isDirectory());
  return ids.map((d) => ({ prefix: `/fonts/${d.name}/`, root: join(FONTSOURCE_DIR, d.name), immutable: true }));
}

export function appMounts(): Mount[] {
  return [
    { prefix: "/styles/", root: STYLES_DIR },
    ...fontMounts(),
    { prefix: "/vendor/pagedjs/", root: pagedDir(), immutable: true },
  ];
}

/** The format's numbers (page size, grid) as CSS, served per build. */
export const FORMAT_STYLESHEET = "/format.css";

/** The designer's stylesheets of the pages, linked as they are. */
export const CONTENT_STYLESHEETS = [
  "/styles/page.css",
  "/styles/grid.css",
  "/styles/article.css",
  "/styles/lines.css",
  "/styles/masthead.css",
  "/styles/ads.css",
];

/** What Paged.js reads and processes: only the paged-media rules (page size, a page per .np-page).
 *  Parsing and re-adding every stylesheet as Paged.js does would cost time for nothing: the
 *  made-up pages need no paged media beyond being framed. */
export const PAGED_STYLESHEETS = [FORMAT_STYLESHEET];

export const PAGE_STYLESHEETS = [FORMAT_STYLESHEET, ...CONTENT_STYLESHEETS];

/** The font stylesheets of a model and the page stylesheets, as the measuring page links them. */
export function stylesheets(fontStylesheets: string[]): string[] {
  return [...fontStylesheets, ...PAGE_STYLESHEETS];
}

export const PAGEDJS_SCRIPT = "/vendor/pagedjs/paged.js";

/** URL under which the loopback server shows the issue folder (photos, logo). */
export const ISSUE_URL_PREFIX = "/issue/";
/** The URL of a file of the issue folder (any character of a file name allowed). */
export function issueFileUrl(path: string): string {
  return `${ISSUE_URL_PREFIX}${path.split("/").map(encodeURIComponent).join("/")}`;
}
/**
 * The URL of a file of the issue folder or of the app's styles folder (a shared style's fonts and
 * logo), relative so that it resolves the same from /format.css, the pages and the --html copy.
 */
export function styleFileUrl(file: string, issueDir: string): string {
  const inside = (root: string) => {
    const rel = relative(root, file);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : undefined;
  };
  const inIssue = inside(issueDir);
  if (inIssue !== undefined) return issueFileUrl(inIssue).slice(1);
  const inStyles = inside(STYLES_DIR);
  if (inStyles !== undefined) return `styles/${inStyles.split("/").map(encodeURIComponent).join("/")}`;
  throw new Error(`${file} is neither in the issue folder nor in styles/`);
}

/** URL under which the loopback server shows the prepared photos. */
export const IMAGES_URL_PREFIX = "/images/";

/** What the loopback server shows for one issue folder: app assets, the issue's folder, prepared photos. */
export function issueMounts(issueDir: string, cacheDir: string): Mount[] {
  return [...appMounts(), { prefix: ISSUE_URL_PREFIX, root: issueDir }, { prefix: IMAGES_URL_PREFIX, root: cacheDir }];
}

/**
 * What the measuring document's layout depends on besides its body: the stylesheets and their
 * files, the format, the measuring template. The measure stage loads the document under this key;
 * the render stage swaps the pages into it only while the key still holds (its fonts are decoded).
 */
export function measuringDocumentKey(formatCss: string): string {
  const hash = createHash("sha256")
    .update(formatCss)
    .update(JSON.stringify([PAGE_STYLESHEETS, PAGEDJS_SCRIPT]));
  for (const file of readdirSync(STYLES_DIR).sort()) hash.update(`${file}:${statSync(join(STYLES_DIR, file)).mtimeMs}`);
  hash.update(`measure.hbs:${statSync(join(TEMPLATES_DIR, "measure.hbs")).mtimeMs}`);
  return `measure:${hash.digest("hex")}`;
}
