import { describe, expect, it } from "vitest";
import { RetriesExhaustedError, withRetries } from "../../src/deliver/retry";

describe("withRetries", () => {
  it("returns the first success", async () => {
    let calls = 0;
    const value = await withRetries(
      async () => {
        calls++;
        if (calls < 3) throw new Error("flaky");
        return "done";
      },
      { tries: 3, backoffMs: 1 },
    );
    expect(value).toBe("done");
    expect(calls).toBe(3);
  });

  it("gives up after the given number of tries, keeping the last error", async () => {
    let calls = 0;
    const failing = withRetries(
      async (tryNumber) => {
        calls++;
        throw new Error(`failure ${tryNumber}`);
      },
      { tries: 3, backoffMs: 1 },
    );
    await expect(failing).rejects.toBeInstanceOf(RetriesExhaustedError);
    await failing.catch((error: RetriesExhaustedError) => {
      expect(error.tries).toBe(3);
      expect((error.lastError as Error).message).toBe("failure 3");
    });
    expect(calls).toBe(3);
  });

  it("doubles the wait between tries", async () => {
    const waits: number[] = [];
    await withRetries(
      async () => {
        throw new Error("down");
      },
      { tries: 4, backoffMs: 2, onRetry: (_error, _try, waitMs) => waits.push(waitMs) },
    ).catch(() => undefined);
    expect(waits).toEqual([2, 4, 8]);
  });

  it("does not retry permanent errors", async () => {
    let calls = 0;
    await withRetries(
      async () => {
        calls++;
        throw new Error("authentication failed");
      },
      { tries: 5, backoffMs: 1, isPermanent: () => true },
    ).catch(() => undefined);
    expect(calls).toBe(1);
  });
});
