import type { Diagnostic } from "../diagnostics";
import type { BookedBox, Grid, GridPin, GridRect } from "../grid";

// Data in and out of the make-up stage. Pure numbers: the measure stage fills MakeupInput from
// Chromium, the render stage walks the Layout. Grid units throughout (src/grid, 0-based): a
// "column" is one basic column of the format, a "line" (row) is one body line pitch of the
// baseline grid. The type area's geometry in pt lets the solver size photos from their aspect.

export type { Grid, GridRect };

/** One body line at the basic column width, as Chromium broke it. */
export interface BodyLine {
  /** Index of the paragraph (body item) the line belongs to. */
  paragraph: number;
  /** First / last line of its paragraph: breaking a column after a first line leaves an orphan,
   *  before a last line a widow. */
  first: boolean;
  last: boolean;
  /** A subhead line: keep it with the next line (never last in a column). */
  keepWithNext: boolean;
}

export interface ImageMetrics {
  /** Source pixel aspect ratio, width / height. */
  aspect: number;
  /** The source's size in pixels, when known: how far it may be enlarged (rules/photo-resolution.ts). */
  pixels?: { width: number; height: number };
  /** Caption block height in rows, index k-1 for a photo k columns wide (0 rows: no caption). */
  captionRows: number[];
}

export interface ArticleMetrics {
  id: string;
  /** 1 = lead story; larger is less important. Articles without one count as 5. */
  priority: number;
  /** Position of the article in its page's list (reading order the editor gave). */
  order: number;
  /** Head block (label, kicker, headline, subhead) height in rows, index k-1 for span k. */
  headRows: number[];
  /** Lines of the headline itself at each span, index k-1 for span k (absent: not measured). */
  headLines?: number[];
  /** Head block of a continuation ("（上接第N版）" + short headline) in rows, per span. */
  continuationHeadRows: number[];
  /** A vertical head (竖排标题): a column block at the module's right instead of a band on top,
   *  `span` columns wide and `rows` lines tall as measured (headRows are then 0). */
  sideHead?: SideHead;
  /** All body lines in reading order, the end credit included. May be empty (photo-only item). */
  lines: BodyLine[];
  images: ImageMetrics[];
  /** Editor hints. */
  columns?: number;
  minLines?: number;
  /** Paragraphs (indices into the typeset paragraphs) the editor allows to drop, in text order. */
  cuttable?: number[];
  /** Paragraphs the editor could mark cuttable (body text, not the one with the dateline). */
  markable?: number[];
  /** false: the article must fit on its page (never jumps). */
  jump?: boolean;
  /** The printed page number its rest jumps to, when it jumps. */
  jumpTo?: number;
  /** A filler: used only where a page is short of material, never cut. */
  filler?: boolean;
}

/** A vertical head's block at the right of its module, in grid units. */
export interface SideHead {
  span: number;
  rows: number;
}

/** A module's rectangle on a page the editor made up by hand (its explicit `layout`). */
export interface FixedRect extends GridRect {
  articleId: string;
}

export type { BookedBox, BoxPosition } from "../grid";

/** An article the editor pinned on an automatic page. Without `rows` the make-up sizes the module
 *  (the article's natural height at that width). */
export interface Pin extends GridPin {
  articleId: string;
}

export interface PageInput {
  /** Printed page number (1-based). */
  number: number;
  /** The section the page belongs to: pool stories of that section go on its pages. */
  section?: string;
  articles: ArticleMetrics[];
  /** Rectangles the solver must leave alone (the masthead, measured). */
  reserved: GridRect[];
  /** The editor's explicit layout; absent: automatic make-up. */
  fixed?: FixedRect[];
  /** Booked boxes (ads), placed first. */
  booked?: BookedBox[];
  /** Pinned articles of an automatic page. */
  pins?: Pin[];
  /** Most articles jumping off this page (default 2). */
  maxJumps?: number;
  /** Zoned editions: the editions that replace this page; a story jumps only within its zone. */
  zone?: string;
}

/** A story of the pool: the make-up chooses its page, among its section's when it has one. */
export interface PoolStory extends ArticleMetrics {
  section?: string;
}

/** The editorial rules' limits, from the house style's `makeup` settings (rules/ has one file
 *  per rule). */
export interface MakeupRules {
  /** Body lines a story sets before it jumps, at least, and at least this many per text column. */
  jumpMinLines: number;
  jumpMinLinesPerColumn: number;
  /** Lines of a text column (a leg) of a module, at least. */
  minLegLines: number;
  /** Lines of a headline, at most, where a wider module would set it in fewer. */
  maxHeadLines: number;
  /** Effective resolution a photo is not enlarged below where a narrower one fits, ppi. */
  minPhotoPpi: number;
  /** Share of a page's free cells left empty at which it is short (not the section's last page). */
  maxEmptyShare: number;
  /** Rules whose breaking fails the build (exit 3) instead of being reported. */
  strict: RuleKind[];
}

