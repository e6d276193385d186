import { readFileSync } from "node:fs";
import { appFile } from "../app-root";
import { appMounts, PAGEDJS_SCRIPT } from "../render/assets";
import type { Mount } from "../server/server";

// What the preview serves besides the issue: its own browser code, and the build's pagination
// routine, so the editor's browser paginates with the very code that makes the PDF.

export const CLIENT_DIR = appFile("src/preview/client");
export const CLIENT_PREFIX = "/preview/";

/** The build's Paged.js routine (paginate with the font patch, checkPages), sent as it is. */
export const BUILD_PAGINATE_URL = "/preview/build/paged.browser.js";
export const BUILD_PAGINATE_SCRIPT = readFileSync(appFile("src/render/paged.browser.js"), "utf8");

/** Scripts of the pages document in the preview: Paged.js, the build's routine, the frame's boot. */
export const FRAME_SCRIPTS = [
  PAGEDJS_SCRIPT,
  BUILD_PAGINATE_URL,
  `${CLIENT_PREFIX}frame-overlays.js`,
  `${CLIENT_PREFIX}frame.js`,
];

/**
 * The mounts of the build (app assets, the issue folder at /issue/, prepared photos at /images/),
 * from the folder alone: the preview must serve even while issue.json does not load.
 * tests/unit/preview-mounts.test.ts checks that this stays equal to issueMounts().
 */
export function issueFolderMounts(issueDir: string, cacheDir: string): Mount[] {
  return [...appMounts(), { prefix: "/issue/", root: issueDir }, { prefix: "/images/", root: cacheDir }];
}

/** The build's mounts plus the preview's browser code. Prepared photos are named by a hash of
 *  their content and settings, so the browser may keep them between versions. */
export function previewMounts(issueDir: string, cacheDir: string): Mount[] {
  const mounts = issueFolderMounts(issueDir, cacheDir).map((m) =>
    m.prefix === "/images/" ? { ...m, immutable: true } : m,
  );
  return [...mounts, { prefix: CLIENT_PREFIX, root: CLIENT_DIR }];
}
