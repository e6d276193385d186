import { type Command, InvalidArgumentError } from "commander";
import { DEFAULTS } from "../../config/defaults";
import { type PreflightConfig, resolveConfig } from "../../config/resolve";
import { printableLines } from "../../diagnostics";
import { EXIT, exitCodeOf } from "../../errors";
import { exitOnSignals } from "../../exit-cleanup";
import type { PreflightReport } from "../../preflight/index";

// `newsprint preflight <pdf...>`: checks PDFs as a newspaper plant would. Exit 0 when every
// check passed (warnings allowed), 4 when a check failed, 2 on bad usage or an unreadable file,
// 1 when a tool it runs failed.

export function registerPreflight(program: Command): void {
  program
    .command("preflight")
    .description("check PDFs for print: boxes and bleed, fonts, colour spaces, image resolution, ink, PDF/X")
    .argument("<pdf...>", "PDF files to check")
    .option("--json", "print the report as JSON")
    .option(
      "--min-ppi <n>",
      `warn below this effective image resolution (default ${DEFAULTS.minPpi})`,
      nonNegative("--min-ppi"),
    )
    .option(
      "--max-ink <n>",
      `highest total ink C+M+Y+K in percent (default ${DEFAULTS.inkLimit})`,
      nonNegative("--max-ink"),
    )
    .option(
      "--bleed <mm>",
      `bleed required beyond the TrimBox in mm (default ${DEFAULTS.bleedMm})`,
      nonNegative("--bleed"),
    )
    .addHelpText("after", "\nExample:\n  newsprint preflight output/press/*.pdf --max-ink 240")
    // A usage error is no verdict on the PDF: exit 2 as for unreadable input, not commander's 1.
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : EXIT.invalid))
    .action(async (files: string[], flags: { json?: boolean; minPpi?: number; maxInk?: number; bleed?: number }) => {
      exitOnSignals(); // Ctrl-C kills the tools it runs
      const limits = { minPpi: flags.minPpi, maxInk: flags.maxInk, bleedMm: flags.bleed };
      process.exitCode = await runPreflight(files, resolveConfig({ preflight: limits }).preflight, flags.json);
    });
}

/** Checks the files, prints the report, returns the exit code. */
export async function runPreflight(
  files: readonly string[],
  settings: PreflightConfig,
  json = false,
  out: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
  err: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
): Promise<number> {
  // Loaded on use, like every command's heavy parts (pdf-lib, Ghostscript wrappers).
  const { assertPreflightPassed, formatReport, preflight } = await import("../../preflight/index");
  let report: PreflightReport;
  try {
    report = await preflight([...files], settings);
  } catch (e) {
    // A tool missing or out of time: no verdict on the files.
    err(printableLines(`preflight: ${(e as Error).message}`));
    return exitCodeOf(e);
  }
  out(json ? JSON.stringify(report, null, 2) : printableLines(formatReport(report)));
  try {
    assertPreflightPassed(report);
    return EXIT.ok;
  } catch (verdict) {
    // The report above names every fault: the verdict only chooses the exit code.
    return exitCodeOf(verdict);
  }
}

function nonNegative(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < 0) {
      throw new InvalidArgumentError(`${flag} needs a number ≥ 0, not "${value}"`);
    }
    return n;
  };
}
