import { InputError } from "../errors";
// One error type for the whole stage, able to carry every problem of a batch at once so the editor
// can fix all photos in one go instead of one per build.

import type { ImageOwner } from "./types";

export interface ImageProblem {
  articleId: string;
  owner?: ImageOwner;
  src: string;
  reason: string;
}

export class ImageError extends InputError {
  readonly problems: ImageProblem[];
  /** Article and file of the first problem (the only one, usually). */
  readonly articleId: string;
  readonly src: string;

  constructor(problems: ImageProblem[]) {
    const first = problems[0];
    if (!first) throw new TypeError("ImageError needs at least one problem");
    super(
      problems.length === 1
        ? describeProblem(first)
        : `${problems.length} images failed:\n${problems.map((p) => `  - ${describeProblem(p)}`).join("\n")}`,
    );
    this.name = "ImageError";
    this.problems = problems;
    this.articleId = first.articleId;
    this.src = first.src;
  }

  static of(articleId: string, src: string, reason: string, owner?: ImageOwner): ImageError {
    return new ImageError([{ articleId, src, reason, ...(owner ? { owner } : {}) }]);
  }
}

export function describeProblem(p: ImageProblem): string {
  return `${p.owner ?? "article"} ${p.articleId}: ${p.src}: ${p.reason}`;
}
