import type { Command } from "commander";
import { DEFAULTS } from "../../config/defaults";
import { EXIT } from "../exit-codes";
import { reportError } from "../report-error";

interface PlanFlags {
  json?: boolean;
  out: string;
  chromium?: string;
}

export function registerPlan(program: Command): void {
  program
    .command("plan")
    .description(
      "print the flatplan — per page: section, stories with their lines and photos, fill, jumps, ads — without the PDF",
    )
    .argument("<issue>", "issue folder or issue.json")
    .option("--json", "print the plan as JSON")
    .option("-o, --out <dir>", "output folder whose measurements the plan shares with build", DEFAULTS.outDir)
    .option("--chromium <path>", `Chromium binary (default: $NEWSPRINT_CHROMIUM or ${DEFAULTS.chromiumPaths[0]})`)
    .addHelpText(
      "after",
      `
The stories of the pool ("articles" at the top level) are planned onto the pages of their section.
Exit code 3 when the material does not fit: the plan says what did not, and what would make it fit.

Examples:
  newsprint plan issues/dongchangfu
  newsprint plan issues/dongchangfu --json > plan.json`,
    )
    .action(async (target: string, opts: PlanFlags) => {
      const started = performance.now();
      // Chromium starts only when something is not measured yet (the build's measurements are
      // shared): a plan of an issue built before needs none.
      try {
        const [{ planIssue }, { planSummary, planTable }, { checkOutputDir }] = await Promise.all([
          import("../../pipeline/plan-issue"),
          import("../plan-table"),
          import("../../output-dir"),
        ]);
        // The measurements are kept in -o: a folder that cannot be one is said first, as build does.
        await checkOutputDir(opts.out);
        const planned = await planIssue(target, { chromium: opts.chromium, outDir: opts.out });
        const { plan, timings, layout, editions } = planned;
        const total = Math.round(performance.now() - started);
        if (opts.json) {
          const json = { ...plan, ...(editions.length ? { editions } : {}), timings: { ...timings, total } };
          console.log(JSON.stringify(json, null, 2));
        } else {
          for (const line of planTable(plan)) console.log(line);
          for (const edition of editions) {
            console.log("");
            console.log(`edition ${edition.id} (${edition.name}): pages ${edition.replaced.join(", ")} its own`);
            for (const line of planTable(edition.plan)) console.log(line);
            for (const problem of edition.problems) console.log(`error: ${problem}`);
          }
          console.log("");
          console.log(planSummary(plan, timings, layout.plan?.trials));
          console.log(`plan ready in ${(total / 1000).toFixed(1)} s`);
        }
        // A jump across an edition's pages is the issue file's fault, as build says (exit 2).
        const crossing = editions.some((e) => e.problems.length > 0);
        const fits = plan.ok && editions.every((e) => e.plan.ok);
        process.exitCode = crossing ? EXIT.invalid : fits ? EXIT.ok : EXIT.layout;
      } catch (err) {
        process.exitCode = reportError(err);
      }
    });
}
