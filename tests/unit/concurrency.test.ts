import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { mapLimit, settleLimited } from "../../src/concurrency";

// The one pool that images and press share.

function tracker() {
  let running = 0;
  let peak = 0;
  return {
    get peak() {
      return peak;
    },
    async run<T>(ms: number, value: T): Promise<T> {
      running++;
      peak = Math.max(peak, running);
      await sleep(ms);
      running--;
      return value;
    },
  };
}

describe("mapLimit", () => {
  it("keeps input order and never runs more than the limit at once", async () => {
    const t = tracker();
    const out = await mapLimit([30, 5, 20, 1, 10], 2, (ms, i) => t.run(ms, i));
    expect(out).toEqual([0, 1, 2, 3, 4]);
    expect(t.peak).toBe(2);
  });

  it("starts nothing after a failure, waits for running items, throws the first error", async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const attempt = mapLimit([0, 1, 2, 3, 4, 5], 2, async (_, i) => {
      started.push(i);
      if (i === 0) throw new Error("page 1 failed");
      await sleep(20);
      finished.push(i);
      return i;
    });
    await expect(attempt).rejects.toThrow("page 1 failed");
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([1]);
  });

  it("starts nothing once the signal aborts", async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const attempt = mapLimit(
      [0, 1, 2, 3],
      1,
      async (_, i) => {
        started.push(i);
        if (i === 1) controller.abort(new Error("interrupted"));
        return i;
      },
      controller.signal,
    );
    await expect(attempt).rejects.toThrow("interrupted");
    expect(started).toEqual([0, 1]);
  });
});

describe("settleLimited", () => {
  it("runs every item, failures included, at most `limit` at once", async () => {
    const t = tracker();
    const out = await settleLimited([1, 2, 3, 4], 3, async (n) => {
      await t.run(5, n);
      if (n % 2 === 0) throw new Error(`bad ${n}`);
      return n;
    });
    expect(out.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected"]);
    expect(t.peak).toBe(3);
  });
});
