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
  lineOf = new Int32Array(64);
  fitnessOf = new Uint8Array(64);
  runOf = new Uint8Array(64);
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
    this.lineOf[k] = prev < 0 ? 0 : (this.lineOf[prev] as number) + 1;
    this.fitnessOf[k] = fitness;
    this.runOf[k] = run;
    this.demerits[k] = demerits;
    this.ratio[k] = ratio;
    this.prev[k] = prev;
    return k;
  }

  private grow() {
    const n = this.item.length * 2;
    this.item = larger(this.item, n);
    this.lineOf = larger(this.lineOf, n);
    this.fitnessOf = larger(this.fitnessOf, n);
    this.runOf = larger(this.runOf, n);
    this.totalW = larger(this.totalW, n);
    this.totalY = larger(this.totalY, n);
    this.totalZ = larger(this.totalZ, n);
    this.demerits = larger(this.demerits, n);
    this.ratio = larger(this.ratio, n);
    this.prev = larger(this.prev, n);
  }
}

const nodes = new Nodes();

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
  const oneWidth = widths.length === 1;
  const monotone = oneWidth && !items.negativeStretch;
  // The active nodes, oldest first, in act[head, tail); a node deactivated in the middle is marked
  // dead and skipped (kept in order, never copied per break).
  const active = new ActiveList();
  active.push(0);
  // The best new node of each fitness class and hyphen run at the current break.
  const runs = maxFlaggedRun + 1;
  const slots = 4 * runs;
  if (bestFrom.length < slots) {
    bestFrom = new Int32Array(slots);
    bestDemerits = new Float64Array(slots);
    bestRatio = new Float64Array(slots);
  }
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
      bestFrom.fill(-1, 0, slots);
      let created = 0;
      let overFrom = -1;
      let overDemerits = 0;
      let overRatio = 0;
      const act = active.act;
      const end = active.tail;
      // The node arrays, read once per break (they are replaced only when nodes are added).
      const { totalW, totalY, totalZ, demerits, fitnessOf, runOf, lineOf } = nodes;
      for (let i = active.head; i < end; i++) {
        const a = act[i] as number;
        if (dead[a]) continue;
        const natural = sumW - (totalW[a] as number) + extra;
        let room = lastWidth;
        if (!oneWidth) {
          const line = lineOf[a] as number;
          if (line < widths.length) room = widths[line] as number;
        }
        let ratio: number;
        if (natural < room) {
          const y = sumY - (totalY[a] as number);
          ratio = y > 0 ? (room - natural) / y : INF;
        } else if (natural > room) {
          const z = sumZ - (totalZ[a] as number);
          ratio = z > 0 ? (room - natural) / z : -INF;
        } else ratio = 0;
        const run = flag ? (runOf[a] as number) + 1 : 0;
        if (ratio >= -1 && ratio <= tolerance && run <= maxFlaggedRun) {
          // Products, not **: V8's pow costs more than the rest of the loop.
          const r = ratio < 0 ? -ratio : ratio;
          const badness = ratio > INF - 1 ? INF : 100 * r * r * r;
          let d = (linePenalty + badness) * (linePenalty + badness) + penaltyDemerits;
          if (flag && (runOf[a] as number) > 0) d += flaggedDemerits;
          const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
          const df = fitness - (fitnessOf[a] as number);
          if (df > 1 || df < -1) d += fitnessDemerits;
          const total = (demerits[a] as number) + d;
          const slot = fitness * runs + run;
          if (bestFrom[slot] === -1) {
            created++;
            bestFrom[slot] = a;
            bestDemerits[slot] = total;
            bestRatio[slot] = ratio;
          } else if (total < (bestDemerits[slot] as number)) {
            bestFrom[slot] = a;
            bestDemerits[slot] = total;
            bestRatio[slot] = ratio;
          }
        } else if (allowOverfull && ratio < -1 && run <= maxFlaggedRun) {
          // The least bad overfull line, used only when nothing else remains.
          const total = (demerits[a] as number) + INF * INF * (1 - ratio);
          if (overFrom === -1 || total < overDemerits) {
            overFrom = a;
            overDemerits = total;
            overRatio = ratio;
          }
        }
        if (ratio < -1 || forced) active.kill(a);
        else if (monotone && ratio > tolerance) break;
      }
      active.dropDeadHead();
      if (created === 0 && active.alive === 0 && overFrom !== -1) {
        const c = nodes.add(b, 0, flag ? (nodes.runOf[overFrom] as number) + 1 : 0, overDemerits, overRatio, overFrom);
        active.push(c);
        created = 1;
      } else if (created > 0) {
        for (let slot = 0; slot < slots; slot++) {
          const from = bestFrom[slot] as number;
          if (from === -1) continue;
          const fitness = Math.floor(slot / runs);
          const c = nodes.add(b, fitness, slot % runs, bestDemerits[slot] as number, bestRatio[slot] as number, from);
          active.push(c);
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
        for (let c = nodes.size - created; c < nodes.size; c++) {
          nodes.totalW[c] = w;
          nodes.totalY[c] = y;
          nodes.totalZ[c] = z;
        }
      }
      if (active.alive === 0) return undefined;
    }
    if (k !== PENALTY) {
      // Boxes stretch too: a word's letter-spacing (tracking) within the house style's limits.
      sumW += width[b] as number;
      sumY += stretch[b] as number;
      sumZ += shrink[b] as number;
    }
  }
  let last = -1;
  for (let i = active.head; i < active.tail; i++) {
    const a = active.act[i] as number;
    if (dead[a] || nodes.item[a] !== n - 1) continue;
    if (last === -1 || (nodes.demerits[a] as number) < (nodes.demerits[last] as number)) last = a;
  }
  if (last === -1) return undefined;
  const breaks: Break[] = [];
  for (let node = last; node > 0; node = nodes.prev[node] as number) {
    breaks.push({ item: nodes.item[node] as number, ratio: nodes.ratio[node] as number });
  }
  return breaks.reverse();
}

/** 1 for a node no longer active (by node index; cleared as nodes are made). */
let dead = new Uint8Array(64);
let bestFrom = new Int32Array(12);
let bestDemerits = new Float64Array(12);
let bestRatio = new Float64Array(12);

/** Active nodes in the order they were made: dropped from the front, added at the back. */
class ActiveList {
  act = activeBuffer;
  head = 0;
  tail = 0;
  alive = 0;

  push(node: number): void {
    if (this.tail === this.act.length) {
      if (this.head > this.act.length / 2) {
        this.act.copyWithin(0, this.head, this.tail);
        this.tail -= this.head;
        this.head = 0;
      } else {
        this.act = larger(this.act, this.act.length * 2);
        activeBuffer = this.act;
      }
    }
    this.act[this.tail++] = node;
    if (dead.length <= node) dead = larger(dead, Math.max(node + 1, dead.length * 2));
    dead[node] = 0;
    this.alive++;
  }

  kill(node: number): void {
    dead[node] = 1;
    this.alive--;
  }

  dropDeadHead(): void {
    while (this.head < this.tail && dead[this.act[this.head] as number]) this.head++;
  }
}

let activeBuffer = new Int32Array(256);
