import { dirname } from "node:path";
import type { ImagesConfig } from "../config/resolve";
import { ImageError, probeArtwork, probeImage, probeLogo, probeLogoFile } from "../images";
import { adOrigin, examineIssue, type Issue, IssueError, type IssueProblem, readIssueFile } from "../load";
import { geometryProblems } from "./geometry";

// Every problem of an issue that can be known without a browser, at once: the file's own
// (encoding, syntax, schema, characters, format, placements), its ads' and pins' geometry
// (geometry.ts), and its photos' and logo's (in the issue folder, readable, a supported format).
// `validate` runs this and nothing else; `build` and the preview run it before any stage, so an
// issue that validates is one the stages accept.

/** `images`: the resolved configuration's limit on a photo's pixels. */
export async function inspectIssue(target: string, images: Pick<ImagesConfig, "maxPixels">): Promise<Issue> {
  const { file, shown, bytes } = await readIssueFile(target);
  const examined = examineIssue(bytes, file, shown);
  const problems = [...examined.problems];
  if (examined.raw !== undefined) {
    problems.push(...(await fileProblems(fileRefs(examined.raw, dirname(file), images.maxPixels), shown)));
  }
  // Ads may come from the ad department's file: they are known once the issue has loaded.
  if (examined.issue) {
    const refs = [
      ...adRefs(examined.issue, shown, images.maxPixels),
      ...styleLogoRef(examined.issue, images.maxPixels),
    ];
    problems.push(...geometryProblems(examined.issue, shown), ...(await fileProblems(refs, shown)));
  }
  if (problems.length > 0 || !examined.issue) throw new IssueError(problems);
  return examined.issue;
}

interface FileRef {
  /** The file that names it, when not issue.json (the ad department's file). */
  file?: string;
  path: string;
  /** The field under `path`, when `path` is the object's. */
  field?: string;
  src: string;
  /** What the file should be, for the message; default a photo (or the logo). */
  what?: string;
  /** The article whose photo it is, or the ad whose artwork. */
  articleId?: string;
  adId?: string;
  check: () => Promise<unknown>;
}

/** The photos and the logo the file names, wherever they are well formed enough to be found. */
function fileRefs(raw: unknown, dir: string, maxPixels: number): FileRef[] {
  const refs: FileRef[] = [];
  const issue = raw as { paper?: { logo?: unknown }; pages?: unknown };
  const logo = issue?.paper?.logo;
  if (typeof logo === "string")
    refs.push({ path: "paper.logo", src: logo, check: () => probeLogo(dir, logo, maxPixels) });
  const photos = (articles: unknown, at: string) => {
    (Array.isArray(articles) ? articles : []).forEach((article: { id?: unknown; images?: unknown }, a) => {
      const images = Array.isArray(article?.images) ? article.images : [];
      const articleId = typeof article?.id === "string" ? article.id : undefined;
      const id = articleId ?? `${at}[${a}]`;
      images.forEach((image: { src?: unknown }, i) => {
        const src = image?.src;
        if (typeof src !== "string" || src === "") return;
        // Decoded, as the image stage will: a truncated file has a sound header.
        const check = () => probeImage(dir, src, id, { maxPixels, decode: true });
        refs.push({ path: `${at}[${a}].images[${i}].src`, src, check, ...(articleId ? { articleId } : {}) });
      });
    });
  };
  const pages = Array.isArray(issue?.pages) ? issue.pages : [];
  for (const [p, page] of pages.entries()) photos((page as { articles?: unknown })?.articles, `pages[${p}].articles`);
  photos((raw as { articles?: unknown } | null)?.articles, "articles");
  photos((raw as { fillers?: unknown } | null)?.fillers, "fillers");
  return refs;
}

/** Every ad's artwork, from the issue file or the ad department's file. */
function adRefs(issue: Issue, shown: string, maxPixels: number): FileRef[] {
  return issue.data.pages.flatMap((page, p) =>
    page.ads.map((ad, i) => ({
      ...(adOrigin(ad) ?? { file: shown, path: `pages[${p}].ads[${i}]` }),
      src: ad.file,
      field: "file",
      what: `the artwork of ad "${ad.id}" in the issue folder`,
      adId: ad.id,
      check: () => probeArtwork(issue.dir, ad.file, ad.id, { maxPixels, decode: true }),
    })),
  );
}

/** The style's logo (already confined by the load), when the issue names none of its own. */
function styleLogoRef(issue: Issue, maxPixels: number): FileRef[] {
  const logo = issue.style.masthead.logo;
  if (!logo || issue.data.paper.logo) return [];
  return [
    {
      path: "style",
      src: logo,
      what: "the style's masthead.logo, a picture a browser shows",
      check: () => probeLogoFile(logo, logo, "masthead.logo", maxPixels),
    },
  ];
}

async function fileProblems(refs: FileRef[], shown: string): Promise<IssueProblem[]> {
  const results = await Promise.allSettled(refs.map((r) => r.check()));
  return results.flatMap((result, i): IssueProblem[] => {
    const ref = refs[i] as FileRef;
    if (result.status === "fulfilled") return [];
    const err = result.reason;
    if (!(err instanceof ImageError)) throw err;
    const what = ref.what ?? `${ref.path === "paper.logo" ? "a logo file" : "a photo file"} in the issue folder`;
    return [
      {
        file: ref.file ?? shown,
        path: ref.field ? `${ref.path}.${ref.field}` : ref.path,
        expected: what,
        found: `${ref.src}: ${err.problems[0]?.reason}`,
        ...(ref.articleId !== undefined ? { articleId: ref.articleId } : {}),
        ...(ref.adId !== undefined ? { adId: ref.adId } : {}),
      },
    ];
  });
}
