/** Thrown for an impossible explicit make-up (overlapping or out-of-grid placements). */
export class MakeupError extends Error {
  override name = "MakeupError";
}
