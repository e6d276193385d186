// The edition queue: many issues built by many workers (BullMQ on Redis), each with the same
// pipeline as `newsprint build`. Public face for the CLI.

export { type AddedEdition, type AddOutcome, addEditions } from "./add";
export { queueAddress } from "./connection";
export { QueueConnectionError, QueueOptionsError, SetupMismatchError } from "./errors";
export type { EditionJob, EditionProgress, EditionResult } from "./job-data";
export { parseSendTarget, type SendTarget } from "./send-targets";
export { type QueueStatus, queueStatus, statusLines } from "./status";
export { type RunningWorker, startWorker } from "./worker";
