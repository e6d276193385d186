// Knuth and Plass's total-fit line breaking ("Breaking paragraphs into lines", 1981) over boxes, glue
// and penalties, with TeX's demerits: fitness classes, a cost for two flagged (hyphen) breaks in a row,
// and, beyond TeX, a hard limit on hyphens in a row (part of each active node's identity, so the
// limit costs no optimality).

import { BOX, GLUE, INF, type Items, larger, PENALTY } from "./items";

export { INF };

export interface BreakParams {
  /** Width of line n (0-based); the last entry holds for the lines after. */
  widths: number[];
  /** Largest adjustment ratio accepted. */
  tolerance: number;
  linePenalty: number;
  flaggedDemerits: number;
  fitnessDemerits: number;
  /** At most this many flagged breaks in a row. */
  maxFlaggedRun: number;
  /** Accept overfull lines as a last resort (the emergency pass). */
  allowOverfull?: boolean;
}

export interface Break {
  /** Item index of the break. */
  item: number;
  ratio: number;
}

/**
 * The search's nodes in flat arrays (a paragraph creates thousands; objects would keep the garbage
 * collector busy), kept for the next paragraph. Node 0 is the paragraph's start.
 */
class Nodes {
  size = 0;
  item = new Int32Array(64);
  line = new Int32Array(64);
  fitness = new Uint8Array(64);
  run = new Uint8Array(64);
  totalW = new Float64Array(64);
  totalY = new Float64Array(64);
  totalZ = new Float64Array(64);
  demerits = new Float64Array(64);
  ratio = new Float64Array(64);
  prev = new Int32Array(64);

  add(item: number, fitness: number, run: number, demerits: number, ratio: number, prev: number): number {
    if (this.size === this.item.length) this.grow();
    const k = this.size++;
    this.item[k] = item;
    this.line[k] = prev < 0 ? 0 : (this.line[prev] as number) + 1;
    this.fitness[k] = fitness;
    this.run[k] = run;
    this.demerits[k] = demerits;
    this.ratio[k] = ratio;
    this.prev[k] = prev;
    return k;
  }

  private grow() {
    const n = this.item.length * 2;
    this.item = larger(this.item, n);
    this.line = larger(this.line, n);
    this.fitness = larger(this.fitness, n);
    this.run = larger(this.run, n);
    this.totalW = larger(this.totalW, n);
    this.totalY = larger(this.totalY, n);
    this.totalZ = larger(this.totalZ, n);
    this.demerits = larger(this.demerits, n);
    this.ratio = larger(this.ratio, n);
    this.prev = larger(this.prev, n);
  }
}

const nodes = new Nodes();
let activeA = new Int32Array(64);
let activeB = new Int32Array(64);

