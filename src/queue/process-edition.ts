import { hostname } from "node:os";
import { resolve } from "node:path";
import { type Job, UnrecoverableError } from "bullmq";
import type { Browser } from "puppeteer-core";
import type { ResolvedConfig } from "../config/resolve";
import { renderDiagnostic, renderDiagnostics } from "../diagnostics";
import { EXIT, exitCodeOf, NewsprintError } from "../errors";
import { loadIssue } from "../load/index";
import { checkOutputDir } from "../output-dir";
import { buildIssue } from "../pipeline/build";
import { type EditionPressNames, editionPressNames, writeEditions } from "../pipeline/edition-files";
import { writeBuild } from "../pipeline/write-build";
import { refuseFailing } from "../preflight/refuse";
import { checkPressOptions, makeEditionsPressFiles, makePressFiles } from "../press/index";
import { deliverEdition } from "./deliver-edition";
import { confineJob, parseJobData } from "./job-check";
import type { EditionJob, EditionProgress, EditionResult } from "./job-data";
import { openJobStaging } from "./job-staging";
import { type Setup, setupDifferences } from "./setup";

// One queued edition, as `newsprint build [--press]` and `newsprint send` make it: the same
// pipeline calls, built into the job's staging folder and moved into place when complete. Input
// faults (exit 2 and 3 of build: exitCodeOf) cannot be cured by another try: they fail the job for
// good, with the message build would print. Anything else (Chromium, Ghostscript, delivery) is retried.

export interface WorkerContext {
  /** The worker's Chromium, shared by its jobs (relaunched if it died). */
  browser(): Promise<Browser>;
  setup: Setup;
  /** host-pid, as BullMQ records it in processedBy. */
  name: string;
  /** The worker's configuration: its press and delivery settings serve every job. */
  config: ResolvedConfig;
  /** The real paths of the folders it may read and write (--root). */
  roots: string[];
}

export const workerName = (): string => `${hostname()}-${process.pid}`;

export async function processEdition(job: Job<EditionJob, EditionResult>, ctx: WorkerContext): Promise<EditionResult> {
  const started = performance.now();
  // Whoever can write to Redis can queue a job: its data is checked before anything is read.
  const data = parseJobData(job.data);
  await confineJob(data, ctx.roots);
  const progress: EditionProgress = { stage: "queued", done: [] };
  let reporting = Promise.resolve();
  const stage = (name: string) => {
    if (progress.stage !== "queued") progress.done.push(progress.stage);
    progress.stage = name;
    const snapshot = { ...progress, done: [...progress.done] };
    // In order, and never failing the build: progress is for people watching.
    reporting = reporting.then(() => job.updateProgress(snapshot)).catch(() => undefined);
  };
  const log = (line: string) => {
    job.log(line).catch(() => undefined);
  };

  try {
    if (data.setup && data.setup.id !== ctx.setup.id) {
      throw new UnrecoverableError(
        `queued for set-up ${data.setup.id}, but this worker's is ${ctx.setup.id} (` +
          `${setupDifferences(ctx.setup, data.setup, "when queued").join("; ")}): ` +
          "add the issue again once every worker has the same set-up",
      );
    }
    await checkOutputDir(data.outDir);
    const staging = await openJobStaging(data.outDir, job.id ?? "job");
    try {
      const press = data.press
        ? await checkPressOptions(data.press, await loadIssue(data.issueFile), staging.dir, ctx.config.press)
        : undefined;
      const result = await buildIssue(data.issueFile, {
        outDir: staging.dir,
        strict: data.strict,
        browser: ctx.browser(),
        onStage: stage,
      });
      stage("write");
      const written = await writeBuild(result, staging.dir);
      const warnings = [...result.warnings.map(renderDiagnostic), ...(press?.warnings ?? [])];
      let editionPress: EditionPressNames | undefined;
      if (press) {
        stage("press");
        const made = await makePressFiles(written.pdf, press.options, ctx.config.press);
        const editions = await makeEditionsPressFiles(result.issue, result.editions, press.options, ctx.config.press);
        editionPress = editionPressNames(made.pages, editions);
      }
      // Zoned editions: their proofs and editions.json, committed with the rest.
      await writeEditions(result, staging.dir, editionPress);
      stage("commit");
      const files = await staging.commit();
      const pressFiles = files.filter((f) => f.includes("/press/"));
      let delivered: string[] = [];
      if (data.send?.length) {
        stage("send");
        const pdf = files[files.length - 1] as string;
        const sending = pressFiles.length ? pressFiles : [pdf];
        // As `newsprint send`: nothing reaches the plant that fails preflight (a proof without
        // --press does); the job fails for good, naming the files and checks.
        await refuseFailing(sending, ctx.config.preflight);
        delivered = await deliverEdition(sending, data.send, ctx.config.deliver, log);
      }
      stage("done");
      await reporting;
      return {
        files,
        pages: result.layout.pages.length,
        warnings,
        worker: ctx.name,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        delivered,
      };
    } finally {
      await staging.discard();
    }
  } catch (err) {
    // What another try can cure is retried; the input's faults fail the job for good.
    const exitCode = exitCodeOf(err);
    if (exitCode === EXIT.failed || !(err instanceof NewsprintError)) throw err;
    progress.exitCode = exitCode;
    await reporting;
    await job.updateProgress({ ...progress }).catch(() => undefined);
    const kind = exitCode === EXIT.invalid ? "invalid input" : err.title;
    throw new UnrecoverableError(`${kind} (exit ${exitCode}): ${failureText(err)}`);
  }
}

/** The error's text with its files named by absolute path: relative to the worker's folder they
 *  mean nothing to whoever reads the queue's status. */
export function failureText(err: NewsprintError): string {
  return renderDiagnostics(err.diagnostics.map((d) => (d.file === undefined ? d : { ...d, file: resolve(d.file) })));
}
