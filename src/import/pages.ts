import { STYLE_DEFAULTS } from "../config/defaults";
import type { Lang } from "../config/style-schema";
import type { BodyItem, PageFormat } from "../load";

// How many pages a day's copy needs, before anything is measured: each story's text, head and
// photos estimated in cells (one column by one line) at the widths the make-up mostly gives them,
// the pages' type area filled to a share a planned page reaches with room to spare. The make-up's
// planner then puts the stories on these pages for real (docs/makeup.md, the story pool); an
// estimate a little generous leaves a page short (a warning), one too tight fails the build.

/** Share of a page's type area the estimate fills: planned pages come out fuller than this. */
const FILL = 0.94;
/** Share of the front page left beside the masthead and its index. */
const FRONT_SHARE = 0.78;

export interface EstimatedStory {
  section?: string;
  kicker?: string;
  headline?: string;
  subhead?: string;
  label?: string;
  dateline?: string;
  byline?: string;
  body: BodyItem[];
  priority?: number;
  images: { caption?: string; credit?: string; aspect?: number }[];
}

/** Width in body characters: CJK a full em, Latin letters, digits and spaces about half. */
function width(text: string | undefined): number {
  let w = 0;
  for (const c of text ?? "")
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(
        c,
      )
        ? 1
        : 0.5;
  return w;
}

const bodyText = (b: BodyItem): string => (typeof b === "string" ? b : "subhead" in b ? b.subhead : b.text);

/** About the cells a story takes on a page of format `f`. */
export function estimateCells(story: EstimatedStory, f: PageFormat, lang: Lang): number {
  const chars = f.columnChars;
  const span = Math.max(1, Math.min(f.columns, Math.round(f.columns / 2)));
  const indent = lang === "en" ? 1 : 2;
  let lines = 0;
  story.body.forEach((b, i) => {
    if (typeof b === "object" && "subhead" in b) lines += 2;
    else {
      const lead = i === 0 && story.dateline ? width(story.dateline) + 1 : 0;
      lines += Math.max(1, Math.ceil((width(bodyText(b)) + indent + lead) / chars));
    }
  });
  if (story.byline) lines += Math.ceil((width(story.byline) + 2) / chars);

  const sizes = STYLE_DEFAULTS.sizes;
  const em =
    (sizes.headlineBySpan[span - 1] ?? sizes.headlineBySpan.at(-1) ?? 2) *
    (story.priority === 1 ? sizes.leadHeadline : 1);
  const perLine = Math.max(1, (span * chars + span - 1) / em);
  const headLines = (story.headline ?? "")
    .split("\n")
    .reduce((n, part) => n + (part ? Math.ceil(width(part) / perLine) : 0), 0);
  let headRows = headLines ? Math.ceil((headLines * em * 1.2) / 1.5) + 1 : 0;
  for (const small of [story.kicker, story.subhead]) if (small) headRows += small.split("\n").length;
  if (story.label) headRows += 2;

  const photoSpan = Math.min(2, f.columns);
  const photoWidth = photoSpan * f.columnWidth + (photoSpan - 1) * f.gutter;
  const photos = story.images.reduce((sum, image) => {
    const rows = Math.ceil(photoWidth / (image.aspect && image.aspect > 0 ? image.aspect : 1.5) / f.linePitch);
    const caption = width(image.caption) + width(image.credit) + 2;
    const captionRows = Math.ceil((caption * 0.9) / (photoSpan * chars + photoSpan - 1));
    return sum + photoSpan * (rows + captionRows + 1);
  }, 0);
  return lines + headRows * span + photos + span;
}

export interface PlannedPages {
  /** The pages in order, each with its section. */
  pages: { section: string }[];
  /** Estimated cells of all stories, and what one page holds at the planned fill. */
  cells: number;
  perPage: number;
}

/**
 * Pages for a pool of stories: each section (in the order the stories name them, the first
 * story's first, else `frontSection`) as many pages as its stories take, at least one; stories of
 * no section fill the room the section pages leave, and pages of the front section are added for
 * what is left.
 */
export function planPages(stories: EstimatedStory[], f: PageFormat, lang: Lang, frontSection: string): PlannedPages {
  const perPage = f.columns * f.rows * FILL;
  const front = stories[0]?.section ?? frontSection;
  const sections = [front, ...new Set(stories.flatMap((s) => (s.section ? [s.section] : [])))].filter(
    (s, i, all) => all.indexOf(s) === i,
  );
  const cellsOf = (story: EstimatedStory) => estimateCells(story, f, lang);
  let room = 0;
  const counts = sections.map((section, i) => {
    const cells = stories.filter((s) => s.section === section).reduce((n, s) => n + cellsOf(s), 0);
    // The front page holds less: the masthead stands above its stories.
    const need = i === 0 ? cells + perPage * (1 - FRONT_SHARE) : cells;
    const n = Math.max(1, Math.ceil(need / perPage));
    room += n * perPage - need;
    return n;
  });
  const loose = stories.filter((s) => !s.section).reduce((n, s) => n + cellsOf(s), 0);
  counts[0] = (counts[0] ?? 1) + Math.max(0, Math.ceil((loose - room) / perPage));
  const pages = sections.flatMap((section, i) => Array.from({ length: counts[i] ?? 1 }, () => ({ section })));
  const cells = stories.reduce((n, s) => n + cellsOf(s), 0);
  return { pages, cells, perPage };
}
