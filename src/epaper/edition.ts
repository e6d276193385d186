import { z } from "zod";
import { fillWords } from "../config/langs";
import { LANGS } from "../config/style-schema";
import type { Module } from "../makeup/types";
import type { TypesetModel } from "../typeset/model";
import { moduleRectPt, type Size } from "./geometry";
import { ISSUE } from "./site-paths";
import { type Story, shorten } from "./stories";

// issue.json: the issue as the e-paper shows it — pages with their pictures, PDF and zones, and
// stories with their printed text — for other programs (apps, search, an archive) and for the
// site's front door and feed, which read the latest issue back from it. URLs are relative to the
// issue's folder; rectangles are in pt on the page box, origin top left.

const rectSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
const pictureSchema = z.object({ src: z.string(), width: z.number().int(), height: z.number().int() });

const zoneSchema = z.object({
  story: z.string(),
  /** The story's name: the link's accessible name. */
  title: z.string(),
  href: z.string(),
  rect: rectSchema,
  /** The make-up's rectangle, 1-based as layout.json writes it. */
  grid: z.object({ column: z.number(), line: z.number(), span: z.number(), height: z.number() }),
  continuedFrom: z.number().int().optional(),
  continuesOn: z.number().int().optional(),
  /** The jump line the part prints: （上接第2版）, （下转第3版）. */
  jump: z.string().optional(),
});

const editionPageSchema = z.object({
  number: z.number().int(),
  folio: z.string(),
  section: z.string().optional(),
  href: z.string(),
  pdf: z.string(),
  /** The page box in pt: what the pictures show and the zones are drawn on. */
  size: z.object({ width: z.number(), height: z.number() }),
  /** Smallest first. */
  images: z.array(pictureSchema).min(1),
  zones: z.array(zoneSchema),
});

const blockSchema = z.union([
  z.object({ text: z.string(), dateline: z.string().optional() }),
  z.object({ subhead: z.string() }),
]);

const editionStorySchema = z.object({
  id: z.string(),
  href: z.string(),
  title: z.string(),
  lang: z.string().optional(),
  label: z.string().optional(),
  kicker: z.string().optional(),
  headline: z.string().optional(),
  subhead: z.string().optional(),
  body: z.array(blockSchema),
  byline: z.string().optional(),
  photos: z.array(pictureSchema.extend({ caption: z.string().optional(), credit: z.string().optional() })),
  /** The pages it is printed on, its first page first. */
  pages: z.array(z.number().int()).min(1),
  summary: z.string(),
});

export const editionSchema = z.object({
  format: z.literal(1),
  paper: z.object({ name: z.string(), publisher: z.string().optional(), serial: z.string().optional() }),
  lang: z.enum(LANGS),
  htmlLang: z.string(),
  date: z.string(),
  /** The date as the paper prints it, with the weekday. */
  dateLine: z.string(),
  lunar: z.string().optional(),
  /** 总第1234期, No. 418. */
  number: z.string().optional(),
  title: z.string(),
  pages: z.array(editionPageSchema).min(1),
  stories: z.array(editionStorySchema),
});

export type Edition = z.infer<typeof editionSchema>;
export type EditionPage = Edition["pages"][number];
export type EditionStory = Edition["stories"][number];
export type Picture = z.infer<typeof pictureSchema>;

/** What was made for each page and photo: file names and pixel sizes. */
export interface MadeFiles {
  pages: { size: Size; images: Picture[]; pdf: string }[];
  /** By `${storyId}:${imageIndex}`. */
  photos: Map<string, Picture>;
}

