import { editionPattern, expandPattern, NamingError, padPage, slugFor } from "./naming";
import type { ResolvedPressOptions } from "./options";

// Which proof page becomes which press file: page numbers, sections, grey or colour, and the
// file names — all settled and checked before any conversion starts, so that a bad pattern or a
// missing slug fails at once instead of after minutes of Ghostscript.

/** A proof page and the press file it becomes. */
export interface PageFile {
  pageNumber: number;
  section?: string;
  mono: boolean;
  fileName: string;
}

export interface FilePlan {
  pages: PageFile[];
  issueFileName: string;
}

export function planFiles(opts: ResolvedPressOptions, pageCount: number): FilePlan {
  const meta = opts.metadata;
  const numbers = meta.pageNumbers ?? Array.from({ length: pageCount }, (_, i) => i + 1);
  if (numbers.length !== pageCount) {
    throw new NamingError(`${numbers.length} page numbers given for a proof of ${pageCount} pages`);
  }
  if (numbers.some((n) => !Number.isInteger(n) || n < 1) || new Set(numbers).size !== numbers.length) {
    throw new NamingError(`page numbers must be distinct positive integers: ${numbers.join(", ")}`);
  }
  const unknownMono = opts.monoPages.filter((n) => !numbers.includes(n));
  if (unknownMono.length > 0) throw new NamingError(`mono pages not in the issue: ${unknownMono.join(", ")}`);
  const paper = slugFor("paper name", meta.paperName, meta.paperSlug);
  const maxPage = Math.max(...numbers);
  const edition = meta.edition;
  const pagePattern = edition === undefined ? opts.pagePattern : editionPattern(opts.pagePattern);
  const usesSection = pagePattern.includes("<section>");
  const pages = numbers.map((pageNumber, i): PageFile => {
    const section = meta.sections?.[i];
    const sectionSlug =
      usesSection && section !== undefined ? slugFor("section", section, meta.sectionSlugs?.[i]) : undefined;
    return {
      pageNumber,
      section,
      mono: opts.monoPages.includes(pageNumber),
      fileName: expandPattern(pagePattern, {
        paper,
        date: meta.issueDate,
        page: padPage(pageNumber, maxPage),
        section: sectionSlug,
        edition,
      }),
    };
  });
  const issuePattern = edition === undefined ? opts.issuePattern : editionPattern(opts.issuePattern);
  const issueFileName = expandPattern(issuePattern, { paper, date: meta.issueDate, page: "press", edition });
  const all = [...pages.map((p) => p.fileName), issueFileName];
  const duplicate = all.find((n, i) => all.indexOf(n) !== i);
  if (duplicate) throw new NamingError(`file name pattern gives "${duplicate}" twice: add <page> to it`);
  return { pages, issueFileName };
}
