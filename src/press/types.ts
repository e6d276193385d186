import type { InkStats } from "../pdf/ink";
import type { PdfxVersion } from "../pdf/metadata";
import type { OutputIntent } from "./pdfx-def";

export interface PressPage {
  pageNumber: number;
  section?: string;
  /** Absolute path of the page's press file. */
  file: string;
  colour: "cmyk" | "gray";
  /** Measured on the finished file at 50 dpi. */
  ink: InkStats;
  /** Impose + Ghostscript + metadata, in ms. */
  convertMs: number;
  /** convertMs plus the ink measurement. */
  totalMs: number;
}

/** A zoned edition's own pages: no whole-issue press proof of its own. */
export type EditionPressResult = Omit<PressResult, "issueFile">;

export interface PressResult {
  pages: PressPage[];
  /** The whole issue as one press proof PDF. */
  issueFile: string;
  profile: string;
  outputIntent: OutputIntent;
  pdfx: PdfxVersion;
  inkLimit: number;
  /** Neutral RGB colour operators turned into DeviceGray (K only). */
  neutralisedOperators: number;
  /** Wall-clock time of the whole step, and that divided by the number of pages. */
  timing: { totalMs: number; perPageMs: number };
}
