// Carries one IPP request over HTTP (RFC 8010): POST application/ipp, optionally followed by the
// document bytes streamed from disk, so a large newspaper PDF is never held in memory twice.
// With an idle timeout, a size limit on the answer, and every failure turned into a DeliveryError.

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { DeliveryError, messageOf } from "./errors";
import type { PrinterEndpoint } from "./printer-uri";

/** IPP answers are attribute lists; anything this big is not one. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export interface IppPostOptions {
  /** Path of a document to send after the IPP message (Print-Job). */
  documentPath?: string;
  /** Give up when the printer sends nothing for this long. */
  idleTimeoutMs: number;
}

export async function postIpp(endpoint: PrinterEndpoint, message: Buffer, options: IppPostOptions): Promise<Buffer> {
  const documentBytes = options.documentPath ? (await stat(options.documentPath)).size : 0;
  const transport = endpoint.httpUrl.protocol === "https:" ? https : http;
  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      request.destroy();
      reject(error);
    };
    const request = transport.request(endpoint.httpUrl, {
      method: "POST",
      headers: { "Content-Type": "application/ipp", "Content-Length": message.length + documentBytes },
      timeout: options.idleTimeoutMs,
    });
    request.on("timeout", () =>
      fail(new DeliveryError(`printer ${endpoint.printerUri} did not answer within ${options.idleTimeoutMs / 1000} s`)),
    );
    request.on("error", (error) => fail(new DeliveryError(unreachableMessage(endpoint, error))));
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        response.resume();
        fail(new DeliveryError(httpStatusMessage(endpoint, status)));
        return;
      }
      const type = response.headers["content-type"] ?? "";
      if (!type.startsWith("application/ipp")) {
        response.resume();
        fail(new DeliveryError(`${endpoint.printerUri} answered with ${type || "no content type"}, not IPP`));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_RESPONSE_BYTES) fail(new DeliveryError(`oversized IPP answer from ${endpoint.printerUri}`));
        else chunks.push(chunk);
      });
      response.on("error", (error) => fail(new DeliveryError(unreachableMessage(endpoint, error))));
      response.on("end", () => {
        if (settled) return;
        settled = true;
        resolve(Buffer.concat(chunks));
      });
    });
    request.write(message);
    if (!options.documentPath) {
      request.end();
      return;
    }
    const document = createReadStream(options.documentPath);
    document.on("error", (error) => fail(new DeliveryError(`cannot read the document: ${messageOf(error)}`)));
    document.pipe(request);
  });
}

function unreachableMessage(endpoint: PrinterEndpoint, error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${endpoint.httpUrl.hostname}:${endpoint.httpUrl.port}`;
  const reason =
    code === "ECONNREFUSED"
      ? `connection refused (nothing listens on ${where})`
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? `host ${endpoint.httpUrl.hostname} not found`
        : code === "ECONNRESET" || code === "EPIPE"
          ? "the printer closed the connection"
          : messageOf(error);
  return `cannot reach printer ${endpoint.printerUri}: ${reason}`;
}

function httpStatusMessage(endpoint: PrinterEndpoint, status: number): string {
  const hint =
    status === 401 || status === 403
      ? " (the printer requires authentication, which newsprint does not support)"
      : status === 426
        ? " (the printer requires TLS: use an ipps:// URI)"
        : status === 404
          ? " (no printer at this path)"
          : "";
  return `printer ${endpoint.printerUri} answered HTTP ${status}${hint}`;
}
