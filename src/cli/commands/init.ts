import type { Command } from "commander";
import { APP_ROOT, appFile } from "../../app-root";
import { DEFAULTS } from "../../config/defaults";
import { renderDiagnostic } from "../../diagnostics";
import { EXIT } from "../exit-codes";
import { reportError } from "../report-error";

interface InitFlags {
  format?: string;
  paper?: string;
  date?: string;
  number?: string;
  lang?: string;
  slug?: string;
}

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("start an issue folder: issue.json with a placeholder lead story, photos/, a README of the fields")
    .argument("<dir>", "new (or empty) folder")
    .option("--format <preset>", `tabloid or broadsheet (default ${DEFAULTS.format})`)
    .option("--paper <name>", "paper name printed in the masthead")
    .option("--date <yyyy-mm-dd>", "the issue's date (default today)")
    .option("--number <n>", "the issue's number (总第N期)")
    .option("--lang <lang>", "zh-Hans (default), zh-Hant or en: words, fonts, the placeholder story")
    .option("--slug <name>", "ASCII name of the press files (paper.slug; default: the --paper name's, if it has one)")
    .addHelpText(
      "after",
      "\nExample:\n  newsprint init issues/today --paper 东昌府新闻 --date 2023-07-20 --number 1234 && newsprint preview issues/today --open",
    )
    .action(async (dir: string, opts: InitFlags) => {
      try {
        const { initIssue } = await import("../../import/scaffold");
        const { files, warnings } = await initIssue(dir, {
          ...opts,
          schemaFile: appFile("schema/issue.schema.json"),
          appRoot: APP_ROOT,
        });
        for (const f of files) console.log(`wrote ${f}`);
        for (const w of warnings) console.warn(`warning: ${renderDiagnostic(w)}`);
        process.exitCode = EXIT.ok;
      } catch (err) {
        process.exitCode = reportError(err);
      }
    });
}
