import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { FileLockTimeoutError, withFileLock } from "../file-lock";
import { toIssueRect } from "../grid";
import { examineIssue, type Issue, type IssueProblem } from "../load";
import { MakeupError, makeUp } from "../makeup";
import type { Layout } from "../makeup/types";
import { makeupInput } from "../pipeline/stage-inputs";
import { earOf } from "../typeset/ads";
import type { Measurements } from "../typeset/measurements";
import type { TypesetModel } from "../typeset/model";
import { priorityOf } from "../typeset/views";
import { writeAtomic } from "../write-atomic";
import { EditRefused, type PlanContext, planEdits, type ShownRect } from "./edit-plan";
import type { Edit, EditRequest, EditResponse, PlaceProblem, Refusal } from "./edit-vocabulary";
import type { ErrorReport } from "./state";
import { refusalInEnglish } from "./words";

// Applies the editor's edits to issue.json. The file stays the source of truth: an edit made on
// pages built from other bytes than the file's is refused (conflict) and the pages are rebuilt from
// the file. An edit is checked with the pipeline's own checks before anything is written: the
// whole document against the issue schema and load's rules, then the make-up on the measurements
// of the pages shown (its MakeupError for geometry: outside the grid, over an ad or a pin; and
// material that no longer fits). Then it is written atomically and the pages rebuilt; should that
// rebuild fail, the previous bytes go back and the editor is told why.

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/** A version of the pages on screen and what it was built from. */
export interface BuiltVersion {
  version: number;
  /** SHA-256 of the issue file's bytes it was built from. */
  source: string;
  model: TypesetModel;
  layout: Layout;
  measurements: Measurements;
}

/** How the rebuild after an edit went. */
export interface RebuildOutcome {
  /** The bytes it built from (undefined: the file changed while it ran). */
  source?: string;
  ok: boolean;
  version: number;
  error?: ErrorReport;
}

export interface EditHost {
  issueFile: string;
  /** The issue file as messages name it. */
  shownFile: string;
  /** The newest version built, or none. */
  built(): BuiltVersion | undefined;
  /** Rebuilds now from the file, which holds `source`; resolves when the pages are made. Meanwhile a
   *  failure of exactly these bytes is not shown as the pages' error: the edit handles it. */
  rebuildForEdit(source: string): Promise<RebuildOutcome>;
  /** The file changed under the editor: rebuild from it. */
  requestRebuild(): void;
  /** These bytes are written by the editor (the file watcher need not rebuild for them). */
  writing(source: string): void;
  log(line: string): void;
}

type Answer = { status: number; body: EditResponse };

const refused = (refusal: Refusal, article?: string, page?: number): Answer => ({
  status: 422,
  body: {
    ok: false,
    reason: "refused",
    refusal,
    message: refusalInEnglish(refusal),
    ...(article ? { article } : {}),
    ...(page ? { page } : {}),
  },
});

const conflict = (refusal: Refusal): Answer => ({
  status: 409,
  body: { ok: false, reason: "conflict", refusal, message: refusalInEnglish(refusal) },
});

/** The shown rectangles of modules, on the pages where their articles are listed (1-based). */
export function shownContext(built: BuiltVersion): PlanContext {
  const pages = built.model.issue.data.pages;
  return {
    rectOf(id) {
      const p = pages.findIndex((page) => page.articles.some((a) => a.id === id));
      const m = built.layout.pages[p]?.modules.find((mod) => mod.articleId === id && mod.continuedFrom === undefined);
      if (!m) return undefined;
      return { page: p + 1, ...toIssueRect(m) } satisfies ShownRect;
    },
    isAd: (id) => pages.some((page) => page.ads.some((ad) => ad.id === id)),
  };
}

/** A pin's field: `place` on an automatic page, the placement in `layout` on a page made up by hand. */
const PIN_FIELD = /\.(?:place|layout\[\d+\])\.(column|line|span|height)$/;

/** A problem of the edited file as the editor is told it: a pin's number below 1 is off the grid. */
function placeProblem(p: IssueProblem): PlaceProblem {
  const field = PIN_FIELD.exec(p.path)?.[1];
  const offGrid = field && p.below?.minimum === 1 ? { field, value: p.below.value } : undefined;
  return { path: p.path, expected: p.expected, found: p.found, ...(offGrid ? { offGrid } : {}) };
}

/**
 * The make-up of the edited issue on the measurements of the shown pages: an edit changes pins and
 * page lists, never text, so each article's lines are as measured (its order and default priority
 * follow its new place in the lists). Returns why the edit cannot be honoured, if it cannot.
 */
