import { z } from "zod";
import { DEFAULTS } from "../config/defaults";
import { LANGS } from "../config/style-schema";

// The issue file format: the contract that editors, other tools and tests rely on.
// Extend it; never rename a field.

/** Format presets (src/load/presets.ts holds their numbers). */
export const PRESET_NAMES = ["tabloid", "broadsheet"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Limits of what can be printed at all: beyond them the make-up would run for ever or out of memory. */
export const LIMITS = {
  pageMm: { min: 20, max: 2000 },
  marginMm: 1000,
  bleedMm: 20,
  bodySizePt: { min: 4, max: 36 },
  columnChars: { min: 4, max: 100 },
  gutterChars: 10,
  years: { min: 1900, max: 2199 },
  ppi: { min: 50, max: 1200 },
} as const;

const { years } = LIMITS;
/** YYYY-MM-DD of a day that exists (no 2022-02-30), in the years the printed calendar covers. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return real && y >= years.min && y <= years.max;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD")
  // Only once the form is right, so a date gets one message.
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isCalendarDate(s), {
    message: `a real calendar date between ${years.min}-01-01 and ${years.max}-12-31`,
  });
const colorMode = z.enum(["color", "mono"]).describe("mono pages get greyscale photos and grey plates");

/** Heads' text: a line break in it is the editor's forced break (text-rules.ts). */
const FORCED_BREAK = 'a line break ("\\n") is a forced break (标题转行)';

export const imageSchema = z
  .object({
    src: z.string().min(1).describe("photo file, relative to the issue folder"),
    caption: z.string().optional().describe("caption printed below the photo"),
    credit: z.string().optional().describe("photographer credit, e.g. 李凤国 摄"),
    focus: z
      .tuple([z.number().min(0).max(1), z.number().min(0).max(1)])
      .optional()
      .describe("point to keep when cropping: x, y in 0..1"),
  })
  .strict();

export const bodyItemSchema = z.union([
  z.string().min(1).describe("a paragraph"),
  z.object({ subhead: z.string().min(1).describe(`internal subhead (小标题); ${FORCED_BREAK}`) }).strict(),
  z
    .object({
      text: z.string().min(1).describe("the paragraph"),
      cut: z.boolean().optional().describe("the make-up may drop it (last first) instead of jumping or failing"),
    })
    .strict(),
]);

/** A rectangle of the page grid, 1-based as editors count columns and lines. */
const gridPlace = {
  column: z.number().int().min(1).describe("first column, counted from 1"),
  line: z.number().int().min(1).describe("first line of the type area, counted from 1"),
  span: z.number().int().min(1).describe("width in columns"),
};

export const pinSchema = z
  .object({
    ...gridPlace,
    height: z.number().int().min(1).optional().describe("height in lines (default: sized by the make-up)"),
  })
  .strict();

export const adSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "an id of letters, digits, - and _")
      .describe("unique in the issue"),
    file: z.string().min(1).describe("artwork: PDF (kept vector), PNG, JPEG or TIFF, relative to the issue folder"),
    span: z.number().int().min(1).describe("width in basic columns, gutters included"),
    height: z.number().positive().max(2000).describe("height in mm, as booked"),
    position: z
      .union([
        z.enum(["bottom", "top", "ear-left", "ear-right"]),
        z.object({ column: gridPlace.column, line: gridPlace.line }).strict(),
      ])
      .default("bottom")
      .describe("bottom | top | ear-left | ear-right (报眼, front page) | { column, line }"),
    label: z
      .union([z.string().min(1), z.literal(false)])
      .optional()
      .describe(
        'printed above the box: the house style\'s word (广告, Advertisement) by default, "公益广告"…; false for none',
      ),
  })
  .strict();

