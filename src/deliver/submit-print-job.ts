// Sends a PDF to an IPP printer with Print-Job, then follows the job until the printer reports
// it completed (resolve) or aborted/canceled (reject).

import { userInfo } from "node:os";
import { basename } from "node:path";
import { DeliveryError } from "./errors";
import { followJob, type JobStateDetail } from "./follow-job";
import { callIpp, describeStatus } from "./ipp-call";
import { attributeStrings, isSuccessStatus } from "./ipp-codec";
import { assertPdfFile } from "./pdf-file";
import { jobTemplateAttributes, type Sides } from "./print-options";
import { parsePrinterUri } from "./printer-uri";

export type { JobStateDetail } from "./follow-job";

export interface PrintOptions {
  /** e.g. ipp://127.0.0.1:8631/ipp/print */
  printer: string;
  copies?: number;
  /** A PWG media name, e.g. "iso_a3_297x420mm". */
  media?: string;
  sides?: Sides;
  /** Defaults to the file name. */
  jobName?: string;
  /** Told each new job-state keyword: pending, processing, processing-stopped, completed… */
  onState?: (state: string, detail: JobStateDetail) => void;
  /** Give up waiting for completion after this long (the configuration's); the job stays queued. */
  timeoutMs: number;
  /** How often to ask for the job state (the configuration's). */
  pollMs: number;
}

export interface PrintResult {
  jobId: number;
  state: "completed";
}

/** Silence that ends the upload; the deadline is about waiting for the printed job. */
const UPLOAD_IDLE_MS = 60_000;

export async function submitPrintJob(file: string, options: PrintOptions): Promise<PrintResult> {
  const endpoint = parsePrinterUri(options.printer);
  const jobAttributes = jobTemplateAttributes(options);
  await assertPdfFile(file);
  const jobName = options.jobName ?? basename(file);
  const deadline = Date.now() + options.timeoutMs;
  const user = requestingUser();

  const created = await callIpp(endpoint, {
    operation: "Print-Job",
    operationAttributes: {
      "requesting-user-name": user,
      "job-name": jobName,
      // Refuse the job rather than let the printer silently use other paper or print one-sided.
      "ipp-attribute-fidelity": true,
      "document-format": "application/pdf",
    },
    jobAttributes,
    documentPath: file,
    idleTimeoutMs: UPLOAD_IDLE_MS,
  });
  const unsupported = Object.entries(created.unsupported).map(
    ([name, value]) => `${name}=${attributeStrings(value).join(",")}`,
  );
  if (!isSuccessStatus(created.statusCode)) {
    throw new DeliveryError(
      `printer ${endpoint.printerUri} refused print job "${jobName}": ${describeStatus(created)}` +
        (unsupported.length ? `; unsupported: ${unsupported.join(", ")}` : ""),
    );
  }
  const jobId = created.job["job-id"];
  if (typeof jobId !== "number") {
    throw new DeliveryError(`printer ${endpoint.printerUri} accepted "${jobName}" but returned no job-id`);
  }
  await followJob(endpoint, jobId, {
    jobName,
    deadline,
    pollMs: options.pollMs,
    requestingUser: user,
    ...(unsupported.length ? { note: `the printer ignored or substituted ${unsupported.join(", ")}` } : {}),
    ...(options.onState ? { onState: options.onState } : {}),
  });
  return { jobId, state: "completed" };
}

function requestingUser(): string {
  try {
    return userInfo().username || "newsprint";
  } catch {
    return "newsprint";
  }
}