/** The editorial rules a finished page is checked against. */
export type RuleKind =
  | "jump-stub"
  | "lead-top"
  | "lead-largest"
  | "short-leg"
  | "tall-head"
  | "photo-resolution"
  | "page-fill";

/** A rule a page breaks: which, about which article, by how much (`measure`) against its `limit`. */
export interface RuleBreak {
  rule: RuleKind;
  article?: string;
  measure: number;
  limit: number;
}

export interface MakeupInput {
  grid: Grid;
  /** The editorial rules' limits (absent: the house style's defaults). */
  rules?: MakeupRules;
  pages: PageInput[];
  /** Stories without a page: planned onto the automatic pages of their section, in priority order. */
  pool?: PoolStory[];
  /** Short news, house ads, photos: used in order where a page is short of material. */
  fillers?: ArticleMetrics[];
}

/** A run of body lines set in one text column of a module. */
export interface TextColumn {
  /** Column offset inside the module (0 = its first column). */
  col: number;
  /** First row of the column inside the module (below head and photo). */
  row: number;
  /** Rows available to the column. */
  rows: number;
  /** Body lines [start, end) of the article placed here. */
  start: number;
  end: number;
}

export interface PlacedImage {
  /** Index into the article's images. */
  index: number;
  /** Offsets inside the module. */
  col: number;
  row: number;
  span: number;
  /** Rows of the photo itself and of its caption below it. */
  photoRows: number;
  captionRows: number;
}

/** Who decided where a module is. */
export type ModuleOrigin = "auto" | "pinned" | "fixed";

/** An article's module: its grid rectangle on the page and what is set in it. */
export interface Module extends GridRect {
  articleId: string;
  origin: ModuleOrigin;
  /** Rows taken by the head block at the top of the module (spanning it). */
  headRows: number;
  /** A vertical head at the module's right instead: text columns and photos are to its left. */
  sideHead?: SideHead;
  /** This module continues an article begun on page `continuedFrom` (its head is the continuation head). */
  continuedFrom?: number;
  /** The article continues on page `continuesOn`: the last text column ends with a jump line
   *  "（下转第N版）", which takes one row and is not a body line. */
  continuesOn?: number;
  images: PlacedImage[];
  columns: TextColumn[];
}

/** A booked box as placed. */
export interface BoxModule extends GridRect {
  id: string;
}

/** Paragraphs of an article the make-up dropped (cuttable ones, last first). */
export interface Cut {
  articleId: string;
  page: number;
  /** Indices into the article's typeset paragraphs, in text order. */
  paragraphs: number[];
}

/** Two heads side by side at the same height in neighbouring modules. */
export interface Tombstone {
  left: string;
  right: string;
  row: number;
}

export interface PageLayout {
  number: number;
  modules: Module[];
  boxes: BoxModule[];
  /** Fillers set on this page, by article id. */
  fillers: string[];
  tombstones: Tombstone[];
  /** The editorial rules the finished page breaks. */
  rules: RuleBreak[];
  /** Grid cells of the type area (outside reserved rectangles) holding no line, photo or head. */
  emptyCells: number;
  totalCells: number;
  /** What the page's make-up has to tell: page, article, and code "underfull" for a short page. */
  warnings: Diagnostic[];
}

export interface Jump {
  articleId: string;
  fromPage: number;
  toPage: number;
  /** First body line set on toPage. */
  atLine: number;
}

/** One decision of the pool's plan: where a story went (or did not), and why. */
export interface PoolPlanStep {
  articleId: string;
  /** The page the decision is about (absent: the story found no page). */
  page?: number;
  outcome: "placed" | "moved-on" | "jumped" | "unplaced";
  reason: string;
}

/** A page as the pool's plan filled it. */
export interface PoolPlanPage {
  number: number;
  section?: string;
  /** Pool stories set on the page, in the order they were taken. */
  stories: string[];
  /** Free lines (one-column cells) the page had for the pool, after its own stories, ads and
   *  the rests jumped to it. */
  room: number;
}

/** How the make-up distributed the story pool over the pages. */
export interface PoolPlan {
  pages: PoolPlanPage[];
  steps: PoolPlanStep[];
  /** Page make-ups tried while planning (the cost of the plan). */
  trials: number;
}

export interface Layout {
  grid: Grid;
  pages: PageLayout[];
  jumps: Jump[];
  cuts: Cut[];
  /** Fillers not used, in their order. */
  unusedFillers: string[];
  /** Present when the issue has a story pool. */
  plan?: PoolPlan;
}

/** Material that fits nowhere: the build fails naming these. */
export interface Unplaced {
  articleId: string;
  lines: number;
  reason: string;
  /** The page whose make-up could not take them (absent: a pool story no page took). */
  page?: number;
}

export type MakeupResult = { ok: true; layout: Layout } | { ok: false; layout: Layout; unplaced: Unplaced[] };
