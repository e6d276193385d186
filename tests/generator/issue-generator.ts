import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import sharp from "sharp";
import type { AdData, ArticleData, BodyItem, IssueInput, PoolArticleData } from "../../src/load/schema";
import { REPO_ROOT } from "../helpers/paths";
import { Random } from "./random";
import { type BankStory, type Lang, storyBank } from "./story-bank";

// Random issues from the story bank, by seed: stories of random length (paragraphs taken from other
// stories too), sections, priorities, page counts and formats; booked ads of random sizes and
// positions, pins, fillers, photos of random pixel sizes; heads an editor broke on two lines, and
// punctuation as reporters type it. What a paper sends on a day nobody tuned newsprint to.

export interface GeneratorOptions {
  lang?: Lang;
  /** Put line breaks into some heads (the editor's forced breaks). */
  headBreaks?: boolean;
  /** Type some CJK punctuation half width, as reporters do in Word. */
  reporterPunctuation?: boolean;
  /** Material as a share of the pages' type area (default: random 0.8–1.25). */
  fill?: number;
}

export interface GeneratedIssue {
  dir: string;
  seed: number;
  lang: Lang;
  format: "tabloid" | "broadsheet";
  pages: number;
  /** Stories on fixed pages, in the pool, and fillers. */
  fixed: number;
  pool: number;
  fillers: number;
  ads: number;
  pins: number;
  photos: number;
}

const SECTIONS: Record<Lang, string[]> = {
  "zh-Hans": ["要闻", "民生", "综合", "文化", "乡村振兴"],
  "zh-Hant": ["要聞", "社區", "綜合", "文化"],
  en: ["News", "Community", "Arts", "Sport"],
};
const PAPER: Record<Lang, { name: string; publisher: string }> = {
  "zh-Hans": { name: "运河新闻", publisher: "运河区融媒体中心" },
  "zh-Hant": { name: "港島社區報", publisher: "港島社區報有限公司" },
  en: { name: "The Millbrook Courier", publisher: "Millbrook Media" },
};
type Format = "tabloid" | "broadsheet";
/** Type-area cells (columns × lines) of a page, for aiming the material at the pages; the cells
 *  the front page's masthead takes; the millimetres of a line (an ad's height in lines). */
const CELLS = { tabloid: 6 * 66, broadsheet: 8 * 103 } as const;
const MASTHEAD_CELLS = { tabloid: 6 * 12, broadsheet: 8 * 14 } as const;
const MM_PER_LINE = { tabloid: 5.29, broadsheet: 4.76 } as const;
/** Characters of a body line (a cell) as measured (a column of 11 or 13 characters loses some
 *  to punctuation kept off line starts), and cells of a photo and its caption, and of a head, at
 *  three columns, as the make-up mostly sets them. */
const CHARS_PER_CELL = { tabloid: 10.2, broadsheet: 12 } as const;
const PHOTO_CELLS = { tabloid: 3 * 18, broadsheet: 3 * 20 } as const;
const HEAD_CELLS = { tabloid: 3 * 5, broadsheet: 3 * 6 } as const;

