import { type Command, Option } from "commander";
import { DEFAULTS } from "../../config/defaults";
import type { PressConfig } from "../../config/resolve";
import { renderDiagnostic, warning } from "../../diagnostics";
import { exitOnSignals } from "../../exit-cleanup";
import { PDFX_VERSIONS } from "../../pdf/pdfx";
import type { EditionPressNames } from "../../pipeline/edition-files";
import type { PressFlags } from "../../press/issue-options";
import { EXIT } from "../exit-codes";
import { reportError } from "../report-error";

interface BuildFlags extends PressFlags {
  out: string;
  html?: boolean;
  press?: boolean;
  strict?: boolean;
  chromium?: string;
  quiet?: boolean;
  timings?: string;
  epaper?: string;
  baseUrl?: string;
}

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("make up an issue and write its PDF (and layout report) into the output folder")
    .argument("<issue>", "issue folder or issue.json")
    .option("-o, --out <dir>", "output folder", DEFAULTS.outDir)
    .option("--html", "also write the rendered HTML with its assets, self-contained")
    .option("--press", "also write the press files: one PDF/X-1a per page (CMYK, boxes, marks) and the whole issue")
    .option("--bleed <mm>", `bleed of the press files (default: the format's, ${DEFAULTS.bleedMm} mm)`)
    .option("--ink-limit <percent>", `total ink limit of the press files (default ${DEFAULTS.inkLimit})`)
    .option("--profile <icc>", `output-condition ICC profile (default: ${shippedProfile(DEFAULTS.inkLimit)})`)
    .addOption(
      new Option("--pdfx <version>", "PDF/X version of the press files").choices(PDFX_VERSIONS).default(DEFAULTS.pdfx),
    )
    .option("--page-pattern <pattern>", "press file names, tokens <paper> <yyyymmdd> <page> <section>")
    .option("--deterministic", "fixed dates and IDs: unchanged input gives byte-identical press files")
    .option("--epaper <site-dir>", "also write the digital edition (数字报) into a site folder (see newsprint epaper)")
    .option("--base-url <url>", "with --epaper: the site's public address, for the feed and the sitemap")
    .option("--strict", "photos below the resolution threshold are errors, not warnings")
    .option(
      "--chromium <path>",
      `Chromium binary (default: $NEWSPRINT_CHROMIUM or ${DEFAULTS.chromiumPaths[0]}); it must start within $NEWSPRINT_LAUNCH_TIMEOUT_MS (${DEFAULTS.launchTimeoutMs})`,
    )
    .option("-q, --quiet", "print only errors")
    .option("--timings <file>", "write the stage timings and peak memory as JSON (for the benchmark)")
    .addHelpText(
      "after",
      `
Examples:
  newsprint build issues/dongchangfu              → output/dongchangfu.pdf, output/dongchangfu/layout.json
  newsprint build issues/dongchangfu --press      → also output/dongchangfu/press/dongchangfu_20221230_01.pdf …
  newsprint build issues/dongchangfu/issue.json -o /tmp/out --html
  newsprint build issues/dongchangfu --epaper site  → also site/index.html, site/2022-12-30/page-01.html …`,
    )
    .action(async (target: string, opts: BuildFlags) => {
      // Ctrl-C at any moment: Ghostscript is killed and staging folders removed (exit 130).
      exitOnSignals();
      // Chromium starts first and launches while the rest of the pipeline's modules load.
      const [{ launchEarly }, { resolveConfig }] = await Promise.all([
        import("../../browser/early-launch"),
        import("../../config/resolve"),
      ]);
      const config = resolveConfig({ outDir: opts.out, chromium: opts.chromium, strict: opts.strict });
      const browser = launchEarly(config.browser);
      // Loaded on use: `newsprint --help` need not load sharp, pdf-lib and the rest.
      const [
        { buildIssue },
        { stderrProgress },
        { cutLines, layoutSummary, ruleLines },
        { writeBuild },
        { writeAtomic },
        { writeEditions, editionPressNames },
      ] = await Promise.all([
        import("../../pipeline/build"),
        import("../progress"),
        import("../../pipeline/summary"),
        import("../../pipeline/write-build"),
        import("../../write-atomic"),
        import("../../pipeline/edition-files"),
      ]);
      const progress = opts.quiet ? undefined : stderrProgress();
      const started = performance.now();
      try {
        // Every option is checked before any stage runs: a bad one writes nothing.
        const { checkOutputDir } = await import("../../output-dir");
        await checkOutputDir(opts.out);
        const press = opts.press ? await checkPress(target, opts, config.press) : undefined;
        const epaper = opts.epaper ? await checkEpaper(target, opts.epaper, opts.baseUrl) : undefined;
        const result = await buildIssue(target, {
          outDir: opts.out,
          strict: opts.strict,
          printAll: opts.html,
          // Awaited only once the input has passed its checks: invalid input is reported as such
          // even when Chromium cannot start.
          browser: browser.starting,
          onStage: (stage) => progress?.stage(stage),
        });
        const files = await writeBuild(result, opts.out, { html: opts.html });
        let pressFiles: string[] = [];
        let editionPress: EditionPressNames | undefined;
        if (press) {
          progress?.stage("press");
          const t = performance.now();
          const { makePressFiles, makeEditionsPressFiles } = await import("../../press/index");
          const made = await makePressFiles(files.pdf, press.options, config.press);
          const editions = await makeEditionsPressFiles(result.issue, result.editions, press.options, config.press);
          result.timings.press = Math.round(performance.now() - t);
          const editionPages = [...editions.values()].flatMap((e) => e.pages);
          pressFiles = [...made.pages.map((p) => p.file), made.issueFile, ...editionPages.map((p) => p.file)];
          editionPress = editionPressNames(made.pages, editions);
          result.warnings.push(...press.warnings.map((w) => warning(w)));
        }
        const editionFiles = await writeEditions(result, opts.out, editionPress);
        const epaperLines = epaper
          ? await (await import("./epaper")).writeEpaper(result, files.pdf, epaper.site, epaper.baseUrl, progress)
          : [];
        progress?.done();
        if (opts.timings) {
          const total = Math.round(performance.now() - started);
          const stats = { ...result.timings, total, maxRssKiB: process.resourceUsage().maxRSS };
          await writeAtomic(opts.timings, `${JSON.stringify(stats, null, 2)}\n`);
        }
        if (!opts.quiet) {
          for (const line of layoutSummary(result.layout)) console.log(line);
          for (const line of cutLines(result.layout, result.model)) console.log(line);
          for (const line of ruleLines(result.layout)) console.log(line);
          for (const w of result.warnings) console.warn(`warning: ${renderDiagnostic(w)}`);
          const secs = ((performance.now() - started) / 1000).toFixed(1);
          console.log(`wrote ${files.pdf} (${result.layout.pages.length} pages, ${secs} s)`);
          if (files.html) console.log(`wrote ${files.html}/index.html`);
          for (const e of result.editions)
            console.log(
              `edition ${e.id} (${e.name}): pages ${e.replaced.join(", ")} its own, ${e.printed} printed, ` +
                `the others the base's`,
            );
          const report = editionFiles.at(-1);
          if (report) console.log(`wrote ${report}`);
          if (pressFiles.length)
            console.log(`wrote ${pressFiles.length} press files in ${pressFiles[0]?.replace(/\/[^/]*$/, "")}`);
          for (const line of epaperLines) console.log(line);
        }
        process.exitCode = EXIT.ok;
      } catch (err) {
        progress?.done();
        await writeFailedLayout(err, opts.out);
        process.exitCode = reportError(err);
      } finally {
        await browser.close();
      }
    });
}

