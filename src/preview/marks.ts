import { renderDiagnostic } from "../diagnostics";
import type { ImageWarning } from "../images";
import type { Issue } from "../load";
import type { Layout } from "../makeup/types";
import type { Mark } from "./state";

// Turns what the make-up and the photo stage reported into marks on pages, so the preview can
// highlight the module or photo concerned. (Overflow is found in the browser, after Paged.js.)

export function compositionMarks(issue: Issue, layout: Layout, imageWarnings: ImageWarning[]): Mark[] {
  const marks: Mark[] = [];
  for (const page of layout.pages) {
    // The mark names its page itself: the warning's message is the text without it.
    for (const warning of page.warnings) {
      marks.push({
        page: page.number,
        kind: warning.code === "underfull" ? "underfull" : "makeup",
        message: renderDiagnostic({ ...warning, page: undefined }),
        ...(warning.articleId !== undefined ? { article: warning.articleId } : {}),
      });
    }
  }
  for (const jump of layout.jumps) {
    marks.push({
      page: jump.fromPage,
      kind: "jump",
      article: jump.articleId,
      message: `continues on page ${jump.toPage}`,
    });
    marks.push({
      page: jump.toPage,
      kind: "jump",
      article: jump.articleId,
      message: `continued from page ${jump.fromPage}`,
    });
  }
  for (const warning of imageWarnings) marks.push(...photoMarks(issue, layout, warning));
  return marks.sort((a, b) => a.page - b.page);
}

/** The printed places of the photo a warning is about (usually one). */
function photoMarks(issue: Issue, layout: Layout, warning: ImageWarning): Mark[] {
  const article = issue.data.pages.flatMap((p) => p.articles).find((a) => a.id === warning.articleId);
  const indexes = new Set((article?.images ?? []).flatMap((img, i) => (img.src === warning.src ? [i] : [])));
  const marks: Mark[] = [];
  for (const page of layout.pages) {
    for (const module of page.modules) {
      if (module.articleId !== warning.articleId) continue;
      module.images.forEach((img, photo) => {
        if (indexes.has(img.index)) {
          marks.push({
            page: page.number,
            kind: "low-resolution",
            article: warning.articleId,
            photo,
            message: warning.detail,
          });
        }
      });
    }
  }
  return marks;
}