export async function generateIssue(seed: number, dir: string, opts: GeneratorOptions = {}): Promise<GeneratedIssue> {
  const r = new Random(seed);
  const lang = opts.lang ?? "zh-Hans";
  const bank = storyBank(lang);
  const format = lang === "en" || r.chance(0.75) ? "tabloid" : "broadsheet";
  const pageCount = format === "tabloid" ? r.int(2, 12) : r.int(2, 6);
  const sections = r.shuffle(SECTIONS[lang]).slice(0, r.int(1, Math.min(4, pageCount)));
  // Pages in runs of a section, the front page first: 要闻 1–2, then the others.
  const pageSections = Array.from({ length: pageCount }, (_, i) =>
    i === 0
      ? (sections[0] as string)
      : (sections[Math.min(sections.length - 1, Math.floor((i * sections.length) / pageCount))] as string),
  );
  await mkdir(join(dir, "photos"), { recursive: true });
  await mkdir(join(dir, "ads"), { recursive: true });
  const counts = { photos: 0, ads: 0, pins: 0 };
  const pages = pageSections.map((section) => ({ section, articles: [] as ArticleData[], ads: [] as AdData[] }));

  // Booked ads first, as the ad department books them before editorial plans the pages.
  for (const [p, page] of pages.entries()) {
    if (!r.chance(p === 0 ? 0.35 : 0.3)) continue;
    page.ads.push(await adOf(r, dir, format, p, counts, lang));
    if (r.chance(0.2)) page.ads.push(await adOf(r, dir, format, p, counts, lang, "top"));
  }

  // The material, as an editor assigns it: each page (in "fixed" mode) or each section's run of
  // pages (in the pool) gets about what it holds, up to 5% more rather than less, so that every
  // page is full; the issue's last page may be short (the fillers' page) or over (then the issue
  // does not fit and newsprint must say what to do).
  const mode = r.pick(["pool", "pool", "mixed", "fixed"] as const);
  const fill = opts.fill;
  const share = (last: boolean) => fill ?? (last ? 0.6 + r.next() * 0.4 : 1.0 + r.next() * 0.05);
  let next = 0;
  // Each story of the bank once, in a random order, before any comes again: a paper prints a
  // story once.
  let deck: BankStory[] = [];
  const draw = () => {
    if (deck.length === 0) deck = r.shuffle(bank);
    return deck.pop() as BankStory;
  };
  // Stories until the target is reached, passing over one that would overshoot it by more than
  // a few percent (an editor assigns a brief there, not another feature).
  const write = async (target: number): Promise<ArticleData[]> => {
    const written: ArticleData[] = [];
    let passed = 0;
    for (let material = 0; material < target && next < 400; next++) {
      const id = `${lang === "en" ? "story" : "gao"}-${next + 1}`;
      const story = await articleOf(r, bank, draw(), id, dir, opts, counts);
      const cells = weight(story, lang, format);
      if (written.length > 0 && material + cells > target * 1.04 && passed++ < 4) continue;
      written.push(story);
      material += cells;
    }
    return written;
  };
  const roomOf = (page: (typeof pages)[number], p: number) => {
    const ads = page.ads.reduce((n, ad) => n + ad.span * ((ad.height as number) / MM_PER_LINE[format]), 0);
    const masthead = p === 0 ? MASTHEAD_CELLS[format] : 0;
    return Math.max(0, CELLS[format] - ads - masthead);
  };
  const pool: PoolArticleData[] = [];
  if (mode === "fixed") {
    for (const [p, page] of pages.entries())
      page.articles.push(...leadFirst(r, await write(roomOf(page, p) * share(p === pageCount - 1)), lang, format));
  } else {
    for (const section of sections) {
      const run = pages.flatMap((page, p) => (page.section === section ? [p] : []));
      const room = run.reduce((n, p) => n + roomOf(pages[p] as (typeof pages)[number], p), 0);
      const last = run.includes(pageCount - 1);
      // The last page's share of a short last section is what may be short.
      const target = last ? room - CELLS[format] * (1 - share(true)) : room * share(false);
      const stories = leadFirst(r, await write(target), lang, format);
      for (const [i, story] of stories.entries()) {
        // In "mixed" mode the editor fixes some stories on the section's pages, in order.
        const page =
          mode === "mixed" && r.chance(0.35) ? run[Math.floor((i * run.length) / stories.length)] : undefined;
        if (page !== undefined) pages[page]?.articles.push(story);
        else pool.push({ ...story, ...(r.chance(0.9) ? { section } : {}) });
      }
    }
    // A section's lead is its first page's lead: fixed there, or the pool's priority 1.
    for (const page of pages) {
      const [first, ...rest] = page.articles;
      if (first && rest.every((a) => a.priority !== 1) && first.priority !== 1) first.priority = 2;
    }
  }

  // A pin where an editor pins: a page's lead across the top of a page inside the issue, or a
  // picture story in the top corner at the outer edge.
  const pinnable = pages.filter((p, i) => i > 0 && p.articles.length > 1 && p.ads.every((ad) => ad.position !== "top"));
  if (pinnable.length > 0 && r.chance(0.4)) {
    const page = r.pick(pinnable);
    const index = pages.indexOf(page);
    const columns = format === "tabloid" ? 6 : 8;
    const pictured = page.articles.slice(1).find((a) => a.images.length > 0);
    if (pictured && r.chance(0.5)) {
      // The outer edge: the right on odd pages, the left on even ones.
      const span = 2;
      pictured.place = { column: index % 2 === 0 ? columns - span + 1 : 1, line: 1, span };
    } else {
      (page.articles[0] as ArticleData).place = { column: 1, line: 1, span: columns - 2 };
    }
    counts.pins++;
  }
  const fillers: ArticleData[] = [];
  if (r.chance(0.5))
    for (let i = 0; i < r.int(1, 3); i++) {
      const short = await articleOf(r, bank, draw(), `filler-${i + 1}`, dir, { ...opts, fill: 0 }, counts, 2);
      delete short.priority;
      fillers.push(short);
    }

  const issue: IssueInput = {
    $schema: relative(dir, join(REPO_ROOT, "schema", "issue.schema.json")),
    paper: { ...PAPER[lang], slug: `random-${seed}` },
    issue: { date: dateOf(r), number: r.int(1, 9000) },
    format,
    lang,
    pages: pages.map((p) => ({ ...p, ...(p.ads.length ? {} : { ads: undefined }) })),
    articles: pool,
    fillers,
  };
  await writeFile(join(dir, "issue.json"), `${JSON.stringify(issue, null, 2)}\n`);
  return {
    dir,
    seed,
    lang,
    format,
    pages: pageCount,
    fixed: pages.reduce((n, p) => n + p.articles.length, 0),
    pool: pool.length,
    fillers: fillers.length,
    ...counts,
  };
}

