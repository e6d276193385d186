import { isAbsolute, resolve } from "node:path";
import { appFile } from "../app-root";
import { DEFAULTS } from "../config/defaults";
import type { TitleWords } from "../config/langs";
import type { PressConfig } from "../config/resolve";
import { InputError } from "../errors";
import { PDFX_VERSIONS, type PdfxVersion } from "../pdf/metadata";
import { parseIssueDate } from "./naming";
import type { OutputIntent } from "./pdfx-def";

export interface PressMetadata {
  /** Title of the issue, e.g. "东昌府报 2022年11月14日 总第1234期" (default from name, date, number in
   *  the paper's words); a page's adds its folio, " 第N版". */
  title?: string;
  /** The house style's words of the title: date, issue number, page (the issue's language's). */
  words: TitleWords;
  /** The paper's name as printed, e.g. "东昌府报". */
  paperName: string;
  /** The publisher: the PDFs' Author. */
  publisher?: string;
  /** 总第N期. */
  issueNumber?: number;
  /** ASCII name for files when the paper's name cannot be transliterated, e.g. "dongchangfu". */
  paperSlug?: string;
  /** Issue date, YYYY-MM-DD. */
  issueDate: string;
  /** Page number of each proof page, in order; default 1, 2, 3 … */
  pageNumbers?: number[];
  /** Section (e.g. "要闻") of each proof page, in order. */
  sections?: (string | undefined)[];
  /** ASCII section names for the <section> token, where the sections cannot be transliterated. */
  sectionSlugs?: (string | undefined)[];
  /** A zoned edition's id: its pages are named with it (naming.ts, editionPattern). */
  edition?: string;
}

export interface PressOptions {
  /** The trim (finished page) size: the paper format, not the proof's rounded page size. */
  trim: { widthMm: number; heightMm: number };
  /** Bleed on each side in mm; default the configuration's (3). */
  bleedMm?: number;
  outDir: string;
  /** Per-page file names; default the configuration's, "<paper>_<yyyymmdd>_<page>.pdf". */
  pagePattern?: string;
  /** The whole issue as one press proof; default the configuration's, "<paper>_<yyyymmdd>_press.pdf". */
  issuePattern?: string;
  /** Write the whole issue as one press proof too (default true; a zoned edition's own pages alone
   *  are not an issue). */
  issueFile?: boolean;
  metadata: PressMetadata;
  /** Page numbers (as in metadata.pageNumbers) printed in black only: converted to DeviceGray. */
  monoPages?: number[];
  /**
   * Total area coverage limit in percent; default the configuration's, 220 (ISO 12647-3:2013,
   * WAN-IFRA newspaper26v5), 240 for older specs. Picks the default profile and is checked on every page.
   */
  inkLimit?: number;
  /** CMYK output-condition ICC profile; default one of profiles/ (see profiles/README.md). */
  profile?: string;
  /** The output intent's identifiers; default: CGATS TR 002 for the shipped profiles. */
  outputCondition?: Partial<OutputIntent>;
  pdfx?: PdfxVersion;
  /** Byte-identical output for unchanged input: dates fixed to the issue date, IDs from content. */
  deterministic?: boolean;
  /** Aborting stops Ghostscript and removes the staging folder; the call rejects with the reason. */
  signal?: AbortSignal;
}

export interface ResolvedPressOptions
  extends Required<Omit<PressOptions, "profile" | "outputCondition" | "signal">>,
    Pick<PressConfig, "concurrency" | "gsCommand" | "gsIccDir" | "gsWasmModule" | "gsTimeoutMs"> {
  signal?: AbortSignal;
  profile: string;
  outputIntent: OutputIntent;
  /** True when the profile is one of ours (then the output intent names CGATS TR 002). */
  defaultProfile: boolean;
}

/** One or more press options are wrong; `problems` lists every one found. */
export class PressOptionsError extends InputError {
  override name = "PressOptionsError";
  override readonly title = "press options";
  override readonly listsProblems = true;
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = typeof problems === "string" ? [problems] : problems;
    super(list.map((message) => ({ severity: "error", message })));
    this.problems = list;
  }
}

