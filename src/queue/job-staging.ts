import { randomUUID } from "node:crypto";
import { mkdir, readdir, rename, rm, symlink } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

// A job builds into its own hidden folder inside the output folder, <out>/.jobs/<job id>.<n>, and
// only a finished build is renamed into place, file by file (same file system, so each rename is
// atomic). A worker killed halfway leaves nothing under the final names: its debris stays in
// .jobs/, where the next try of the same job removes it before starting. The photo cache is
// shared through a link, so editions built by different workers reuse each other's photos.

export const JOBS_DIR = ".jobs";
const CACHE_DIR = ".cache";

export interface JobStaging {
  /** The output folder the pipeline writes into. */
  dir: string;
  /** Moves every file written in `dir` to the same place under the output folder; returns them. */
  commit(): Promise<string[]>;
  discard(): Promise<void>;
}

export async function openJobStaging(outDir: string, jobId: string): Promise<JobStaging> {
  const jobs = join(outDir, JOBS_DIR);
  await mkdir(jobs, { recursive: true });
  await removeStale(jobs, jobId);
  const dir = join(jobs, `${jobId}.${randomUUID().slice(0, 8)}`);
  await mkdir(dir);
  await mkdir(join(outDir, CACHE_DIR), { recursive: true });
  // Where links are not supported (some object-store mounts) the job keeps a cache of its own.
  await symlink(join("..", "..", CACHE_DIR), join(dir, CACHE_DIR), "dir").catch(() => undefined);
  const discard = () => rm(dir, { recursive: true, force: true });
  return {
    dir,
    discard,
    async commit() {
      const files = await filesBelow(dir);
      // The PDFs at the top (the proof) last: a reader who sees it finds its layout.json and press files.
      files.sort((a, b) => Number(!a.includes("/")) - Number(!b.includes("/")) || a.localeCompare(b));
      const done: string[] = [];
      for (const file of files) {
        const target = join(outDir, file);
        await mkdir(dirname(target), { recursive: true });
        await rename(join(dir, file), target);
        done.push(target);
      }
      await discard();
      return done;
    },
  };
}

/** Earlier tries of the same job (a killed worker's): only this job's holder touches them. */
async function removeStale(jobs: string, jobId: string): Promise<void> {
  for (const name of await readdir(jobs)) {
    if (name.startsWith(`${jobId}.`)) await rm(join(jobs, name), { recursive: true, force: true });
  }
}

/** Files below `dir`, relative, leaving out the shared cache and hidden staging folders. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((file) => !file.split("/").some((part) => part.startsWith(".")));
}
