// Runs the preview's rebuild after a quiet moment and never twice at once. Saving a file often
// fires several events (truncate, write, rename); they collapse into one rebuild. A request that
// arrives while a rebuild runs is remembered, and exactly one more rebuild follows it, so the last
// saved state is always the one shown.

export class RebuildQueue {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly rebuild: () => Promise<void>,
    private readonly quietMs = 40,
  ) {}

  /** Asks for a rebuild `quietMs` after the last request. */
  request(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), this.quietMs);
  }

  /** Starts a rebuild without waiting (the first one), unless one is already due or running. */
  now(): void {
    if (this.closed || this.running) {
      this.request();
      return;
    }
    clearTimeout(this.timer);
    this.start();
  }

  /** Resolves once no rebuild is running or waiting. */
  idle(): Promise<void> {
    if (!this.running && !this.timer) return Promise.resolve();
    return new Promise((ok) => this.waiters.push(ok));
  }

  /** Drops pending requests and waits for a running rebuild to end. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.again = false;
    await this.running;
    this.settle();
  }

  private start(): void {
    this.timer = undefined;
    // The rebuild reports its own failures; the queue only has to survive them.
    this.running = this.rebuild()
      .catch(() => undefined)
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.closed) {
          this.again = false;
          this.request();
        } else {
          this.settle();
        }
      });
  }

  private settle(): void {
    if (this.running || this.timer) return;
    for (const ok of this.waiters.splice(0)) ok();
  }
}
