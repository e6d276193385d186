import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Issue 26.2: every file an input names goes through one guard — src/files.ts (confined through
// symlinks, regular files only, a size limit) or, for photos and ad artwork, the photo stage's
// resolveSource (src/images/source-path.ts), which is the same rule. This test finds every module
// of src/ that reads a file itself and holds it to the reason written here: a new reader fails
// the test until someone says which guard covers it, or why its files are no input's.

const SRC = join(import.meta.dirname, "..", "..", "src");
const READS = /\breadFileSync\(|\breadFile\(|\bcreateReadStream\(|\bopenSync\(|\bfontkit\.open/;

const READERS: Record<string, string> = {
  "files.ts": "the guard itself",
  "file-lock.ts": "its own lock file beside issue.json",
  "app-root.ts": "the app's own files",
  "version.ts": "the app's package.json",
  "browser/version-note.ts": "the output folder's cache",
  "typeset/environment.ts": "the app's templates and styles",
  "typeset/templates.ts": "the app's templates",
  "epaper/templates.ts": "the app's templates",
  "fonts/coverage.ts": "the installed @fontsource stylesheets",
  "fonts/faces.ts": "@fontsource metadata; a paper's font files only after load/style-file.ts confined them",
  "load/load.ts": "issue.json, the command's own argument (src/load/locate.ts finds it)",
  "images/check.ts": "photos, after resolveSource (images/source-path.ts)",
  "images/prepare.ts": "photos, after resolveSource (images/source-path.ts)",
  "images/cache.ts": "the output folder's photo cache",
  "render/ad-artwork.ts": "ad artwork, after probeArtwork's resolveSource",
  "render/page-cache.ts": "the output folder's page cache, and the files it served (confined by server/static.ts)",
  "measure/cache.ts": "the output folder's measurement cache",
  "measure/composer/faces.ts":
    "@fontsource stylesheets and faces; a paper's font files only after load/style-file.ts confined them",
  "measure/composer/woff2.ts": "the font files composer/faces.ts listed (installed, or confined by load/style-file.ts)",
  "server/static.ts": "mounted folders, confined through symlinks (isInside on real paths)",
  "pdf/open-pdf.ts": "PDFs named on the command line (checkPdfPath: a regular file) and ad artwork after resolveSource",
  "pdf/ink.ts": "Ghostscript's output in a staging folder",
  "pdf/content-cache.ts": "a source its caller resolved (ad artwork after resolveSource), to hash it",
  "pdf/unlock.ts": "ad artwork after resolveSource (probeArtwork), and Ghostscript's copy of it in the cache",
  "press/make-press-files.ts": "the build's own PDF and Ghostscript's output",
  "epaper/manifest.ts": "the e-paper site's own manifest",
  "epaper/photos.ts": "photos of the built issue, after resolveSource",
  "epaper/proof.ts": "the build's own proof PDF",
  "epaper/raster.ts": "Ghostscript's output in a staging folder",
  "epaper/site-files.ts": "the site folder's own files",
  "epaper/site.ts": "the app's stylesheet and the build's own layout",
  "deliver/ipp-http.ts": "press files the build made or the command line names",
  "deliver/staged-delivery.ts": "press files the build made or the command line names",
  "deliver/tree-delivery.ts": "the e-paper site the build made",
  "deliver/sftp-credentials.ts": "the operator's SSH key (environment), never the issue",
  "preview/edit-service.ts": "issue.json, under its lock",
  "preview/error-report.ts": "the app's templates, to name the one that does not compile",
  "preview/preview.ts": "issue.json, the command's own argument",
  "preview/routes.ts": "the app's client bundle",
  "queue/job-data.ts": "the issue folder's regular files (Dirent.isFile), on queue add's own machine",
  "queue/setup.ts": "the app's package-lock.json, templates and styles",
  "cli/plant-pages.ts": "the build's own layout.json in the output folder",
  "press/ghostscript-wasm.ts": "the build's own PDF and the ICC profile press/icc.ts has read (a regular file)",
  "signoff/page-status.ts": "the press files the build wrote in the output folder",
  "signoff/state-file.ts": "the sign-off record newsprint keeps in the output folder",
};

function readers(): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".browser.ts") && !f.startsWith("preview/client/"))
    .filter((f) => READS.test(readFileSync(join(SRC, f), "utf8")))
    .sort();
}

describe("every file read on an input's behalf goes through the one guard (issue 26.2)", () => {
  it("each module that reads files says which guard covers it", () => {
    const unexplained = readers().filter((f) => !(f in READERS));
    expect(unexplained).toEqual([]);
  });

  it("the list names no module that no longer reads files", () => {
    const found = new Set(readers());
    expect(Object.keys(READERS).filter((f) => !found.has(f))).toEqual([]);
  });

  it("the readers of what an issue names use the guard's functions", () => {
    for (const file of ["load/style-file.ts", "load/ads-file.ts", "press/icc.ts", "import/files.ts"]) {
      const text = readFileSync(join(SRC, file), "utf8");
      expect(text, file).toMatch(/from "\.\.\/files"/);
      expect(READS.test(text), file).toBe(false);
    }
    for (const file of ["images/probe.ts", "images/artwork.ts"])
      expect(readFileSync(join(SRC, file), "utf8"), file).toContain("resolveSource(");
  });
});