export const articleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "an id of letters, digits, - and _")
      .describe("unique in the issue"),
    kicker: z.string().optional().describe(`引题: small line above the headline; ${FORCED_BREAK}`),
    headline: z.string().optional().describe(`主题; spaces mark where it may break (分行), ${FORCED_BREAK}`),
    subhead: z.string().optional().describe(`副题: printed below the headline, led by a dash; ${FORCED_BREAK}`),
    label: z.string().optional().describe("column label (栏目), e.g. 教育快讯"),
    dateline: z.string().optional().describe("bold lead of the first paragraph, e.g. 东昌府讯"),
    body: z.array(bodyItemSchema).default([]),
    byline: z.string().optional().describe("end credit, printed in full-width parentheses"),
    images: z.array(imageSchema).default([]),
    priority: z.number().int().min(1).max(9).optional().describe("1 = lead story"),
    columns: z.number().int().min(1).max(12).optional().describe("make-up hint: module width in columns"),
    minLines: z.number().int().min(1).max(10_000).optional().describe("make-up hint: least module height in lines"),
    place: z
      .union([z.literal("ear"), pinSchema])
      .optional()
      .describe('pinned on an automatic page: { column, line, span, height? } or "ear" (报眼, front page)'),
    jump: z.boolean().optional().describe("false: must fit on its page, never jumps"),
    jumpTo: z.number().int().min(1).optional().describe("page number its rest jumps to"),
    lang: z.enum(LANGS).optional().describe("the article's language, if not the issue's"),
    headOrientation: z
      .enum(["horizontal", "vertical"])
      .optional()
      .describe("vertical: the head runs top to bottom at the right of the module (竖排标题)"),
  })
  .strict()
  .refine((a) => a.headline !== undefined || a.images.length > 0, {
    message: "a headline or an image",
  });

/** A story of the pool: the make-up chooses its page among those of its section. */
export const poolArticleSchema = articleSchema.safeExtend({
  section: z.string().min(1).optional().describe("section of the pages it may go on (default: any page)"),
});

export const placementSchema = z
  .object({
    article: z.string().describe("id of an article of this page"),
    column: z.number().int().min(1).describe("first column, counted from 1"),
    line: z.number().int().min(1).describe("first line of the type area, counted from 1"),
    span: z.number().int().min(1).describe("width in columns"),
    height: z.number().int().min(1).describe("height in lines"),
  })
  .strict();

export const pageSchema = z
  .object({
    section: z.string().optional().describe("section name printed in the page header"),
    editor: z.string().optional().describe("责任编辑"),
    designer: z.string().optional().describe("美术编辑"),
    proofreader: z.string().optional().describe("校对"),
    color: colorMode.optional(),
    layout: z
      .union([z.literal("auto"), z.array(placementSchema)])
      .default("auto")
      .describe('"auto", or explicit module placements'),
    articles: z.array(articleSchema).default([]),
    ads: z.array(adSchema).default([]).describe("ads and fixed boxes, placed before editorial"),
    maxJumps: z.number().int().min(0).optional().describe("most stories jumping off this page (default 2)"),
  })
  .strict();

/** A zoned edition (分版): the base issue with some pages replaced (src/load/editions.ts). */
export const editionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case ASCII letters, digits and - (it names the edition's files)")
      .describe("the edition's name in file names, e.g. north"),
    name: z.string().min(1).describe("the edition's name as people say it, e.g. 北部版"),
    pages: z
      .record(z.string(), pageSchema)
      .describe('the pages it replaces, keyed by printed page number: { "2": { …a page… } }'),
  })
  .strict();

/** The ad department's file beside the issue: ads by page number. */
export const adsFileSchema = z
  .object({ $schema: z.string().optional() })
  .catchall(z.array(adSchema))
  .describe('ads keyed by page number, e.g. { "1": [ … ], "4": [ … ] }');

