// The numbers of styles/article.css that decide how tall a head or a caption is, in one place for
// the Node side that adds them up (heads.ts); tests/unit/head-css.test.ts reads them back from the
// stylesheet, so the two cannot drift. Ems of the part's own size unless said.

export const HEAD_CSS = {
  /** .np-head padding: line pitches above and below the block. */
  head: { paddingTop: 0.3, paddingBottom: 0.5 },
  /** .np-label: line-height, margin-bottom (em), its span's padding (em), the rule under it (pt). */
  label: { lineHeight: 1.4, marginBottom: 0.3, paddingY: 0.1, paddingX: 0.6, borderBottomPt: 1 },
  kicker: { lineHeight: 1.35 },
  /** .np-headline: line-height and letter-spacing (em). */
  headline: { lineHeight: 1.22, letterSpacing: 0.02 },
  /** .np-headline--short (the continuation head's): size in body sizes. */
  shortHeadline: { size: 1.5 },
  subhead: { lineHeight: 1.35, marginTop: 0.25 },
  caption: { lineHeight: 1.45, paddingTop: 0.3 },
} as const;

/** styles/masthead.css: the name's line-height and letter-spacing (em), the issue lines' sizes (body
 *  sizes), line-height and gap (em), the index's size, padding, title, entries' gap (em) and rules (pt). */
export const MASTHEAD_CSS = {
  name: { lineHeight: 1.15, letterSpacing: 0.08 },
  issueLine: { size: 1.05, smallSize: 0.85, lineHeight: 1.6, gap: 1.2 },
  index: {
    size: 0.95,
    lineHeight: 1.5,
    paddingY: 0.3,
    borderPt: 0.75,
    titleSize: 1.3,
    titleMargin: 0.2,
    entryGap: 0.5,
    ruleBelowPt: 0.25,
  },
  ruleBelowPt: 2,
} as const;
