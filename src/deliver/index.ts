// The deliver stage: print-ready PDFs to an IPP printer, a hot folder or an SFTP hot folder; an
// e-paper's site folder to a web server's folder, mounted or over SFTP.

export { DeliveryError, DeliveryUsageError } from "./errors";
export { deliverToFolder, deliverTreeToFolder, type FolderDeliveryOptions } from "./folder-target";
export {
  defaultManifestName,
  type ManifestEntry,
  manifestLine,
  manifestText,
  type VersionsManifest,
  versionsManifest,
} from "./manifest";
export { assertPdfFile } from "./pdf-file";
export { SIDES, type Sides } from "./print-options";
export { parsePrinterUri } from "./printer-uri";
export { deliverSftp, deliverTreeSftp, type SftpDeliveryOptions } from "./sftp";
export { parseSftpAddress, type SftpAddress } from "./sftp-address";
export type { DeliveryResult, PageDeliveryOptions, StagedDeliveryOptions } from "./staged-delivery";
export { type JobStateDetail, type PrintOptions, type PrintResult, submitPrintJob } from "./submit-print-job";
export { isSiteFolder, publishingOrder } from "./tree-delivery";
