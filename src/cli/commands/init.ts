import type { Command } from "commander";
import { APP_ROOT, appFile } from "../../app-root";
import { DEFAULTS } from "../../config/defaults";
import { EXIT } from "../exit-codes";
import { reportError } from "../report-error";

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("start an issue folder: issue.json with a placeholder lead story, photos/, a README of the fields")
    .argument("<dir>", "new (or empty) folder")
    .option("--format <preset>", "tabloid or broadsheet", DEFAULTS.format)
    .option("--paper <name>", "paper name printed in the masthead")
    .addHelpText(
      "after",
      "\nExample:\n  newsprint init issues/today --paper 东昌府新闻 && newsprint preview issues/today --open",
    )
    .action(async (dir: string, opts: { format: string; paper?: string }) => {
      try {
        const { initIssue } = await import("../../import/scaffold");
        const files = await initIssue(dir, {
          format: opts.format,
          paper: opts.paper,
          schemaFile: appFile("schema/issue.schema.json"),
          appRoot: APP_ROOT,
        });
        for (const f of files) console.log(`wrote ${f}`);
        process.exitCode = EXIT.ok;
      } catch (err) {
        process.exitCode = reportError(err);
      }
    });
}
