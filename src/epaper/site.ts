import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { appFile } from "../app-root";
import { browserScript } from "../browser/scripts";
import { DEFAULT_CONCURRENCY, mapLimit } from "../concurrency";
import { DEFAULTS } from "../config/defaults";
import { fillWords } from "../config/langs";
import type { Layout } from "../makeup/types";
import type { TypesetModel } from "../typeset/model";
import { type Edition, editionOf, editionSchema, type MadeFiles, type Picture } from "./edition";
import { atomFeed, sitemap } from "./feeds";
import { imageSize } from "./geometry";
import {
  type IssueEntry,
  keptPage,
  manifestText,
  type PageEntry,
  readManifest,
  SiteError,
  type SiteManifest,
  staleFiles,
  withIssue,
} from "./manifest";
import { screenPhoto } from "./photos";
import { type Proof, readProof } from "./proof";
import { rasterisePage } from "./raster";
import { removeSiteFiles, writeIfChanged } from "./site-files";
import { ISSUE, issueFolder, SITE } from "./site-paths";
import { type Story, storiesOf } from "./stories";
import { loadEpaperTemplates } from "./templates";
import { type ArchiveEntry, homeView, issueView, pageView, storyView } from "./views";

// The e-paper stage: an issue as built (its typesetting model, the make-up's layout, the proof
// PDF) → a static site in a folder, which any static host serves. Each run adds or replaces one
// issue (its folder named by its date) and rewrites the front door, the feed and the sitemap; a
// page whose key held keeps its pictures and PDF, and every file whose bytes are already there is
// left alone, mtime included.

export interface EpaperInput {
  model: TypesetModel;
  layout: Layout;
  /** The proof PDF the build wrote. */
  proofFile: string;
  /** Each page's key from the render stage, in page order; absent, each page's PDF is its key. */
  pageKeys?: string[];
}

export interface EpaperOptions {
  siteDir: string;
  /** The site's public URL, ending in "/": the feed and the sitemap get absolute links. */
  baseUrl?: string;
  onProgress?: (line: string) => void;
  /** The clock of the issue's `updated` date (tests fix it). */
  now?: () => Date;
}

export interface EpaperResult {
  /** The issue's folder in the site. */
  issueDir: string;
  pages: { number: number; pictured: boolean }[];
  stories: number;
  /** Files written (their bytes were new), relative to the site. */
  written: string[];
  /** Files of an earlier build no longer made, removed. */
  removed: string[];
}

/** Bump when page pictures or PDFs are made otherwise: every page is made again. */
const PAGE_FILES_VERSION = "1";

