import { type Command, InvalidArgumentError } from "commander";
import type { TypoReport } from "../../check-type/check";
import { STYLE_DEFAULTS } from "../../config/defaults";
import { type Diagnostic, printableLines } from "../../diagnostics";
import { EXIT, exitCodeOf, PdfFaultError } from "../../errors";
import { exitOnSignals } from "../../exit-cleanup";

// `newsprint check-type <pdf...>`: the composition check of finished PDFs (CJK line breaks, ragged
// justified lines, loose justified Latin lines, half-width punctuation between Chinese characters).
// Exit 0 when clean, 4 when any line breaks a rule (a PdfFaultError), 2 when a PDF cannot be read.

export function registerCheckType(program: Command): void {
  program
    .command("check-type")
    .description(
      "check finished PDFs for CJK line-start/line-end violations, ragged justified lines, loose Latin lines and half-width punctuation between Chinese characters",
    )
    .argument("<pdf...>", "PDF files to check")
    .option("--json", "print the reports as JSON")
    .option("--pages <list>", "only these 1-based pages, e.g. 1,3", parsePageList)
    .option(
      "--max-word-space <n>",
      `widest word space of a justified Latin line, times the natural one (default ${STYLE_DEFAULTS.maxWordSpace})`,
      parseLimit,
    )
    // A usage error is no verdict on the PDF: exit 2 as for unreadable input, not commander's 1.
    .exitOverride((err) => process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.invalid))
    .action(async (pdfs: string[], opts: { json?: boolean; pages?: number[]; maxWordSpace?: number }) => {
      exitOnSignals(); // Ctrl-C kills the tools it runs
      process.exitCode = await runCheckType(pdfs, opts);
    });
}

/** Checks each PDF, prints the reports, returns the exit code. */
export async function runCheckType(
  pdfs: readonly string[],
  opts: { json?: boolean; pages?: number[]; maxWordSpace?: number } = {},
  out: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
  err: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
): Promise<number> {
  // Loaded on use: every command's --help need not load poppler's and pdf-lib's readers.
  const [{ checkTypography }, { formatJson, formatText }] = await Promise.all([
    import("../../check-type/check"),
    import("../../check-type/format"),
  ]);
  const reports: TypoReport[] = [];
  let unreadable = false;
  for (const pdf of pdfs) {
    try {
      const report = await checkTypography(pdf, { pages: opts.pages, maxWordSpace: opts.maxWordSpace });
      reports.push(report);
      if (!opts.json) out(printableLines(formatText(report)));
    } catch (e) {
      unreadable = true;
      err(printableLines(`check-type: ${(e as Error).message}`));
    }
  }
  if (opts.json) out(formatJson(reports));
  if (unreadable) return EXIT.invalid;
  try {
    assertTypographyClean(reports);
    return EXIT.ok;
  } catch (verdict) {
    // The reports above name every fault: the verdict only chooses the exit code.
    return exitCodeOf(verdict);
  }
}

/** Throws PdfFaultError (exit 4) with every line that breaks a rule, if any does. */
function assertTypographyClean(reports: TypoReport[]): void {
  const faults = reports.flatMap((r) =>
    r.findings.map(
      (f): Diagnostic => ({ severity: "error", file: r.pdf, page: f.page, code: f.kind, message: f.text }),
    ),
  );
  if (faults.length > 0) throw new PdfFaultError(faults);
}

function parsePageList(value: string): number[] {
  const pages = value.split(",").map((s) => Number(s.trim()));
  if (pages.some((n) => !Number.isInteger(n) || n < 1)) throw new InvalidArgumentError(`not a page list: ${value}`);
  return pages;
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1) throw new InvalidArgumentError(`not a word-space limit (1 or more): ${value}`);
  return n;
}
