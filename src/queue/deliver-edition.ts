import { basename } from "node:path";
import { deliverSftp, deliverToFolder, parseSftpAddress, submitPrintJob } from "../deliver/index";
import { describeSendTarget, type SendTarget } from "./send-targets";

// The send step of a queued edition: the same deliveries as `newsprint send`, to each target in
// turn. A retried job sends again: hot folders replace files of the same name; a printer prints twice.

export async function deliverEdition(
  files: string[],
  targets: SendTarget[],
  log: (line: string) => void,
): Promise<string[]> {
  const delivered: string[] = [];
  for (const target of targets) {
    if ("printer" in target) {
      for (const file of files) {
        const { jobId } = await submitPrintJob(file, {
          printer: target.printer,
          onState: (state) => log(`${basename(file)}: printer job ${state}`),
        });
        log(`${basename(file)}: printed as job ${jobId} on ${target.printer}`);
      }
    } else if ("sftp" in target) {
      await deliverSftp(files, { ...parseSftpAddress(target.sftp), onProgress: log });
    } else {
      await deliverToFolder(files, target.folder, { onProgress: log });
    }
    delivered.push(describeSendTarget(target));
  }
  return delivered;
}
