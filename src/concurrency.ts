import { availableParallelism } from "node:os";

// Bounded parallelism for CPU- and memory-heavy work (image resampling, Ghostscript runs): at most
// `limit` items at once, results in input order. One pool for every stage that needs one.

/** As many at once as there are cores, no more. */
export const DEFAULT_CONCURRENCY = Math.max(1, availableParallelism());

/** Settles `fn` over every item, at most `limit` at a time: every item runs, failures included. */
export async function settleLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  await runWorkers(items.length, limit, async (i) => {
    try {
      results[i] = { status: "fulfilled", value: await fn(items[i] as T, i) };
    } catch (reason) {
      results[i] = { status: "rejected", reason };
    }
    return true;
  });
  return results;
}

/**
 * Maps `fn` over `items`, at most `limit` at a time. After a failure (or once `signal` aborts) no
 * new item starts; the running ones are awaited — they may still be writing files the caller is
 * about to remove — and the first error is thrown.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let failure: { error: unknown } | undefined;
  await runWorkers(items.length, limit, async (i) => {
    if (failure || signal?.aborted) return false;
    try {
      results[i] = await fn(items[i] as T, i);
      return true;
    } catch (error) {
      failure ??= { error };
      return false;
    }
  });
  if (failure) throw failure.error;
  signal?.throwIfAborted();
  return results;
}

/** Runs `step` on indices 0…count-1 from `limit` workers; a worker stops when `step` returns false. */
async function runWorkers(count: number, limit: number, step: (index: number) => Promise<boolean>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      if (!(await step(next++))) return;
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), count) }, worker));
}