export async function makeEpaper(input: EpaperInput, opts: EpaperOptions): Promise<EpaperResult> {
  const { model, layout } = input;
  const { siteDir } = opts;
  const data = model.issue.data;
  const say = opts.onProgress ?? (() => undefined);
  const manifest = await readManifest(siteDir, data.paper.name);
  const previous = manifest.issues.find((i) => i.date === data.issue.date);
  const proof = await readProof(input.proofFile);
  if (proof.pages.length !== layout.pages.length) {
    throw new Error(`${input.proofFile} has ${proof.pages.length} pages, the make-up ${layout.pages.length}`);
  }
  const folder = issueFolder(data.issue.date);
  const inIssue = (path: string) => `${folder}/${path}`;
  const written: string[] = [];
  const write = async (path: string, bytes: string | Uint8Array) => {
    if (await writeIfChanged(join(siteDir, path), bytes)) written.push(path);
  };

  const pageIndices = layout.pages.map((_, i) => i);
  const pages = await mapLimit(pageIndices, DEFAULT_CONCURRENCY, (i) =>
    pageFiles(input, proof, i, { siteDir, previous, inIssue, write, say }),
  );
  const stories = storiesOf(model, layout);
  const photos = await storyPhotos(model, stories, siteDir, inIssue, write);
  const made: MadeFiles = { pages: pages.map((p) => p.made), photos: photos.pictures };
  const edition = editionOf(model, stories, made);

  // The issue's own files; its index once the archive knows it.
  const templates = loadEpaperTemplates();
  await write(inIssue(ISSUE.json), `${JSON.stringify(edition, null, 2)}\n`);
  for (const page of edition.pages) await write(inIssue(page.href), templates.page(pageView(edition, page)));
  for (const [i, story] of stories.entries()) {
    await write(inIssue(ISSUE.story(story.id)), templates.story(storyView(edition, stories, i)));
  }
  const files = [
    ...pages.flatMap((p) => p.entry.files),
    ...photos.files,
    inIssue(ISSUE.json),
    ...edition.pages.map((p) => inIssue(p.href)),
    ...stories.map((s) => inIssue(ISSUE.story(s.id))),
    inIssue(ISSUE.index),
  ];
  const entry: IssueEntry = {
    date: data.issue.date,
    dateLine: edition.dateLine,
    ...(edition.number ? { number: edition.number } : {}),
    updated: previous?.updated ?? "",
    pages: pages.map((p) => p.entry),
    files,
  };
  const archive = archiveOf(withIssue(manifest, entry));
  await write(inIssue(ISSUE.index), templates.issue(issueView(edition, archive)));
  const stale = staleFiles(previous?.files ?? [], files);
  if (!previous || written.length > 0 || stale.length > 0) entry.updated = isoSeconds((opts.now ?? nowDate)());

  // The site as a whole: front door, feed, sitemap and assets, from its latest issue.
  const site = withIssue(manifest, entry);
  const latest = site.issues[0] as IssueEntry;
  const latestEdition = latest.date === edition.date ? edition : await readEdition(siteDir, latest.date);
  const siteFiles: [string, string][] = [
    [SITE.stylesheet, await readFile(appFile("styles/epaper.css"), "utf8")],
    [SITE.paperStylesheet, paperStylesheet(model)],
    [SITE.script, browserScript("src/epaper/enhance.browser.ts", "npEpaper").source],
    [SITE.home, templates.home(homeView(latestEdition, archive))],
    [SITE.feed, atomFeed(latestEdition, latest, opts.baseUrl)],
    [SITE.sitemap, sitemap(site.issues, opts.baseUrl)],
  ];
  for (const [path, text] of siteFiles) await write(path, text);
  const siteStale = staleFiles(manifest.files, [...siteFiles.map(([path]) => path)]);
  const removed = [...stale, ...siteStale];
  await removeSiteFiles(siteDir, removed);
  const next: SiteManifest = { ...site, files: siteFiles.map(([path]) => path) };
  await write(SITE.manifest, manifestText(next));
  return {
    issueDir: join(siteDir, folder),
    pages: pages.map((p) => ({ number: p.entry.number, pictured: p.pictured })),
    stories: stories.length,
    written,
    removed,
  };
}

interface PageContext {
  siteDir: string;
  previous: IssueEntry | undefined;
  inIssue: (path: string) => string;
  write: (path: string, bytes: Uint8Array) => Promise<void>;
  say: (line: string) => void;
}

