import {
  assignHead,
  isDateline,
  isHeadLike,
  isLabel,
  isLeadingByline,
  parseCredit,
  splitDateline,
  splitKicker,
  splitTrailingCredit,
  subheadLead,
  subheadText,
} from "./anatomy";
import { sectionMarker } from "./sections";
import {
  type Block,
  type DraftArticle,
  type DraftImage,
  headText,
  type ImportedFile,
  newDraft,
  paragraphsOf,
} from "./types";

// Articles from a structured source (Word, Markdown): Heading 1 (Title, `#`) is a headline and
// starts a story, so does a page break (Word) or a rule (Markdown). Around the marked structure the
// anatomy is recognised by shape: the kicker above the headline, the subhead below it, the dateline
// that leads the text, the credit that closes it, the caption under a picture. A section line
// (版面：民生, 【要闻】) puts the stories after it in that section. A line break inside a head is the
// editor's and stays ("\n"); a body paragraph is split at its line breaks.

interface Segment {
  blocks: Block[];
  section?: string;
}

/** Section lines as blocks of their own: a paragraph or heading that only names a section. */
function markSections(blocks: Block[]): Block[] {
  return blocks.map((b) => {
    if (b.kind === "section") return { ...b, text: sectionMarker(b.text) ?? b.text };
    if ((b.kind === "para" || b.kind === "heading") && !b.lines) {
      const section = sectionMarker(b.text);
      if (section) return { kind: "section", text: section, at: b.at };
    }
    return b;
  });
}

/** Splits blocks into stories: at each headline (with the kicker and label lines above it), at breaks and section lines. */
function segments(blocks: Block[]): Segment[] {
  let section: string | undefined;
  const out: Segment[] = [{ blocks: [] }];
  const next = (): void => {
    const seg = out.at(-1) as Segment;
    if (seg.blocks.length) out.push({ blocks: [], section });
    else seg.section = section;
  };
  for (const b of blocks) {
    const seg = (out.at(-1) as Segment).blocks;
    if (b.kind === "section") {
      section = b.text;
      next();
      continue;
    }
    if (b.kind === "break") {
      next();
      continue;
    }
    if (b.kind === "heading" && b.level === 1) {
      // Up to two short lines right above the headline are its kicker (and label), unless that
      // would leave the story before without any text.
      let take = 0;
      while (take < 2 && take < seg.length) {
        const cand = seg[seg.length - 1 - take] as Block;
        if (cand.kind !== "para" || !isHeadLike(cand.text)) break;
        take++;
      }
      const before = seg.slice(0, seg.length - take);
      if (take && before.at(-1)?.kind === "heading" && before.at(-1)?.level === 1) take = 0;
      const head = seg.splice(seg.length - take, take);
      if (seg.length) out.push({ blocks: head, section });
      else seg.push(...head);
      (out.at(-1) as Segment).blocks.push(b);
      continue;
    }
    seg.push(b);
  }
  return out.filter((s) => s.blocks.length);
}

export function assembleBlocks(
  file: string,
  unit: ImportedFile["unit"],
  blocks: Block[],
  fileNotes: string[] = [],
): ImportedFile {
  const articles = segments(markSections(blocks)).map((seg) => assembleStory(file, seg));
  const emphasis = blocks.filter((b) => b.emphasis).map((b) => b.at);
  if (emphasis.length)
    fileNotes.push(
      `bold or italics dropped in ${unit}(s) ${emphasis.join(", ")} (the issue format has no inline emphasis)`,
    );
  return { file, unit, articles, notes: fileNotes };
}