/** Stories in the order an editor ranks them: the weightiest (the longest, a photo counting) is
 *  the lead, priority 1, listed first; some of the rest get a priority. */
function leadFirst(r: Random, stories: ArticleData[], lang: Lang, format: Format): ArticleData[] {
  if (stories.length === 0) return stories;
  const size = (a: ArticleData) => weight(a, lang, format) * (a.images.length > 0 ? 1.3 : 1);
  const lead = stories.reduce((a, b) => (size(b) > size(a) ? b : a));
  // Editors give the weightier stories the higher priority, not strictly.
  const bySize = [...stories].sort((a, b) => size(b) - size(a));
  for (const story of stories) {
    const rank = bySize.indexOf(story) / stories.length;
    if (story === lead) story.priority = 1;
    else if (r.chance(0.6)) story.priority = Math.min(5, Math.max(2, 2 + Math.floor(rank * 3 + r.next() * 1.5)));
  }
  return [lead, ...stories.filter((s) => s !== lead)];
}

/** Cells a story takes, roughly: its lines at a column's characters per line (paragraph ends
 *  leave part of a line), its photos and its head. */
function weight(a: ArticleData, lang: Lang, format: Format): number {
  const texts = a.body.map((b) => (typeof b === "string" ? b : "text" in b ? b.text : b.subhead));
  // A line of English holds about twice the characters of a CJK one.
  const perLine = CHARS_PER_CELL[format] * (lang === "en" ? 2 : 1);
  const lines = texts.reduce((n, t) => n + Math.ceil(t.length / perLine), 0);
  return lines + a.images.length * PHOTO_CELLS[format] + HEAD_CELLS[format];
}

async function articleOf(
  r: Random,
  bank: BankStory[],
  base: BankStory,
  id: string,
  dir: string,
  opts: GeneratorOptions,
  counts: { photos: number },
  maxParagraphs?: number,
): Promise<ArticleData> {
  let body: BodyItem[] = [...base.body];
  // Length: cut short, kept, or run on with paragraphs of other stories (the same beat's follow-up).
  const roll = r.next();
  if (maxParagraphs !== undefined || roll < 0.3) body = body.slice(0, Math.max(1, r.int(1, maxParagraphs ?? 3)));
  else if (roll > 0.75)
    for (let i = r.int(1, 3); i > 0; i--) body.push(...r.pick(bank).body.filter((b) => typeof b === "string"));
  if (r.chance(0.15) && body.length > 3) body.splice(r.int(1, body.length - 1), 0, { subhead: shortHead(r, bank) });
  // The editor lets the make-up drop a closing paragraph now and then.
  if (r.chance(0.15) && body.length > 2 && typeof body.at(-1) === "string")
    body[body.length - 1] = { text: body.at(-1) as string, cut: true };

  const article: ArticleData = {
    id,
    headline: base.headline,
    ...(base.kicker ? { kicker: base.kicker } : {}),
    ...(base.subhead ? { subhead: base.subhead } : {}),
    ...(base.dateline ? { dateline: base.dateline } : {}),
    ...(base.byline ? { byline: base.byline } : {}),
    ...(base.label && r.chance(0.5) ? { label: base.label } : {}),
    body,
    images: [],
  };
  if (opts.headBreaks) breakHeads(r, article);
  if (opts.reporterPunctuation && r.chance(0.3)) typeAsReporters(r, article);
  const photos = base.photos.length > 0 ? r.int(0, Math.min(2, base.photos.length)) : r.chance(0.3) ? 1 : 0;
  for (let i = 0; i < photos && maxParagraphs === undefined; i++) {
    const caption = base.photos[i] ?? {};
    const src = await photoOf(r, dir, `${id}-${i + 1}`);
    counts.photos++;
    article.images.push({ src, ...caption });
  }
  return article;
}

