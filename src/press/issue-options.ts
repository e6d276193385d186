import { join } from "node:path";
import type { PressConfig } from "../config/resolve";
import { type EditionData, editionIssueData, type Issue, replacedPageNumbers } from "../load";
import { PDFX_VERSIONS, type PdfxVersion } from "../pdf/metadata";
import { gsWasmMissing, resolveGsWasm } from "./ghostscript-wasm";
import { assertCmykOutputProfile, readIccProfile } from "./icc";
import { toAsciiSlug } from "./naming";
import { type PressOptions, PressOptionsError, resolveCollecting, resolvePressOptions } from "./options";
import { planFiles } from "./plan";

// `build --press`: the press options of an issue, from the issue file and the command line, all
// checked before any stage runs — a bad pattern, ink limit, profile or date is an input error
// (exit 2) with nothing written, not a failure after the proof is out.

/** The press options as the command line gives them: strings, unchecked. */
export interface PressFlags {
  bleed?: string;
  inkLimit?: string;
  profile?: string;
  pdfx?: string;
  pagePattern?: string;
  deterministic?: boolean;
}

/** The same, as a program gives them. */
export interface PressStepOptions {
  bleedMm?: number;
  inkLimit?: number;
  profile?: string;
  pdfx?: PdfxVersion;
  pagePattern?: string;
  deterministic?: boolean;
}

export interface IssuePress {
  options: PressOptions;
  /** Things a person should know, e.g. that the file names fell back to "issue". */
  warnings: string[];
}

/** File names need ASCII; without paper.slug and an ASCII folder name they start with this. */
export const FALLBACK_SLUG = "issue";

export function pressDir(outDir: string, issue: Issue): string {
  return join(outDir, issue.name, "press");
}

/** The press options of an issue; not yet checked (see checkPressOptions). */
export function pressOptionsForIssue(issue: Issue, outDir: string, opts: PressStepOptions): IssuePress {
  const d = issue.data;
  const warnings: string[] = [];
  let paperSlug = d.paper.slug ?? toAsciiSlug(issue.name);
  if (!paperSlug) {
    paperSlug = FALLBACK_SLUG;
    warnings.push(
      `press files are named "${FALLBACK_SLUG}_…": the folder name "${issue.name}" gives no ASCII file name; ` +
        `set paper.slug in ${issue.file} (e.g. "slug": "dongchangfu")`,
    );
  }
  const pages = d.pages.map((_, i) => i + 1);
  const options: PressOptions = {
    trim: { widthMm: issue.format.widthMm, heightMm: issue.format.heightMm },
    bleedMm: opts.bleedMm ?? issue.format.bleedMm,
    outDir: pressDir(outDir, issue),
    pagePattern: opts.pagePattern,
    metadata: {
      paperName: d.paper.name,
      words: issue.style.langs[issue.style.lang].words,
      paperSlug,
      publisher: d.paper.publisher,
      issueNumber: d.issue.number,
      issueDate: d.issue.date,
      pageNumbers: pages,
      sections: d.pages.map((p) => p.section),
    },
    monoPages: pages.filter((n) => (d.pages[n - 1]?.color ?? d.color) === "mono"),
    inkLimit: opts.inkLimit,
    profile: opts.profile,
    pdfx: opts.pdfx,
    deterministic: opts.deterministic,
  };
  return { options, warnings };
}

/** The press options of a zoned edition's own pages: the issue's, for the pages it replaces, the
 *  files named with its id. The proof they take holds those pages only, in page order. */
export function editionPressOptions(issue: Issue, edition: EditionData, press: PressOptions): PressOptions {
  const whole = editionIssueData(issue.data, edition);
  const numbers = replacedPageNumbers(edition);
  const mono = numbers.filter((n) => (whole.pages[n - 1]?.color ?? whole.color) === "mono");
  return {
    ...press,
    metadata: {
      ...press.metadata,
      edition: edition.id,
      pageNumbers: numbers,
      sections: numbers.map((n) => whole.pages[n - 1]?.section),
    },
    monoPages: mono,
  };
}

/**
 * Checks every press option against the issue — numbers, PDF/X version, profile (readable, CMYK
 * output), file names (pattern, slugs, date) — and throws one PressOptionsError listing all
 * problems. Reads the profile; writes nothing.
 */
export async function checkPressOptions(
  flags: PressFlags,
  issue: Issue,
  outDir: string,
  settings: PressConfig,
): Promise<IssuePress> {
  const problems: string[] = [];
  const number = (flag: string, value: string | undefined, unit: string): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n)) {
      problems.push(`${flag} needs a number (${unit}), not "${value}"`);
      return undefined;
    }
    return n;
  };
  const bleedMm = number("--bleed", flags.bleed, "mm");
  const inkLimit = number("--ink-limit", flags.inkLimit, "percent");
  let pdfx: PdfxVersion | undefined;
  if (flags.pdfx !== undefined) {
    if ((PDFX_VERSIONS as readonly string[]).includes(flags.pdfx)) pdfx = flags.pdfx as PdfxVersion;
    else problems.push(`--pdfx must be ${PDFX_VERSIONS.join(" or ")}, not "${flags.pdfx}"`);
  }
  const press = pressOptionsForIssue(issue, outDir, {
    bleedMm,
    inkLimit,
    profile: flags.profile,
    pdfx,
    pagePattern: flags.pagePattern,
    deterministic: flags.deterministic,
  });
  const { resolved, problems: resolving } = resolveCollecting(press.options, settings);
  problems.push(...resolving);
  if (!resolved.defaultProfile) {
    try {
      assertCmykOutputProfile(resolved.profile, await readIccProfile(resolved.profile));
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (resolved.pdfx === "PDF/X-4" && !resolveGsWasm(resolved.gsWasmModule))
    problems.push(gsWasmMissing(resolved.gsWasmModule));
  try {
    planFiles(resolved, issue.data.pages.length);
    for (const edition of issue.data.editions) {
      const options = editionPressOptions(issue, edition, press.options);
      const named = { ...resolved, metadata: options.metadata, monoPages: options.monoPages ?? [] };
      planFiles(named, replacedPageNumbers(edition).length);
    }
  } catch (err) {
    problems.push((err as Error).message);
  }
  const unique = [...new Set(problems)];
  if (unique.length > 0) throw new PressOptionsError(unique);
  return press;
}

/** A page of the issue and the press file a build with the default file names gives it. */
export interface IssuePressFile {
  pageNumber: number;
  /** A zoned edition's own page: that edition's id. */
  edition?: string;
  /** Absolute path of the page's press file (it may not exist yet). */
  file: string;
}

/** The press file of every page, as `build --press` names it with the issue's own settings; then
 *  each zoned edition's own pages (`edition` set). */
export function pressFilesOfIssue(issue: Issue, outDir: string, settings: PressConfig): IssuePressFile[] {
  const options = pressOptionsForIssue(issue, outDir, {}).options;
  const resolved = resolvePressOptions(options, settings);
  const base = planFiles(resolved, issue.data.pages.length).pages.map((p) => ({
    pageNumber: p.pageNumber,
    file: join(resolved.outDir, p.fileName),
  }));
  const editions = issue.data.editions.flatMap((edition) => {
    const own = editionPressOptions(issue, edition, options);
    const named = { ...resolved, metadata: own.metadata, monoPages: own.monoPages ?? [] };
    return planFiles(named, replacedPageNumbers(edition).length).pages.map((p) => ({
      pageNumber: p.pageNumber,
      edition: edition.id,
      file: join(resolved.outDir, p.fileName),
    }));
  });
  return [...base, ...editions];
}
