// Delivery into a local or mounted (NFS, SMB) hot folder.

import { createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DeliveryError, messageOf } from "./errors";
import {
  type DeliveryResult,
  deliverStaged,
  type PageDeliveryOptions,
  type StagedDeliveryOptions,
  type StagingTarget,
} from "./staged-delivery";
import { deliverTree } from "./tree-delivery";

export type FolderDeliveryOptions = StagedDeliveryOptions;

export function deliverToFolder(
  files: readonly string[],
  dest: string,
  options: FolderDeliveryOptions & PageDeliveryOptions,
): Promise<DeliveryResult> {
  return deliverStaged(files, folderTarget(resolve(dest)), options);
}

/** Every file under the folder `root` (a site), into the same folders under `dest`. */
export function deliverTreeToFolder(
  root: string,
  dest: string,
  options: FolderDeliveryOptions,
): Promise<DeliveryResult> {
  return deliverTree(root, folderTarget(resolve(dest)), options);
}

export function folderTarget(dir: string): StagingTarget {
  const path = (name: string) => join(dir, name);
  return {
    label: dir,
    async open() {
      // A hot folder is set up by the plant; creating a mistyped one would deliver where nobody looks.
      const info = await stat(dir).catch((error: unknown) => {
        throw new DeliveryError(`folder ${dir} is not reachable: ${messageOf(error)}`);
      });
      if (!info.isDirectory()) throw new DeliveryError(`${dir} is not a folder`);
    },
    async makeFolder(name: string) {
      await mkdir(path(name), { recursive: true });
    },
    async write(source: Readable, name: string) {
      await pipeline(source, createWriteStream(path(name)));
      // Flush to the disk or file server before the rename makes the file visible.
      const handle = await open(path(name), "r+");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    async size(name: string) {
      return (await stat(path(name))).size;
    },
    async publish(from: string, to: string) {
      await rename(path(from), path(to));
    },
    async discard(name: string) {
      await rm(path(name), { force: true });
    },
    async reset() {},
    async close() {},
    redact: (message: string) => message,
  };
}
