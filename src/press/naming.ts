// File names of press files. Plants' ingest systems and FTP servers choke on anything beyond
// ASCII, so every part is transliterated (Latin diacritics dropped) or, when that cannot work
// (Chinese, say), replaced by the slug the caller gives.

import { toAsciiSlug } from "../ascii-slug";
import { InputError } from "../errors";

export { toAsciiSlug };

export class NamingError extends InputError {
  override name = "NamingError";
  override readonly title = "press options";
}

/** The slug for a name: the caller's fallback if given, else a transliteration, else an error. */
export function slugFor(what: string, text: string, fallback?: string): string {
  if (fallback !== undefined) {
    const slug = toAsciiSlug(fallback);
    if (!slug) throw new NamingError(`the ${what} slug "${fallback}" has no ASCII letters or digits`);
    return slug;
  }
  const slug = toAsciiSlug(text);
  if (!slug) throw new NamingError(`cannot make an ASCII file name from the ${what} "${text}": give a slug`);
  return slug;
}

export interface NameFields {
  paper: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** Page number, already formatted (zero-padded) or a word such as "press". */
  page?: string;
  section?: string;
  /** A zoned edition's id (north), for the <edition> token. */
  edition?: string;
}

export function parseIssueDate(date: string): { yyyy: string; mm: string; dd: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const parsed = m ? new Date(`${date}T00:00:00Z`) : undefined;
  if (!m || !parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new NamingError(`issue date "${date}" is not a valid YYYY-MM-DD date`);
  }
  return { yyyy: m[1] as string, mm: m[2] as string, dd: m[3] as string };
}

/** Pads a page number to at least two digits, more if the issue has 100 pages or more. */
export function padPage(page: number, pageCount: number): string {
  return String(page).padStart(Math.max(2, String(pageCount).length), "0");
}

/**
 * Expands a pattern such as "<paper>_<yyyymmdd>_<page>.pdf". Tokens: <paper>, <yyyymmdd>,
 * <yyyy>, <mm>, <dd>, <page>, <section>, <edition>. The result must be a plain ASCII file name.
 */
export function expandPattern(pattern: string, fields: NameFields): string {
  const { yyyy, mm, dd } = parseIssueDate(fields.date);
  const values: Record<string, string | undefined> = {
    paper: fields.paper,
    yyyymmdd: `${yyyy}${mm}${dd}`,
    yyyy,
    mm,
    dd,
    page: fields.page,
    section: fields.section,
    edition: fields.edition,
  };
  const name = pattern.replace(/<([a-z]+)>/g, (token, key: string) => {
    if (!Object.hasOwn(values, key)) throw new NamingError(`unknown token ${token} in file name pattern "${pattern}"`);
    const value = values[key];
    if (value === undefined) throw new NamingError(`token ${token} has no value for "${pattern}"`);
    return value;
  });
  if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith(".")) {
    throw new NamingError(`file name "${name}" from pattern "${pattern}" is not plain ASCII (A-Z a-z 0-9 . _ -)`);
  }
  return name;
}

/** The page pattern of a zoned edition's own pages: the edition's id before the page number
 *  (dcf_20221230_north_02.pdf), unless the pattern places <edition> itself. */
export function editionPattern(pattern: string): string {
  if (pattern.includes("<edition>")) return pattern;
  if (pattern.includes("<page>")) return pattern.replace("<page>", "<edition>_<page>");
  return pattern.replace(/(\.pdf)?$/i, "_<edition>$1");
}