/** A build whose material does not fit writes its layout.json all the same: the make-up as far
 *  as it went, what did not fit, and the advice as typed edits (the PDF is not written). */
async function writeFailedLayout(err: unknown, outDir: string): Promise<void> {
  const { LayoutError } = await import("../../pipeline/compose");
  if (!(err instanceof LayoutError) || err.report === undefined) return;
  const [{ join }, { writeAtomic }] = await Promise.all([import("node:path"), import("../../write-atomic")]);
  const file = join(outDir, err.report.issueName, "layout.json");
  await writeAtomic(file, `${JSON.stringify(err.report.layout, null, 2)}\n`);
}

/** The e-paper's site folder and base URL, checked before any stage runs. */
async function checkEpaper(target: string, site: string, baseUrl?: string) {
  const { checkEpaperOptions } = await import("./epaper");
  return { site, baseUrl: await checkEpaperOptions(target, site, baseUrl) };
}

/** The press options, checked against the issue (loaded for its date, pages and names). */
async function checkPress(target: string, opts: BuildFlags, settings: PressConfig) {
  const [{ loadIssue }, { checkPressOptions }] = await Promise.all([
    import("../../load/index"),
    import("../../press/index"),
  ]);
  return checkPressOptions(opts, await loadIssue(target), opts.out, settings);
}

/** The shipped profile the press uses at an ink limit, as named in help texts. */
export function shippedProfile(inkLimit: number): string {
  return DEFAULTS.pressProfiles.find((p) => p.inkLimit <= inkLimit)?.file ?? "";
}
