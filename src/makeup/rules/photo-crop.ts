// Rule: a photo keeps its aspect ratio within ±25%. Cropping may make it shorter or taller by
// whole lines to close a gap, never further.

/** Largest allowed change of a photo's aspect ratio by cropping. */
export const MAX_CROP = 0.25;

/** The fewest and most lines a photo may take when it is `exact` lines tall uncropped (`natural`
 *  rounded): rows r give an aspect of width / (r × pitch), kept within MAX_CROP of the source's. */
export function croppedRows(exact: number, natural: number): { min: number; max: number } {
  return {
    min: Math.max(1, Math.min(natural, Math.ceil(exact / (1 + MAX_CROP) - 1e-6))),
    max: Math.max(natural, Math.floor(exact / (1 - MAX_CROP) + 1e-6)),
  };
}
