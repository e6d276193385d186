import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { queueSetup } from "./claim";
import { connectRedis, type QueueAddress } from "./connection";
import type { EditionJob, EditionProgress, EditionResult } from "./job-data";
import type { Setup } from "./setup";

// `newsprint queue status`: every job with its state, stage, tries, error and output files; the
// workers connected and the queue's set-up.

export const JOB_STATES = ["active", "waiting", "prioritized", "delayed", "failed", "completed"] as const;
export type JobStateName = (typeof JOB_STATES)[number];

export interface JobRow {
  id: string;
  issue: string;
  state: JobStateName;
  stage?: string;
  /** How often a worker took the job (a killed worker's try counts), and how often it ended in failure. */
  started: number;
  failures: number;
  maxAttempts: number;
  stalled: number;
  worker?: string;
  error?: string;
  exitCode?: number;
  files: string[];
  /** The build's warnings (low-resolution photos, press file names…). */
  warnings: string[];
  addedAt: string;
  finishedAt?: string;
}

export interface QueueStatus {
  queue: string;
  setup?: Setup;
  workers: string[];
  counts: Record<JobStateName, number>;
  jobs: JobRow[];
}

export async function queueStatus(opts: QueueAddress & { limit: number }): Promise<QueueStatus> {
  const redis = await connectRedis(opts.redisUrl);
  const queue = new Queue<EditionJob, EditionResult>(opts.queueName, { connection: redis });
  try {
    return await readStatus(queue, redis, opts.queueName, opts.limit);
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

async function readStatus(
  queue: Queue<EditionJob, EditionResult>,
  redis: Redis,
  queueName: string,
  limit: number,
): Promise<QueueStatus> {
  const counts = (await queue.getJobCounts(...JOB_STATES)) as Record<JobStateName, number>;
  const jobs: JobRow[] = [];
  for (const state of JOB_STATES) {
    for (const job of await queue.getJobs(state, 0, limit - 1)) {
      if (!job?.id) continue;
      const progress = (typeof job.progress === "object" ? job.progress : {}) as Partial<EditionProgress>;
      const result = job.returnvalue as EditionResult | null;
      jobs.push({
        id: job.id,
        issue: job.data.issueFile,
        state,
        stage: progress.stage,
        started: job.attemptsStarted,
        // BullMQ counts the successful try in attemptsMade too.
        failures: job.attemptsMade - (state === "completed" ? 1 : 0),
        maxAttempts: job.opts.attempts ?? 1,
        stalled: job.stalledCounter,
        worker: result?.worker ?? job.processedBy,
        error: job.failedReason || undefined,
        exitCode: progress.exitCode,
        files: result?.files ?? [],
        warnings: result?.warnings ?? [],
        addedAt: new Date(job.timestamp).toISOString(),
        finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : undefined,
      });
    }
  }
  // BullMQ names a worker's connection <prefix>:<queue>:w:<worker name>.
  const workers = (await queue.getWorkers()).map((w) => String(w.rawname ?? w.name ?? "").replace(/^.*:w:/, ""));
  return { queue: queueName, setup: await queueSetup(redis, queueName), workers, counts, jobs };
}

/** The status as a person reads it: counts, workers, then one block per job. */
export function statusLines(status: QueueStatus): string[] {
  const counts = JOB_STATES.filter((s) => status.counts[s]).map((s) => `${status.counts[s]} ${s}`);
  const lines = [
    `queue ${status.queue}: ${counts.join(", ") || "no jobs"}`,
    `workers: ${status.workers.length ? status.workers.join(", ") : "none connected"}` +
      (status.setup ? ` (set-up ${status.setup.id}, ${status.setup.parts.chromium})` : ""),
  ];
  for (const job of status.jobs) {
    const stage = job.state === "active" && job.stage ? ` at ${job.stage}` : "";
    const tries = `try ${job.started}${job.stalled ? `, ${job.stalled} stalled` : ""}, ${job.failures}/${job.maxAttempts} failed`;
    lines.push(`${job.state.padEnd(9)} ${job.id}${stage} (${tries})${job.worker ? ` on ${job.worker}` : ""}`);
    lines.push(`          ${job.issue}`);
    for (const file of job.files) lines.push(`          → ${file}`);
    for (const warning of job.warnings) lines.push(`          warning: ${warning}`);
    if (job.error) lines.push(...job.error.split("\n").map((l) => `          ! ${l}`));
  }
  return lines;
}
