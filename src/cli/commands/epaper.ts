import type { Command } from "commander";
import { DEFAULTS } from "../../config/defaults";
import { exitOnSignals } from "../../exit-cleanup";
import type { BuildResult } from "../../pipeline/build";
import { EXIT } from "../exit-codes";
import type { Progress } from "../progress";
import { reportError } from "../report-error";

// `newsprint epaper`: the issue's digital edition (数字报), a static site beside its print PDF.

interface EpaperFlags {
  out: string;
  buildDir: string;
  baseUrl?: string;
  strict?: boolean;
  chromium?: string;
  quiet?: boolean;
}

export function registerEpaper(program: Command): void {
  program
    .command("epaper")
    .description(
      "make the issue's digital edition (数字报): a static site of page pictures with a link over each story, story pages, a PDF per page, back issues",
    )
    .argument("<issue>", "issue folder or issue.json")
    .requiredOption(
      "-o, --out <site-dir>",
      "the site's folder; issues built into it before stay, listed by date (往期)",
    )
    .option("--build-dir <dir>", "output folder of the build it makes or brings up to date", DEFAULTS.outDir)
    .option("--base-url <url>", "the site's public address: absolute links in feed.xml and sitemap.xml")
    .option("--strict", "photos below the resolution threshold are errors, not warnings")
    .option("--chromium <path>", "Chromium binary (default: $NEWSPRINT_CHROMIUM or /usr/bin/chromium)")
    .option("-q, --quiet", "print only errors")
    .addHelpText(
      "after",
      `
The issue is built (or its build in --build-dir brought up to date: unchanged pages are neither
measured nor printed again), then its site is written: <site>/<date>/ with a page view per page,
a story page per story, issue.json, page pictures and PDFs; <site>/index.html, feed.xml and
sitemap.xml for the latest issue. Pages whose print did not change keep their files. Any static
file server serves the folder; \`newsprint send <site> --folder|--sftp\` delivers it.

Examples:
  newsprint epaper issues/dongchangfu -o site
  newsprint epaper issues/dongchangfu -o /srv/epaper --base-url https://epaper.example.cn/
  newsprint build issues/dongchangfu --press --epaper site   the same, with the press files`,
    )
    .action(async (target: string, opts: EpaperFlags) => {
      exitOnSignals();
      const [{ launchEarly }, { resolveConfig }] = await Promise.all([
        import("../../browser/early-launch"),
        import("../../config/resolve"),
      ]);
      const browser = launchEarly(resolveConfig({ chromium: opts.chromium }).browser);
      const [{ buildIssue }, { stderrProgress }, { writeBuild }, { checkOutputDir }] = await Promise.all([
        import("../../pipeline/build"),
        import("../progress"),
        import("../../pipeline/write-build"),
        import("../../output-dir"),
      ]);
      const progress = opts.quiet ? undefined : stderrProgress();
      const started = performance.now();
      try {
        await checkOutputDir(opts.buildDir);
        const baseUrl = await checkEpaperOptions(target, opts.out, opts.baseUrl);
        const result = await buildIssue(target, {
          outDir: opts.buildDir,
          strict: opts.strict,
          browser: browser.starting,
          onStage: (stage) => progress?.stage(stage),
        });
        const files = await writeBuild(result, opts.buildDir);
        const lines = await writeEpaper(result, files.pdf, opts.out, baseUrl, progress);
        progress?.done();
        if (!opts.quiet) {
          for (const w of result.warnings) console.warn(`warning: ${w}`);
          for (const line of lines) console.log(line);
          console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
        }
        process.exitCode = EXIT.ok;
      } catch (err) {
        progress?.done();
        process.exitCode = reportError(err);
      } finally {
        await browser.close();
      }
    });
}

/** The site folder and base URL, checked before any stage runs; the base URL as the site uses it. */
export async function checkEpaperOptions(target: string, siteDir: string, baseUrl?: string) {
  const [{ checkOutputDir }, { checkSite, siteBaseUrl }] = await Promise.all([
    import("../../output-dir"),
    import("../../epaper/index"),
  ]);
  const url = baseUrl === undefined ? undefined : siteBaseUrl(baseUrl);
  await checkOutputDir(siteDir);
  await checkSite(target, siteDir);
  return url;
}

/** Writes the e-paper of a finished build; the lines that report it. */
export async function writeEpaper(
  result: BuildResult,
  proofFile: string,
  siteDir: string,
  baseUrl: string | undefined,
  progress?: Progress,
): Promise<string[]> {
  progress?.stage("epaper");
  const { makeEpaper } = await import("../../epaper/index");
  const made = await makeEpaper(
    { model: result.model, layout: result.layout, proofFile, pageKeys: result.pageKeys },
    { siteDir, baseUrl, onProgress: (line) => progress?.stage(`epaper: ${line}`) },
  );
  const pictured = made.pages.filter((p) => p.pictured).length;
  const kept = made.pages.length - pictured;
  return [
    `wrote ${made.issueDir}/ (${made.pages.length} pages, ${made.stories} stories; ${pictured} pages pictured, ${kept} kept; ${made.written.length} files written, ${made.removed.length} removed)`,
  ];
}