function assembleStory(file: string, { blocks: seg, section }: Segment): DraftArticle {
  const a = newDraft(file, seg[0]?.at ?? 1);
  if (section) a.section = section;
  let i = seg.findIndex((b) => b.kind === "heading" && b.level === 1);
  if (i >= 0) {
    const above = seg.slice(0, i).map(headText);
    const headline = seg[i] as Block;
    if (above.length === 2 || (above.length === 1 && isLabel(above[0] ?? ""))) {
      if (isLabel(above[0] ?? "")) a.label = above.shift();
    }
    if (above.length) {
      a.kicker = above.join(" ");
      a.guessed.push(`kicker ${a.kicker} (the short paragraph above the headline)`);
    }
    a.headline = headText(headline);
    if (!a.kicker && !headline.lines) {
      const split = splitKicker(headline.text);
      if (split.kicker) {
        Object.assign(a, split);
        a.guessed.push(`kicker ${split.kicker} (a place name before the headline on its line)`);
      }
    }
    i++;
  } else {
    // No marked headline (after a page break, or a document without heading styles): the short
    // lines at the top are the head.
    const lines: string[] = [];
    i = 0;
    while (i < seg.length && lines.length < 3 && seg[i]?.kind !== "image") {
      const b = seg[i] as Block;
      if (!(b.kind === "heading" || (b.kind === "para" && isHeadLike(b.text)))) break;
      lines.push(headText(b));
      i++;
    }
    if (lines.length) {
      const head = assignHead(lines);
      Object.assign(a, { label: head.label, kicker: head.kicker, headline: head.headline, subhead: head.subhead });
      a.guessed.push(`headline ${head.headline} (the short line at the top of the story)`, ...head.guessed);
    }
  }
  const next = seg[i];
  if (next && a.headline && !a.subhead) {
    // The subhead: a Subtitle paragraph, or one (or a `##` heading) led by a dash.
    const dashed = next.kind === "para" || next.kind === "heading" ? subheadLead(headText(next)) : undefined;
    if (next.kind === "subtitle" || dashed) {
      a.subhead = dashed ?? subheadText(headText(next));
      if (!dashed) a.guessed.push("subhead (Subtitle style)");
      i++;
    }
  }
  assembleBody(a, seg.slice(i));
  return a;
}

/** Body items with the paragraph (or line) they start at. */
function pushBody(a: DraftArticle, at: number, ...items: DraftArticle["body"]): void {
  a.body.push(...items);
  a.bodyAt.push(...items.map(() => at));
}

function assembleBody(a: DraftArticle, blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.kind === "image" && b.image) {
      i += addImage(a, b, blocks[i + 1]);
      continue;
    }
    if (b.kind === "heading" || (b.allBold && a.body.length > 0 && isHeadLike(b.text))) {
      pushBody(a, b.at, { subhead: headText(b) });
      if (b.kind !== "heading") a.guessed.push(`subhead ${b.text} (a bold line of its own in the text)`);
      continue;
    }
    if (!b.text) continue;
    const [first = "", ...more] = paragraphsOf(b);
    if (a.body.length === 0 && !a.byline && isLeadingByline(first)) {
      // English copy opens with its byline: By Jane Doe.
      a.byline = first;
      pushBody(a, b.at, ...more);
      continue;
    }
    if (a.body.length === 0 && !a.dateline) {
      const lead = b.boldLead && isDateline(b.boldLead) && first.startsWith(b.boldLead) ? b.boldLead : undefined;
      const split = lead ? { dateline: lead, text: first.slice(lead.length).trimStart() } : splitDateline(first);
      if (split.dateline && split.text) {
        a.dateline = split.dateline.replace(/[：:]$/, "");
        pushBody(a, b.at, split.text, ...more);
        continue;
      }
    }
    pushBody(a, b.at, first, ...more);
  }
  closeWithCredit(a);
}

/**
 * A picture and its caption: the Markdown image text, or the paragraph under the picture (Word, or
 * Markdown without image text); a trailing （… 摄） is the credit. Returns 1 when it took that paragraph.
 */
function addImage(a: DraftArticle, b: Block, under: Block | undefined): number {
  const source = b.image as NonNullable<Block["image"]>;
  const given = source.captioned ? splitTrailingCredit(source.alt ?? "") : undefined;
  const image: DraftImage = { source, at: b.at };
  if (given?.text) image.caption = given.credit?.kind === "photo" ? given.text : source.alt;
  if (given?.credit?.kind === "photo") image.credit = given.credit.text;
  a.images.push(image);
  if (under?.kind !== "para") return 0;
  const credit = parseCredit(under.text);
  if (credit?.kind === "photo" && !image.credit) {
    image.credit = credit.text;
    return 1;
  }
  if (credit || image.caption) return 0;
  const split = splitTrailingCredit(under.text);
  image.caption = split.credit?.kind === "photo" ? split.text : under.text;
  if (split.credit?.kind === "photo") image.credit = split.credit.text;
  return 1;
}

/** The last paragraph, or the end of it, in brackets is the byline (unless the story opened with one). */
function closeWithCredit(a: DraftArticle): void {
  const last = a.body.at(-1);
  if (typeof last !== "string" || a.byline) return;
  const credit = parseCredit(last);
  if (credit?.kind === "byline" && a.body.length > 1) {
    a.body.pop();
    a.bodyAt.pop();
    a.byline = credit.text;
    return;
  }
  const split = splitTrailingCredit(last);
  if (split.credit?.kind === "byline") {
    a.body[a.body.length - 1] = split.text;
    a.byline = split.credit.text;
    a.guessed.push("byline (the bracketed credit ending the last paragraph)");
  }
}
