import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type HouseStyle, resolveStyle } from "../../src/config/house-style";
import { fontsourceFace } from "../../src/fonts/faces";
import { spanWidth } from "../../src/grid";
import { resolveFormat } from "../../src/load/format";
import { examineStyle } from "../../src/load/style-file";
import { BODY_FEATURES, SPACED_FEATURES, shapeFont } from "../../src/measure/composer/fonts";
import { bodyOptions } from "../../src/measure/composer/house";
import type { ComposeRun } from "../../src/measure/composer/prepare";
import type { ShapeFont } from "../../src/measure/composer/shape";
import type { ComposeOptions } from "../../src/measure/composer/types";
import { protectBreaks } from "../../src/typography/linebreak";

// Paragraphs for the composer's tests: the corpus of real page text (zh-Hans), the Traditional and
// English samples, cut into random paragraphs by a seeded generator, set at the widths of the formats.

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
// The corpus lives in shared/ beside the checkout (as in CI), unless NEWSPRINT_CORPUS says otherwise.
const CORPUS = process.env.NEWSPRINT_CORPUS ?? join(ROOT, "..", "shared", "corpus");

export type Lang = "zh-Hans" | "zh-Hant" | "en";

export interface Source {
  lang: Lang;
  text: string;
  dateline?: string;
}

interface IssueJson {
  pages: { articles: { dateline?: string; body?: (string | { text?: string; subhead?: string })[] }[] }[];
}

export function issueParagraphs(name: string, lang: Lang): Source[] {
  const data = JSON.parse(readFileSync(join(ROOT, "issues", name, "issue.json"), "utf8")) as IssueJson;
  return data.pages.flatMap((p) =>
    p.articles.flatMap((a) =>
      (a.body ?? []).flatMap((b, i) => {
        const text = typeof b === "string" ? b : (b.text ?? "");
        if (!text) return [];
        return [{ lang, text, ...(i === 0 && a.dateline ? { dateline: a.dateline } : {}) }];
      }),
    ),
  );
}

/** Corpus paragraphs (a `**讯**` lead is the dateline), or the zh-Hans samples where there is no corpus. */
function corpusParagraphs(): Source[] {
  if (!existsSync(CORPUS))
    return [...issueParagraphs("dongchangfu", "zh-Hans"), ...issueParagraphs("broadsheet", "zh-Hans")];
  const out: Source[] = [];
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith(".txt"))) {
    for (const block of readFileSync(join(CORPUS, file), "utf8").split(/\n\s*\n/)) {
      const line = block.replace(/\s*\n\s*/g, "").trim();
      if (!line || line.startsWith("#") || [...line].length < 12) continue;
      const m = /^\*\*(.+?)\*\*\s*(.*)$/.exec(line);
      out.push(
        m
          ? { lang: "zh-Hans", dateline: m[1], text: m[2] ?? "" }
          : { lang: "zh-Hans", text: line.replaceAll("**", "") },
      );
    }
  }
  return out;
}

export function sources(): Source[] {
  return [...corpusParagraphs(), ...issueParagraphs("hongkong", "zh-Hant"), ...issueParagraphs("weekly", "en")];
}

/** Deterministic random numbers in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentences(s: Source): string[] {
  const re = s.lang === "en" ? /[^.!?]+[.!?]+["”’]?\s*/g : /[^。！？]+[。！？]+[”」』）]?/g;
  const found = s.text.match(re) ?? [];
  return found.length > 0 ? found : [s.text];
}

export interface Sample {
  id: number;
  lang: Lang;
  format: "tabloid" | "broadsheet";
  span: number;
  dateline?: string;
  text: string;
}

/** `count` random paragraphs: 1–5 consecutive sentences of a source, at a random format and span
 *  (half at one column, the body's width; the rest at every other span). */
