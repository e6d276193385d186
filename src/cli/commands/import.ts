import type { Command } from "commander";
import { APP_ROOT, appFile } from "../../app-root";
import { DEFAULTS } from "../../config/defaults";
import { EXIT } from "../exit-codes";
import { reportError } from "../report-error";

interface ImportFlags {
  out: string;
  page?: string;
  append?: boolean;
  paper?: string;
  format?: string;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("turn Word (.docx), Markdown (.md) or page text (.txt) files into articles of an issue")
    .argument("<file...>", "source files, in page order")
    .requiredOption("-o, --out <issue-dir>", "issue folder: a new one, or an existing one with --append")
    .option("--page <n>", "page to put the articles on (default 1)")
    .option("--append", "add to the existing issue.json in the folder, keeping everything else in it")
    .option("--paper <name>", "paper name of a new issue")
    .option("--format <preset>", "format of a new issue: tabloid or broadsheet", DEFAULTS.format)
    .addHelpText(
      "after",
      `
Examples:
  newsprint import story.docx -o issues/today && newsprint build issues/today
  newsprint import web/*.md -o issues/today --append --page 2
  newsprint import ../shared/corpus/001_b82212e4ff01922a.txt -o /tmp/p1 --paper 东昌府新闻`,
    )
    .action(async (files: string[], opts: ImportFlags) => {
      try {
        // Loaded on use: mammoth, marked and sharp stay unloaded for other commands.
        const { formatReport, importFiles } = await import("../../import");
        const report = await importFiles(files, {
          out: opts.out,
          page: opts.page === undefined ? undefined : Number(opts.page),
          append: opts.append,
          paper: opts.paper,
          format: opts.format,
          schemaFile: appFile("schema/issue.schema.json"),
          appRoot: APP_ROOT,
        });
        for (const line of formatReport(report)) console.log(line);
        process.exitCode = EXIT.ok;
      } catch (err) {
        process.exitCode = reportError(err);
      }
    });
}
