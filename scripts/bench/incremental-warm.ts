// Rebuilds in one running process with its browser open, as the queue's workers and a build
// daemon run them: the 16-page issue built in full, rebuilt unchanged, rebuilt after one article
// changed. Prints one JSON line. Not a test: figures vary with the machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser } from "../../src/browser/browser";
import { resolveConfig } from "../../src/config/resolve";
import { buildIssue } from "../../src/pipeline/build";
import { copyEdit, repeatedIssue } from "./issues";

const root = join(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "newsprint-incr-warm-"));
const browser = await launchBrowser(resolveConfig().browser);
try {
  const issue = repeatedIssue(join(root, "issues/dongchangfu"), 2, join(work, "issue16"));
  const build = async (outDir: string) => {
    const t = performance.now();
    const r = await buildIssue(issue, { outDir, browser });
    return {
      ms: Math.round(performance.now() - t),
      measured: r.timings["measure.boxes"],
      printed: r.timings["render.pages"],
    };
  };
  // A first build warms the browser (its fonts' files are in the disk cache) as a worker's would be.
  await build(join(work, "warm"));
  const full = await build(join(work, "out"));
  const unchanged = await build(join(work, "out"));
  copyEdit(issue);
  const changed = await build(join(work, "out"));
  console.log(
    JSON.stringify({
      pages: 16,
      fullMs: full.ms,
      unchangedMs: unchanged.ms,
      unchanged,
      oneArticleChangedMs: changed.ms,
      oneArticleChanged: changed,
      changedToFull: Number((changed.ms / full.ms).toFixed(2)),
    }),
  );
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