/** The shipped profile whose ink limit is the highest not above `inkLimit`. */
export function defaultProfileFor(inkLimit: number): string {
  const match = DEFAULTS.pressProfiles.find((p) => p.inkLimit <= inkLimit);
  if (!match) {
    throw new PressOptionsError(
      `no shipped profile for an ink limit of ${inkLimit}% (lowest is 220%): give a profile made for it`,
    );
  }
  return appFile(match.file);
}

/** The options with the configuration's press settings where they say nothing. */
export function resolvePressOptions(opts: PressOptions, settings: PressConfig): ResolvedPressOptions {
  const { resolved, problems } = resolveCollecting(opts, settings);
  if (problems.length > 0) throw new PressOptionsError(problems);
  return resolved;
}

/**
 * Resolves the options, collecting every problem instead of stopping at the first; a bad value is
 * replaced by its default so that the checks after it still run.
 */
export function resolveCollecting(
  opts: PressOptions,
  settings: PressConfig,
): { resolved: ResolvedPressOptions; problems: string[] } {
  const problems: string[] = [];
  const { trim } = opts;
  if (!(trim.widthMm > 0 && trim.heightMm > 0)) problems.push("trim size must be positive");
  let bleedMm = opts.bleedMm ?? settings.bleedMm;
  if (!(bleedMm >= 0 && bleedMm <= 20)) {
    problems.push(`bleed must be between 0 and 20 mm, not ${bleedMm}`);
    bleedMm = settings.bleedMm;
  }
  let inkLimit = opts.inkLimit ?? settings.inkLimit;
  if (!(inkLimit >= 100 && inkLimit <= 400)) {
    problems.push(`ink limit must be 100–400 %, not ${inkLimit}`);
    inkLimit = settings.inkLimit;
  }
  const pdfx = opts.pdfx ?? settings.pdfx;
  if (!PDFX_VERSIONS.includes(pdfx))
    problems.push(`PDF/X version must be ${PDFX_VERSIONS.join(" or ")}, not "${pdfx}"`);
  const attempt = <T>(work: () => T, fallback: T): T => {
    try {
      return work();
    } catch (err) {
      problems.push((err as Error).message);
      return fallback;
    }
  };
  attempt(() => parseIssueDate(opts.metadata.issueDate), undefined);
  const defaultProfile = opts.profile === undefined;
  const profile = defaultProfile
    ? attempt(() => defaultProfileFor(inkLimit), defaultProfileFor(settings.inkLimit))
    : resolve(opts.profile as string);
  const given = opts.outputCondition ?? {};
  const outputIntent: OutputIntent = defaultProfile
    ? {
        identifier: given.identifier ?? "CGATS TR 002",
        condition: given.condition ?? `Coldset offset on newsprint (CGATS TR 002), total ink ${inkLimit}%`,
        registryName: given.registryName ?? "http://www.color.org",
      }
    : {
        identifier: given.identifier ?? "",
        condition: given.condition ?? "",
        registryName: given.registryName ?? "http://www.color.org",
      };
  const resolved: ResolvedPressOptions = {
    trim,
    bleedMm,
    outDir: isAbsolute(opts.outDir) ? opts.outDir : resolve(opts.outDir),
    pagePattern: opts.pagePattern ?? settings.pagePattern,
    issuePattern: opts.issuePattern ?? settings.issuePattern,
    issueFile: opts.issueFile ?? true,
    metadata: opts.metadata,
    monoPages: opts.monoPages ?? [],
    inkLimit,
    profile,
    outputIntent,
    defaultProfile,
    pdfx,
    deterministic: opts.deterministic ?? false,
    concurrency: Math.max(1, settings.concurrency),
    gsCommand: settings.gsCommand,
    gsIccDir: settings.gsIccDir,
    gsWasmModule: settings.gsWasmModule,
    gsTimeoutMs: settings.gsTimeoutMs,
    signal: opts.signal,
  };
  return { resolved, problems };
}
