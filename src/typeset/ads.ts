import { type GridRect, spanWidth } from "../grid";
import type { AdData, IssueData, PageFormat } from "../load";
import { mmToPt } from "../units";

// What an ad is on the page: the booked box (span basic columns with their gutters × the booked
// height, exact), its label (广告, 公益广告) set small above it, both in a module of whole grid
// lines. The make-up sizes the module from these numbers, the template and the PDF step place the
// artwork with them, so the box printed is the box booked.

/** The label's type size and the room it takes above the box, in pt. */
export function adLabelSize(f: PageFormat): number {
  return Math.round(f.bodySize * 0.75 * 2) / 2;
}
export function adLabelRoom(f: PageFormat): number {
  return adLabelSize(f) * 1.5;
}

export function adLabel(ad: AdData): string | undefined {
  return ad.label === false ? undefined : ad.label;
}

/** Grid lines the ad's module takes: the box and, if labelled, its label. */
export function adRows(f: PageFormat, ad: AdData): number {
  const height = mmToPt(ad.height) + (adLabel(ad) ? adLabelRoom(f) : 0);
  return Math.ceil(height / f.linePitch - 1e-6);
}

/** The booked box in pt from the module's top left: flush with the module's bottom. */
export function adBoxInModule(f: PageFormat, ad: AdData, moduleRows: number) {
  const height = mmToPt(ad.height);
  return { x: 0, y: moduleRows * f.linePitch - height, width: spanWidth(f, ad.span), height };
}

/** The front page's ear (报眼) beside the masthead: an ad booked there, or an article placed there. */
export interface Ear {
  side: "left" | "right";
  span: number;
  /** The ad or article in it. */
  id: string;
  kind: "ad" | "article";
}

/** Ear width for an article: a quarter of the columns, at least one. */
export const earSpan = (f: PageFormat): number => Math.max(1, Math.round(f.columns / 4));

export function earOf(data: IssueData, f: PageFormat): Ear | undefined {
  const front = data.pages[0];
  const ad = front?.ads.find((a) => a.position === "ear-left" || a.position === "ear-right");
  if (ad) return { side: ad.position === "ear-left" ? "left" : "right", span: ad.span, id: ad.id, kind: "ad" };
  const article = front?.articles.find((a) => a.place === "ear");
  if (article) return { side: "right", span: earSpan(f), id: article.id, kind: "article" };
  return undefined;
}

/** Where the masthead sits in the type area (pt), beside the ear if there is one. */
export function mastheadBox(f: PageFormat, ear: Ear | undefined): { left: number; width: number } {
  if (!ear) return { left: 0, width: f.areaWidth };
  const taken = spanWidth(f, ear.span) + f.gutter;
  return { left: ear.side === "left" ? taken : 0, width: f.areaWidth - taken };
}

/** The front page's masthead on the grid, `rows` lines high (measured; at least its first line),
 *  and the ear's rectangle beside it. */
export function mastheadRect(f: PageFormat, ear: Ear | undefined, rows: number): GridRect {
  return { col: ear?.side === "left" ? ear.span : 0, row: 0, span: f.columns - (ear?.span ?? 0), rows };
}
export function earRect(f: PageFormat, ear: Ear, rows: number): GridRect {
  return { col: ear.side === "left" ? 0 : f.columns - ear.span, row: 0, span: ear.span, rows };
}
