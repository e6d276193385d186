import type { ImageData } from "../load";
import type { DraftArticle } from "./types";

// What `newsprint import` tells the editor: per article the id it made, what it recognised, what it
// guessed from the shape of the text, and what the issue format could not keep.

export interface ArticleReport {
  id: string;
  file: string;
  at: number;
  unit: "paragraph" | "line";
  headline?: string;
  recognised: string[];
  guessed: string[];
  notes: string[];
}

export interface ImportReport {
  issueFile: string;
  created: boolean;
  page: number;
  articles: ArticleReport[];
  files: { file: string; notes: string[] }[];
  written: string[];
}

const short = (s: string, n = 24): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function describeArticle(
  id: string,
  d: DraftArticle,
  images: Pick<ImageData, "caption" | "credit">[],
  unit: ArticleReport["unit"],
): ArticleReport {
  const r: string[] = [];
  if (d.label) r.push(`label ${d.label}`);
  if (d.kicker) r.push(`kicker ${d.kicker}`);
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
  return { id, file: d.file, at: d.at, unit, headline: d.headline, recognised: r, guessed: d.guessed, notes: d.notes };
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
  const verb = report.created ? "wrote new issue" : "added to";
  lines.push(
    `${verb} ${report.issueFile}: ${report.articles.length} article(s) on page ${report.page}, ${
      report.written.filter((w) => /[\\/]photos[\\/]/.test(w)).length
    } photo file(s)`,
  );
  return lines;
}
