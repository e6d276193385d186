import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import type { PressFlags } from "../press/index";
import type { SendTarget } from "./send-targets";
import type { Setup } from "./setup";

// What a queued edition carries, what it reports while it runs and what it leaves when done.
// Paths are absolute: every worker sees the issue and output folders at the same path (a shared
// mount), so a job means the same on each of them.

export interface EditionJob {
  /** issue.json of the edition, absolute. */
  issueFile: string;
  /** Output folder, absolute: <out>/<name>.pdf, <out>/<name>/layout.json, <out>/<name>/press/. */
  outDir: string;
  /** Present: also make the press files, with these options (as `build --press` takes them). */
  press?: PressFlags;
  strict?: boolean;
  send?: SendTarget[];
  /** The queue's set-up when the job was added: only a worker with the same set-up builds it. */
  setup?: Setup;
}

export interface EditionProgress {
  /** The stage under way (load, measure, makeup, render, write, press, commit, send). */
  stage: string;
  /** Stages done so far, in order. */
  done: string[];
  /** Set when the job failed for its input: the exit code `newsprint build` would give (2 or 3). */
  exitCode?: number;
}

export interface EditionResult {
  /** Files written into the output folder, the PDF last. */
  files: string[];
  pages: number;
  warnings: string[];
  /** Which worker made it (host-pid). */
  worker: string;
  seconds: number;
  delivered: string[];
}

/**
 * The job's id: the issue's name and a hash of everything that decides the output — the issue
 * folder's files, the output folder and the options. Adding the same edition twice is one job; a
 * corrected issue is a new one. BullMQ ids may not contain ":".
 */
export async function editionJobId(job: EditionJob): Promise<string> {
  const hash = createHash("sha256");
  const { setup: _setup, ...decisive } = job;
  hash.update(JSON.stringify(decisive));
  const dir = dirname(job.issueFile);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !file.startsWith(`${job.outDir}/`))
    .sort();
  for (const file of files) {
    hash.update(`\0${relative(dir, file)}\0`);
    hash.update(await readFile(file));
  }
  const name = basename(dir).replace(/[:\s]+/g, "_");
  return `${name}-${hash.digest("hex").slice(0, 16)}`;
}
