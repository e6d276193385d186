import {
  assignHead,
  endsSentence,
  isDateline,
  isHeadLike,
  isLeadingByline,
  parseCredit,
  splitDateline,
  splitKicker,
} from "./anatomy";
import { ImportError } from "./errors";
import { IMPORT_LIMITS } from "./limits";
import { sectionMarker } from "./sections";
import { type DraftArticle, type ImportedFile, newDraft } from "./types";

// Page text as a PDF extraction leaves it (the corpus): one block per line, blank lines between,
// column breaks splitting paragraphs, heads and credits on lines of their own, sometimes `#` and
// `**` left from an earlier conversion. Nothing marks where a story begins; its shape does. A line
// that only names a section (版面：民生, 【要闻】, 要闻) puts the stories after it in that section.

interface Line {
  text: string;
  at: number;
  /** `#` heading level left in the text. */
  mark?: number;
}

/** Lines of the text, markup stripped (`#` levels and `**` leads kept as hints). */
export function pageLines(text: string): { lines: Line[]; emphasisAt: number[] } {
  const lines: Line[] = [];
  const emphasisAt: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    let t = raw.trim();
    if (!t) return;
    const line: Line = { text: t, at: i + 1 };
    const heading = /^(#{1,6})\s+(.*)$/.exec(t);
    if (heading?.[1] && heading[2]) {
      line.mark = heading[1].length;
      t = heading[2].trim();
    }
    // A bold lead that is a dateline is markup for the dateline; other bold is emphasis.
    const lead = /^\*\*([^*]+)\*\*\s*/.exec(t);
    if (lead?.[1] && isDateline(lead[1])) t = `${lead[1].trim()} ${t.slice(lead[0].length)}`;
    const plain = t.replace(/\*\*([^*]+)\*\*/g, "$1");
    if (plain !== t) emphasisAt.push(i + 1);
    line.text = plain.trim();
    if (line.text) lines.push(line);
  });
  return { lines, emphasisAt };
}

type Kind = "head" | "credit" | "text";

export function importPageText(file: string, text: string): ImportedFile {
  const { lines, emphasisAt } = pageLines(text);
  if (lines.length > IMPORT_LIMITS.paragraphs)
    throw new ImportError(
      file,
      `${lines.length} lines of text, more than the ${IMPORT_LIMITS.paragraphs} one import reads: split the file`,
    );
  const articles: DraftArticle[] = [];
  let section: string | undefined;
  let current: DraftArticle | undefined;
  let closed = true;
  let open = false; // the last paragraph has not ended its sentence yet
  const joined = new Map<DraftArticle, number[]>();

  const kindOf = (i: number, inGroup = false): Kind => {
    const l = lines[i] as Line;
    if (parseCredit(l.text)) return "credit";
    if (l.mark) return "head";
    if (!isHeadLike(l.text)) return "text";
    // Between a credit and the next text a short line is a head. Inside a story it is one only on
    // more evidence (a kicker before it, a dateline after it, another head line): otherwise it is a
    // short paragraph, or the rest of an unfinished one cut by a column break.
    if (closed || !current || inGroup) return "head";
    if (open) return "text";
    const next = lines[i + 1];
    if (next && splitDateline(next.text).dateline) return "head";
    if (splitKicker(l.text).kicker) return "head";
    return next && !parseCredit(next.text) && isHeadLike(next.text) ? "head" : "text";
  };
  const start = (at: number): DraftArticle => {
    current = newDraft(file, at);
    if (section) current.section = section;
    articles.push(current);
    closed = false;
    open = false;
    return current;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const named = sectionMarker(line.text);
    if (named) {
      section = named;
      closed = true;
      open = false;
      continue;
    }
    const kind = kindOf(i);
    if (kind === "head") {
      const group = [line];
      while (i + 1 < lines.length && kindOf(i + 1, true) === "head") group.push(lines[++i] as Line);
      const a = start(line.at);
      const head = assignHead(group.map((g) => g.text));
      Object.assign(a, { label: head.label, kicker: head.kicker, headline: head.headline, subhead: head.subhead });
      a.guessed.push(...head.guessed);
      continue;
    }
    if (kind === "credit") {
      const credit = parseCredit(line.text);
      if (!credit) continue;
      if (
        current &&
        !closed &&
        current.headline &&
        !current.body.length &&
        !current.byline &&
        isLeadingByline(line.text)
      ) {
        // English copy opens with its byline, under the head: the story goes on.
        current.byline = line.text.trim();
        continue;
      }
      let a = current && !closed ? current : undefined;
      if (!a) {
        const last = articles.at(-1);
        a = last && !last.byline && credit.kind === "byline" ? last : start(line.at);
      }
      if (credit.kind === "photo") makePhoto(a, credit.text, line.at);
      else if (a.byline) {
        a.body.push(line.text);
        a.bodyAt.push(line.at);
      } else a.byline = credit.text;
      closed = true;
      open = false;
      continue;
    }
    // Body text.
    const lead = splitDateline(line.text);
    let a = current;
    if (!a || closed || (lead.dateline && a.body.length > 0 && !open)) a = start(line.at);
    if (a.body.length === 0 && !a.dateline && lead.dateline) {
      a.dateline = lead.dateline.replace(/[：:]$/, "");
      a.body.push(lead.text);
      a.bodyAt.push(line.at);
    } else if (open && typeof a.body.at(-1) === "string") {
      a.body[a.body.length - 1] = `${a.body.at(-1) as string}${line.text}`;
      joined.set(a, [...(joined.get(a) ?? []), line.at]);
    } else {
      a.body.push(line.text);
      a.bodyAt.push(line.at);
    }
    open = !endsSentence(line.text);
  }

  for (const [a, at] of joined)
    a.guessed.push(`${at.length} paragraph(s) rejoined across column breaks (lines ${at.join(", ")})`);
  attachOrphanHeads(articles);
  const notes = emphasisAt.length
    ? [`bold dropped on line(s) ${emphasisAt.join(", ")} (the issue format has no inline emphasis)`]
    : [];
  return { file, unit: "line", articles, notes };
}

