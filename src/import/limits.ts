// How much work one import may take on. Beyond these a source is refused with exit 2 within
// seconds instead of exhausting memory (a zip bomb, a picture declaring 10 gigapixels, a file
// of thousands of headings): far above what a day's copy of a paper holds.

export const IMPORT_LIMITS = {
  /** A Word file as stored (its pictures included). */
  docxBytes: 200 * 1024 * 1024,
  /** A Markdown or page text file. */
  textBytes: 16 * 1024 * 1024,
  /** A picture a Markdown file names. */
  pictureBytes: 100 * 1024 * 1024,
  /** Everything a Word file inflates to, pictures included. */
  inflatedBytes: 400 * 1024 * 1024,
  /** The XML parts of a Word file, inflated: the text and its styles (a 300-page book is ~10 MB). */
  xmlBytes: 40 * 1024 * 1024,
  /** Parts (files) in a Word file's ZIP archive. */
  zipEntries: 10_000,
  /** Paragraphs (Word) or blocks (Markdown, page text lines) in one source file. */
  paragraphs: 50_000,
  /** Stories in one import: a day's copy of a large daily is a few hundred. */
  stories: 1_000,
  /** An existing issue.json read to append to. */
  issueBytes: 64 * 1024 * 1024,
} as const;

export { formatBytes } from "../files";
