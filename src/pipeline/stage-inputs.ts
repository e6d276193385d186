import { basename } from "node:path";
import type { ResolvedConfig } from "../config/resolve";
import { cellOf, fromIssuePin, fromIssueRect, gridOf, spanWidth } from "../grid";
import { prepareImages, probeImage } from "../images";
import { type Issue, ptToMm } from "../load";
import type { Layout, MakeupInput } from "../makeup/types";
import { adRows } from "../typeset/ads";
import { IMAGES_URL_PREFIX } from "../typeset/assets";
import type { Measurements } from "../typeset/measurements";
import type { TypesetModel } from "../typeset/model";

// What one stage's output must become to be the next stage's input.

export async function probeAspects(issue: Issue): Promise<Map<string, number[]>> {
  const aspects = new Map<string, number[]>();
  const { pages, articles: pool, fillers } = issue.data;
  const jobs = [...pages.flatMap((p) => p.articles), ...pool, ...fillers].map(async (a) => {
    const sizes = await Promise.all(a.images.map((img) => probeImage(issue.dir, img.src, a.id)));
    aspects.set(
      a.id,
      sizes.map((s) => s.width / s.height),
    );
  });
  await Promise.all(jobs);
  return aspects;
}

export function makeupInput(model: TypesetModel, m: Measurements): MakeupInput {
  const { issue, ear } = model;
  const f = issue.format;
  const metrics = (id: string) => {
    const measured = m.articles.get(id);
    if (!measured) throw new Error(`article ${id} was not measured`);
    // What the editor could mark cuttable, for the make-up's suggestions when material is over.
    const paragraphs = model.articles.get(id)?.paragraphs ?? [];
    const markable = paragraphs.flatMap((p, i) =>
      p.kind === "text" && p.source !== undefined && p.runs.every((r) => r.style !== "dateline") ? [i] : [],
    );
    return { ...measured.metrics, markable };
  };
  return {
    grid: gridOf(f),
    pages: issue.data.pages.map((page, p) => {
      const front = p === 0;
      const earSide = front ? ear : undefined;
      const mastheadSpan = f.columns - (earSide?.span ?? 0);
      const mastheadCol = earSide?.side === "left" ? earSide.span : 0;
      return {
        number: p + 1,
        ...(page.section !== undefined ? { section: page.section } : {}),
        articles: page.articles.map((a) => metrics(a.id)),
        reserved: front ? [{ col: mastheadCol, row: 0, span: mastheadSpan, rows: m.mastheadRows }] : [],
        fixed: Array.isArray(page.layout)
          ? page.layout.map((pl) => ({ articleId: pl.article, ...fromIssueRect(pl) }))
          : undefined,
        booked: page.ads.map((ad) => ({
          id: ad.id,
          span: ad.span,
          // An ear takes the masthead's height at least, so the two close flush at the bottom.
          rows: Math.max(adRows(f, ad), earSide?.id === ad.id ? m.mastheadRows : 0),
          position: typeof ad.position === "string" ? ad.position : cellOf(ad.position),
        })),
        pins: page.articles.flatMap((a) => {
          if (a.place === undefined) return [];
          if (a.place === "ear") {
            const side = earSide?.id === a.id ? earSide : undefined;
            if (!side) return [];
            const col = side.side === "left" ? 0 : f.columns - side.span;
            return [{ articleId: a.id, col, row: 0, span: side.span, rows: m.mastheadRows }];
          }
          return [{ articleId: a.id, ...fromIssuePin(a.place) }];
        }),
        ...(page.maxJumps !== undefined ? { maxJumps: page.maxJumps } : {}),
      };
    }),
    pool: issue.data.articles.map((a) => ({
      ...metrics(a.id),
      ...(a.section !== undefined ? { section: a.section } : {}),
    })),
    fillers: issue.data.fillers.map((a) => metrics(a.id)),
  };
}

export async function prepareLayoutImages(
  model: TypesetModel,
  layout: Layout,
  cacheDir: string,
  settings: ResolvedConfig["images"],
) {
  const { issue } = model;
  const f = issue.format;
  const requests = layout.pages.flatMap((page) => {
    const mono = (issue.data.pages[page.number - 1]?.color ?? issue.data.color) === "mono";
    return page.modules.flatMap((m) =>
      m.images.map((img) => {
        const source = model.articles.get(m.articleId)?.article.images[img.index];
        if (!source) throw new Error(`layout names unknown image ${m.articleId}#${img.index}`);
        return {
          articleId: m.articleId,
          index: img.index,
          src: source.src,
          widthMm: ptToMm(spanWidth(f, img.span)),
          heightMm: ptToMm(img.photoRows * f.linePitch),
          focus: source.focus,
          mono,
        };
      }),
    );
  });
  const { images, warnings } = await prepareImages(requests, {
    issueDir: issue.dir,
    cacheDir,
    ...settings,
  });
  const urls = new Map<string, string>();
  for (const img of images) urls.set(`${img.articleId}:${img.index}`, `${IMAGES_URL_PREFIX}${basename(img.file)}`);
  return { urls, prepared: images, warnings };
}