export function editionOf(model: TypesetModel, stories: Story[], made: MadeFiles): Edition {
  const { issue } = model;
  const d = issue.data;
  const words = model.style.langs[model.style.lang].words;
  const byId = new Map(stories.map((s) => [s.id, s]));
  const folio = (n: number) => fillWords(words.folio, { n });
  const pages = d.pages.map((page, p): EditionPage => {
    const number = p + 1;
    const files = made.pages[p];
    if (!files) throw new Error(`no picture of page ${number}`);
    // The page's own stories in reading order, then the parts continued from earlier pages.
    const parts = stories.flatMap((s) => s.parts.filter((part) => part.page === number));
    const layoutPage = [
      ...parts.filter((part) => part.module.continuedFrom === undefined),
      ...parts.filter((part) => part.module.continuedFrom !== undefined),
    ];
    return {
      number,
      folio: folio(number),
      ...(page.section ? { section: page.section } : {}),
      href: ISSUE.page(number),
      pdf: files.pdf,
      size: files.size,
      images: files.images,
      zones: layoutPage.map(({ module: m }) => {
        const story = byId.get(m.articleId) as Story;
        const jump = jumpLine(story, m);
        return {
          story: m.articleId,
          title: story.title,
          href: ISSUE.story(m.articleId),
          rect: moduleRectPt(issue.format, m),
          grid: { column: m.col + 1, line: m.row + 1, span: m.span, height: m.rows },
          ...(m.continuedFrom !== undefined ? { continuedFrom: m.continuedFrom } : {}),
          ...(m.continuesOn !== undefined ? { continuesOn: m.continuesOn } : {}),
          ...(jump ? { jump } : {}),
        };
      }),
    };
  });
  return {
    format: 1,
    paper: {
      name: d.paper.name,
      ...(d.paper.publisher ? { publisher: d.paper.publisher } : {}),
      ...(d.paper.serial ? { serial: d.paper.serial } : {}),
    },
    lang: model.style.lang,
    htmlLang: model.htmlLang,
    date: d.issue.date,
    dateLine: model.date.line,
    ...(model.date.lunar ? { lunar: model.date.lunar } : {}),
    ...(d.issue.number !== undefined ? { number: fillWords(words.issueNumber, { n: d.issue.number }) } : {}),
    title: `${d.paper.name} ${model.date.solar}`,
    pages,
    stories: stories.map((s) => editionStory(s, made)),
  };
}

/** The jump line a part of a story prints, in the story's language: where it comes from, or else
 *  where it goes on. */
export function jumpLine(story: Story, m: Module): string | undefined {
  const { words } = story.typeset.style.lang;
  if (m.continuedFrom !== undefined) return fillWords(words.jumpFrom, { n: m.continuedFrom });
  if (m.continuesOn !== undefined) return fillWords(words.jumpTo, { n: m.continuesOn });
  return undefined;
}

function editionStory(s: Story, made: MadeFiles): EditionStory {
  const a = s.typeset.article;
  const firstText = s.blocks.find((b) => b.kind === "text" && b.text)?.text ?? "";
  return {
    id: s.id,
    href: ISSUE.story(s.id),
    title: s.title,
    ...(s.typeset.lang ? { lang: s.typeset.lang } : {}),
    ...(a.label ? { label: a.label } : {}),
    ...(a.kicker ? { kicker: a.kicker } : {}),
    ...(a.headline ? { headline: a.headline } : {}),
    ...(a.subhead ? { subhead: a.subhead } : {}),
    body: s.blocks.map((b) =>
      b.kind === "subhead" ? { subhead: b.text } : { text: b.text, ...(b.dateline ? { dateline: b.dateline } : {}) },
    ),
    ...(a.byline ? { byline: a.byline } : {}),
    photos: s.photos.map((i) => {
      const picture = made.photos.get(`${s.id}:${i}`);
      if (!picture) throw new Error(`no screen photo ${i + 1} of ${s.id}`);
      const source = a.images[i];
      return {
        ...picture,
        ...(source?.caption ? { caption: source.caption } : {}),
        ...(source?.credit ? { credit: source.credit } : {}),
      };
    }),
    pages: [...new Set(s.parts.map((p) => p.page))],
    summary: shorten(firstText, s.typeset.style.lang.latin ? 160 : 80),
  };
}