/** A page's pictures and PDF: kept when its key held and its files are there, else made. */
async function pageFiles(
  input: EpaperInput,
  proof: Proof,
  index: number,
  ctx: PageContext,
): Promise<{ entry: PageEntry; made: MadeFiles["pages"][number]; pictured: boolean }> {
  const number = index + 1;
  const size = proof.pages[index] as { width: number; height: number };
  const widths = [...DEFAULTS.epaperPageWidths].sort((a, b) => a - b);
  const meta = pdfMeta(input.model, number);
  const printedKey = input.pageKeys?.[index] ?? sha256(await proof.pagePdf(index, { ...meta, date: new Date(0) }));
  const key = sha256(`${PAGE_FILES_VERSION}:${widths.join(",")}:${printedKey}`);
  const images: Picture[] = widths.map((w) => ({ src: ISSUE.pageImage(number, key, w), ...imageSize(size, w) }));
  const pdf = ISSUE.pagePdf(number);
  const files = [...images.map((i) => ctx.inIssue(i.src)), ctx.inIssue(pdf)];
  const kept = keptPage(ctx.previous, number, key) !== undefined && (await allExist(ctx.siteDir, files));
  if (!kept) {
    ctx.say(`page ${number}: pictures and PDF`);
    const pictures = await rasterisePage(proof.file, number, size, widths);
    for (const [i, picture] of pictures.entries()) await ctx.write(files[i] as string, picture.data);
    await ctx.write(ctx.inIssue(pdf), await proof.pagePdf(index, meta));
  }
  return { entry: { number, key, files }, made: { size, images, pdf }, pictured: !kept };
}

/** Every story's photos for screens; a photo already there under its content's name is kept. */
async function storyPhotos(
  model: TypesetModel,
  stories: Story[],
  siteDir: string,
  inIssue: (path: string) => string,
  write: (path: string, bytes: Uint8Array) => Promise<void>,
) {
  const wanted = stories.flatMap((s) => s.photos.map((index) => ({ story: s, index })));
  const made = await mapLimit(wanted, DEFAULT_CONCURRENCY, async ({ story, index }) => {
    const source = story.typeset.article.images[index];
    if (!source) throw new Error(`story ${story.id} has no photo ${index + 1}`);
    const photo = await screenPhoto(model.issue.dir, source.src, story.id, DEFAULTS.epaperPhotoWidth);
    const src = ISSUE.photo(story.id, index, photo.hash, photo.width);
    if (!(await allExist(siteDir, [inIssue(src)]))) await write(inIssue(src), await photo.encode());
    return { key: `${story.id}:${index}`, picture: { src, width: photo.width, height: photo.height } };
  });
  return {
    pictures: new Map(made.map((m) => [m.key, m.picture])),
    files: made.map((m) => inIssue(m.picture.src)),
  };
}

function pdfMeta(model: TypesetModel, page: number) {
  const d = model.issue.data;
  const words = model.style.langs[model.style.lang].words;
  const folio = fillWords(words.folio, { n: page });
  return {
    title: `${d.paper.name} ${model.date.solar} ${folio}`,
    ...(d.paper.publisher ? { author: d.paper.publisher } : {}),
    subject: `${d.paper.name}: ${folio}`,
    date: new Date(),
  };
}

/** The paper's colours for the site, from its house style (colours are #rrggbb, checked). */
function paperStylesheet(model: TypesetModel): string {
  const { colors } = model.style;
  return `/* ${model.issue.data.paper.name}: colours of its house style. */\n:root {\n  --ep-accent: ${colors.accent};\n  --ep-masthead: ${colors.masthead};\n}\n`;
}

function archiveOf(manifest: SiteManifest): ArchiveEntry[] {
  return manifest.issues.map((i) => ({
    date: i.date,
    dateLine: i.dateLine,
    ...(i.number ? { number: i.number } : {}),
  }));
}

/** An earlier issue's data, read back from its issue.json. */
async function readEdition(siteDir: string, date: string): Promise<Edition> {
  const file = join(siteDir, issueFolder(date), ISSUE.json);
  const text = await readFile(file, "utf8").catch(() => {
    throw new SiteError(`${file} is missing: the site's issue of ${date} is damaged; build it again`);
  });
  const parsed = editionSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new SiteError(`${file} is not an issue newsprint wrote; build that issue again`);
  return parsed.data;
}

async function allExist(siteDir: string, files: string[]): Promise<boolean> {
  for (const file of files) if (!(await stat(join(siteDir, file)).catch(() => undefined))) return false;
  return true;
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const nowDate = () => new Date();
const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
