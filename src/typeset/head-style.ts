// Headline size by priority and module width: the lead story gets the largest type, a wide module
// a larger headline than a narrow one. Both measure and render call this, so they agree.

const BY_SPAN = [1.6, 2.0, 2.4, 2.8, 3.2, 3.4];

export function headlineSize(priority: number, span: number, bodySize: number): number {
  const base = BY_SPAN[Math.min(span, BY_SPAN.length) - 1] ?? 1.6;
  const weight = priority <= 1 ? 1.25 : priority >= 4 ? 0.9 : 1;
  return Math.round(Math.min(base * weight, 4.2) * bodySize * 2) / 2;
}

/** Kicker and subhead sizes follow the headline at a fixed ratio, never below the body size. */
export function kickerSize(headline: number, bodySize: number): number {
  return Math.max(bodySize * 1.1, Math.round(headline * 0.45 * 2) / 2);
}

export function subheadSize(headline: number, bodySize: number): number {
  return Math.max(bodySize * 1.15, Math.round(headline * 0.5 * 2) / 2);
}
