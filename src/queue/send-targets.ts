import { resolve } from "node:path";
import { parsePrinterUri } from "../deliver/printer-uri";
import { parseSftpAddress } from "../deliver/sftp-address";

// Where a queued edition goes once built (`queue add --send …`), as newsprint send takes them:
// ipp://… or ipps://… a printer, sftp://user@host[:port]/path an SFTP hot folder, anything else a
// (mounted) hot folder. Checked when the job is added; credentials stay on the workers
// (NEWSPRINT_SFTP_KEY…), never in the queue.

export type SendTarget = { printer: string } | { sftp: string } | { folder: string };

/** The target a --send value names; throws DeliveryUsageError (exit 2) for a malformed one. */
export function parseSendTarget(value: string, cwd = process.cwd()): SendTarget {
  if (/^ipps?:\/\//i.test(value)) {
    parsePrinterUri(value);
    return { printer: value };
  }
  if (/^sftp:\/\//i.test(value)) {
    parseSftpAddress(value);
    return { sftp: value };
  }
  return { folder: resolve(cwd, value) };
}

export function describeSendTarget(target: SendTarget): string {
  if ("printer" in target) return target.printer;
  if ("sftp" in target) return target.sftp;
  return target.folder;
}
