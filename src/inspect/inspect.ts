import { dirname } from "node:path";
import { DEFAULTS } from "../config/defaults";
import { ImageError, probeImage, probeLogo } from "../images";
import { examineIssue, type Issue, IssueError, type IssueProblem, readIssueFile } from "../load";

// Every problem of an issue that can be known without a browser, at once: the file's own
// (encoding, syntax, schema, characters, format, placements) and its photos' and logo's (in the
// issue folder, readable, a supported format). `validate` runs this and nothing else; `build` and
// the preview run it before any stage, so an issue that validates is one the stages accept.

export async function inspectIssue(target: string): Promise<Issue> {
  const { file, shown, bytes } = await readIssueFile(target);
  const examined = examineIssue(bytes, file, shown);
  const problems = [...examined.problems];
  if (examined.raw !== undefined) {
    problems.push(...(await fileProblems(examined.raw, dirname(file), shown)));
  }
  if (problems.length > 0 || !examined.issue) throw new IssueError(problems);
  return examined.issue;
}

interface FileRef {
  path: string;
  src: string;
  check: () => Promise<unknown>;
}

/** The photos and the logo the file names, wherever they are well formed enough to be found. */
function fileRefs(raw: unknown, dir: string): FileRef[] {
  const refs: FileRef[] = [];
  const issue = raw as { paper?: { logo?: unknown }; pages?: unknown };
  const logo = issue?.paper?.logo;
  if (typeof logo === "string") refs.push({ path: "paper.logo", src: logo, check: () => probeLogo(dir, logo) });
  const pages = Array.isArray(issue?.pages) ? issue.pages : [];
  pages.forEach((page: { articles?: unknown }, p) => {
    const articles = Array.isArray(page?.articles) ? page.articles : [];
    articles.forEach((article: { id?: unknown; images?: unknown }, a) => {
      const images = Array.isArray(article?.images) ? article.images : [];
      const id = typeof article?.id === "string" ? article.id : `pages[${p}].articles[${a}]`;
      images.forEach((image: { src?: unknown }, i) => {
        const src = image?.src;
        if (typeof src !== "string" || src === "") return;
        const check = () => probeImage(dir, src, id, { maxPixels: DEFAULTS.maxPhotoPixels });
        refs.push({ path: `pages[${p}].articles[${a}].images[${i}].src`, src, check });
      });
    });
  });
  return refs;
}

async function fileProblems(raw: unknown, dir: string, shown: string): Promise<IssueProblem[]> {
  const refs = fileRefs(raw, dir);
  const results = await Promise.allSettled(refs.map((r) => r.check()));
  return results.flatMap((result, i): IssueProblem[] => {
    const ref = refs[i] as FileRef;
    if (result.status === "fulfilled") return [];
    const err = result.reason;
    if (!(err instanceof ImageError)) throw err;
    const what = ref.path === "paper.logo" ? "a logo file" : "a photo file";
    return [
      {
        file: shown,
        path: ref.path,
        expected: `${what} in the issue folder`,
        found: `${ref.src}: ${err.problems[0]?.reason}`,
      },
    ];
  });
}
