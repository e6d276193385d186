// A cheap check that a file is a PDF before it goes to a printer or a plant's hot folder.

import { open } from "node:fs/promises";
import { DeliveryUsageError, messageOf } from "./errors";

export async function assertPdfFile(file: string): Promise<void> {
  const head = Buffer.alloc(5);
  try {
    const handle = await open(file, "r");
    try {
      if (!(await handle.stat()).isFile()) throw new DeliveryUsageError(`${file} is not a file`);
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof DeliveryUsageError) throw error;
    throw new DeliveryUsageError(`cannot read ${file}: ${messageOf(error)}`);
  }
  if (head.toString("latin1") !== "%PDF-") throw new DeliveryUsageError(`${file} is not a PDF file`);
}