const pageMm = z.number().min(LIMITS.pageMm.min).max(LIMITS.pageMm.max);
const marginMm = z.number().positive().max(LIMITS.marginMm);
export const formatObjectSchema = z
  .object({
    name: z.string().optional(),
    width: pageMm.describe("trim width in mm"),
    height: pageMm.describe("trim height in mm"),
    columns: z.number().int().min(1).max(12),
    bodySize: z
      .number()
      .min(LIMITS.bodySizePt.min)
      .max(LIMITS.bodySizePt.max)
      .default(10)
      .describe("body type size in pt"),
    columnChars: z
      .number()
      .int()
      .min(LIMITS.columnChars.min)
      .max(LIMITS.columnChars.max)
      .optional()
      .describe("body characters per column"),
    gutterChars: z.number().positive().max(LIMITS.gutterChars).default(1).describe("column gutter in body characters"),
    lineHeight: z.number().min(1).max(3).default(1.5).describe("body line pitch as a multiple of the size"),
    margins: z
      .object({ top: marginMm, right: marginMm, bottom: marginMm, left: marginMm })
      .strict()
      .optional()
      .describe("margins in mm; left/right are minimums, the type area is centred"),
    bleed: z.number().min(0).max(LIMITS.bleedMm).default(DEFAULTS.bleedMm).describe("bleed in mm"),
  })
  .strict();

export const issueSchema = z
  .object({
    $schema: z.string().optional(),
    paper: z
      .object({
        name: z.string().min(1),
        serial: z.string().optional().describe("国内统一连续出版物号"),
        publisher: z.string().optional(),
        logo: z.string().optional().describe("masthead image, relative to the issue folder"),
        slug: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case ASCII letters, digits and -")
          .optional()
          .describe("ASCII name for press file names, e.g. dongchangfu (default: the issue folder's name)"),
      })
      .strict(),
    issue: z
      .object({
        date: isoDate,
        number: z.number().int().positive().max(999_999_999).optional().describe("总第N期"),
      })
      .strict(),
    format: z
      .union([z.enum(PRESET_NAMES), formatObjectSchema])
      .default("tabloid")
      .describe("preset name, or width, height, columns, margins, bleed"),
    lang: z.enum(LANGS).default("zh-Hans").describe("zh-Hans, zh-Hant or en: labels, dates, fonts, hyphenation"),
    style: z
      .string()
      .min(1)
      .optional()
      .describe(
        "house style: a style file relative to the issue folder, or the name of a shared one (styles/papers/<name>.json); default style.json beside the issue",
      ),
    color: colorMode.optional(),
    ppi: z.number().min(LIMITS.ppi.min).max(LIMITS.ppi.max).optional().describe("target photo resolution"),
    ads: z.string().min(1).optional().describe("the ad department's file beside the issue, e.g. ads.json"),
    pages: z.array(pageSchema).min(1),
    articles: z
      .array(poolArticleSchema)
      .default([])
      .describe("the story pool: the make-up puts each story on a page of its section, in priority order"),
    fillers: z
      .array(articleSchema)
      .default([])
      .describe("short news, house ads, photos: used in order where a page is short of material"),
    editions: z
      .array(editionSchema)
      .default([])
      .describe("zoned editions: each prints the issue with some pages of its own (docs/issue-format.md)"),
  })
  .strict();

export type IssueInput = z.input<typeof issueSchema>;
export type IssueData = z.output<typeof issueSchema>;
export type PageData = z.output<typeof pageSchema>;
export type EditionData = z.output<typeof editionSchema>;
export type ArticleData = z.output<typeof articleSchema>;
export type PoolArticleData = z.output<typeof poolArticleSchema>;
export type ImageData = z.output<typeof imageSchema>;
export type BodyItem = z.output<typeof bodyItemSchema>;
export type ExplicitPlacement = z.output<typeof placementSchema>;
export type AdData = z.output<typeof adSchema>;
export type PinData = z.output<typeof pinSchema>;
export type FormatObject = z.output<typeof formatObjectSchema>;

/** The text of a body item, whichever form it takes. */
export function bodyText(item: BodyItem): string {
  return typeof item === "string" ? item : "subhead" in item ? item.subhead : item.text;
}
