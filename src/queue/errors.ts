import { FailureError, InputError } from "../errors";

// Errors of the edition queue. A bad option (Redis address, send target) is the user's input
// (exit 2); an unreachable Redis or a worker whose set-up differs from the queue's is not (exit 1).

export class QueueOptionsError extends InputError {
  override name = "QueueOptionsError";
}

export class QueueConnectionError extends FailureError {
  override name = "QueueConnectionError";
}

/** This worker's Chromium, fonts, styles or version differ from those of the queue's workers. */
export class SetupMismatchError extends FailureError {
  override name = "SetupMismatchError";
}
