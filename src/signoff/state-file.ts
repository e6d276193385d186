import { readFile } from "node:fs/promises";
import { z } from "zod";
import { InputError } from "../errors";
import { withFileLock } from "../file-lock";
import { writeAtomic } from "../write-atomic";

// The plant's record of an issue, `<out>/<issue>/signoff.json` beside the build: who signed off
// which page when, against the SHA-256 of its press file, and every delivery of a page. People
// read it (and may edit it by hand), so it is checked with zod whenever it is read. Every change is
// a read, a change and an atomic write under a lock, one sign-off or one delivery at a time, so a
// crash leaves the file as it was before the step that did not finish.

export const SIGNOFF_FILE = "signoff.json";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "a lower-case hex SHA-256");
const instant = z.iso.datetime({ offset: true });
const page = z.number().int().positive();
/** A zoned edition's own page; absent for the base issue's. */
const edition = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "an edition id")
  .optional();

const SignOffSchema = z.strictObject({
  page,
  edition,
  by: z.string().trim().min(1),
  at: instant,
  /** The press file's name when it was signed off. */
  file: z.string().min(1),
  sha256,
});

const DeliverySchema = z.strictObject({
  page,
  edition,
  /** 1 for the first delivery of the page to this destination, then 2, 3… */
  version: z.number().int().positive(),
  /** The press file's name. */
  file: z.string().min(1),
  /** The name it has at the destination: the file's, `_v2` added from the second version on. */
  name: z.string().min(1),
  sha256,
  at: instant,
  /** The printer URI, the hot folder's absolute path or the SFTP address. */
  to: z.string().min(1),
});

const PlantRecordSchema = z.strictObject({
  issue: z.string(),
  signoffs: z.array(SignOffSchema),
  deliveries: z.array(DeliverySchema),
});

export type SignOff = z.infer<typeof SignOffSchema>;
export type Delivery = z.infer<typeof DeliverySchema>;
export type PlantRecord = z.infer<typeof PlantRecordSchema>;

/** The sign-off file cannot be read as one: it names the file and each problem. Exit 2. */
export class SignoffFileError extends InputError {
  override name = "SignoffFileError";
  override readonly title = "sign-off file";
  override readonly listsProblems = true;
}

/** The record in `file`; an empty one when there is no file yet. */
export async function readPlantRecord(file: string, issue: string): Promise<PlantRecord> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { issue, signoffs: [], deliveries: [] };
    throw new SignoffFileError([{ severity: "error", file, message: `cannot be read: ${(err as Error).message}` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SignoffFileError([
      { severity: "error", file, message: `is not JSON (${(err as Error).message}): fix it or remove it` },
    ]);
  }
  const parsed = PlantRecordSchema.safeParse(json);
  if (!parsed.success) {
    throw new SignoffFileError(
      parsed.error.issues.map((issue) => ({
        severity: "error" as const,
        file,
        path: jsonPath(issue.path),
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

/** `signoffs[2].sha256`, as the diagnostics of issue.json name a place. */
function jsonPath(keys: readonly PropertyKey[]): string {
  return keys.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("");
}

/** Reads the record, applies `change` and writes it back atomically, under the file's lock. */
export function updatePlantRecord(
  file: string,
  issue: string,
  change: (record: PlantRecord) => PlantRecord,
): Promise<PlantRecord> {
  return withFileLock(file, async () => {
    const next = change(await readPlantRecord(file, issue));
    await writeAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
    return next;
  });
}
