import { appFile } from "../app-root";
import { browserScript } from "../browser/scripts";
import type { Mount } from "../server/server";
import { issueMounts, PAGEDJS_SCRIPT } from "../typeset/assets";

// What the preview serves besides the issue: its own browser code (bundled from TypeScript), its
// page and styles. The pages' frame paginates with the build's own routine (render/paged.browser.ts,
// bundled into frame.js), so the editor's browser lays out the pages with the code that makes the PDF.

export const CLIENT_DIR = appFile("src/preview/client");
export const CLIENT_PREFIX = "/preview/";

/** The editor's page and the pages' frame, as bundles served at these URLs. */
export const CLIENT_BUNDLES = [
  { url: `${CLIENT_PREFIX}shell.js`, entry: "src/preview/client/shell.browser.ts", global: "npvShell" },
  { url: `${CLIENT_PREFIX}frame.js`, entry: "src/preview/client/frame.browser.ts", global: "npvFrame" },
];

export function clientBundles(): { url: string; source: string }[] {
  return CLIENT_BUNDLES.map((b) => ({ url: b.url, source: browserScript(b.entry, b.global).source }));
}

/** Scripts of the pages document in the preview: Paged.js, then the frame's bundle. */
export const FRAME_SCRIPTS = [PAGEDJS_SCRIPT, `${CLIENT_PREFIX}frame.js`];

/** The build's mounts plus the preview's page and styles. Prepared photos are named by a hash of
 *  their content and settings, so the browser may keep them between versions. */
export function previewMounts(issueDir: string, cacheDir: string): Mount[] {
  const mounts = issueMounts(issueDir, cacheDir).map((m) => (m.prefix === "/images/" ? { ...m, immutable: true } : m));
  return [...mounts, { prefix: CLIENT_PREFIX, root: CLIENT_DIR }];
}
