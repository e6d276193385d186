import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as OpenCC from "opencc-js";
import { missingGlyphs } from "../../src/fonts/coverage";
import { type ArticleData, type BodyItem, type IssueData, issueSchema } from "../../src/load/schema";
import { REPO_ROOT } from "../helpers/paths";

// The stories random issues are made of: the corpus of real district pages as the samples hold it
// (every article of issues/dongchangfu, broadsheet and overflow, which together are the corpus made
// up by hand), converted to Hong Kong forms for zh-Hant, and English copy from the weekly sample and
// the long licence texts that ship in node_modules (real prose with quotes, dashes and long words).

export type Lang = "zh-Hans" | "zh-Hant" | "en";

/** A story as the bank keeps it: the article's words, no photo files, no make-up hints. */
export interface BankStory {
  kicker?: string;
  headline: string;
  subhead?: string;
  label?: string;
  dateline?: string;
  body: BodyItem[];
  byline?: string;
  /** Captions (and credits) of the photos the story had. */
  photos: { caption?: string; credit?: string }[];
}

const readIssue = (name: string): IssueData =>
  issueSchema.parse(JSON.parse(readFileSync(join(REPO_ROOT, "issues", name, "issue.json"), "utf8")));

function storyOf(a: ArticleData): BankStory | undefined {
  if (!a.headline) return undefined; // a photo item: its caption comes with other stories' photos
  return {
    ...(a.kicker ? { kicker: a.kicker } : {}),
    headline: a.headline,
    ...(a.subhead ? { subhead: a.subhead } : {}),
    ...(a.label ? { label: a.label } : {}),
    ...(a.dateline ? { dateline: a.dateline } : {}),
    body: a.body.map((b) => (typeof b === "object" && "text" in b ? b.text : b)),
    ...(a.byline ? { byline: a.byline } : {}),
    photos: a.images.map((i) => ({
      ...(i.caption ? { caption: i.caption } : {}),
      ...(i.credit ? { credit: i.credit } : {}),
    })),
  };
}

function chineseStories(): BankStory[] {
  const seen = new Set<string>();
  const out: BankStory[] = [];
  for (const name of ["dongchangfu", "broadsheet", "overflow"])
    for (const page of readIssue(name).pages)
      for (const a of page.articles) {
        const story = storyOf(a);
        if (!story || seen.has(story.headline)) continue;
        seen.add(story.headline);
        out.push(story);
      }
  return out;
}

/** Every string of a story through `convert`. */
function mapStory(s: BankStory, convert: (t: string) => string): BankStory {
  return JSON.parse(JSON.stringify(s), (_key, value) => (typeof value === "string" ? convert(value) : value));
}

/** The Traditional fonts' coverage: a paper would not print what they cannot draw. */
const TRADITIONAL_FONTS = ["noto-serif-tc", "noto-sans-tc"];

function traditionalStories(): BankStory[] {
  const hk = OpenCC.Converter({ from: "cn", to: "hk" });
  const quotes: Record<string, string> = { "“": "「", "”": "」", "‘": "『", "’": "』" };
  const toHk = (t: string) => hk(t).replace(/[“”‘’]/g, (q) => quotes[q] ?? q);
  const drawable = (t: string) => missingGlyphs(t, TRADITIONAL_FONTS).length === 0;
  const textOf = (b: BodyItem) => (typeof b === "string" ? b : "text" in b ? b.text : b.subhead);
  // Conversion makes a few characters the fonts lack (饸饹 → 餄餎): their paragraphs go.
  return chineseStories()
    .map((s) => mapStory(s, toHk))
    .map((s) => ({ ...s, body: s.body.filter((b) => drawable(textOf(b))) }))
    .filter((s) => s.body.length > 0 && drawable(JSON.stringify({ ...s, body: [] })));
}

/** Paragraphs of a plain-text file: lines rejoined; headings, rules and short lines dropped. */
function prose(file: string): string[] {
  return readFileSync(file, "utf8")
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .replace(/\s*\n\s*/g, " ")
        .replace(/[#*`_]+/g, "")
        .trim(),
    )
    .filter((p) => p.length > 120 && /[a-z]/.test(p) && !/https?:|[{}<>|]/.test(p));
}

const ENGLISH_SOURCES = [
  "typescript/LICENSE.txt",
  "lightningcss/LICENSE",
  "@fontsource/libre-caslon-text/LICENSE",
  "jszip/LICENSE.markdown",
];

/** A headline from a paragraph's first words, as a sub-editor would shorten it. */
function headlineOf(paragraph: string): string {
  const words = paragraph
    .replace(/[^A-Za-z' -]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  return words
    .slice(0, 7)
    .join(" ")
    .replace(/^./, (c) => c.toUpperCase());
}

function englishStories(): BankStory[] {
  const out: BankStory[] = [];
  for (const page of readIssue("weekly").pages)
    for (const a of page.articles) {
      const story = storyOf(a);
      if (story) out.push(story);
    }
  const require = (spec: string) => join(REPO_ROOT, "node_modules", spec);
  for (const source of ENGLISH_SOURCES) {
    const paragraphs = prose(require(source));
    // Stories of three to six paragraphs, in the order the text has them.
    for (let i = 0; i + 3 <= paragraphs.length; i += 5) {
      const body = paragraphs.slice(i, i + 5);
      out.push({ headline: headlineOf(body[0] as string), body, photos: [] });
    }
  }
  return out;
}

const banks = new Map<Lang, BankStory[]>();

export function storyBank(lang: Lang): BankStory[] {
  let bank = banks.get(lang);
  if (!bank) {
    bank = lang === "en" ? englishStories() : lang === "zh-Hant" ? traditionalStories() : chineseStories();
    banks.set(lang, bank);
  }
  return bank;
}
