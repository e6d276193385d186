import { basename, resolve } from "node:path";
import type { Session } from "../browser/session";
import { forIssue, type ResolvedConfig } from "../config/resolve";
import { FitError, InputError } from "../errors";
import { inspectIssue } from "../inspect/inspect";
import type { Issue, IssueData } from "../load";
import type { PageMemo } from "../makeup";
import type { Layout } from "../makeup/types";
import type { MeasureCache } from "../measure/cache";
import { composeIssue } from "../pipeline/compose";
import { editionIssue } from "../pipeline/editions";
import { type Flatplan, flatplan } from "../pipeline/flatplan";
import { stageTimer } from "../pipeline/stage-timer";
import { IMAGES_URL_PREFIX, issueFileUrl } from "../typeset/assets";
import type { Measurements } from "../typeset/measurements";
import type { TypesetModel } from "../typeset/model";
import { errorReport } from "./error-report";
import { compositionMarks } from "./marks";
import { FRAME_SCRIPTS } from "./mounts";
import type { ErrorReport, Mark } from "./state";

// One rebuild of the preview: the build's own stages (load → compose) on the current files, with
// the preview's scripts in the pages. Never throws: a failure becomes the report the overlay shows.

export type RebuildResult =
  | {
      ok: true;
      html: string;
      formatCss: string;
      pages: number;
      /** URL paths of the files the pages use from the issue folder and the photo cache. */
      assets: string[];
      bleedMm: number;
      marks: Mark[];
      plan: Flatplan;
      buildMs: number;
      stageMs: Record<string, number>;
      /** What the editor's edits are checked and placed against (edit-service.ts). */
      model: TypesetModel;
      layout: Layout;
      measurements: Measurements;
    }
  | { ok: false; error: ErrorReport; fit: boolean };

/** `config`: the preview's, resolved when it started; the issue's own settings are layered on it
 *  at each rebuild, as the file may have changed them. */
export async function rebuildPages(
  issueFile: string,
  session: Session,
  config: ResolvedConfig,
  measureCache?: MeasureCache,
  makeupMemo?: PageMemo,
  /** A zoned edition's id: its pages are shown (the base's with its own in place). */
  edition?: string,
): Promise<RebuildResult> {
  const started = performance.now();
  const stageMs: Record<string, number> = {};
  const time = stageTimer(stageMs);
  let data: IssueData | undefined;
  try {
    const loaded = await time("load", () => inspectIssue(issueFile, config.images));
    const issue = edition === undefined ? loaded : editionOf(loaded, edition);
    data = issue.data;
    const composed = await composeIssue(issue, session, {
      cacheDir: resolve(config.cache.images),
      images: forIssue(config, issue).images,
      measureCache,
      makeupMemo,
      scripts: FRAME_SCRIPTS,
      time,
    });
    await measureCache?.save();
    return {
      ok: true,
      html: composed.html,
      formatCss: composed.model.formatCss,
      pages: composed.layout.pages.length,
      assets: [
        ...composed.images.map((img) => `${IMAGES_URL_PREFIX}${basename(img.file)}`),
        ...[...composed.ads.values()].map((art) => art.url),
        ...(issue.data.paper.logo ? [issueFileUrl(issue.data.paper.logo)] : []),
      ],
      bleedMm: issue.format.bleedMm,
      marks: compositionMarks(issue, composed.layout, composed.imageWarnings),
      plan: flatplan(composed.layout, composed.model),
      buildMs: Math.round(performance.now() - started),
      stageMs,
      model: composed.model,
      layout: composed.layout,
      measurements: composed.measurements,
    };
  } catch (err) {
    return { ok: false, error: errorReport(err, { issueFile, data }), fit: err instanceof FitError };
  }
}

/** The edition's whole issue; an input error when the issue has no such edition. */
function editionOf(issue: Issue, id: string): Issue {
  const edition = issue.data.editions.find((e) => e.id === id);
  if (edition) return editionIssue(issue, edition);
  const known = issue.data.editions.map((e) => e.id).join(", ") || "none";
  throw new InputError(`the issue has no edition "${id}" (its editions: ${known})`);
}

/** The terminal's line about a rebuild. */
export function rebuildSummary(result: RebuildResult, version: number): string {
  if (!result.ok) {
    const problems = result.error.problems.map((p) => `  ${[p.file, p.path, p.message].filter(Boolean).join(": ")}`);
    return `${result.error.title}:\n${problems.join("\n")}`;
  }
  const stages = Object.entries(result.stageMs)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return `version ${version}: ${result.pages} pages in ${result.buildMs} ms (${stages}), ${result.marks.length} warnings`;
}
