// Boxes, glue and penalties (Knuth and Plass) in flat typed arrays, grown as needed and reused from
// paragraph to paragraph: a paragraph has thousands of items and the search reads them many times.

export const INF = 10000;

export const BOX = 0;
export const GLUE = 1;
export const PENALTY = 2;

export class Items {
  length = 0;
  kind = new Uint8Array(256);
  width = new Float64Array(256);
  stretch = new Float64Array(256);
  shrink = new Float64Array(256);
  penalty = new Float64Array(256);
  flagged = new Uint8Array(256);
  /** The text offset the item stands for (a box: its first character; glue/penalty: the gap). */
  at = new Int32Array(256);
  /** A box's end offset (glue and penalties: their own offset). */
  end = new Int32Array(256);
  /** Some glue stretches by a negative amount (ragged setting's trick). */
  negativeStretch = false;

  /** Empties the list for the next paragraph. */
  reset(): this {
    this.length = 0;
    this.negativeStretch = false;
    return this;
  }

  /** A box; `stretch`/`shrink`: its letter-spacing may grow or shrink the line by that much. */
  box(at: number, width: number, end = at, stretch = 0, shrink = 0): void {
    const k = this.next(BOX, at, width);
    this.end[k] = end;
    this.stretch[k] = stretch;
    this.shrink[k] = shrink;
  }

  glue(at: number, width: number, stretch: number, shrink: number): void {
    const k = this.next(GLUE, at, width);
    this.stretch[k] = stretch;
    this.shrink[k] = shrink;
    if (stretch < 0) this.negativeStretch = true;
  }

  penaltyAt(at: number, width: number, penalty: number, flagged = false): void {
    const k = this.next(PENALTY, at, width);
    this.penalty[k] = penalty;
    this.flagged[k] = flagged ? 1 : 0;
  }

  private next(kind: number, at: number, width: number): number {
    if (this.length === this.kind.length) this.grow();
    const k = this.length++;
    this.kind[k] = kind;
    this.at[k] = at;
    this.end[k] = at;
    this.width[k] = width;
    this.stretch[k] = 0;
    this.shrink[k] = 0;
    this.penalty[k] = 0;
    this.flagged[k] = 0;
    return k;
  }

  private grow() {
    const n = this.kind.length * 2;
    this.kind = larger(this.kind, n);
    this.width = larger(this.width, n);
    this.stretch = larger(this.stretch, n);
    this.shrink = larger(this.shrink, n);
    this.penalty = larger(this.penalty, n);
    this.flagged = larger(this.flagged, n);
    this.at = larger(this.at, n);
    this.end = larger(this.end, n);
  }
}

/** A copy of a typed array in a larger one. */
export function larger<T extends Int32Array | Uint8Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

const shared = new Items();

/** The process's item list, emptied: composing is synchronous, one paragraph at a time. */
export function paragraphItems(): Items {
  return shared.reset();
}
