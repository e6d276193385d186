import { BOX, GLUE, INF, type Items, PENALTY } from "./items";
import type { Break } from "./knuth-plass";

// First-fit breaking, as a browser breaks text it sets itself: each line takes what fits at its
// natural width (no shrinking), then breaks at the last opportunity that fitted. A word wider than
// the line stands alone on it, overfull. Heads and captions are counted this way: Chromium prints
// them, and its balanced heads keep the first-fit line count.

/** Within this much (px) a line still fits: LayoutUnit's 1/64 px. */
const FIT_EPSILON = 1 / 64;

export function firstFit(items: Items, width: number): Break[] {
  const { kind, width: w, penalty } = items;
  const n = items.length;
  const breaks: Break[] = [];
  let sum = 0;
  let lineStart = 0;
  let fit = -1;
  let afterFit = 0;
  /** A box since the last break: a forced break right after an overfull word ends that line. */
  let content = false;
  const breakAt = (item: number) => {
    if (!content && breaks.length > 0) breaks[breaks.length - 1] = { item, ratio: 0 };
    else breaks.push({ item, ratio: 0 });
    content = false;
  };
  /** The running width after the break at b: the glue a line starts with is discarded. */
  const after = (b: number) => {
    let total = sum;
    for (let i = b; i < n; i++) {
      const k = kind[i];
      if (k === BOX) break;
      if (k === GLUE) total += w[i] as number;
      else if (k === PENALTY && (penalty[i] as number) <= -INF && i > b) break;
    }
    return total;
  };
  for (let b = 0; b < n; b++) {
    const k = kind[b] as number;
    const legal = (k === PENALTY && (penalty[b] as number) < INF) || (k === GLUE && b > 0 && kind[b - 1] === BOX);
    if (legal) {
      const extra = k === PENALTY ? (w[b] as number) : 0;
      if (sum - lineStart + extra > width + FIT_EPSILON && fit !== -1) {
        breakAt(fit);
        lineStart = afterFit;
        fit = -1;
        content = true;
      }
      const forced = k === PENALTY && (penalty[b] as number) <= -INF;
      if (forced || sum - lineStart + extra > width + FIT_EPSILON) {
        breakAt(b);
        lineStart = after(b);
        fit = -1;
      } else {
        fit = b;
        afterFit = after(b);
      }
    }
    if (k === BOX) content = true;
    if (k !== PENALTY) sum += w[b] as number;
  }
  return breaks;
}
