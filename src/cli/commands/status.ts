import type { Command } from "commander";
import { DEFAULTS } from "../../config/defaults";
import { EXIT } from "../exit-codes";
import { plantPages } from "../plant-pages";
import { reportError } from "../report-error";

// `newsprint status <issue>`: each page on its way to the plant — made up, proofed, press file
// ready, signed off (by whom, when), sent (when, which version, where), changed since sign-off.

export function registerStatus(program: Command): void {
  program
    .command("status")
    .description("each page's state for the plant: made up, proofed, signed off, sent, changed since sign-off")
    .argument("<issue>", "issue folder or issue.json")
    .option("-o, --out <dir>", "output folder of the build", DEFAULTS.outDir)
    .option("--json", "print the states as JSON")
    .exitOverride((err) => process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.invalid))
    .action(async (target: string, opts: { out: string; json?: boolean }) => {
      try {
        const { describeStatus, pageStatuses, readPlantRecord } = await import("../../signoff/index");
        const plant = await plantPages(target, opts.out);
        const statuses = await pageStatuses(plant.pages, await readPlantRecord(plant.recordFile, plant.issueName));
        if (opts.json)
          console.log(JSON.stringify({ issue: plant.issueName, record: plant.recordFile, pages: statuses }, null, 2));
        else {
          console.log(`${plant.issueName} (${plant.recordFile})`);
          for (const s of statuses) console.log(describeStatus(s));
        }
        process.exitCode = EXIT.ok;
      } catch (err) {
        process.exitCode = reportError(err);
      }
    });
}
