// IPP message encoding/decoding. The `ipp` package supplies the attribute tables and the binary
// codec; the header fields we validate (status code, request id) are read from the bytes directly,
// because the package's parser guesses whether bytes 2–3 are an operation or a status code.

import ipp from "ipp";
import { DeliveryError, DeliveryUsageError, messageOf } from "./errors";

// The package logs out-of-band values (no-value, unknown) to stdout, which is the CLI's output
// channel; they carry no value, so decode them as absent instead.
ipp.parse.handleUnknownTag = (_tag, _name, length, read) => (length > 0 ? read(length) : undefined);

export type IppOperation = "Print-Job" | "Get-Job-Attributes" | "Get-Printer-Attributes";
export type IppAttributes = Record<string, unknown>;

export interface IppRequest {
  operation: IppOperation;
  requestId: number;
  /** After attributes-charset and attributes-natural-language, which are added first. */
  operationAttributes: IppAttributes;
  jobAttributes?: IppAttributes;
}

export interface IppResponse {
  version: string;
  statusCode: number;
  statusName: string;
  requestId: number;
  operation: IppAttributes;
  job: IppAttributes;
  printer: IppAttributes;
  /** Attributes the printer did not support, as it echoed them back. */
  unsupported: IppAttributes;
}

export function encodeIppRequest(request: IppRequest): Buffer {
  const message = {
    version: "2.0",
    operation: request.operation,
    id: request.requestId,
    "operation-attributes-tag": {
      "attributes-charset": "utf-8",
      "attributes-natural-language": "en",
      ...request.operationAttributes,
    },
    ...(request.jobAttributes ? { "job-attributes-tag": request.jobAttributes } : {}),
  };
  try {
    return ipp.serialize(message);
  } catch (error) {
    // The package throws bare strings such as "Unknown attribute: foo".
    throw new DeliveryUsageError(`cannot encode IPP ${request.operation} request: ${messageOf(error)}`);
  }
}

export function ippStatusName(code: number): string {
  return ipp.statusCodes.lookup[code] ?? `0x${code.toString(16).padStart(4, "0")}`;
}

/** 0x0000–0x00FF are the successful-* codes. */
export function isSuccessStatus(code: number): boolean {
  return code >= 0 && code <= 0x00ff;
}

export function decodeIppResponse(body: Buffer): IppResponse {
  if (body.length < 9) throw new DeliveryError(`truncated IPP response (${body.length} bytes)`);
  const major = body.readUInt8(0);
  const minor = body.readUInt8(1);
  if (major < 1 || major > 2) throw new DeliveryError(`not an IPP response (version ${major}.${minor})`);
  let parsed: Record<string, unknown>;
  try {
    parsed = ipp.parse(body);
  } catch (error) {
    throw new DeliveryError(`malformed IPP response: ${messageOf(error)}`);
  }
  const statusCode = body.readUInt16BE(2);
  return {
    version: `${major}.${minor}`,
    statusCode,
    statusName: ippStatusName(statusCode),
    requestId: body.readUInt32BE(4),
    operation: firstGroup(parsed["operation-attributes-tag"]),
    job: firstGroup(parsed["job-attributes-tag"]),
    printer: firstGroup(parsed["printer-attributes-tag"]),
    unsupported: firstGroup(parsed["unsupported-attributes-tag"]),
  };
}

/** A group that occurs more than once (several jobs) is parsed as an array; we ask about one. */
function firstGroup(group: unknown): IppAttributes {
  const one = Array.isArray(group) ? group[0] : group;
  return one && typeof one === "object" ? (one as IppAttributes) : {};
}

/** An attribute's values as strings: single values and 1setOf values alike. */
export function attributeStrings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v) => v !== undefined && v !== null).map((v) => String(v));
}
