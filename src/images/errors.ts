import type { Diagnostic } from "../diagnostics";
import { InputError } from "../errors";
// One error type for the whole stage, able to carry every problem of a batch at once so the editor
// can fix all photos in one go instead of one per build.

import type { ImageOwner, ImageWarning } from "./types";

export interface ImageProblem {
  articleId: string;
  owner?: ImageOwner;
  src: string;
  reason: string;
}

export class ImageError extends InputError {
  override name = "ImageError";
  override readonly title = "photo problem";
  override readonly listsProblems = true;
  readonly problems: ImageProblem[];
  /** Article and file of the first problem (the only one, usually). */
  readonly src: string;

  constructor(problems: ImageProblem[]) {
    const first = problems[0];
    if (!first) throw new TypeError("ImageError needs at least one problem");
    super(problems.map(imageDiagnostic));
    this.problems = problems;
    this.src = first.src;
  }

  static of(articleId: string, src: string, reason: string, owner?: ImageOwner): ImageError {
    return new ImageError([{ articleId, src, reason, ...(owner ? { owner } : {}) }]);
  }
}

function imageDiagnostic(p: ImageProblem): Diagnostic {
  const subject = p.owner === "ad" ? { adId: p.articleId } : { articleId: p.articleId };
  return { severity: "error", message: describeProblem(p), ...subject };
}

/** A low-resolution photo as the build's other warnings: naming its article (or ad). */
export function imageWarningDiagnostic(w: ImageWarning): Diagnostic {
  const subject = w.owner === "ad" ? { adId: w.articleId } : { articleId: w.articleId };
  return { severity: "warning", message: w.message, ...subject };
}

export function describeProblem(p: ImageProblem): string {
  return `${p.owner ?? "article"} ${p.articleId}: ${p.src}: ${p.reason}`;
}