/** The best breaks (the last is the paragraph's end), or undefined when none fits the tolerance. */
export function breakLines(items: Items, params: BreakParams): Break[] | undefined {
  const { kind, width, stretch, shrink, penalty, flagged } = items;
  const n = items.length;
  const { tolerance, linePenalty, flaggedDemerits, fitnessDemerits, maxFlaggedRun } = params;
  const allowOverfull = params.allowOverfull ?? false;
  const widths = params.widths;
  const lastWidth = widths[widths.length - 1] as number;
  nodes.size = 0;
  nodes.add(-1, 1, 0, 0, 0, -1);
  // Lines of one width, glue that never stretches backwards: from the oldest active node to the
  // newest, a line's stretch ratio only grows, so the scan may stop at the first too loose.
  const monotone = widths.length === 1 && !items.negativeStretch;
  let active = activeA;
  let next = activeB;
  active[0] = 0;
  let activeCount = 1;
  // The best new node of each fitness class and hyphen run at the current break.
  const slots = 4 * (maxFlaggedRun + 1);
  const bestDemerits = new Float64Array(slots);
  const bestFrom = new Int32Array(slots);
  const bestRatio = new Float64Array(slots);
  let sumW = 0;
  let sumY = 0;
  let sumZ = 0;

  for (let b = 0; b < n; b++) {
    const k = kind[b] as number;
    const legal = (k === PENALTY && (penalty[b] as number) < INF) || (k === GLUE && b > 0 && kind[b - 1] === BOX);
    if (legal) {
      const pen = k === PENALTY ? (penalty[b] as number) : 0;
      const flag = k === PENALTY ? (flagged[b] as number) : 0;
      const extra = k === PENALTY ? (width[b] as number) : 0;
      const forced = pen <= -INF;
      const penaltyDemerits = pen >= 0 ? pen * pen : pen > -INF ? -pen * pen : 0;
      bestFrom.fill(-1);
      let overFrom = -1;
      let overDemerits = 0;
      let overRatio = 0;
      let kept = 0;
      if (next.length < activeCount + slots + 1) {
        next = new Int32Array((activeCount + slots + 1) * 2);
        active = larger(active, next.length);
      }
      for (let i = 0; i < activeCount; i++) {
        const a = active[i] as number;
        const natural = sumW - (nodes.totalW[a] as number) + extra;
        const line = nodes.line[a] as number;
        const room = line < widths.length ? (widths[line] as number) : lastWidth;
        let ratio: number;
        if (natural < room) {
          const y = sumY - (nodes.totalY[a] as number);
          ratio = y > 0 ? (room - natural) / y : INF;
        } else if (natural > room) {
          const z = sumZ - (nodes.totalZ[a] as number);
          ratio = z > 0 ? (room - natural) / z : -INF;
        } else ratio = 0;
        const run = flag ? (nodes.run[a] as number) + 1 : 0;
        if (ratio >= -1 && ratio <= tolerance && run <= maxFlaggedRun) {
          // Products, not **: V8's pow costs more than the rest of the loop.
          const r = ratio < 0 ? -ratio : ratio;
          const badness = ratio > INF - 1 ? INF : 100 * r * r * r;
          let d = (linePenalty + badness) * (linePenalty + badness) + penaltyDemerits;
          if (flag && (nodes.run[a] as number) > 0) d += flaggedDemerits;
          const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
          const df = fitness - (nodes.fitness[a] as number);
          if (df > 1 || df < -1) d += fitnessDemerits;
          const total = (nodes.demerits[a] as number) + d;
          const slot = fitness * (maxFlaggedRun + 1) + run;
          if (bestFrom[slot] === -1 || total < (bestDemerits[slot] as number)) {
            bestFrom[slot] = a;
            bestDemerits[slot] = total;
            bestRatio[slot] = ratio;
          }
        } else if (allowOverfull && ratio < -1 && run <= maxFlaggedRun) {
          // The least bad overfull line, used only when nothing else remains.
          const total = (nodes.demerits[a] as number) + INF * INF * (1 - ratio);
          if (overFrom === -1 || total < overDemerits) {
            overFrom = a;
            overDemerits = total;
            overRatio = ratio;
          }
        }
        if (ratio >= -1 && !forced) next[kept++] = a;
        if (monotone && ratio > tolerance && !forced) {
          for (let j = i + 1; j < activeCount; j++) next[kept++] = active[j] as number;
          break;
        }
      }
      let created = 0;
      for (let slot = 0; slot < slots; slot++) if (bestFrom[slot] !== -1) created++;
      if (created === 0 && kept === 0 && overFrom !== -1) {
        const c = nodes.add(b, 0, flag ? (nodes.run[overFrom] as number) + 1 : 0, overDemerits, overRatio, overFrom);
        next[kept++] = c;
        created = 1;
      } else if (created > 0) {
        for (let slot = 0; slot < slots; slot++) {
          const from = bestFrom[slot] as number;
          if (from === -1) continue;
          const fitness = Math.floor(slot / (maxFlaggedRun + 1));
          const run = slot % (maxFlaggedRun + 1);
          const c = nodes.add(b, fitness, run, bestDemerits[slot] as number, bestRatio[slot] as number, from);
          next[kept++] = c;
        }
      }
      if (created > 0) {
        // Totals after the break: the glue and penalties a line starts with are discarded.
        let w = sumW;
        let y = sumY;
        let z = sumZ;
        for (let i = b; i < n; i++) {
          const ki = kind[i];
          if (ki === BOX) break;
          if (ki === GLUE) {
            w += width[i] as number;
            y += stretch[i] as number;
            z += shrink[i] as number;
          } else if (ki === PENALTY && (penalty[i] as number) <= -INF && i > b) break;
        }
        for (let i = kept - created; i < kept; i++) {
          const c = next[i] as number;
          nodes.totalW[c] = w;
          nodes.totalY[c] = y;
          nodes.totalZ[c] = z;
        }
      }
      const swap = active;
      active = next;
      next = swap;
      activeA = active;
      activeB = next;
      activeCount = kept;
      if (activeCount === 0) return undefined;
    }
    if (k !== PENALTY) {
      // Boxes stretch too: a word's letter-spacing (tracking) within the house style's limits.
      sumW += width[b] as number;
      sumY += stretch[b] as number;
      sumZ += shrink[b] as number;
    }
  }
  let end = -1;
  for (let i = 0; i < activeCount; i++) {
    const a = active[i] as number;
    if (nodes.item[a] === n - 1 && (end === -1 || (nodes.demerits[a] as number) < (nodes.demerits[end] as number)))
      end = a;
  }
  if (end === -1) return undefined;
  const breaks: Break[] = [];
  for (let node = end; node > 0; node = nodes.prev[node] as number) {
    breaks.push({ item: nodes.item[node] as number, ratio: nodes.ratio[node] as number });
  }
  return breaks.reverse();
}
