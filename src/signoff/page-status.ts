import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Delivery, PlantRecord, SignOff } from "./state-file";

// Each page's state on its way to the plant, from what is on disk (the make-up, the proof, the
// press file and its hash) and the plant record (sign-offs, deliveries).

/** A page as the build left it; the caller (the command line) finds these from the issue. */
export interface PageOnDisk {
  pageNumber: number;
  /** A zoned edition's own page: that edition's id. */
  edition?: string;
  /** Absolute path of the page's press file, whether or not it exists. */
  pressFile: string;
  /** layout.json lists the page. */
  madeUp: boolean;
  /** The proof PDF of the issue exists. */
  proofed: boolean;
}

/** From the least to the furthest along; "changed since sign-off" is held back from sending. */
export type PageState =
  | "not made up"
  | "made up"
  | "proofed"
  | "press file ready"
  | "signed off"
  | "changed since sign-off"
  | "sent";

export interface PageStatus {
  page: number;
  /** A zoned edition's own page: that edition's id. */
  edition?: string;
  /** How people name it: "2", or "north:2" for an edition's own page. */
  key: string;
  state: PageState;
  madeUp: boolean;
  proofed: boolean;
  pressFile?: { path: string; name: string; sha256: string };
  /** The latest sign-off of the page. */
  signedOff?: SignOff;
  /** Signed off, and the press file's hash is no longer the one signed. */
  changedSinceSignoff: boolean;
  /** The latest delivery of the page (to the destination asked about, else to any). */
  sent?: Delivery;
}

export async function sha256OfFile(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

async function pressFileOf(path: string): Promise<PageStatus["pressFile"]> {
  try {
    return { path, name: basename(path), sha256: await sha256OfFile(path) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/** "2", or "north:2" for edition north's own page 2. */
export const pageKey = (page: number, edition?: string): string =>
  edition === undefined ? String(page) : `${edition}:${page}`;

type Keyed = { page: number; edition?: string };
const samePage = (a: Keyed, b: Keyed) => a.page === b.page && a.edition === b.edition;
const latest = <T extends Keyed>(items: readonly T[], page: Keyed): T | undefined =>
  items.filter((item) => samePage(item, page)).at(-1);

/** Every page's status; with `to`, "sent" means sent to that destination. */
export async function pageStatuses(
  pages: readonly PageOnDisk[],
  record: PlantRecord,
  to?: string,
): Promise<PageStatus[]> {
  const deliveries = record.deliveries.filter((d) => to === undefined || d.to === to);
  return Promise.all(
    pages.map(async (p): Promise<PageStatus> => {
      const pressFile = await pressFileOf(p.pressFile);
      const at: Keyed = { page: p.pageNumber, ...(p.edition !== undefined ? { edition: p.edition } : {}) };
      const signedOff = latest(record.signoffs, at);
      const changedSinceSignoff = signedOff !== undefined && signedOff.sha256 !== pressFile?.sha256;
      const sentNow = deliveries.find((d) => samePage(d, at) && d.sha256 === pressFile?.sha256);
      const state: PageState = !pressFile
        ? p.madeUp
          ? p.proofed
            ? "proofed"
            : "made up"
          : "not made up"
        : !signedOff
          ? "press file ready"
          : changedSinceSignoff
            ? "changed since sign-off"
            : sentNow
              ? "sent"
              : "signed off";
      const sent = latest(deliveries, at);
      return {
        ...at,
        key: pageKey(p.pageNumber, p.edition),
        state,
        madeUp: p.madeUp,
        proofed: p.proofed,
        changedSinceSignoff,
        ...(pressFile ? { pressFile } : {}),
        ...(signedOff ? { signedOff } : {}),
        ...(sent ? { sent } : {}),
      };
    }),
  );
}

/** One line for people: "page 2: changed since sign-off (signed off by 王 at …)". */
export function describeStatus(s: PageStatus): string {
  const details: string[] = [];
  if (s.signedOff) details.push(`signed off by ${s.signedOff.by} at ${s.signedOff.at}`);
  if (s.sent) details.push(`sent v${s.sent.version} as ${s.sent.name} at ${s.sent.at} to ${s.sent.to}`);
  if (s.changedSinceSignoff) details.push("the press file changed since: sign it off again");
  else if (s.state === "press file ready" && s.pressFile) details.push(s.pressFile.name);
  return `page ${s.key}: ${s.state}${details.length ? ` (${details.join("; ")})` : ""}`;
}
