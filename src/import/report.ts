import { printable } from "../diagnostics";
import type { ImageData } from "../load";
import type { DraftArticle } from "./types";

// What `newsprint import` tells the editor: per article the id it made, what it recognised, what it
// guessed from the shape of the text, how many half-width marks it set full width, and what the
// issue format could not keep. Names and text are shown with control characters escaped.

export interface ArticleReport {
  id: string;
  file: string;
  at: number;
  unit: "paragraph" | "line";
  headline?: string;
  section?: string;
  /** Half-width punctuation made full width (0 with --keep-punctuation). */
  punctuation: number;
  recognised: string[];
  guessed: string[];
  notes: string[];
}

/** Where the articles went: the story pool (with the pages a new issue got), or a fixed page. */
export type Placement = { kind: "pool"; pages?: number; format?: string } | { kind: "page"; page: number };

export interface ImportReport {
  issueFile: string;
  created: boolean;
  placement: Placement;
  articles: ArticleReport[];
  files: { file: string; notes: string[] }[];
  /** Remarks on the issue as a whole (sections without a page, pool larger than the pages). */
  notes: string[];
  written: string[];
}

const short = (s: string, n = 24): string => {
  const one = s.replace(/\n/g, " / ");
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

export function describeArticle(
  id: string,
  d: DraftArticle,
  images: Pick<ImageData, "caption" | "credit">[],
  unit: ArticleReport["unit"],
): ArticleReport {
  const r: string[] = [];
  if (d.section) r.push(`section ${d.section}`);
  if (d.label) r.push(`label ${d.label}`);
  if (d.kicker) r.push(`kicker ${short(d.kicker)}`);
  if (d.headline) r.push(`headline ${short(d.headline)}`);
  if (d.subhead) r.push(`subhead ${short(d.subhead)}`);
  if (d.dateline) r.push(`dateline ${d.dateline}`);
  const paragraphs = d.body.filter((b) => typeof b === "string").length;
  const subheads = d.body.length - paragraphs;
  if (paragraphs) r.push(`${paragraphs} paragraph(s)`);
  if (subheads) r.push(`${subheads} subhead(s)`);
  if (d.byline) r.push(`byline ${d.byline}`);
  if (images.length) {
    const captions = images.filter((i) => i.caption).length;
    const credits = images.filter((i) => i.credit).length;
    r.push(`${images.length} photo(s), ${captions} caption(s), ${credits} credit(s)`);
  }
  const notes = [...d.notes];
  if (d.punctuation) notes.push(`${d.punctuation} half-width punctuation mark(s) set full width (，（）；：？！)`);
  return {
    id,
    file: d.file,
    at: d.at,
    unit,
    headline: d.headline,
    section: d.section,
    punctuation: d.punctuation ?? 0,
    recognised: r,
    guessed: d.guessed,
    notes,
  };
}

export function formatReport(report: ImportReport): string[] {
  const lines: string[] = [];
  for (const f of report.files) for (const n of f.notes) lines.push(`${f.file}: note: ${n}`);
  for (const a of report.articles) {
    lines.push(`${a.id}  (${a.file}, from ${a.unit} ${a.at})`);
    lines.push(`  recognised: ${a.recognised.join(" · ") || "nothing"}`);
    for (const g of a.guessed) lines.push(`  guessed: ${g}`);
    for (const n of a.notes) lines.push(`  note: ${n}`);
  }
  for (const n of report.notes) lines.push(`note: ${n}`);
  const verb = report.created ? "wrote new issue" : "added to";
  const p = report.placement;
  const where =
    p.kind === "page"
      ? `on page ${p.page}`
      : `in the story pool${p.pages ? ` (${p.pages} ${p.format ?? ""} page(s) for the make-up to fill)`.replace("  ", " ") : ""}`;
  const punctuation = report.articles.reduce((n, a) => n + a.punctuation, 0);
  lines.push(
    `${verb} ${report.issueFile}: ${report.articles.length} article(s) ${where}, ${
      report.written.filter((w) => /[\\/]photos[\\/]/.test(w)).length
    } photo file(s)${punctuation ? `, ${punctuation} punctuation mark(s) set full width` : ""}`,
  );
  return lines.map(printable);
}
