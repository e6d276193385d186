import type { HouseStyle, LangStyle } from "../config/house-style";
import type { PageFormat } from "../load";
import type { MastheadView } from "../typeset/views";
import { MASTHEAD_CSS } from "./head-css";
import { layoutUnit, lineCount, lineHeight, naturalWidth, roleFont, sureOf } from "./heads";
import type { MeasuredBox } from "./measure.browser";

// The masthead's height set in Node, as styles/masthead.css lays it out: the nameplate (the
// paper's name on one line, shrunk as the measuring page shrinks it; the issue lines, flex rows
// that wrap) beside or above the index (its title, one row per entry, each a flex row of the
// headline and its page), under a rule. A logo's height depends on the image, and text Node is not
// sure of (heads.ts, sureOf) breaks as Chromium breaks it: Chromium measures those.

const PX_PER_PT = 4 / 3;

/** A border as Chromium paints it at one device pixel per CSS px: whole px, at least 1. */
const borderPx = (pt: number) => Math.max(1, Math.floor(pt * PX_PER_PT));

export function mastheadBox(view: MastheadView, style: HouseStyle, f: PageFormat): MeasuredBox | undefined {
  if (view.logo || ![view.paper.name, ...view.index.map((e) => e.headline)].every(sureOf)) return undefined;
  const c = MASTHEAD_CSS;
  const lang = style.langs[style.lang];
  const code = lang.lang;
  const body = f.bodySize * PX_PER_PT;
  const gutter = f.gutter * PX_PER_PT;
  const width = view.box.width * PX_PER_PT;
  const index = view.index.length > 0;
  const indexWidth = view.stacked ? width : (2 * f.columnWidth + f.gutter) * PX_PER_PT;
  const plateWidth = view.stacked || !index ? width : width - gutter - indexWidth;
  const name = fitName(view.paper.name, lang, body * style.sizes.masthead, plateWidth);
  const issueLine = (texts: (string | undefined)[], size: number) => {
    const items = texts.filter((t): t is string => Boolean(t));
    if (items.length === 0) return 0;
    const font = roleFont(lang, "body", size, false);
    const gap = c.issueLine.gap * size;
    let rows = 0;
    let used = -1;
    for (const text of items) {
      const w = naturalWidth([{ text, font }], code, 0);
      if (w > plateWidth + 1 / 64) {
        rows += lineCount([{ text, font }], plateWidth, code);
        used = -1;
      } else if (used >= 0 && used + gap + w <= plateWidth + 1 / 64) used += gap + w;
      else {
        rows++;
        used = w;
      }
    }
    return rows * lineHeight(c.issueLine.lineHeight, size);
  };
  const { date } = view;
  const plate =
    lineHeight(c.name.lineHeight, name.sizePx) +
    issueLine([date.line, date.lunar, view.number, view.pageCount], body * c.issueLine.size) +
    issueLine([view.serial, view.publisher], body * c.issueLine.smallSize);
  let nav = 0;
  if (index) {
    const size = body * c.index.size;
    const titleSize = body * c.index.titleSize;
    const inner = indexWidth - (view.stacked ? 0 : gutter + borderPx(c.index.borderPt));
    const font = roleFont(lang, "body", size, false);
    const pageFont = roleFont(lang, "deck", size, false);
    const gap = c.index.entryGap * size;
    const rowHeight = lineHeight(c.index.lineHeight, size);
    nav =
      2 * layoutUnit(c.index.paddingY * size) +
      (view.stacked ? borderPx(c.index.borderPt) : 0) +
      lineCount([{ text: view.indexTitle, font: roleFont(lang, "head", titleSize, false) }], inner, code) *
        lineHeight(c.index.lineHeight, titleSize) +
      layoutUnit(c.index.titleMargin * titleSize);
    for (const entry of view.index) {
      const page = naturalWidth([{ text: entry.page, font: pageFont }], code, 0);
      const headRoom = inner - page - gap;
      const lines = lineCount([{ text: entry.headline, font }], headRoom, code);
      nav += lines * rowHeight + borderPx(c.index.ruleBelowPt);
    }
  }
  const content = view.stacked ? plate + (index ? layoutUnit(gutter) + nav : 0) : Math.max(plate, nav);
  return {
    heads: {},
    captions: {},
    height: content + borderPx(c.ruleBelowPt),
    ...(name.shrunk ? { name: { sizePx: name.sizePx, scale: name.sizePx / name.natural } } : {}),
  };
}

/** The paper's name on one line: its size, shrunk in steps of half a point until it fits the
 *  nameplate (as the measuring page did: whole px compared). */
function fitName(text: string, lang: LangStyle, sizePx: number, room: number) {
  const c = MASTHEAD_CSS.name;
  const widthAt = (px: number) =>
    naturalWidth([{ text, font: roleFont(lang, "masthead", px, true) }], lang.lang, c.letterSpacing * px);
  const roomPx = Math.round(room);
  const natural = Math.ceil(widthAt(sizePx) - 1 / 64);
  if (natural <= roomPx + 0.5) return { sizePx, natural: sizePx, shrunk: false };
  let px = Math.floor(((sizePx * roomPx) / natural) * 1.5) / 1.5;
  while (Math.ceil(widthAt(px) - 1 / 64) > roomPx + 0.5 && px > 1) px -= 2 / 3;
  return { sizePx: px, natural: sizePx, shrunk: true };
}
