import type { LangStyle } from "../config/house-style";
import { fillWords } from "../config/langs";
import { type ArticleData, bodyText } from "../load";

// The text of an article as the typesetter sees it: paragraphs made of styled runs. Measuring
// and rendering both start from this, so a line measured is the line printed.

export type RunStyle = "dateline" | "plain";

export interface Run {
  text: string;
  style: RunStyle;
}

export type ParagraphKind = "text" | "subhead" | "credit";

export interface Paragraph {
  kind: ParagraphKind;
  runs: Run[];
  /** Index of the body item it was set from (absent for the dateline alone and the credit). */
  source?: number;
  /** The editor allows the make-up to drop it. */
  cuttable?: boolean;
}

/** The end credit in the paper's form: in full-width parentheses, as Chinese papers print it. */
export function creditText(byline: string, words: LangStyle["words"]): string {
  return fillWords(words.byline, { name: byline.trim().replace(/^[（(]|[）)]$/g, "") });
}

export function paragraphsOf(
  article: ArticleData,
  protect: (text: string) => string,
  words: LangStyle["words"],
): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let datelineUsed = false;
  article.body.forEach((item, source) => {
    if (typeof item === "object" && "subhead" in item) {
      // Each line the editor broke (标题转行) protected alone: the break stays a break.
      const text = item.subhead.split("\n").map(protect).join("\n");
      paragraphs.push({ kind: "subhead", runs: [{ text, style: "plain" }], source });
      return;
    }
    const runs: Run[] = [];
    if (article.dateline && !datelineUsed) {
      // The dateline leads the first paragraph in bold, a full-width space (or the paper's words) after it.
      runs.push({ text: protect(article.dateline), style: "dateline" });
      runs.push({ text: words.datelineAfter, style: "plain" });
      datelineUsed = true;
    }
    runs.push({ text: protect(bodyText(item)), style: "plain" });
    // The paragraph that carries the dateline stays: the story would lose its lead.
    const cuttable = typeof item === "object" && item.cut === true && runs.length === 1;
    paragraphs.push({ kind: "text", runs, source, ...(cuttable ? { cuttable } : {}) });
  });
  if (article.dateline && !datelineUsed) {
    paragraphs.unshift({ kind: "text", runs: [{ text: protect(article.dateline), style: "dateline" }] });
  }
  if (article.byline)
    paragraphs.push({
      kind: "credit",
      runs: [{ text: protect(creditText(article.byline, words)), style: "plain" }],
    });
  return paragraphs;
}

export function paragraphText(p: Paragraph): string {
  return p.runs.map((r) => r.text).join("");
}

/** The runs of `p` between text offsets [from, to), split where a run crosses a bound. */
export function sliceRuns(p: Paragraph, from: number, to: number): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const run of p.runs) {
    const start = at;
    const end = at + run.text.length;
    at = end;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (b > a) out.push({ text: run.text.slice(a - start, b - start), style: run.style });
  }
  return out;
}
