import { extname } from "node:path";
import type { PageStatus } from "./page-status";
import type { Delivery, PlantRecord } from "./state-file";

// What `send --issue` delivers to one destination: every page signed off and not yet sent there at
// that hash, each under the name of its next version there; pages changed since their sign-off are
// held back.

export interface PlannedDelivery {
  page: number;
  /** A zoned edition's own page: that edition's id. */
  edition?: string;
  /** Absolute path of the press file. */
  path: string;
  /** The press file's name. */
  file: string;
  /** Its name at the destination. */
  name: string;
  version: number;
  sha256: string;
}

export interface SendPlan {
  send: PlannedDelivery[];
  held: PageStatus[];
  /** Every earlier delivery to the destination, oldest first (the manifest lists them too). */
  earlier: Delivery[];
}

/** `x_01.pdf` for the first version, `x_01_v2.pdf` for the second… */
export function versionedName(name: string, version: number): string {
  if (version === 1) return name;
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)}_v${version}${ext}`;
}

/** `statuses` must be relative to `to` (pageStatuses with the same destination). */
export function planSend(statuses: readonly PageStatus[], record: PlantRecord, to: string): SendPlan {
  const earlier = record.deliveries.filter((d) => d.to === to);
  const send = statuses.flatMap((s): PlannedDelivery[] => {
    if (s.state !== "signed off" || !s.pressFile) return [];
    const same = earlier.filter((d) => d.page === s.page && d.edition === s.edition);
    const version = Math.max(0, ...same.map((d) => d.version)) + 1;
    const { path, name: file, sha256 } = s.pressFile;
    const edition = s.edition !== undefined ? { edition: s.edition } : {};
    return [{ page: s.page, ...edition, path, file, name: versionedName(file, version), version, sha256 }];
  });
  return { send, held: statuses.filter((s) => s.state === "changed since sign-off"), earlier };
}
