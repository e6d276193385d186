// Retries a flaky step (an upload over a network share or SFTP) with exponential backoff.

import { setTimeout as sleep } from "node:timers/promises";
import { FailureError } from "../errors";

export interface RetryOptions {
  /** Total number of tries, including the first one. */
  tries: number;
  /** Wait before the second try; doubled before each later one. */
  backoffMs: number;
  /** Errors for which another try cannot help (bad credentials, wrong host key). */
  isPermanent?: (error: unknown) => boolean;
  /** Told about each failed try that will be retried. */
  onRetry?: (error: unknown, failedTry: number, waitMs: number) => void;
}

export class RetriesExhaustedError extends FailureError {
  override name = "RetriesExhaustedError";
  constructor(
    readonly tries: number,
    readonly lastError: unknown,
  ) {
    super(`failed after ${tries} ${tries === 1 ? "try" : "tries"}`);
  }
}

/** Runs `step` until it succeeds; throws RetriesExhaustedError holding the last error otherwise. */
export async function withRetries<T>(step: (tryNumber: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const tries = Math.max(1, Math.floor(options.tries));
  for (let tryNumber = 1; ; tryNumber++) {
    try {
      return await step(tryNumber);
    } catch (error) {
      if (tryNumber >= tries || options.isPermanent?.(error)) {
        throw new RetriesExhaustedError(tryNumber, error);
      }
      const waitMs = options.backoffMs * 2 ** (tryNumber - 1);
      options.onRetry?.(error, tryNumber, waitMs);
      await sleep(waitMs);
    }
  }
}
