import type { HouseStyle } from "../../config/house-style";
import type { ComposeOptions } from "./types";

// The composer's options for body text from the paper's house style (docs/composer.md, "House
// style"): Latin text justified or ragged, its word-space range, stepped tracking and hyphen limit;
// CJK text's autospace.

export type BodyOptions = Pick<
  ComposeOptions,
  | "align"
  | "hyphenate"
  | "maxWordSpace"
  | "minWordSpace"
  | "hardMaxWordSpace"
  | "trackingRange"
  | "maxHyphens"
  | "autospace"
>;

export function bodyOptions(house: Pick<HouseStyle, "maxWordSpace" | "text">, latin: boolean): BodyOptions {
  const t = house.text;
  if (!latin) return { align: "justify", autospace: t.autospace };
  return {
    align: t.align,
    hyphenate: true,
    // Word spaces up to wordSpace.max need no tracking; beyond maxWordSpace a line is loose.
    maxWordSpace: Math.min(t.wordSpace.max, house.maxWordSpace),
    minWordSpace: t.wordSpace.min,
    hardMaxWordSpace: house.maxWordSpace,
    trackingRange: t.tracking,
    maxHyphens: t.maxHyphens,
  };
}
