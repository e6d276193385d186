import { type Command, InvalidArgumentError } from "commander";
import { DEFAULTS } from "../../config/defaults";
import { SIGNAL_EXIT_CODES } from "../../exit-cleanup";
import { EXIT } from "../exit-codes";
import { reportError } from "../report-error";

interface WorkerFlags {
  concurrency: number;
  redis?: string;
  queue?: string;
  chromium?: string;
  lockDuration: number;
  stalledInterval: number;
  root: string[];
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError("expected a whole number of at least 1");
  }
  return n;
}

export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("build the editions queued with `newsprint queue add`, one Chromium for all its jobs")
    .option("--concurrency <n>", "editions built at once by this worker", positiveInteger, DEFAULTS.queueConcurrency)
    .option("--redis <url>", `the queue's Redis (default: $NEWSPRINT_REDIS_URL or ${DEFAULTS.redisUrl})`)
    .option("--queue <name>", "queue name", DEFAULTS.queueName)
    .option(
      "--root <dir>",
      "a folder whose issues this worker builds and where it writes and sends (repeatable; at least one)",
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option("--chromium <path>", `Chromium binary (default: $NEWSPRINT_CHROMIUM or ${DEFAULTS.chromiumPaths[0]})`)
    .option(
      "--lock-duration <ms>",
      "a job of a worker that stops answering is free again after this long",
      positiveInteger,
      DEFAULTS.queueLockDurationMs,
    )
    .option(
      "--stalled-interval <ms>",
      "how often to look for such jobs",
      positiveInteger,
      DEFAULTS.queueStalledIntervalMs,
    )
    .addHelpText(
      "after",
      `
Runs until SIGTERM or Ctrl-C, which let the jobs under way finish (a second one stops at once;
those jobs are then taken by another worker). It reads and writes only under the --root folders:
a job naming an issue, output, send folder or profile elsewhere fails at once. Before taking jobs it checks that its Chromium,
fonts, newsprint version, templates and styles are those of the queue's other workers.

Example:
  newsprint worker --redis rediss://:password@queue.example:6380 --root /mnt/editions --concurrency 2`,
    )
    .action(async (opts: WorkerFlags) => {
      try {
        const [{ startWorker }, { resolveConfig }] = await Promise.all([
          import("../../queue/index"),
          import("../../config/resolve"),
        ]);
        const config = resolveConfig({
          chromium: opts.chromium,
          queue: {
            redisUrl: opts.redis,
            queueName: opts.queue,
            concurrency: opts.concurrency,
            lockDurationMs: opts.lockDuration,
            stalledIntervalMs: opts.stalledInterval,
            roots: opts.root,
          },
        });
        const worker = await startWorker(config);
        let stopping = false;
        for (const signal of ["SIGINT", "SIGTERM"] as const) {
          process.on(signal, () => {
            if (stopping) process.exit(SIGNAL_EXIT_CODES[signal]);
            stopping = true;
            console.log(`${signal}: finishing the jobs under way (again to stop at once)`);
            void worker.close();
          });
        }
        await worker.stopped;
        // Stopped without being asked: it lost the queue's set-up to another one.
        process.exitCode = stopping ? EXIT.ok : EXIT.failed;
      } catch (err) {
        process.exitCode = reportError(err);
      }
    });
}
