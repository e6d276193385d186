import type { BodyItem } from "../load";

// What the importers make before ids, photo names and the issue file are decided: articles drafted
// from one source file, each remembering where it came from and what was guessed about it.

/** One paragraph-level piece of a source, in reading order. */
export interface Block {
  kind: "para" | "heading" | "subtitle" | "image" | "break" | "section";
  /** Heading level: 1 for Heading 1 / Title / `#`, 2 and 3 below it. */
  level?: number;
  /** Plain text, inline emphasis dropped; line breaks inside the paragraph as spaces. */
  text: string;
  /** The paragraph's lines where the source broke it (Word Shift+Enter, a Markdown hard break): a
   *  head keeps them as "\n", a body paragraph splits into several. Absent for one line. */
  lines?: string[];
  /** Paragraph (Word, Markdown) or line (page text) number in the source, from 1. */
  at: number;
  /** A bold lead run (Word bold, Markdown **…**): a dateline candidate. */
  boldLead?: string;
  /** The whole paragraph was bold: in a body, an internal subhead candidate. */
  allBold?: boolean;
  /** Bold or italic inside the paragraph that the issue format cannot keep. */
  emphasis?: boolean;
  image?: SourceImage;
}

export interface SourceImage {
  /** The picture's bytes (embedded in Word, or read beside a Markdown file). */
  data: Buffer;
  /** Alt text (Word) or image text (Markdown). */
  alt?: string;
  /** The image text is the caption (Markdown); in Word the paragraph under the picture is. */
  captioned?: boolean;
  /** Where the picture came from, for messages. */
  origin: string;
}

/** A picture decoded once and within the pixel limit, in a format the images stage takes. */
export interface CheckedPicture {
  data: Buffer;
  ext: string;
  width: number;
  height: number;
  /** Set when the picture was converted (e.g. GIF) to PNG. */
  convertedFrom?: string;
}

export interface DraftImage {
  source?: SourceImage;
  /** The source picture once checked (before anything is written). */
  checked?: CheckedPicture;
  caption?: string;
  credit?: string;
  at: number;
}

export interface DraftArticle {
  /** The source file as shown to the user, and the first paragraph of the article in it. */
  file: string;
  at: number;
  label?: string;
  kicker?: string;
  headline?: string;
  subhead?: string;
  dateline?: string;
  body: BodyItem[];
  /** Where each body item starts in the source (paragraph or line), as far as known. */
  bodyAt: number[];
  byline?: string;
  images: DraftImage[];
  /** Half-width punctuation made full width in this story. */
  punctuation?: number;
  /** Section of the paper it belongs in (a section line in the source, Markdown front matter). */
  section?: string;
  /** Front-matter hints (Markdown). */
  id?: string;
  priority?: number;
  columns?: number;
  minLines?: number;
  /** What was recognised by its shape rather than marked in the source. */
  guessed: string[];
  /** What the issue format could not keep, and other remarks. */
  notes: string[];
}

/** A head's text: its lines as the source broke them. */
export function headText(b: Pick<Block, "text" | "lines">): string {
  return b.lines ? b.lines.join("\n") : b.text;
}

/** A body paragraph's text: one paragraph per line the source broke it into. */
export function paragraphsOf(b: Pick<Block, "text" | "lines">): string[] {
  return b.lines ?? [b.text];
}

/** The articles drafted from one file, with notes that concern the whole file. */
export interface ImportedFile {
  file: string;
  /** What `at` counts in this file: Word paragraphs, or lines of Markdown and page text. */
  unit: "paragraph" | "line";
  articles: DraftArticle[];
  notes: string[];
}

export function newDraft(file: string, at: number): DraftArticle {
  return { file, at, body: [], bodyAt: [], images: [], guessed: [], notes: [] };
}
