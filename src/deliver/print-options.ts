// Checks print options before anything is sent, and turns them into IPP job template attributes.

import { DeliveryUsageError } from "./errors";
import type { IppAttributes } from "./ipp-codec";

export type Sides = "one-sided" | "two-sided-long-edge" | "two-sided-short-edge";
export const SIDES: readonly Sides[] = ["one-sided", "two-sided-long-edge", "two-sided-short-edge"];

export interface JobTemplate {
  copies?: number;
  /** A PWG 5101.1 media name, e.g. "iso_a3_297x420mm". */
  media?: string;
  sides?: Sides;
}

export function jobTemplateAttributes(template: JobTemplate): IppAttributes {
  const attributes: IppAttributes = {};
  if (template.copies !== undefined) {
    if (!Number.isInteger(template.copies) || template.copies < 1 || template.copies > 9999) {
      throw new DeliveryUsageError(`copies must be a whole number from 1 to 9999, not ${template.copies}`);
    }
    attributes.copies = template.copies;
  }
  if (template.media !== undefined) {
    if (!/^[a-z0-9][a-z0-9_.-]*$/.test(template.media)) {
      throw new DeliveryUsageError(`media must be a PWG media name such as iso_a3_297x420mm, not "${template.media}"`);
    }
    attributes.media = template.media;
  }
  if (template.sides !== undefined) {
    if (!SIDES.includes(template.sides)) {
      throw new DeliveryUsageError(`sides must be one of ${SIDES.join(", ")}, not "${template.sides}"`);
    }
    attributes.sides = template.sides;
  }
  return attributes;
}
