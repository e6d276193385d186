import { FailureError, InputError } from "../errors";
// Errors of the deliver stage. DeliveryUsageError is an input error (exit 2, bad usage, not retried);
// every other failure is exit 1 (delivery failed): exitCodeOf in src/errors.ts.

/** The delivery was attempted and failed (printer refused the job, upload failed after retries…). */
export class DeliveryError extends FailureError {
  override name = "DeliveryError";
}

/** The request itself is wrong (bad URI, bad option, missing credentials): retrying will not help. */
export class DeliveryUsageError extends InputError {
  override name = "DeliveryUsageError";
}

/** Replaces every secret (password, key path…) in a message, so no error or log line can leak one. */
export function redactSecrets(message: string, secrets: readonly (string | undefined)[]): string {
  let out = message;
  for (const secret of secrets) {
    // Very short "secrets" would blank out ordinary words; real ones are longer.
    if (secret && secret.length >= 4) out = out.split(secret).join("***");
  }
  return out;
}

/** The message of anything thrown, for wrapping it in a clearer error. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
