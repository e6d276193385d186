import { basename } from "node:path";
import type { DeliverConfig } from "../config/resolve";
import { deliverSftp, deliverToFolder, parseSftpAddress, submitPrintJob } from "../deliver/index";
import { describeSendTarget, type SendTarget } from "./send-targets";

// The send step of a queued edition: the same deliveries as `newsprint send`, to each target in
// turn. A retried job sends again: hot folders replace files of the same name; a printer prints twice.

export async function deliverEdition(
  files: string[],
  targets: SendTarget[],
  settings: DeliverConfig,
  log: (line: string) => void,
): Promise<string[]> {
  const delivered: string[] = [];
  const hotFolder = { tries: settings.tries, backoffMs: settings.backoffMs, onProgress: log };
  for (const target of targets) {
    if ("printer" in target) {
      for (const file of files) {
        const { jobId } = await submitPrintJob(file, {
          printer: target.printer,
          timeoutMs: settings.printTimeoutMs,
          pollMs: settings.printPollMs,
          onState: (state) => log(`${basename(file)}: printer job ${state}`),
        });
        log(`${basename(file)}: printed as job ${jobId} on ${target.printer}`);
      }
    } else if ("sftp" in target) {
      const address = parseSftpAddress(target.sftp);
      await deliverSftp(files, {
        ...address,
        ...hotFolder,
        secrets: settings.sftp,
        connectTimeoutMs: settings.sftpConnectTimeoutMs,
      });
    } else {
      await deliverToFolder(files, target.folder, hotFolder);
    }
    delivered.push(describeSendTarget(target));
  }
  return delivered;
}
