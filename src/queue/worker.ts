import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Browser } from "puppeteer-core";
import { launchBrowser } from "../browser/browser";
import type { QueueConfig, ResolvedConfig } from "../config/resolve";
import { claimSetup } from "./claim";
import { connectRedis, queueAddress, shownAddress } from "./connection";
import { QueueOptionsError, SetupMismatchError } from "./errors";
import { realRoots } from "./job-check";
import type { EditionJob, EditionResult } from "./job-data";
import { processEdition, type WorkerContext, workerName } from "./process-edition";
import { localSetup, type Setup, setupDifferences } from "./setup";

// `newsprint worker`: one process, one Chromium reused by all its jobs, BullMQ taking jobs from
// the queue. Before taking any, the worker checks that its set-up is the queue's (claim.ts);
// while it runs it keeps the claim alive and stops if it loses it. A job whose worker dies is
// put back by BullMQ's stalled-job check once its lock runs out, and another worker takes it.

export interface RunningWorker {
  name: string;
  setup: Setup;
  /** Resolves when the worker has stopped (closed, or its set-up claim lost). */
  stopped: Promise<void>;
  /** Finishes the jobs under way, then stops. */
  close(): Promise<void>;
}

/** A worker on the queue of `config.queue`, building with the rest of `config` (its Chromium, press
 *  and delivery settings); `log` gets one line per event, for the operator. */
export async function startWorker(
  config: ResolvedConfig,
  log: (line: string) => void = (line) => console.log(line),
): Promise<RunningWorker> {
  const opts = config.queue;
  queueAddress(opts);
  if (opts.roots.length === 0)
    throw new QueueOptionsError(
      "a worker reads and writes only under the folders given with --root <dir> (repeatable): give at least one",
    );
  const roots = await realRoots(opts.roots).catch((err: NodeJS.ErrnoException) => {
    throw new QueueOptionsError(`--root must name existing folders: ${err.code ?? err.message}`);
  });
  const name = workerName();
  const redis = await connectRedis(opts.redisUrl);
  let browser: Promise<Browser> | undefined;
  const getBrowser = (): Promise<Browser> => {
    if (!browser) {
      const starting = launchBrowser(config.browser);
      browser = starting;
      // A Chromium that crashed or failed to start is launched anew for the next job.
      const forget = () => {
        if (browser === starting) browser = undefined;
      };
      starting.then((b) => b.once("disconnected", forget), forget);
    }
    return browser;
  };
  const closeBrowser = async () => {
    const b = await browser?.catch(() => undefined);
    browser = undefined;
    await b?.close().catch(() => undefined);
  };

  let setup: Setup;
  try {
    setup = await localSetup(await (await getBrowser()).version());
    await checkClaim(redis, opts, setup);
  } catch (err) {
    await closeBrowser();
    redis.disconnect();
    throw err;
  }

  const ctx: WorkerContext = { browser: getBrowser, setup, name, config, roots };
  const worker = new Worker<EditionJob, EditionResult>(opts.queueName, (job) => processEdition(job, ctx), {
    connection: redis,
    name,
    concurrency: opts.concurrency,
    lockDuration: opts.lockDurationMs,
    stalledInterval: opts.stalledIntervalMs,
  });
  worker.on("active", (job: Job<EditionJob>) =>
    log(`started ${job.id} ${job.data.issueFile} (try ${job.attemptsStarted}, stalled ${job.stalledCounter})`),
  );
  worker.on("completed", (job: Job<EditionJob, EditionResult>, result: EditionResult) =>
    log(`completed ${job.id} in ${result.seconds} s: ${result.files.at(-1)}`),
  );
  worker.on("failed", (job: Job<EditionJob> | undefined, err: Error) => {
    const left = job ? (job.opts.attempts ?? 1) - job.attemptsMade : 0;
    const retry = err instanceof UnrecoverableError || left <= 0 ? "not retried" : `${left} tries left`;
    log(`failed ${job?.id ?? "?"} (${retry}): ${err.message.split("\n")[0]}`);
  });
  worker.on("stalled", (jobId: string) => log(`stalled ${jobId}: its worker stopped answering; requeued`));
  worker.on("error", (err: Error) => log(`error: ${err.message}`));

  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      clearInterval(heartbeat);
      await worker.close();
      await closeBrowser();
      redis.disconnect();
      resolveStopped();
    })();
    return closing;
  };
  const ttl = opts.setupTtlMs;
  const heartbeat = setInterval(() => {
    checkClaim(redis, opts, setup).catch((err: Error) => {
      if (err instanceof SetupMismatchError) {
        log(`stopping: ${err.message}`);
        void close();
      }
    });
  }, ttl / 3);
  await worker.waitUntilReady();
  log(`worker ${name} ready on ${shownAddress(opts.redisUrl)} queue ${opts.queueName}, set-up ${setup.id}`);
  return { name, setup, stopped, close };
}

async function checkClaim(redis: Redis, opts: QueueConfig, mine: Setup): Promise<void> {
  const theirs = await claimSetup(redis, opts.queueName, mine, opts.setupTtlMs);
  if (theirs.id === mine.id) return;
  throw new SetupMismatchError(
    `this worker's set-up ${mine.id} differs from the one of the queue's running workers, ${theirs.id}:\n` +
      `${setupDifferences(mine, theirs).join("\n")}\n` +
      "its make-up could differ, so it takes no jobs: install the same Chromium, package-lock.json, " +
      "newsprint version, templates and styles on every worker (or give it a queue of its own with --queue)",
  );
}
