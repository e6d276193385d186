import { realpath } from "node:fs/promises";
import { basename, dirname, isAbsolute, join } from "node:path";
import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { isInside } from "../paths";
import type { EditionJob } from "./job-data";

// A worker trusts no job: whoever can write to Redis can queue one. Its data must be what
// `newsprint queue add` writes, and every folder and file it names — the issue, the output folder,
// a hot folder, an ICC profile — must be inside the folders the worker was given (`--root`),
// through symlinks. Otherwise the job fails once (UnrecoverableError, no retry) with a reason
// that names the field and quotes no file.

const absolute = z.string().refine((p) => isAbsolute(p) && !p.includes("\0"));
const setupPart = z.string();
const jobSchema = z.strictObject({
  issueFile: absolute,
  outDir: absolute,
  press: z
    .strictObject({
      bleed: z.string().optional(),
      inkLimit: z.string().optional(),
      profile: absolute.optional(),
      pdfx: z.string().optional(),
      pagePattern: z.string().optional(),
      deterministic: z.boolean().optional(),
    })
    .optional(),
  strict: z.boolean().optional(),
  send: z
    .array(
      z.union([
        z.strictObject({ printer: z.string() }),
        z.strictObject({ sftp: z.string() }),
        z.strictObject({ folder: absolute }),
      ]),
    )
    .optional(),
  setup: z
    .strictObject({
      id: z.string(),
      parts: z.strictObject({
        chromium: setupPart,
        newsprint: setupPart,
        fonts: setupPart,
        pagedjs: setupPart,
        templates: setupPart,
        styles: setupPart,
      }),
    })
    .optional(),
});

/** The job's data as queue add writes it, or an UnrecoverableError naming the fields that are not. */
export function parseJobData(data: unknown): EditionJob {
  const parsed = jobSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(the whole job)"))];
  throw new UnrecoverableError(
    `job data is not what \`newsprint queue add\` writes (${fields.join(", ")}): add the edition again with queue add`,
  );
}

/** The real path of `path`, or of its nearest existing folder joined with the rest (an output
 *  folder not made yet). */
async function realOrAncestor(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(await realOrAncestor(parent), basename(path));
  }
}

/** The worker's roots as real paths; run once at its start. */
export async function realRoots(roots: readonly string[]): Promise<string[]> {
  return Promise.all(roots.map((root) => realpath(root)));
}

/** Refuses a job that names a folder or file outside `roots` (real paths). */
export async function confineJob(job: EditionJob, roots: readonly string[]): Promise<void> {
  const named: [string, string][] = [
    ["issue folder", dirname(job.issueFile)],
    ["issue file", job.issueFile],
    ["output folder", job.outDir],
    ...(job.press?.profile ? [["ICC profile", job.press.profile] as [string, string]] : []),
    ...(job.send ?? []).flatMap((t): [string, string][] => ("folder" in t ? [["send folder", t.folder]] : [])),
  ];
  const outside: string[] = [];
  for (const [what, path] of named) {
    const real = await realOrAncestor(path);
    if (!roots.some((root) => isInside(root, real, true))) outside.push(what);
  }
  if (outside.length > 0)
    throw new UnrecoverableError(
      `refused: the job's ${outside.join(", ")} ${outside.length > 1 ? "are" : "is"} outside this worker's --root folders`,
    );
}
