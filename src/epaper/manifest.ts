import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { InputError } from "../errors";
import { SITE } from "./site-paths";

// The site's manifest (site.json), kept in the site's folder: which issues it holds (往期), and for
// each the key of every page and every file written for it. A rebuilt issue keeps the files of
// pages whose key held, and the files no longer made are removed — only files the manifest lists,
// never anything else in the folder.

const pageEntrySchema = z.object({
  number: z.number().int().min(1),
  /** The page's key: what it was printed from, and how its pictures are made. */
  key: z.string(),
  /** Its pictures and PDF, relative to the site. */
  files: z.array(z.string()),
});

const issueEntrySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  dateLine: z.string(),
  number: z.string().optional(),
  /** When a file of the issue last changed (ISO 8601): the feed's and the sitemap's date. */
  updated: z.string(),
  pages: z.array(pageEntrySchema),
  /** Every file of the issue, relative to the site. */
  files: z.array(z.string()),
});

export const manifestSchema = z.object({
  format: z.literal(1),
  paper: z.string(),
  /** Newest first. */
  issues: z.array(issueEntrySchema),
  /** Files of the site as a whole (front door, feed, sitemap, assets). */
  files: z.array(z.string()),
});

export type SiteManifest = z.infer<typeof manifestSchema>;
export type IssueEntry = z.infer<typeof issueEntrySchema>;
export type PageEntry = z.infer<typeof pageEntrySchema>;

/** The site folder is not one newsprint can write its e-paper into. */
export class SiteError extends InputError {
  override name = "SiteError";
  override readonly title: string = "cannot write the e-paper site";
}

/** The manifest of the site folder; a new one for an empty or missing folder. A folder with other
 *  files, another paper's site or an unreadable manifest is refused: nothing there is overwritten. */
export async function readManifest(siteDir: string, paper: string): Promise<SiteManifest> {
  const file = join(siteDir, SITE.manifest);
  const text = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw new SiteError(`${file} cannot be read (${err.code ?? err.message})`);
  });
  if (text === undefined) {
    const present = await readdir(siteDir).catch(() => []);
    if (present.length > 0) {
      throw new SiteError(
        `${siteDir} holds other files and no ${SITE.manifest}: give an empty folder or one where newsprint made an e-paper`,
      );
    }
    return { format: 1, paper, issues: [], files: [] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new SiteError(`${file} is not JSON (${(err as Error).message}): the site's manifest is damaged`);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) {
    const where = result.error.issues[0]?.path.join(".") ?? "";
    throw new SiteError(`${file} is not an e-paper manifest newsprint can read (at "${where}")`);
  }
  if (result.data.paper !== paper) {
    throw new SiteError(
      `${siteDir} is the e-paper of ${result.data.paper}, not of ${paper}: give each paper its own site`,
    );
  }
  return result.data;
}

/** The page of an earlier build of the same issue whose key is `key`: its files can stay. */
export function keptPage(old: IssueEntry | undefined, number: number, key: string): PageEntry | undefined {
  return old?.pages.find((p) => p.number === number && p.key === key);
}

/** The manifest with `entry` in place of the issue of its date, newest issue first. */
export function withIssue(manifest: SiteManifest, entry: IssueEntry): SiteManifest {
  const issues = [...manifest.issues.filter((i) => i.date !== entry.date), entry];
  issues.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return { ...manifest, issues };
}

/** Files `before` listed that `after` does not: what a rebuild no longer makes. */
export function staleFiles(before: readonly string[], after: readonly string[]): string[] {
  const kept = new Set(after);
  return before.filter((f) => !kept.has(f));
}

export function manifestText(manifest: SiteManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
