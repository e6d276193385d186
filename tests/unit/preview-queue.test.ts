import { describe, expect, it } from "vitest";
import { RebuildQueue } from "../../src/preview/rebuild-queue";

// The preview's rebuild scheduling: bursts of file events collapse, rebuilds never overlap, and a
// change during a rebuild is followed by exactly one more.

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function counter(workMs: number) {
  const log = { runs: 0, running: 0, maxRunning: 0 };
  const rebuild = async () => {
    log.runs++;
    log.running++;
    log.maxRunning = Math.max(log.maxRunning, log.running);
    await sleep(workMs);
    log.running--;
  };
  return { log, rebuild };
}

describe("RebuildQueue", () => {
  it("turns a burst of requests into one rebuild after the quiet time", async () => {
    const { log, rebuild } = counter(5);
    const queue = new RebuildQueue(rebuild, 30);
    for (let i = 0; i < 10; i++) {
      queue.request();
      await sleep(3);
    }
    expect(log.runs).toBe(0);
    await queue.idle();
    expect(log.runs).toBe(1);
  });

  it("follows a rebuild that saw changes with exactly one more, never two at once", async () => {
    const { log, rebuild } = counter(60);
    const queue = new RebuildQueue(rebuild, 5);
    queue.now();
    await sleep(10);
    expect(log.running).toBe(1);
    for (let i = 0; i < 5; i++) {
      queue.request();
      await sleep(5);
    }
    await queue.idle();
    expect(log.runs).toBe(2);
    expect(log.maxRunning).toBe(1);
  });

  it("survives a failing rebuild and keeps serving requests", async () => {
    let runs = 0;
    const queue = new RebuildQueue(async () => {
      runs++;
      throw new Error("broken issue");
    }, 1);
    queue.now();
    await queue.idle();
    queue.request();
    await queue.idle();
    expect(runs).toBe(2);
  });

  it("drops pending requests on close", async () => {
    const { log, rebuild } = counter(1);
    const queue = new RebuildQueue(rebuild, 20);
    queue.request();
    await queue.close();
    queue.request();
    await sleep(40);
    expect(log.runs).toBe(0);
  });
});
