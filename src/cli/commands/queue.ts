import { type Command, Option } from "commander";
import { DEFAULTS } from "../../config/defaults";
import { PDFX_VERSIONS } from "../../pdf/pdfx";
import type { PressFlags } from "../../press/issue-options";
import { EXIT } from "../exit-codes";
import { reportError } from "../report-error";
import { positiveInteger } from "./worker";

interface QueueFlags {
  redis?: string;
  queue?: string;
}

interface AddFlags extends QueueFlags, PressFlags {
  out: string;
  press?: boolean;
  strict?: boolean;
  send: string[];
  attempts?: number;
  json?: boolean;
}

interface StatusFlags extends QueueFlags {
  json?: boolean;
  limit: number;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function queueOptions(command: Command): Command {
  return command
    .option("--redis <url>", `the queue's Redis (default: $NEWSPRINT_REDIS_URL or ${DEFAULTS.redisUrl})`)
    .option("--queue <name>", "queue name", DEFAULTS.queueName);
}

export function registerQueue(program: Command): void {
  const queue = program
    .command("queue")
    .description("queue editions for `newsprint worker` processes (BullMQ on Redis) and follow them");

  queueOptions(
    queue
      .command("add")
      .description("queue one build per issue; the issue and output folders must be at the same path on every worker")
      .argument("<issue...>", "issue folders or issue.json files"),
  )
    .option("-o, --out <dir>", "output folder", DEFAULTS.outDir)
    .option("--press", "also make the press files (PDF/X per page), as build --press")
    .option("--bleed <mm>", "bleed of the press files")
    .option("--ink-limit <percent>", "total ink limit of the press files")
    .option("--profile <icc>", "output-condition ICC profile, at a path every worker sees")
    .addOption(new Option("--pdfx <version>", "PDF/X version of the press files").choices(PDFX_VERSIONS))
    .option("--page-pattern <pattern>", "press file names, tokens <paper> <yyyymmdd> <page> <section>")
    .option("--deterministic", "fixed dates and IDs in the press files")
    .option("--strict", "photos below the resolution threshold are errors")
    .option(
      "--send <destination>",
      "then deliver the press files (else the PDF): ipp://printer, sftp://user@host[:port]/path or a folder; repeatable",
      collect,
      [],
    )
    .option(
      "--attempts <n>",
      `tries for failures not caused by the input (default ${DEFAULTS.queueAttempts})`,
      positiveInteger,
    )
    .option("--json", "print the jobs as JSON")
    .addHelpText(
      "after",
      `
An unchanged issue added again is not built again; a failed one is tried again.
Example:
  newsprint queue add /mnt/editions/*/ -o /mnt/editions/out --press --send /mnt/plant/in`,
    )
    .action(async (issues: string[], opts: AddFlags) => {
      try {
        // Only the queue's client side: adding a job loads neither Chromium's driver nor the pipeline.
        const [{ addEditions }, { parseSendTarget }, { queueAddress }, { resolveConfig }] = await Promise.all([
          import("../../queue/add"),
          import("../../queue/send-targets"),
          import("../../queue/connection"),
          import("../../config/resolve"),
        ]);
        const { resolve } = await import("node:path");
        const { queue, press: pressSettings } = resolveConfig({
          queue: { redisUrl: opts.redis, queueName: opts.queue, attempts: opts.attempts },
        });
        queueAddress(queue);
        const send = opts.send.map((value) => parseSendTarget(value));
        const press = opts.press
          ? {
              bleed: opts.bleed,
              inkLimit: opts.inkLimit,
              profile: opts.profile && resolve(opts.profile),
              pdfx: opts.pdfx,
              pagePattern: opts.pagePattern,
              deterministic: opts.deterministic,
            }
          : undefined;
        const added = await addEditions(
          issues,
          {
            outDir: resolve(opts.out),
            ...(press ? { press: JSON.parse(JSON.stringify(press)) } : {}),
            ...(opts.strict ? { strict: true } : {}),
            ...(send.length ? { send } : {}),
          },
          queue,
          pressSettings,
        );
        if (opts.json) console.log(JSON.stringify(added, null, 2));
        else for (const job of added) console.log(`${job.outcome}: ${job.id} ${job.issueFile}`);
        process.exitCode = EXIT.ok;
      } catch (err) {
        process.exitCode = reportError(err);
      }
    });

  queueOptions(queue.command("status").description("list the queue's jobs: state, stage, tries, error, output files"))
    .option("--json", "as JSON")
    .option("--limit <n>", "jobs per state at most", positiveInteger, DEFAULTS.queueStatusLimit)
    .action(async (opts: StatusFlags) => {
      try {
        const [{ queueStatus, statusLines }, { queueAddress }, { resolveConfig }] = await Promise.all([
          import("../../queue/status"),
          import("../../queue/connection"),
          import("../../config/resolve"),
        ]);
        const { queue } = resolveConfig({ queue: { redisUrl: opts.redis, queueName: opts.queue } });
        const status = await queueStatus({ ...queueAddress(queue), limit: opts.limit });
        if (opts.json) console.log(JSON.stringify(status, null, 2));
        else for (const line of statusLines(status)) console.log(line);
        process.exitCode = EXIT.ok;
      } catch (err) {
        process.exitCode = reportError(err);
      }
    });
}
