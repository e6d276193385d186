import { readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import Handlebars from "handlebars";
import { type Diagnostic, renderDiagnostic } from "../diagnostics";
import { FitError, NewsprintError } from "../errors";
import { ImageError } from "../images";
import { type IssueData, IssueError } from "../load";
import { TEMPLATES_DIR } from "../typeset/assets";
import type { ErrorKind, ErrorProblem, ErrorReport } from "./state";
import { en } from "./words/en";

// Why a rebuild failed, for the overlay in the browser: every problem with the file to open and,
// in the issue file, the JSON path to go to.

export interface ErrorContext {
  /** Absolute path of issue.json. */
  issueFile: string;
  /** The issue as last loaded, when it loaded: locates articles and photos by id. */
  data?: IssueData;
  templatesDir?: string;
}

/** A file as the editor would type it: relative to the working folder when inside it. */
export function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}
const shown = shownPath;

/** A report of this kind; its English title for the server's log (the browser shows its own words). */
const report = (kind: ErrorKind, problems: ErrorProblem[]): ErrorReport => ({
  kind,
  title: en.error.titles[kind],
  problems,
});

export function errorReport(err: unknown, ctx: ErrorContext): ErrorReport {
  const issueFile = shown(ctx.issueFile);
  if (err instanceof ImageError) {
    return report(
      "photo",
      err.problems.map((p) => ({
        file: issueFile,
        path: imagePath(ctx.data, p.articleId, p.src),
        message: `${p.src}: ${p.reason}`,
        article: p.articleId,
      })),
    );
  }
  if (err instanceof NewsprintError) {
    const kind = err instanceof IssueError ? "issue" : err instanceof FitError ? "fit" : "build";
    return report(
      kind,
      err.diagnostics.flatMap((d) => located(d, ctx)),
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  const template = brokenTemplate(ctx.templatesDir ?? TEMPLATES_DIR);
  if (template) return report("template", [template]);
  return report("build", [{ file: "", path: "", message }]);
}

/** A diagnostic as the overlay lists it: the file and JSON path to go to (an article's, when it
 *  names only the article), the rest of its text, and each of its items on a line of its own. */
function located(d: Diagnostic, ctx: ErrorContext): ErrorProblem[] {
  const issueFile = shown(ctx.issueFile);
  // The loader names files relative to the working folder, even far outside it.
  const file = d.file === undefined ? undefined : resolve(d.file) === ctx.issueFile ? issueFile : d.file;
  const path = d.path ?? (d.articleId !== undefined ? articlePath(ctx.data, d.articleId) : undefined);
  const inIssue = file ?? (path !== undefined ? issueFile : "");
  const head: ErrorProblem = {
    file: inIssue,
    path: path ?? "",
    message: renderDiagnostic({ ...d, file: undefined, path: undefined, problems: undefined }),
    ...(d.articleId !== undefined ? { article: d.articleId } : {}),
  };
  const items = (d.problems ?? []).map((message) => ({ file: inIssue, path: "", message }));
  return [head, ...items];
}

/** pages[p].articles[a] of the article with this id, or "" if unknown. */
export function articlePath(data: IssueData | undefined, articleId: string): string {
  for (const [p, page] of (data?.pages ?? []).entries()) {
    const a = page.articles.findIndex((article) => article.id === articleId);
    if (a >= 0) return `pages[${p}].articles[${a}]`;
  }
  const pooled = (data?.articles ?? []).findIndex((article) => article.id === articleId);
  return pooled >= 0 ? `articles[${pooled}]` : "";
}

function imagePath(data: IssueData | undefined, articleId: string, src: string): string {
  const article = articlePath(data, articleId);
  const images = data?.pages.flatMap((p) => p.articles).find((a) => a.id === articleId)?.images ?? [];
  const i = images.findIndex((img) => img.src === src);
  return article && i >= 0 ? `${article}.images[${i}].src` : article;
}

/** Handlebars names no file in its parse errors; compile each template to find the one at fault. */
function brokenTemplate(dir: string): ErrorProblem | undefined {
  const list = (d: string) => {
    try {
      return readdirSync(d).map((f) => join(d, f));
    } catch {
      return [];
    }
  };
  const files = [...list(dir), ...list(join(dir, "partials"))].filter((f) => f.endsWith(".hbs"));
  for (const file of files) {
    try {
      Handlebars.precompile(readFileSync(file, "utf8"));
    } catch (err) {
      return { file: shown(file), path: "", message: (err as Error).message };
    }
  }
  return undefined;
}
