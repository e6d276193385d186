// Knuth and Plass's total-fit line breaking ("Breaking paragraphs into lines", 1981) over boxes, glue
// and penalties, with TeX's demerits: fitness classes, a cost for two flagged (hyphen) breaks in a row,
// and, beyond TeX, a hard limit on hyphens in a row (part of each active node's identity, so the
// limit costs no optimality).

export const INF = 10000;

export const BOX = 0;
export const GLUE = 1;
export const PENALTY = 2;

/** Items in flat arrays: a paragraph has thousands and the search reads them many times. */
export class Items {
  kind: number[] = [];
  width: number[] = [];
  stretch: number[] = [];
  shrink: number[] = [];
  penalty: number[] = [];
  flagged: number[] = [];
  /** The text offset the item stands for (a box: its first character; glue/penalty: the gap). */
  at: number[] = [];
  /** A box's end offset (glue and penalties: their own offset). */
  end: number[] = [];

  get length(): number {
    return this.kind.length;
  }

  private push(
    kind: number,
    at: number,
    width: number,
    stretch: number,
    shrink: number,
    penalty: number,
    flag: number,
  ) {
    this.kind.push(kind);
    this.at.push(at);
    this.end.push(at);
    this.width.push(width);
    this.stretch.push(stretch);
    this.shrink.push(shrink);
    this.penalty.push(penalty);
    this.flagged.push(flag);
  }

  box(at: number, width: number, end = at): void {
    this.push(BOX, at, width, 0, 0, 0, 0);
    this.end[this.end.length - 1] = end;
  }
  glue(at: number, width: number, stretch: number, shrink: number): void {
    this.push(GLUE, at, width, stretch, shrink, 0, 0);
  }
  penaltyAt(at: number, width: number, penalty: number, flagged = false): void {
    this.push(PENALTY, at, width, penalty, 0, penalty, flagged ? 1 : 0);
  }
}

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

interface Node {
  item: number;
  line: number;
  fitness: number;
  run: number;
  totalW: number;
  totalY: number;
  totalZ: number;
  demerits: number;
  ratio: number;
  prev: Node | undefined;
}

/** The best breaks (the last is the paragraph's end), or undefined when none fits the tolerance. */
export function breakLines(items: Items, params: BreakParams): Break[] | undefined {
  const { kind, width, stretch, shrink, penalty, flagged } = items;
  const n = items.length;
  let active: Node[] = [
    { item: -1, line: 0, fitness: 1, run: 0, totalW: 0, totalY: 0, totalZ: 0, demerits: 0, ratio: 0, prev: undefined },
  ];
  let sumW = 0;
  let sumY = 0;
  let sumZ = 0;
  const lineWidth = (line: number) => params.widths[Math.min(line, params.widths.length - 1)] as number;

  for (let b = 0; b < n; b++) {
    const k = kind[b] as number;
    const legal = (k === PENALTY && (penalty[b] as number) < INF) || (k === GLUE && b > 0 && kind[b - 1] === BOX);
    if (legal) {
      const pen = k === PENALTY ? (penalty[b] as number) : 0;
      const flag = k === PENALTY ? (flagged[b] as number) : 0;
      const extra = k === PENALTY ? (width[b] as number) : 0;
      const best: (Node | undefined)[] = [];
      let overfullFallback: Node | undefined;
      const next: Node[] = [];
      for (const a of active) {
        const natural = sumW - a.totalW + extra;
        const room = lineWidth(a.line);
        let ratio: number;
        if (natural < room) {
          const y = sumY - a.totalY;
          ratio = y > 0 ? (room - natural) / y : INF;
        } else if (natural > room) {
          const z = sumZ - a.totalZ;
          ratio = z > 0 ? (room - natural) / z : -INF;
        } else ratio = 0;
        const forced = pen <= -INF;
        const keep = ratio >= -1 && !forced;
        const run = flag ? a.run + 1 : 0;
        if (ratio >= -1 && ratio <= params.tolerance && run <= params.maxFlaggedRun) {
          const badness = ratio > INF - 1 ? INF : 100 * Math.abs(ratio) ** 3;
          let d = (params.linePenalty + badness) ** 2;
          if (pen >= 0) d += pen * pen;
          else if (pen > -INF) d -= pen * pen;
          if (flag && a.run > 0) d += params.flaggedDemerits;
          const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
          if (Math.abs(fitness - a.fitness) > 1) d += params.fitnessDemerits;
          const total = a.demerits + d;
          const slot = fitness * (params.maxFlaggedRun + 1) + run;
          const cur = best[slot];
          if (!cur || total < cur.demerits) {
            best[slot] = { ...a, item: b, line: a.line + 1, fitness, run, demerits: total, ratio, prev: a };
          }
        } else if (params.allowOverfull && ratio < -1 && run <= params.maxFlaggedRun) {
          // The least bad overfull line, used only when nothing else remains.
          const total = a.demerits + INF * INF * (1 - ratio);
          if (!overfullFallback || total < overfullFallback.demerits) {
            overfullFallback = { ...a, item: b, line: a.line + 1, fitness: 0, run, demerits: total, ratio, prev: a };
          }
        }
        if (keep) next.push(a);
      }
      const created = best.filter((x): x is Node => x !== undefined);
      if (created.length === 0 && next.length === 0 && overfullFallback) created.push(overfullFallback);
      if (created.length > 0) {
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
        for (const c of created) {
          c.totalW = w;
          c.totalY = y;
          c.totalZ = z;
          next.push(c);
        }
      }
      active = next;
      if (active.length === 0) return undefined;
    }
    if (k === BOX) sumW += width[b] as number;
    else if (k === GLUE) {
      sumW += width[b] as number;
      sumY += stretch[b] as number;
      sumZ += shrink[b] as number;
    }
  }
  let end: Node | undefined;
  for (const a of active) if (a.item === n - 1 && (!end || a.demerits < end.demerits)) end = a;
  if (!end) return undefined;
  const breaks: Break[] = [];
  for (let node: Node | undefined = end; node && node.item >= 0; node = node.prev) {
    breaks.push({ item: node.item, ratio: node.ratio });
  }
  return breaks.reverse();
}
