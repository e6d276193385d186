// Typed arrays reused from paragraph to paragraph. A typed array longer than a few dozen bytes has
// its memory allocated outside the JS heap: one per character array per paragraph made allocation
// and the garbage collector a quarter of composing. Composing is synchronous, one paragraph at a
// time, so each user keeps its own scratch and takes a zeroed view of the length it needs.

type Typed = Float64Array | Int32Array | Uint8Array;

export class Scratch<T extends Typed> {
  private buffer: T;

  constructor(private readonly make: (n: number) => T) {
    this.buffer = make(256);
  }

  /** A view of n zeroed elements, valid until the next call. */
  take(n: number): T {
    if (this.buffer.length < n) this.buffer = this.make(n * 2);
    const view = this.buffer.subarray(0, n) as T;
    view.fill(0);
    return view;
  }
}
