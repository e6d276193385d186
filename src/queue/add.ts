import { stat } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { Queue } from "bullmq";
import type { PressConfig, QueueConfig } from "../config/resolve";
import { loadIssue, resolveIssuePath } from "../load/index";
import { checkPressOptions } from "../press/index";
import { queueSetup } from "./claim";
import { connectRedis, queueAddress } from "./connection";
import { QueueOptionsError } from "./errors";
import { type EditionJob, type EditionResult, editionJobId } from "./job-data";

// `newsprint queue add`: one job per issue. The job id comes from the issue's content and the
// options, so adding an unchanged edition again does not build it twice; a failed one is tried
// again. Each job carries the set-up of the queue's running workers, if any.

export type AddOutcome = "added" | "already queued" | "already built" | "retried";

export interface AddedEdition {
  id: string;
  issueFile: string;
  outcome: AddOutcome;
}

/** Every issue path (exists, has an issue.json) and option is checked before any job is added. */
export async function addEditions(
  issues: string[],
  job: Omit<EditionJob, "issueFile" | "setup">,
  settings: QueueConfig,
  press: PressConfig,
): Promise<AddedEdition[]> {
  const files = await Promise.all(issues.map((issue) => resolveIssuePath(issue)));
  await checkEditions(files, job, press);
  const opts = queueAddress(settings);
  const redis = await connectRedis(opts.redisUrl);
  const queue = new Queue<EditionJob, EditionResult>(opts.queueName, { connection: redis });
  try {
    const setup = await queueSetup(redis, opts.queueName);
    const added: AddedEdition[] = [];
    for (const issueFile of files) {
      const data: EditionJob = { ...job, issueFile, ...(setup ? { setup } : {}) };
      const id = await editionJobId(data);
      const existing = await queue.getJob(id);
      const state = existing ? await existing.getState() : undefined;
      let outcome: AddOutcome;
      if (existing && state === "failed") {
        await existing.retry("failed");
        outcome = "retried";
      } else if (existing && state === "completed") {
        outcome = "already built";
      } else if (existing && state !== "unknown") {
        outcome = "already queued";
      } else {
        await queue.add(basename(dirname(issueFile)), data, {
          jobId: id,
          attempts: settings.attempts,
          backoff: { type: "exponential", delay: settings.backoffMs },
        });
        outcome = "added";
      }
      added.push({ id, issueFile, outcome });
    }
    return added;
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** What a worker would refuse for the options, found before anything is queued (exit 2): press
 *  options wrong for an issue (numbers, PDF/X version, profile, file names), a hot folder that is
 *  not there. */
async function checkEditions(
  files: string[],
  job: Omit<EditionJob, "issueFile" | "setup">,
  settings: PressConfig,
): Promise<void> {
  for (const target of job.send ?? []) {
    if (!("folder" in target)) continue;
    const info = await stat(target.folder).catch(() => undefined);
    if (!info?.isDirectory()) throw new QueueOptionsError(`--send ${target.folder}: no such folder`);
  }
  if (!job.press) return;
  for (const file of files) {
    // An issue that does not load fails on the worker with build's message; its options are checked here.
    const issue = await loadIssue(file).catch(() => undefined);
    if (issue) await checkPressOptions(job.press, issue, job.outDir, settings);
  }
}