function makeupProblem(issue: Issue, built: BuiltVersion): { refusal: Refusal; article?: string } | undefined {
  const articles = new Map(built.measurements.articles);
  for (const page of issue.data.pages) {
    for (const [order, article] of page.articles.entries()) {
      const measured = articles.get(article.id);
      if (!measured) return undefined; // not measured: the rebuild will tell
      const metrics = { ...measured.metrics, order, priority: priorityOf(article, order) };
      articles.set(article.id, { ...measured, metrics });
    }
  }
  const model: TypesetModel = { ...built.model, issue, ear: earOf(issue.data, issue.format) };
  try {
    const result = makeUp(makeupInput(model, { ...built.measurements, articles }));
    if (result.ok) return undefined;
    const first = result.unplaced[0];
    const unplaced = result.unplaced.map((u) => ({ article: u.articleId, lines: u.lines, reason: u.reason }));
    return { refusal: { code: "does-not-fit", unplaced }, article: first?.articleId };
  } catch (err) {
    if (!(err instanceof MakeupError)) throw err;
    const article = err.articleId;
    const refusal: Refusal =
      err.pinClash && article
        ? { code: "pin-clash", article, clash: err.pinClash, detail: err.message }
        : { code: "makeup", detail: err.message };
    return { refusal, article };
  }
}

export class EditService {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly host: EditHost) {}

  /** One edit request at a time, in the order they came. */
  apply(request: EditRequest): Promise<Answer> {
    const run = this.queue.then(() => this.applyNow(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyNow(request: EditRequest): Promise<Answer> {
    const started = performance.now();
    const { issueFile, shownFile } = this.host;
    const bytes = await readFile(issueFile);
    const source = sha256(bytes);
    if (source !== request.base) {
      this.host.requestRebuild();
      return conflict({ code: "changed-on-disk", file: shownFile });
    }
    const built = this.host.built();
    if (!built || built.source !== source) {
      this.host.requestRebuild();
      return conflict({ code: "not-built-from-file", file: shownFile });
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    const context = shownContext(built);
    const subject = request.edits[0]?.article;
    const pageOf = (id: string | undefined) => (id ? context.rectOf(id)?.page : undefined);

    let plan: ReturnType<typeof planEdits>;
    try {
      plan = planEdits(text, request.edits, context);
    } catch (err) {
      if (!(err instanceof EditRefused)) throw err;
      return refused(err.refusal, err.article ?? subject, err.page ?? pageOf(err.article ?? subject));
    }
    if (plan.text === text) return { status: 200, body: { ok: true, version: built.version, source, undo: [] } };

    const edited = Buffer.from(`${bom ? "\uFEFF" : ""}${plan.text}`, "utf8");
    const planned = performance.now();
    const examined = examineIssue(edited, issueFile, shownFile);
    const validated = performance.now();
    if (!examined.issue) {
      const article = examined.problems.find((p) => p.articleId !== undefined)?.articleId ?? subject;
      return refused(
        { code: "cannot-go-there", problems: examined.problems.map(placeProblem) },
        article,
        pageOf(article),
      );
    }
    const problem = makeupProblem(examined.issue, built);
    if (problem) return refused(problem.refusal, problem.article ?? subject, pageOf(problem.article ?? subject));

    // The checks took a moment: a save made meanwhile wins, and the edit is made again on it. The
    // check and the write hold issue.json's lock, as `import --append` does (src/file-lock.ts).
    const written = sha256(edited);
    const wrote = await withFileLock(issueFile, async () => {
      if (sha256(await readFile(issueFile)) !== source) return false;
      this.host.writing(written);
      await writeAtomic(issueFile, edited);
      return true;
    }).catch((err: unknown) => {
      if (err instanceof FileLockTimeoutError) return false;
      throw err;
    });
    if (!wrote) {
      this.host.requestRebuild();
      return conflict({ code: "changed-while-checked", file: shownFile });
    }
    const ms = (from: number, to: number) => Math.round(to - from);
    const checked = performance.now();
    this.host.log(
      `edit: ${describe(request.edits)} (checked in ${ms(started, checked)} ms: plan ${ms(started, planned)}, schema ${ms(planned, validated)}, make-up ${ms(validated, checked)})`,
    );
    const outcome = await this.host.rebuildForEdit(written);
    if (outcome.source !== written) {
      return conflict({ code: "changed-while-made-up", file: shownFile });
    }
    if (outcome.ok)
      return { status: 200, body: { ok: true, version: outcome.version, source: written, undo: plan.undo } };

    // The pages could not be made from the edited file: back to the bytes the pages on screen show,
    // unless someone has written the file meanwhile.
    await withFileLock(issueFile, async () => {
      if (sha256(await readFile(issueFile)) !== written) return;
      this.host.writing(source);
      await writeAtomic(issueFile, bytes);
    }).catch((err: unknown) => {
      // Held by another writer all the while: the file is theirs now.
      if (!(err instanceof FileLockTimeoutError)) throw err;
    });
    const details = outcome.error?.problems.map((p) => p.message) ?? [];
    const article = outcome.error?.problems.find((p) => p.article)?.article ?? subject;
    return refused({ code: "rebuild-failed", error: outcome.error?.kind, details }, article, pageOf(article));
  }
}

function describe(edits: Edit[]): string {
  return edits
    .map((e) => {
      if (e.kind === "swap") return `swap ${e.article} with ${e.with}`;
      if (e.kind === "move-to-page") return `move ${e.article} to page ${e.page}`;
      return `${e.kind} ${e.article}`;
    })
    .join(", ");
}
