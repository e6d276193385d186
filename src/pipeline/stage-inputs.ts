import { basename } from "node:path";
import { prepareImages, probeImage } from "../images";
import { type Issue, ptToMm } from "../load";
import type { Layout, MakeupInput } from "../makeup/types";
import { IMAGES_URL_PREFIX } from "../typeset/assets";
import type { Measurements } from "../typeset/measurements";
import { spanWidth } from "../typeset/views";

// What one stage's output must become to be the next stage's input.

export async function probeAspects(issue: Issue): Promise<Map<string, number[]>> {
  const aspects = new Map<string, number[]>();
  const jobs = issue.data.pages.flatMap((p) =>
    p.articles.map(async (a) => {
      const sizes = await Promise.all(a.images.map((img) => probeImage(issue.dir, img.src, a.id)));
      aspects.set(
        a.id,
        sizes.map((s) => s.width / s.height),
      );
    }),
  );
  await Promise.all(jobs);
  return aspects;
}

export function makeupInput(issue: Issue, m: Measurements): MakeupInput {
  const f = issue.format;
  return {
    grid: {
      columns: f.columns,
      rows: f.rows,
      columnWidth: f.columnWidth,
      gutter: f.gutter,
      linePitch: f.linePitch,
    },
    pages: issue.data.pages.map((page, p) => ({
      number: p + 1,
      articles: page.articles.map((a) => {
        const measured = m.articles.get(a.id);
        if (!measured) throw new Error(`article ${a.id} was not measured`);
        return measured.metrics;
      }),
      reserved: p === 0 ? [{ col: 0, row: 0, span: f.columns, rows: m.mastheadRows }] : [],
      fixed: Array.isArray(page.layout)
        ? page.layout.map((pl) => ({
            articleId: pl.article,
            col: pl.column - 1,
            row: pl.line - 1,
            span: pl.span,
            rows: pl.height,
          }))
        : undefined,
    })),
  };
}

export async function prepareLayoutImages(issue: Issue, layout: Layout, cacheDir: string, strict: boolean) {
  const f = issue.format;
  const articles = new Map(
    issue.data.pages.flatMap((p, i) => p.articles.map((a) => [a.id, { a, page: p, i }] as const)),
  );
  const requests = layout.pages.flatMap((page) =>
    page.modules.flatMap((m) =>
      m.images.map((img) => {
        const entry = articles.get(m.articleId);
        const source = entry?.a.images[img.index];
        if (!entry || !source) throw new Error(`layout names unknown image ${m.articleId}#${img.index}`);
        return {
          articleId: m.articleId,
          index: img.index,
          src: source.src,
          widthMm: ptToMm(spanWidth(f, img.span)),
          heightMm: ptToMm(img.photoRows * f.linePitch),
          focus: source.focus,
          mono: (entry.page.color ?? issue.data.color) === "mono",
        };
      }),
    ),
  );
  const { images, warnings } = await prepareImages(requests, {
    issueDir: issue.dir,
    cacheDir,
    targetPpi: issue.data.ppi,
    strict,
  });
  const urls = new Map<string, string>();
  for (const img of images) urls.set(`${img.articleId}:${img.index}`, `${IMAGES_URL_PREFIX}${basename(img.file)}`);
  return { urls, prepared: images, warnings };
}
