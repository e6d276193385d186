import { STYLE_DEFAULTS } from "../../src/config/defaults";
import { spanWidth } from "../../src/grid";
import { resolveFormat } from "../../src/load/format";
import type { ComposeRun } from "../../src/measure/composer/prepare";
import type { ComposeOptions } from "../../src/measure/composer/types";
import { fontFor, type Lang, PX_PER_PT, randomSamples, type Sample, seeded, setting } from "./composer-corpus";

// What the composer sets for an issue of `pages` pages, made from the corpus and the samples: ~6
// articles a page, each with 8 body paragraphs at the column width, and its head, subhead and one
// caption at every span of the format (the make-up may give an article any width).

/** A paragraph to compose at one width or more (composeWidths): heads and captions at every span. */
export interface Job {
  runs: ComposeRun[];
  options: ComposeOptions;
  widths: number[];
  kind: "body" | "head" | "subhead" | "caption";
}

const ARTICLES_PER_PAGE = 6.25;
const PARAGRAPHS_PER_ARTICLE = 8;

export function issueLoad(pages: number, lang: Lang, format: "tabloid" | "broadsheet", seed = 64): Job[] {
  const f = resolveFormat(format);
  const articles = Math.round(pages * ARTICLES_PER_PAGE);
  const pool = randomSamples(articles * PARAGRAPHS_PER_ARTICLE * 3, seed).filter((s) => s.lang === lang);
  const rnd = seeded(seed);
  const pick = (): Sample => pool[Math.floor(rnd() * pool.length)] as Sample;
  const bodyPx = f.bodySize * PX_PER_PT;
  const jobs: Job[] = [];
  for (let a = 0; a < articles; a++) {
    for (let k = 0; k < PARAGRAPHS_PER_ARTICLE; k++) {
      const s = { ...pick(), format, span: 1 };
      if (k > 0) delete s.dateline;
      const { runs, options } = setting(s);
      jobs.push({ runs, options, widths: [options.width], kind: "body" });
    }
    const head = shortText(pick().text, lang, 8 + Math.floor(rnd() * 14));
    const subhead = shortText(pick().text, lang, 16 + Math.floor(rnd() * 16));
    const caption = shortText(pick().text, lang, 30 + Math.floor(rnd() * 40));
    const widths = Array.from({ length: f.columns }, (_, k) => spanWidth(f, k + 1) * PX_PER_PT);
    // Heads and subheads at the size of each span (spans of one size composed together).
    const bySpan = STYLE_DEFAULTS.sizes.headlineBySpan;
    const sizes = new Map<number, number[]>();
    widths.forEach((w, k) => {
      const px = bodyPx * (bySpan[Math.min(k + 1, bySpan.length) - 1] as number);
      sizes.set(px, [...(sizes.get(px) ?? []), w]);
    });
    for (const [headPx, at] of sizes) {
      const centred = { width: at[0] as number, lang, align: "center" as const, hyphenate: false };
      jobs.push({
        runs: [{ text: head, font: fontFor(lang, "label", headPx) }],
        options: centred,
        widths: at,
        kind: "head",
      });
      const subPx = headPx * STYLE_DEFAULTS.sizes.subhead;
      jobs.push({
        runs: [{ text: subhead, font: fontFor(lang, "label", subPx) }],
        options: centred,
        widths: at,
        kind: "subhead",
      });
    }
    jobs.push({
      runs: [{ text: caption, font: fontFor(lang, "body", bodyPx * STYLE_DEFAULTS.sizes.caption) }],
      options: { width: widths[0] as number, lang, maxWordSpace: 2, hardMaxWordSpace: 3 },
      widths,
      kind: "caption",
    });
  }
  return jobs;
}

/** About `chars` characters (CJK) or a third as many words' worth (Latin) from a text's start. */
function shortText(text: string, lang: Lang, chars: number): string {
  if (lang !== "en") return [...text].slice(0, chars).join("");
  const words = text.split(" ");
  let out = "";
  for (const w of words) {
    if (out.length + w.length > chars * 2) break;
    out = out ? `${out} ${w}` : w;
  }
  return out || (words[0] ?? "");
}