/** A photo item: its text is the caption; a story with a headline keeps its text and gets the photo. */
function makePhoto(a: DraftArticle, credit: string, at: number): void {
  const paragraphs = a.body.filter((b): b is string => typeof b === "string");
  if (!a.headline) {
    const caption = `${a.dateline ? `${a.dateline} ` : ""}${paragraphs.join("")}`;
    a.body = [];
    a.bodyAt = [];
    a.dateline = undefined;
    a.images.push({ caption: caption || undefined, credit, at });
    a.guessed.push("photo item: its text is the caption, （… 摄） the credit");
    return;
  }
  const last = a.body.length > 1 ? a.body.pop() : undefined;
  if (last !== undefined) a.bodyAt.pop();
  a.images.push({ caption: typeof last === "string" ? last : undefined, credit, at });
  a.guessed.push("photo: the last paragraph before （… 摄） is its caption");
}

/**
 * Extraction sometimes puts a story's head after its text (a head set beside the columns). A head
 * with no text of its own goes to a story without one: the one naming the kicker, else the nearest
 * one before it that is not a follow-up (又讯).
 */
function attachOrphanHeads(articles: DraftArticle[]): void {
  for (let i = articles.length - 1; i >= 0; i--) {
    const orphan = articles[i] as DraftArticle;
    if (!orphan.headline || orphan.body.length || orphan.images.length || orphan.byline) continue;
    const candidates = articles
      .slice(0, i)
      .filter((a) => !a.headline && a.images.length === 0 && a.body.length > 0 && a.dateline !== "又讯");
    const named = orphan.kicker
      ? candidates.find((a) => String(a.body[0] ?? "").includes(orphan.kicker ?? ""))
      : undefined;
    const target = named ?? candidates.at(-1);
    if (!target) continue;
    Object.assign(target, {
      label: orphan.label,
      kicker: orphan.kicker,
      headline: orphan.headline,
      subhead: orphan.subhead,
    });
    target.guessed.push(
      `head found after its text (line ${orphan.at}), moved to the story it names`,
      ...orphan.guessed,
    );
    articles.splice(i, 1);
  }
}
