import { join } from "node:path";
import type { Session } from "../browser/session";
import { FitError } from "../errors";
import type { ImageWarning, PreparedImage } from "../images";
import type { Issue } from "../load";
import { makeUp } from "../makeup";
import type { Layout, Unplaced } from "../makeup/types";
import { type Measurements, measure } from "../measure/measure";
import { mastheadView } from "../measure/views";
import { appMounts } from "../render/assets";
import { formatCss } from "../render/css-vars";
import { printedDate } from "../render/dates";
import { pageViews } from "../render/page-view";
import { issueHtml } from "../render/render";
import { loadTemplates } from "../render/templates";
import type { Mount } from "../server/server";
import { protectBreaks } from "../typography/linebreak";
import { makeupInput, prepareLayoutImages, probeAspects } from "./stage-inputs";

// From a loaded issue to the HTML of its pages: probe photos → measure → make-up → prepare
// photos → fill templates. Shared by the PDF build and the live preview.

export class LayoutError extends FitError {
  override name = "LayoutError";
  constructor(readonly unplaced: Unplaced[]) {
    super(unplaced.map((u) => `article ${u.articleId}: ${u.lines} lines did not fit (${u.reason})`).join("\n"));
  }
}

export interface Composition {
  layout: Layout;
  measurements: Measurements;
  html: string;
  formatCss: string;
  warnings: string[];
  imageWarnings: ImageWarning[];
  /** The photos as placed: file, pixel size, effective ppi. */
  images: PreparedImage[];
}

export type Timer = <T>(stage: string, work: () => Promise<T>) => Promise<T>;
const untimed: Timer = (_stage, work) => work();

export function imageCacheDir(outDir: string): string {
  return join(outDir, ".cache", "images");
}

/** What the loopback server shows for one issue: app assets, the issue's folder, prepared photos. */
export function issueMounts(issue: Issue, cacheDir: string): Mount[] {
  return [...appMounts(), { prefix: "/issue/", root: issue.dir }, { prefix: "/images/", root: cacheDir }];
}

/** The logo's URL on the loopback server (any character of a file name allowed). */
export function logoUrl(logo: string): string {
  return `/issue/${logo.split("/").map(encodeURIComponent).join("/")}`;
}

export async function composeIssue(
  issue: Issue,
  session: Session,
  opts: { cacheDir: string; strict?: boolean; time?: Timer; scripts?: string[] },
): Promise<Composition> {
  const time = opts.time ?? untimed;
  const aspects = await time("probe", () => probeAspects(issue));
  const css = formatCss(issue.format);
  session.server.setDocument("/format.css", css, "text/css; charset=utf-8");
  const templates = loadTemplates();
  const date = printedDate(issue.data.issue.date);
  const logo = issue.data.paper.logo ? logoUrl(issue.data.paper.logo) : undefined;
  const masthead = mastheadView(issue.data, date, logo);

  const measurements = await time("measure", () =>
    measure({ issue, session, template: templates.measure, protect: protectBreaks, aspects, masthead }),
  );
  const result = await time("makeup", async () => makeUp(makeupInput(issue, measurements)));
  if (!result.ok) throw new LayoutError(result.unplaced);
  const layout = result.layout;

  const {
    images,
    prepared,
    warnings: imageWarnings,
  } = await time("images", () => prepareLayoutImages(issue, layout, opts.cacheDir, opts.strict ?? false));
  const context = {
    paper: issue.data.paper,
    date,
    pages: pageViews({ issue, layout, measurements, date, masthead, images }),
  };
  const html = issueHtml(templates.issue, context, opts.scripts);
  const warnings = [...layout.pages.flatMap((p) => p.warnings), ...imageWarnings.map((w) => w.message)];
  return { layout, measurements, html, formatCss: css, warnings, imageWarnings, images: prepared };
}
