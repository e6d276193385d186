import { resolve } from "node:path";
import type { DeliverConfig } from "../../config/resolve";
import { resolveConfig } from "../../config/resolve";
import { refuseFailing } from "../../preflight/refuse";
import type { PlannedDelivery } from "../../signoff/index";
import { plantPages } from "../plant-pages";
import { deliverToHotFolder, printOne, type SendOptions } from "./send";

// `newsprint send --issue <dir>`: the issue's signed-off pages not yet sent to this destination,
// each preflighted, each recorded in the plant record as soon as it has arrived (a crash leaves no
// page recorded that did not arrive). A page sent before goes again as its next version
// (`…_01_v2.pdf`) beside the first; a page changed since its sign-off is held back.

export async function sendIssue(target: string, outDir: string, options: SendOptions, settings: DeliverConfig) {
  const { describeStatus, pageKey, pageStatuses, planSend, readPlantRecord, updatePlantRecord } = await import(
    "../../signoff/index"
  );
  const plant = await plantPages(target, outDir);
  const to = destinationOf(options);
  const record = await readPlantRecord(plant.recordFile, plant.issueName);
  const statuses = await pageStatuses(plant.pages, record, to);
  const plan = planSend(statuses, record, to);
  for (const held of plan.held) {
    process.stderr.write(`held back: ${describeStatus(held)}\n`);
  }
  if (plan.send.length === 0) {
    console.log(`nothing to send to ${to}`);
    for (const s of statuses) console.log(describeStatus(s));
    return;
  }
  const paths = plan.send.map((p) => p.path);
  if (options.preflight) await refuseFailing(paths, resolveConfig().preflight);

  const recordDelivery = (p: PlannedDelivery, sha256: string) =>
    updatePlantRecord(plant.recordFile, plant.issueName, (r) => ({
      ...r,
      deliveries: [
        ...r.deliveries,
        {
          page: p.page,
          ...(p.edition !== undefined ? { edition: p.edition } : {}),
          version: p.version,
          file: p.file,
          name: p.name,
          sha256,
          at: new Date().toISOString(),
          to,
        },
      ],
    }));
  if (options.printer) {
    for (const p of plan.send) {
      await printOne(p.path, options.jobName ?? p.name, options, settings);
      await recordDelivery(p, p.sha256);
    }
  } else {
    await deliverToHotFolder(paths, { ...options, manifest: options.manifest ?? plant.manifestName }, settings, {
      as: plan.send.map((p) => ({ name: p.name, page: p.page, version: p.version, edition: p.edition })),
      earlier: plan.earlier.map((d) => ({
        name: d.name,
        sha256: d.sha256,
        page: d.page,
        version: d.version,
        ...(d.edition !== undefined ? { edition: d.edition } : {}),
      })),
      onDelivered: async (entry) => {
        const planned = plan.send.find((p) => p.name === entry.name);
        // The bytes that arrived are what is recorded, even if the file changed since the plan.
        if (planned) await recordDelivery(planned, entry.sha256);
      },
    });
  }
  for (const p of plan.send)
    console.log(`sent page ${pageKey(p.page, p.edition)} as ${p.name} (version ${p.version}) to ${to}`);
}

/** How the plant record names a destination: no secret is part of any of these. */
function destinationOf(options: SendOptions): string {
  if (options.printer !== undefined) return options.printer;
  if (options.folder !== undefined) return resolve(options.folder);
  return options.sftp ?? "";
}
