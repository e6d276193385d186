import { type Command, InvalidArgumentError } from "commander";
import { DEFAULTS } from "../../config/defaults";
import { EXIT } from "../exit-codes";
import { plantPages } from "../plant-pages";
import { reportError } from "../report-error";

// `newsprint approve <issue> --page N --by NAME`: signs pages off for the plant, each against the
// hash of its press file as it is now, in <out>/<issue>/signoff.json. `send --issue` sends only
// signed-off pages, and holds back one whose press file changed since.

export function registerApprove(program: Command): void {
  program
    .command("approve")
    .description("sign pages off for the plant: who, when, against the hash of each page's press file")
    .argument("<issue>", "issue folder or issue.json")
    .requiredOption("--page <n>", "page to sign off; repeat it, or list them: --page 1,3", pageList)
    .requiredOption("--by <name>", "who signs off")
    .option("--edition <id>", "the pages are that zoned edition's own (its shared pages are the base's)")
    .option("-o, --out <dir>", "output folder of the build", DEFAULTS.outDir)
    .addHelpText(
      "after",
      "\nExamples:\n  newsprint approve issues/today --page 1 --page 2 --by 王编辑\n  newsprint approve issues/today --edition north --page 2 --by 王编辑",
    )
    .exitOverride((err) => process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.invalid))
    .action(async (target: string, opts: { page: number[]; by: string; out: string; edition?: string }) => {
      try {
        const { pageKey, pageStatuses, readPlantRecord, signOff, updatePlantRecord } = await import(
          "../../signoff/index"
        );
        const plant = await plantPages(target, opts.out);
        const record = await readPlantRecord(plant.recordFile, plant.issueName);
        const statuses = await pageStatuses(plant.pages, record);
        const signoffs = signOff(statuses, opts.page, opts.by, new Date(), opts.edition);
        await updatePlantRecord(plant.recordFile, plant.issueName, (r) => ({
          ...r,
          signoffs: [...r.signoffs, ...signoffs],
        }));
        for (const s of signoffs) {
          console.log(
            `signed off page ${pageKey(s.page, s.edition)} (${s.file}, sha256 ${s.sha256.slice(0, 12)}…) by ${s.by} at ${s.at}`,
          );
        }
        console.log(`recorded in ${plant.recordFile}`);
        process.exitCode = EXIT.ok;
      } catch (err) {
        process.exitCode = reportError(err);
      }
    });
}

/** "3" or "1,3", added to the pages given before. */
export function pageList(value: string, previous: number[] | undefined): number[] {
  const pages = value.split(",").map((part) => {
    const n = Number(part.trim());
    if (!/^\d+$/.test(part.trim()) || !Number.isSafeInteger(n) || n < 1) {
      throw new InvalidArgumentError(`expected page numbers such as 3 or 1,3, not "${value}"`);
    }
    return n;
  });
  return [...(previous ?? []), ...pages];
}
