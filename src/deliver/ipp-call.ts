// One IPP operation round trip: encode, POST, decode, and check the answer belongs to our request.

import { DeliveryError } from "./errors";
import {
  decodeIppResponse,
  encodeIppRequest,
  type IppAttributes,
  type IppOperation,
  type IppResponse,
} from "./ipp-codec";
import { postIpp } from "./ipp-http";
import type { PrinterEndpoint } from "./printer-uri";

export interface IppCall {
  operation: IppOperation;
  operationAttributes?: IppAttributes;
  jobAttributes?: IppAttributes;
  documentPath?: string;
  idleTimeoutMs: number;
}

let lastRequestId = Math.floor(Math.random() * 1_000_000);

export async function callIpp(endpoint: PrinterEndpoint, call: IppCall): Promise<IppResponse> {
  lastRequestId = (lastRequestId % 0x7fffffff) + 1;
  const requestId = lastRequestId;
  const message = encodeIppRequest({
    operation: call.operation,
    requestId,
    operationAttributes: { "printer-uri": endpoint.printerUri, ...call.operationAttributes },
    ...(call.jobAttributes ? { jobAttributes: call.jobAttributes } : {}),
  });
  const body = await postIpp(endpoint, message, {
    idleTimeoutMs: call.idleTimeoutMs,
    ...(call.documentPath ? { documentPath: call.documentPath } : {}),
  });
  const response = decodeIppResponse(body);
  if (response.requestId !== requestId) {
    throw new DeliveryError(
      `printer ${endpoint.printerUri} answered request ${response.requestId} to our ${call.operation} request ${requestId}`,
    );
  }
  return response;
}

/** "status-name (status-message)", for error messages. */
export function describeStatus(response: IppResponse): string {
  const message = response.operation["status-message"];
  return typeof message === "string" && message.trim()
    ? `${response.statusName} (${message.trim()})`
    : response.statusName;
}
