import { z } from "zod";

// The paper's style file (style.json beside the issue, or a shared one the issue names): its fonts,
// sizes, colours and printed words. Everything is optional: what a paper leaves out comes from the
// defaults of its language (src/config/langs.ts). Extend it; never rename a field.

/** Languages an issue or an article can be set in. */
export const LANGS = ["zh-Hans", "zh-Hant", "en"] as const;
export type Lang = (typeof LANGS)[number];

const weight = z.number().int().min(100).max(900).multipleOf(100);

/** A family name as CSS and the fonts' name tables write it: letters, digits, spaces and - _ . ' & +
 *  between them. Nothing that could close the CSS string it goes into. */
const familyName = z
  .string()
  .max(80)
  .regex(
    /^[\p{L}\p{N}](?:[\p{L}\p{N} _.'&+-]*[\p{L}\p{N}.])?$/u,
    "a font family name: letters, digits, spaces and - _ . ' & + between them",
  );

export const fontSpecSchema = z
  .object({
    family: familyName
      .optional()
      .describe('font family: an installed @fontsource package ("Noto Serif TC") or a face of `faces`'),
    weight: weight.optional().describe("100–900"),
  })
  .strict();

export const faceSchema = z
  .object({
    family: familyName.describe("the family name the fonts of the style refer to"),
    weight: weight.default(400),
    src: z.string().min(1).describe("TrueType, OpenType, WOFF or WOFF2 font file, relative to the style file"),
  })
  .strict();

const ROLES = ["body", "deck", "head", "label", "caption", "masthead"] as const;
export type FontRole = (typeof ROLES)[number];
export const FONT_ROLES: readonly FontRole[] = ROLES;

const fontsSchema = z
  .object({
    body: fontSpecSchema.optional().describe("body text"),
    deck: fontSpecSchema.optional().describe("kicker (引题), subhead (副题), section name"),
    head: fontSpecSchema.optional().describe("headlines, the index title"),
    label: fontSpecSchema
      .optional()
      .describe("datelines, column labels, internal subheads, jump lines, folio, ad label"),
    caption: fontSpecSchema.optional().describe("photo captions"),
    masthead: fontSpecSchema.optional().describe("the paper's name in the masthead"),
  })
  .strict();

/** Every printed word of the pages. `{n}`, `{name}`… are filled in. */
export const wordsSchema = z
  .object({
    folio: z.string().min(1).optional().describe('page number in the header: "第{n}版", "Page {n}", "A{n}"'),
    index: z.string().min(1).optional().describe('title of the masthead index: "导读", "Inside"'),
    indexPage: z.string().min(1).optional().describe('page of an index entry: "第{n}版", "Page {n}"'),
    editor: z.string().min(1).optional().describe('"责任编辑：{name}"'),
    designer: z.string().min(1).optional().describe('"美术编辑：{name}"'),
    proofreader: z.string().min(1).optional().describe('"校对：{name}"'),
    jumpTo: z.string().min(1).optional().describe('"（下转第{n}版）", "Continued on Page {n}"'),
    jumpFrom: z.string().min(1).optional().describe('"（上接第{n}版）", "Continued from Page {n}"'),
    ad: z.string().min(1).optional().describe('label above an ad that names none: "广告", "Advertisement"'),
    issueNumber: z.string().min(1).optional().describe('"总第{n}期", "No. {n}"'),
    pageCount: z.string().min(1).optional().describe('"今日{n}版", "{n} pages"'),
    serial: z.string().min(1).optional().describe('"国内统一连续出版物号 {serial}"'),
    publisher: z.string().min(1).optional().describe('"{publisher}主办", "Published by {publisher}"'),
    byline: z.string().min(1).optional().describe('end credit: "（{name}）"'),
    photoCredit: z.string().min(1).optional().describe('photo credit after the caption: "（{credit}）"'),
    subheadLead: z.string().optional().describe('printed before a subhead (副题): "——", or "" for none'),
    datelineAfter: z.string().optional().describe('between the dateline and the text: "\u3000", " — "'),
    date: z.string().min(1).optional().describe('the date: "{year}年{month}月{day}日", "{monthName} {day}, {year}"'),
    dateLine: z.string().min(1).optional().describe('date and weekday: "{date} {weekday}", "{weekday}, {date}"'),
    weekdays: z.array(z.string().min(1)).length(7).optional().describe("Sunday first"),
    months: z.array(z.string().min(1)).length(12).optional().describe("month names, January first"),
    lunar: z
      .union([z.string().min(1), z.literal(false)])
      .optional()
      .describe('"农历{year}年{month}月{day}", or false'),
    titleDate: z.string().min(1).optional().describe('the date in the PDF\'s title: "{date}", "{weekday}, {date}"'),
    titleSeparator: z
      .string()
      .min(1)
      .optional()
      .describe('between the parts of the PDF\'s title (paper, date, issue number, page): " ", ", "'),
  })
  .strict();

const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$/, "a colour written #rgb or #rrggbb")
  .describe("#rgb or #rrggbb");

/** A size in body sizes (or a share of one): a tenth at the least, so that it prints (1e-300 would not). */
const MIN_EMS = 0.1;
const ems = (what: string, max = 10) => z.number().min(MIN_EMS).max(max).optional().describe(what);

export const sizesSchema = z
  .object({
    headlineBySpan: z
      .array(z.number().min(MIN_EMS).max(10))
      .min(1)
      .max(12)
      .optional()
      .describe("headline size in body sizes for a module 1, 2, … columns wide"),
    leadHeadline: ems("lead story (priority 1): the headline size times this", 3),
    minorHeadline: ems("priority 4 and below: the headline size times this", 3),
    maxHeadline: ems("largest headline, in body sizes"),
    kicker: ems("kicker (引题) size as a share of the headline's", 1),
    subhead: ems("subhead (副题) size as a share of the headline's", 1),
    verticalHeadline: ems("a vertical headline, in body sizes"),
    caption: ems("caption size in body sizes", 3),
    credit: ems("photo credit size in body sizes", 3),
    label: ems("column label size in body sizes", 3),
    masthead: ems("the paper's name in the masthead, in body sizes", 20),
    header: ems("page header line, in body sizes", 3),
  })
  .strict();

export const colorsSchema = z
  .object({
    masthead: color.optional().describe("the paper's name"),
    accent: color.optional().describe("column labels, the index title, the masthead rule"),
    rules: color.optional().describe("rules between modules and under the page header"),
    section: color.optional().describe("background of the section name in the page header"),
    text: color.optional().describe("text"),
  })
  .strict();

export const textSchema = z
  .object({
    indent: z.number().min(0).max(6).optional().describe("first-line indent of a paragraph, in body sizes"),
    maxWordSpace: z
      .number()
      .min(1.2)
      .max(5)
      .optional()
      .describe("widest word space of a justified Latin line, as a multiple of the face's own space"),
    align: z
      .enum(["justify", "ragged"])
      .optional()
      .describe("Latin body text justified (default) or ragged right (narrow columns)"),
    wordSpace: z
      .object({
        min: z.number().min(0.5).max(1).optional().describe("narrowest word space (default 0.75)"),
        max: z.number().min(1).max(5).optional().describe("widest word space before letter-spacing helps (default 2)"),
      })
      .strict()
      .optional()
      .describe(
        "word spaces a justified Latin line keeps to before it is letter-spaced, as multiples of the face's own space",
      ),
    tracking: z
      .object({
        min: z.number().min(-0.1).max(0).optional().describe("tightest, em (default -0.02)"),
        max: z.number().min(0).max(0.2).optional().describe("loosest, em (default 0.02)"),
        step: z
          .number()
          .min(0)
          .max(0.05)
          .optional()
          .describe("letter-spacing goes in steps of this, em (default 0.005)"),
      })
      .strict()
      .optional()
      .describe(
        "letter-spacing a justified Latin line may take when its word spaces would leave wordSpace (stepped tracking); {min: 0, max: 0} for none",
      ),
    maxHyphens: z.number().int().min(0).max(10).optional().describe("most hyphenated lines in a row (default 2)"),
    autospace: z
      .number()
      .min(0)
      .max(0.5)
      .optional()
      .describe(
        "CJK text: em between an ideograph and a Latin letter or digit (default 0.125, Chromium's text-autospace; clreq: 0.25; 0: none)",
      ),
  })
  .strict();

export const mastheadSchema = z
  .object({
    logo: z.string().min(1).optional().describe("logo image instead of set type, relative to the style file"),
    minScale: z
      .number()
      .min(0.2)
      .max(1)
      .optional()
      .describe("the paper's name shrinks to fit one line down to this share of its size, else it is reported"),
  })
  .strict();

/** The make-up's editorial rules (docs/house-style.md#make-up-rules). */
export const RULE_KINDS = [
  "jump-stub",
  "lead-top",
  "lead-largest",
  "short-leg",
  "tall-head",
  "photo-resolution",
  "page-fill",
] as const;

export const makeupSchema = z
  .object({
    jumpMinLines: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe("body lines a story sets before it jumps (下转), at least"),
    jumpMinLinesPerColumn: z
      .number()
      .int()
      .min(1)
      .max(20)
      .optional()
      .describe("body lines per text column a story sets before it jumps, at least"),
    minLegLines: z.number().int().min(1).max(20).optional().describe("lines of a text column (leg), at least"),
    maxHeadLines: z
      .number()
      .int()
      .min(1)
      .max(10)
      .optional()
      .describe("headline lines at most, where a wider module would set it in fewer"),
    minPhotoPpi: z
      .number()
      .positive()
      .max(1200)
      .optional()
      .describe(
        "a photo is not enlarged below this resolution where a narrower one fits (default: the build's 150 ppi)",
      ),
    maxEmptyShare: z
      .number()
      .min(0)
      .max(0.5)
      .optional()
      .describe("share of a page left empty at which it is short; the section's last page may be"),
    strict: z
      .array(z.enum(RULE_KINDS))
      .optional()
      .describe("rules whose breaking fails the build (exit 3) instead of being reported"),
  })
  .strict();

const langStyleSchema = z
  .object({ fonts: fontsSchema.optional(), words: wordsSchema.optional() })
  .strict()
  .describe("fonts and words of articles set in another language");

export const styleSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().optional().describe("what this style is, for people"),
    fonts: fontsSchema.optional(),
    faces: z.array(faceSchema).default([]).describe("font files the paper supplies"),
    sizes: sizesSchema.optional(),
    colors: colorsSchema.optional(),
    words: wordsSchema.optional(),
    text: textSchema.optional(),
    masthead: mastheadSchema.optional(),
    makeup: makeupSchema.optional(),
    langs: z
      .object({
        "zh-Hans": langStyleSchema.optional(),
        "zh-Hant": langStyleSchema.optional(),
        en: langStyleSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type StyleInput = z.input<typeof styleSchema>;
export type StyleFile = z.output<typeof styleSchema>;
export type FontSpec = z.output<typeof fontSpecSchema>;
export type FaceData = z.output<typeof faceSchema>;
export type WordsData = z.output<typeof wordsSchema>;
export type SizesData = z.output<typeof sizesSchema>;
export type ColorsData = z.output<typeof colorsSchema>;
export type RuleKindName = (typeof RULE_KINDS)[number];
