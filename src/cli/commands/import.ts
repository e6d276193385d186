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
  date?: string;
  number?: string;
  lang?: string;
  slug?: string;
  keepPunctuation?: boolean;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("turn Word (.docx), Markdown (.md) or page text (.txt) files into articles of an issue")
    .argument("<file...>", "source files, in page order")
    .requiredOption("-o, --out <issue-dir>", "issue folder: a new one, or an existing one with --append")
    .option("--page <n>", "put the articles on page n (default: the story pool, planned onto pages by the make-up)")
    .option("--append", "add to the existing issue.json in the folder (its story pool, or --page), keeping the rest")
    .option("--lang <lang>", "language of the stories: zh-Hans (default), zh-Hant or en")
    .option("--keep-punctuation", "keep half-width , ( ) ; : ? ! between CJK characters as typed")
    .option("--paper <name>", "new issue: the paper's name")
    .option("--format <preset>", `new issue: tabloid or broadsheet (default ${DEFAULTS.format})`)
    .option("--date <yyyy-mm-dd>", "new issue: its date (default today)")
    .option("--number <n>", "new issue: its number (总第N期)")
    .option("--slug <name>", "new issue: ASCII name of the press files (paper.slug)")
    .addHelpText(
      "after",
      `
Examples:
  newsprint import page.docx -o issues/today && newsprint build issues/today
  newsprint import web/*.md -o issues/today --append
  newsprint import story.docx -o issues/today --append --page 2
  newsprint import ../shared/corpus/001_b82212e4ff01922a.txt -o /tmp/p1 --paper 东昌府新闻 --date 2023-07-20`,
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
          date: opts.date,
          number: opts.number,
          lang: opts.lang,
          slug: opts.slug,
          keepPunctuation: opts.keepPunctuation,
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