function shortHead(r: Random, bank: BankStory[]): string {
  const head = r.pick(bank).headline;
  return head.length > 14 ? head.slice(0, r.int(6, 12)) : head;
}

/** Editors break a head on purpose (标题转行): a short lead-in, then its line. */
function breakHeads(r: Random, a: ArticleData): void {
  const split = (text: string) => {
    const at = text.search(/[”」’』]/);
    const cut = at > 1 && at < text.length - 3 ? at + 1 : Math.max(2, Math.floor(text.length * (0.3 + r.next() * 0.3)));
    return `${text.slice(0, cut).trimEnd()}\n${text.slice(cut).trimStart()}`;
  };
  if (a.subhead && a.subhead.length > 8 && r.chance(0.5)) a.subhead = split(a.subhead);
  if (a.headline && a.headline.length > 10 && r.chance(0.2)) a.headline = split(a.headline);
  if (a.kicker && a.kicker.length > 8 && r.chance(0.2)) a.kicker = split(a.kicker);
}

const HALF: Record<string, string> = { "，": ",", "（": "(", "）": ")", "；": ";", "：": ":", "？": "?", "！": "!" };

/** Some full-width marks typed half width, as Word copy from reporters arrives. */
function typeAsReporters(r: Random, a: ArticleData): void {
  const rate = 0.2 + r.next() * 0.6;
  const retype = (t: string) => t.replace(/[，（）；：？！]/g, (m) => (r.chance(rate) ? (HALF[m] ?? m) : m));
  a.body = a.body.map((b) => (typeof b === "string" ? retype(b) : "text" in b ? { ...b, text: retype(b.text) } : b));
}

const SOURCE_PHOTOS = [
  "astronaut.png",
  "camera.png",
  "chelsea.png",
  "coffee.png",
  "hubble_deep_field.jpg",
  "rocket.jpg",
];

/** A photo at a random pixel size and aspect, cut from a sample photo: from 480 px to 3600 px wide. */
async function photoOf(r: Random, dir: string, name: string): Promise<string> {
  const source = join(REPO_ROOT, "issues", "dongchangfu", "photos", r.pick(SOURCE_PHOTOS));
  const width = r.pick([480, 640, 800, 1200, 1600, 2400, 3600]);
  const aspect = r.pick([0.7, 0.8, 1, 1.33, 1.5, 1.78, 2.2]);
  const file = `photos/${name}.jpg`;
  await sharp(source)
    .resize(width, Math.round(width / aspect), { fit: "cover" })
    .jpeg({ quality: 80 })
    .toFile(join(dir, file));
  return file;
}

/** Ad artwork at the booked size: a coloured panel with a border, as a raster at 200 ppi. */
async function adOf(
  r: Random,
  dir: string,
  format: "tabloid" | "broadsheet",
  page: number,
  counts: { ads: number },
  lang: Lang,
  where?: "top",
): Promise<AdData> {
  const columns = format === "tabloid" ? 6 : 8;
  const ear = page === 0 && !where && r.chance(0.4);
  const span = ear ? 2 : r.pick([2, 3, columns / 2, columns, columns].filter((s) => s <= columns));
  const height = ear ? r.int(25, 35) : r.pick([30, 40, 50, 60, 80, 100]);
  const id = `ad-${page + 1}-${++counts.ads}`;
  const file = `ads/${id}.png`;
  const widthMm = span * (format === "tabloid" ? 40 : 44);
  const px = (mm: number) => Math.round((mm / 25.4) * 200);
  const colour = { r: r.int(40, 220), g: r.int(40, 220), b: r.int(40, 220) };
  await sharp({ create: { width: px(widthMm), height: px(height), channels: 3, background: colour } })
    .extend({ top: 8, bottom: 8, left: 8, right: 8, background: "#222222" })
    .png()
    .toFile(join(dir, file));
  const position = ear
    ? r.pick(["ear-left", "ear-right"] as const)
    : (where ?? r.pick(["bottom", "bottom", "top"] as const));
  const publicService = lang === "en" ? "Public service" : lang === "zh-Hant" ? "公益廣告" : "公益广告";
  return { id, file, span, height, position, ...(r.chance(0.3) ? { label: publicService } : {}) };
}

function dateOf(r: Random): string {
  const day = new Date(Date.UTC(2022, 0, 1) + r.int(0, 1500) * 86_400_000);
  return day.toISOString().slice(0, 10);
}
