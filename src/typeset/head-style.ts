import type { HouseStyle } from "../config/house-style";

// Headline size by priority and module width: the lead story gets the largest type, a wide module
// a larger headline than a narrow one, in the proportions of the house style. Both measure and
// render call this, so they agree.

type Sizes = HouseStyle["sizes"];

export function headlineSize(priority: number, span: number, bodySize: number, sizes: Sizes): number {
  const bySpan = sizes.headlineBySpan;
  const base = bySpan[Math.min(span, bySpan.length) - 1] ?? bySpan[0] ?? 1.6;
  const weight = priority <= 1 ? sizes.leadHeadline : priority >= 4 ? sizes.minorHeadline : 1;
  return Math.round(Math.min(base * weight, sizes.maxHeadline) * bodySize * 2) / 2;
}

/** A vertical headline (竖排): one size by priority, whatever the module's width. */
export function verticalHeadlineSize(priority: number, bodySize: number, sizes: Sizes): number {
  const weight = priority <= 1 ? sizes.leadHeadline : priority >= 4 ? sizes.minorHeadline : 1;
  return Math.round(Math.min(sizes.verticalHeadline * weight, sizes.maxHeadline) * bodySize * 2) / 2;
}

/** Kicker and subhead sizes follow the headline at the style's ratio, never below the body size. */
export function kickerSize(headline: number, bodySize: number, sizes: Sizes): number {
  return Math.max(bodySize * 1.1, Math.round(headline * sizes.kicker * 2) / 2);
}

export function subheadSize(headline: number, bodySize: number, sizes: Sizes): number {
  return Math.max(bodySize * 1.15, Math.round(headline * sizes.subhead * 2) / 2);
}
