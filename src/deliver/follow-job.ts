// Follows a submitted print job with Get-Job-Attributes until the printer reports it completed,
// aborted or canceled, or the deadline passes.

import { setTimeout as sleep } from "node:timers/promises";
import { DeliveryError, messageOf } from "./errors";
import { callIpp, describeStatus } from "./ipp-call";
import { attributeStrings, isSuccessStatus } from "./ipp-codec";
import type { PrinterEndpoint } from "./printer-uri";

export interface JobStateDetail {
  jobId: number;
  /** job-state-reasons, without "none". */
  reasons: string[];
  /** job-state-message, or a note about attributes the printer substituted. */
  message?: string;
}

export interface FollowOptions {
  jobName: string;
  /** Epoch milliseconds after which we stop waiting. */
  deadline: number;
  pollMs: number;
  requestingUser: string;
  /** Shown with the first state when the printer had no message of its own. */
  note?: string;
  onState?: (state: string, detail: JobStateDetail) => void;
}

const REQUEST_IDLE_MS = 60_000;
const MIN_IDLE_MS = 5_000;
/** Polls that may fail in a row (printer busy, network blip) before we stop following the job. */
const MAX_POLL_FAILURES = 3;

export async function followJob(endpoint: PrinterEndpoint, jobId: number, options: FollowOptions): Promise<void> {
  const job = `print job ${jobId} ("${options.jobName}") on ${endpoint.printerUri}`;
  let lastState = "";
  let failures = 0;
  for (;;) {
    let state: string;
    let detail: JobStateDetail;
    try {
      // Near the deadline, still give the printer a fair chance to say how the job ended.
      const idleTimeoutMs = Math.min(REQUEST_IDLE_MS, Math.max(MIN_IDLE_MS, options.deadline - Date.now()));
      ({ state, detail } = await readJobState(endpoint, jobId, options.requestingUser, idleTimeoutMs));
      failures = 0;
    } catch (error) {
      failures++;
      if (failures >= MAX_POLL_FAILURES || Date.now() >= options.deadline) {
        throw new DeliveryError(`lost track of ${job}: ${messageOf(error)}`);
      }
      await sleep(options.pollMs);
      continue;
    }
    if (!detail.message && options.note) detail.message = options.note;
    if (state !== lastState) options.onState?.(state, detail);
    lastState = state;
    if (state === "completed") return;
    if (state === "aborted" || state === "canceled") {
      throw new DeliveryError(
        `${job} was ${state}${detail.message ? `: ${detail.message}` : ""} ` +
          `(job reasons: ${detail.reasons.join(", ") || "none"}; printer reasons: ${await printerReasons(endpoint)})`,
      );
    }
    if (Date.now() >= options.deadline) {
      throw new DeliveryError(
        `${job} did not complete in time; it is still ${state} ` +
          `(printer reasons: ${await printerReasons(endpoint)}) and was left at the printer`,
      );
    }
    await sleep(Math.min(options.pollMs, Math.max(0, options.deadline - Date.now())));
  }
}

async function readJobState(
  endpoint: PrinterEndpoint,
  jobId: number,
  requestingUser: string,
  idleTimeoutMs: number,
): Promise<{ state: string; detail: JobStateDetail }> {
  const answer = await callIpp(endpoint, {
    operation: "Get-Job-Attributes",
    operationAttributes: {
      "job-id": jobId,
      "requesting-user-name": requestingUser,
      "requested-attributes": ["job-state", "job-state-reasons", "job-state-message"],
    },
    idleTimeoutMs,
  });
  if (!isSuccessStatus(answer.statusCode)) {
    throw new DeliveryError(`printer ${endpoint.printerUri} answered ${describeStatus(answer)} about job ${jobId}`);
  }
  const message = attributeStrings(answer.job["job-state-message"])[0]?.trim();
  return {
    state: String(answer.job["job-state"] ?? "unknown"),
    detail: {
      jobId,
      reasons: attributeStrings(answer.job["job-state-reasons"]).filter((r) => r !== "none"),
      ...(message ? { message } : {}),
    },
  };
}

/** printer-state-reasons for an error message; never fails, since the error is what matters. */
async function printerReasons(endpoint: PrinterEndpoint): Promise<string> {
  try {
    const answer = await callIpp(endpoint, {
      operation: "Get-Printer-Attributes",
      operationAttributes: {
        "requested-attributes": ["printer-state", "printer-state-reasons", "printer-state-message"],
      },
      idleTimeoutMs: 10_000,
    });
    const reasons = attributeStrings(answer.printer["printer-state-reasons"]).filter((r) => r !== "none");
    return reasons.join(", ") || "none";
  } catch {
    return "unknown";
  }
}
