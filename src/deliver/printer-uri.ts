// Turns the printer URI a user gives (ipp://host:631/ipp/print) into the HTTP endpoint that IPP
// is carried over and the printer-uri attribute that goes inside each request.

import { DeliveryUsageError } from "./errors";

export interface PrinterEndpoint {
  /** The URI as it goes into the printer-uri attribute (ipp: or ipps: scheme). */
  printerUri: string;
  /** Where requests are POSTed (http: or https:). */
  httpUrl: URL;
}

const IPP_PORT = 631;

export function parsePrinterUri(uri: string): PrinterEndpoint {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new DeliveryUsageError(`not a printer URI: "${uri}" (expected e.g. ipp://host:631/ipp/print)`);
  }
  const secure = url.protocol === "ipps:" || url.protocol === "https:";
  if (!["ipp:", "ipps:", "http:", "https:"].includes(url.protocol)) {
    throw new DeliveryUsageError(`unsupported printer URI scheme "${url.protocol}" (use ipp:// or ipps://)`);
  }
  if (!url.hostname) throw new DeliveryUsageError(`printer URI has no host: "${uri}"`);
  if (url.username || url.password) {
    // We would have to send them in clear over ipp:, and they would end up in logs.
    throw new DeliveryUsageError("printer URIs with user credentials are not supported");
  }
  const isIpp = url.protocol === "ipp:" || url.protocol === "ipps:";
  const port = url.port || (isIpp ? String(IPP_PORT) : secure ? "443" : "80");
  const path = url.pathname && url.pathname !== "" ? url.pathname : "/";
  const host = url.hostname; // keeps [brackets] around IPv6 addresses
  return {
    printerUri: `${secure ? "ipps" : "ipp"}://${host}:${port}${path}`,
    httpUrl: new URL(`${secure ? "https" : "http"}://${host}:${port}${path}`),
  };
}