export function randomSamples(count: number, seed = 23): Sample[] {
  const rnd = seeded(seed);
  const all = sources();
  const byLang: Record<Lang, Source[]> = { "zh-Hans": [], "zh-Hant": [], en: [] };
  for (const s of all) byLang[s.lang].push(s);
  const out: Sample[] = [];
  for (let id = 0; id < count; id++) {
    const r = rnd();
    const lang: Lang = r < 0.4 ? "zh-Hans" : r < 0.65 ? "zh-Hant" : "en";
    const pool = byLang[lang];
    const src = pool[Math.floor(rnd() * pool.length)] as Source;
    const parts = sentences(src);
    const from = Math.floor(rnd() * parts.length);
    const n = 1 + Math.floor(rnd() * 5);
    const text = parts
      .slice(from, from + n)
      .join("")
      .trim();
    const format = rnd() < 0.5 ? "tabloid" : "broadsheet";
    const columns = format === "tabloid" ? 6 : 8;
    const span = rnd() < 0.5 ? 1 : 2 + Math.floor(rnd() * (columns - 1));
    const dateline = from === 0 && src.dateline ? src.dateline : undefined;
    out.push({ id, lang, format, span, text, ...(dateline ? { dateline } : {}) });
  }
  return out;
}

const FAMILIES: Record<Lang, { body: [string, number][]; label: [string, number][] }> = {
  "zh-Hans": {
    body: [
      ["Noto Serif SC", 400],
      ["Noto Sans SC", 400],
    ],
    label: [
      ["Noto Sans SC", 700],
      ["Noto Serif SC", 700],
    ],
  },
  "zh-Hant": {
    body: [
      ["Noto Serif TC", 400],
      ["Noto Sans TC", 400],
    ],
    label: [
      ["Noto Sans TC", 700],
      ["Noto Serif TC", 700],
    ],
  },
  en: {
    body: [
      ["Libre Caslon Text", 400],
      ["Libre Franklin", 400],
    ],
    label: [
      ["Libre Franklin", 700],
      ["Libre Caslon Text", 700],
    ],
  },
};

/** CSS font-family stacks of the body and label runs, as the fonts below. */
export function familyCss(lang: Lang, role: "body" | "label"): string {
  return FAMILIES[lang][role].map(([f]) => `"${f}"`).join(", ");
}
export function weightOf(lang: Lang, role: "body" | "label"): number {
  return FAMILIES[lang][role][0]?.[1] ?? 400;
}

const fontCache = new Map<string, ShapeFont>();
export function fontFor(lang: Lang, role: "body" | "label", sizePx: number): ShapeFont {
  const key = `${lang}/${role}/${sizePx}`;
  let f = fontCache.get(key);
  if (!f) {
    const [, weight] = FAMILIES[lang][role][0] as [string, number];
    const faces = FAMILIES[lang][role].map(([family]) => fontsourceFace(family, weight));
    f = shapeFont(faces, sizePx, lang === "en" ? BODY_FEATURES : SPACED_FEATURES);
    fontCache.set(key, f);
  }
  return f;
}

export const PX_PER_PT = 4 / 3;

let weekly: HouseStyle | undefined;
/** The English weekly's house style (issues/weekly/style.json): the English samples are set in it. */
export function weeklyStyle(): HouseStyle {
  weekly ??= examineStyle({ lang: "en" }, join(ROOT, "issues", "weekly", "issue.json"), "weekly").style;
  if (!weekly) throw new Error("issues/weekly/style.json does not resolve");
  return weekly;
}

/** What composing a sample takes: its runs (a dateline in the label font) and the body's options:
 *  English in the weekly's house style, Chinese in the default one. */
export function setting(s: Sample): { runs: ComposeRun[]; options: ComposeOptions; sizePt: number; pitchPt: number } {
  const f = resolveFormat(s.format);
  const sizePx = f.bodySize * PX_PER_PT;
  const body = fontFor(s.lang, "body", sizePx);
  const label = fontFor(s.lang, "label", sizePx);
  const protect = s.lang === "en" ? (t: string) => t : protectBreaks;
  const runs: ComposeRun[] = [];
  if (s.dateline) {
    runs.push({ text: protect(s.dateline), font: label, style: 1 });
    runs.push({ text: s.lang === "en" ? " — " : "\u3000", font: body, style: 0 });
  }
  runs.push({ text: protect(s.text), font: body, style: 0 });
  const options: ComposeOptions = {
    width: spanWidth(f, s.span) * PX_PER_PT,
    lang: s.lang,
    indent: (s.lang === "en" ? 1 : 2) * sizePx,
    ...bodyOptions(s.lang === "en" ? weeklyStyle() : resolveStyle({ lang: s.lang }), s.lang === "en"),
  };
  return { runs, options, sizePt: f.bodySize, pitchPt: f.linePitch };
}
