import type { Command } from "commander";
import { printable } from "../../diagnostics";
import { EXIT } from "../exit-codes";
import { reportError } from "../report-error";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check an issue with its photos and logo as build does, short of the browser; list every problem")
    .argument("<issue>", "issue folder or issue.json")
    .addHelpText("after", "\nExample:\n  newsprint validate issues/dongchangfu")
    .action(async (target: string) => {
      try {
        const [{ inspectIssue }, { resolveConfig }] = await Promise.all([
          import("../../inspect/inspect"),
          import("../../config/resolve"),
        ]);
        const issue = await inspectIssue(target, resolveConfig().images);
        const articles = issue.data.pages.reduce((n, p) => n + p.articles.length, 0);
        console.log(
          `${printable(issue.file)}: valid (${issue.data.pages.length} pages, ${articles} articles, ${issue.format.name})`,
        );
        process.exitCode = EXIT.ok;
      } catch (err) {
        process.exitCode = reportError(err);
      }
    });
}
