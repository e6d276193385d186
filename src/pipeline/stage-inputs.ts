import { basename } from "node:path";
import { DEFAULTS } from "../config/defaults";
import type { ResolvedConfig } from "../config/resolve";
import { cellOf, fromIssuePin, fromIssueRect, gridOf, spanWidth } from "../grid";
import { prepareImages, probeImage } from "../images";
import { type Issue, pageZones, ptToMm } from "../load";
import type { Layout, MakeupInput, MakeupRules } from "../makeup/types";
import { adRows } from "../typeset/ads";
import { IMAGES_URL_PREFIX } from "../typeset/assets";
import type { Measurements } from "../typeset/measurements";
import type { TypesetModel } from "../typeset/model";

// What one stage's output must become to be the next stage's input.

/** Each article's photos' pixel sizes (only their headers are read), by article id. */
export type PhotoSizes = Map<string, { width: number; height: number }[]>;

export async function probePhotos(issue: Issue): Promise<PhotoSizes> {
  const sizes: PhotoSizes = new Map();
  const { pages, articles: pool, fillers } = issue.data;
  const jobs = [...pages.flatMap((p) => p.articles), ...pool, ...fillers].map(async (a) => {
    sizes.set(a.id, await Promise.all(a.images.map((img) => probeImage(issue.dir, img.src, a.id))));
  });
  await Promise.all(jobs);
  return sizes;
}

/** The photos' aspect ratios, width / height, as the measure stage takes them. */
export function aspectsOf(sizes: PhotoSizes): Map<string, number[]> {
  return new Map([...sizes].map(([id, list]) => [id, list.map((s) => s.width / s.height)]));
}

export async function probeAspects(issue: Issue): Promise<Map<string, number[]>> {
  return aspectsOf(await probePhotos(issue));
}

/** The editorial rules of the make-up: the house style's, the photo resolution's limit the
 *  build's own minimum unless the style sets one. */
export function makeupRules(model: TypesetModel, minPpi: number = DEFAULTS.minPpi): MakeupRules {
  const { minPhotoPpi, ...rules } = model.style.makeup;
  return { ...rules, strict: [...rules.strict], minPhotoPpi: minPhotoPpi ?? minPpi };
}

/** What the make-up takes: the measured articles with their photos' pixel sizes (`photos`, when
 *  probed), the grid, the pages' ads and pins, the pool, the fillers and the rules. */
export function makeupInput(
  model: TypesetModel,
  m: Measurements,
  photos?: { sizes: PhotoSizes; minPpi: number },
): MakeupInput {
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
    const sizes = photos?.sizes.get(id);
    const images = measured.metrics.images.map((image, i) => {
      const pixels = sizes?.[i];
      return pixels ? { ...image, pixels: { width: pixels.width, height: pixels.height } } : image;
    });
    return { ...measured.metrics, images, markable };
  };
  const zones = pageZones(issue.edition?.base ?? issue.data);
  return {
    grid: gridOf(f),
    rules: makeupRules(model, photos?.minPpi),
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
        ...(zones[p] ? { zone: zones[p] } : {}),
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
